import type { Rule } from '../rule.ts'
import { forEachCommand } from '../walk.ts'

/** `{$from_number}` written without quotes is a YAML mapping; offer to quote it. */
export const unquotedPlaceholder: Rule = ({ model }) => {
  const findings: ReturnType<Rule> = []
  forEachCommand(model, (command) => {
    if (command.kind !== 'fetch' && command.kind !== 'dtmf') return
    for (const param of command.params) {
      if (!param.unquotedPlaceholder) continue
      findings.push({
        code: 'unquoted-placeholder',
        severity: 'info',
        messageId: 'diag.unquoted-placeholder',
        args: { placeholder: param.value },
        path: param.path,
        span: param.valueSpan,
        fixes: [
          { title: 'fix.quote', args: { text: param.value }, op: { type: 'placeholder.quote', path: param.path } },
        ],
      })
    }
  })
  return findings
}
