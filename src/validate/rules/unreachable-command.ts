import { ENDING_COMMANDS } from '../../model/commands.ts'
import type { Rule } from '../rule.ts'
import { commandLabel } from '../walk.ts'

/** Commands after one that ends the list can never run. */
export const unreachableCommand: Rule = ({ index }) => {
  const findings: ReturnType<Rule> = []
  for (const { item: list } of index.lists) {
    const end = list.findIndex((c) => ENDING_COMMANDS.has(c.kind))
    if (end === -1) continue
    const after = commandLabel(list[end]!)
    for (const command of list.slice(end + 1)) {
      findings.push({
        code: 'unreachable-command',
        severity: 'warning',
        messageId: 'diag.unreachable-command',
        args: { name: commandLabel(command), after },
        path: command.path,
        span: command.keySpan,
      })
    }
  }
  return findings
}
