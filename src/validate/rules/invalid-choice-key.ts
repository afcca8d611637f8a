import { isChoiceKey } from '../../model/commands.ts'
import type { Rule } from '../rule.ts'

/** Choice keys other than the keys of a phone keypad. */
export const invalidChoiceKey: Rule = ({ index }) => {
  const findings: ReturnType<Rule> = []
  for (const { item: option } of index.options) {
    if (isChoiceKey(option.key)) continue
    findings.push({
      code: 'invalid-choice-key',
      severity: 'error',
      messageId: 'diag.invalid-choice-key',
      args: { key: option.key },
      path: option.path,
      span: option.keySpan,
    })
  }
  return findings
}
