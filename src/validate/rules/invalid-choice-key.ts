import { isChoiceKey } from '../../model/commands.ts'
import type { Rule } from '../rule.ts'
import { forEachOption } from '../walk.ts'

/** Choice keys other than the keys of a phone keypad. */
export const invalidChoiceKey: Rule = ({ model }) => {
  const findings: ReturnType<Rule> = []
  forEachOption(model, (option) => {
    if (isChoiceKey(option.key)) return
    findings.push({
      code: 'invalid-choice-key',
      severity: 'error',
      messageId: 'diag.invalid-choice-key',
      args: { key: option.key },
      path: option.path,
      span: option.keySpan,
    })
  })
  return findings
}
