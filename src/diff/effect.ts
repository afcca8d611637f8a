import { ENDING_COMMANDS } from '../model/commands.ts'
import type { ChoiceOptionNode, CommandNode } from '../model/ivr.ts'
import { hostOfUrl } from '../graph/labels.ts'
import { message, type DiffMessage } from './message.ts'

/**
 * What a list of commands does with the call in the end, as the simulator runs it: the first
 * command after which nothing else in the list runs. A list that runs out hangs up, except the
 * IVR's own `start` (`isStart`), which goes on to `online` or `offline`.
 */
export function effectOfList(commands: readonly CommandNode[], isStart = false): DiffMessage {
  const ending = commands.find((command) => ENDING_COMMANDS.has(command.kind))
  if (ending !== undefined) return effectOfCommand(ending)
  return message(isStart ? 'diff.effect.continue' : 'diff.effect.hang-up')
}

/** What pressing an option's key does: go to its section, or what its `do` list does. */
export function effectOfOption(option: ChoiceOptionNode): DiffMessage {
  if (option.hasGoto && option.goto !== null) {
    return message('diff.effect.goto', { section: option.goto.value })
  }
  if (option.do !== null) return effectOfList(option.do)
  return message('diff.effect.nothing')
}

/** What a transfer does without a branch for the department's state: the department takes it. */
export function departmentEffect(department: string | null): DiffMessage {
  return message('diff.effect.department', { department: department ?? '?' })
}

function effectOfCommand(command: CommandNode): DiffMessage {
  switch (command.kind) {
    case 'goto':
      return message('diff.effect.goto', { section: command.target?.value ?? '?' })
    case 'ring':
    case 'voicemail':
    case 'callback':
      return message(`diff.effect.${command.kind}`)
    case 'choice':
      return message('diff.effect.menu')
    case 'transfer':
      return message('diff.effect.transfer', { department: command.to?.value ?? '?' })
    case 'fetch':
    case 'dtmf':
      return message(`diff.effect.${command.kind}`, {
        host: command.url ? hostOfUrl(command.url.value) : '?',
      })
    default:
      return message('diff.effect.nothing')
  }
}
