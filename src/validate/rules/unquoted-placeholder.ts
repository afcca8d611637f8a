import type { Rule } from '../rule.ts'

/** `{$from_number}` written without quotes is a YAML mapping; offer to quote it. */
export const unquotedPlaceholder: Rule = ({ index }) => {
  const findings: ReturnType<Rule> = []
  for (const { item: command } of index.commands) {
    if (command.kind !== 'fetch' && command.kind !== 'dtmf') continue
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
  }
  return findings
}
