import { COMMAND_NAMES } from '../../model/commands.ts'
import type { Fix } from '../diagnostic.ts'
import { didYouMean } from '../did-you-mean.ts'
import type { Rule } from '../rule.ts'

/** A command word outside the language, with the closest command name as a fix. */
export const unknownCommand: Rule = ({ index }) => {
  const findings: ReturnType<Rule> = []
  for (const { item: command } of index.commands) {
    if (command.kind !== 'unknown') continue
    const suggestion = didYouMean(command.name, COMMAND_NAMES)
    const bare = command.valueSpan === null && command.keySpan === command.span
    const fixes: Fix[] = suggestion
      ? [
          {
            title: 'fix.use-name',
            args: { name: suggestion },
            op: bare
              ? { type: 'scalar.set', path: command.path, value: suggestion }
              : { type: 'key.rename', path: [...command.path, command.name], name: suggestion },
          },
        ]
      : []
    findings.push({
      code: 'unknown-command',
      severity: 'error',
      messageId: suggestion ? 'diag.unknown-command.suggest' : 'diag.unknown-command',
      args: suggestion ? { name: command.name, suggestion } : { name: command.name },
      path: command.path,
      span: command.keySpan,
      fixes,
    })
  }
  return findings
}
