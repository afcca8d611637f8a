import type { Rule } from '../rule.ts'
import { forEachOption } from '../walk.ts'

/** An option without a `play` prompt: callers never hear that it exists. */
export const choiceOptionSilent: Rule = ({ model }) => {
  const findings: ReturnType<Rule> = []
  forEachOption(model, (option) => {
    if (!option.isMapping || option.hasPlay) return
    findings.push({
      code: 'choice-option-silent',
      severity: 'warning',
      messageId: 'diag.choice-option-silent',
      args: { key: option.key },
      path: option.path,
      span: option.keySpan,
    })
  })
  return findings
}
