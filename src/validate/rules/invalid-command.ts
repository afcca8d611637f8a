import type { Rule } from '../rule.ts'

/** Known commands with the wrong arguments, and list items that are no command at all. */
export const invalidCommand: Rule = ({ index }) => {
  const findings: ReturnType<Rule> = []
  for (const { item: command } of index.commands) {
    for (const problem of command.problems) {
      findings.push({
        code: 'invalid-command',
        severity: 'error',
        messageId: problem.message,
        args: problem.args ?? {},
        path: problem.path,
        span: problem.span,
      })
    }
  }
  return findings
}
