import type { Rule } from '../rule.ts'

/** An option without a `play` prompt: callers never hear that it exists. */
export const choiceOptionSilent: Rule = ({ index }) => {
  const findings: ReturnType<Rule> = []
  for (const { item: option } of index.options) {
    if (!option.isMapping || option.hasPlay) continue
    findings.push({
      code: 'choice-option-silent',
      severity: 'warning',
      messageId: 'diag.choice-option-silent',
      args: { key: option.key },
      path: option.path,
      span: option.keySpan,
    })
  }
  return findings
}
