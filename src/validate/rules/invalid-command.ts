import type { Rule } from '../rule.ts'
import { forEachCommand } from '../walk.ts'

/** Known commands with the wrong arguments, and list items that are no command at all. */
export const invalidCommand: Rule = ({ model }) => {
  const findings: ReturnType<Rule> = []
  forEachCommand(model, (command) => {
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
  })
  return findings
}
