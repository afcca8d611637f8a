import type { Rule } from '../rule.ts'
import { forEachOption } from '../walk.ts'

/** An option needs exactly one of `do` and `goto`. */
export const choiceOptionAction: Rule = ({ model }) => {
  const findings: ReturnType<Rule> = []
  forEachOption(model, (option) => {
    if (!option.isMapping || option.hasDo !== option.hasGoto) return
    findings.push({
      code: 'choice-option-action',
      severity: 'error',
      messageId: option.hasDo ? 'diag.choice-option-action.both' : 'diag.choice-option-action.neither',
      args: { key: option.key },
      path: option.path,
      span: option.keySpan,
    })
  })
  return findings
}
