import type { Rule } from '../rule.ts'

/** An option needs exactly one of `do` and `goto`. */
export const choiceOptionAction: Rule = ({ index }) => {
  const findings: ReturnType<Rule> = []
  for (const { item: option } of index.options) {
    if (!option.isMapping || option.hasDo !== option.hasGoto) continue
    findings.push({
      code: 'choice-option-action',
      severity: 'error',
      messageId: option.hasDo ? 'diag.choice-option-action.both' : 'diag.choice-option-action.neither',
      args: { key: option.key },
      path: option.path,
      span: option.keySpan,
    })
  }
  return findings
}
