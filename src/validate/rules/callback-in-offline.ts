import type { CommandNode } from '../../model/ivr.ts'
import type { Finding } from '../make-diagnostic.ts'
import type { Rule } from '../rule.ts'
import { chainTo, childLists, reachableSections } from '../walk.ts'

/**
 * `callback` must never run while no agent is logged in: not in `offline`, not in an option's
 * `do` there, not in any section `offline` reaches by goto, option goto or onError. Commands in
 * `transfer` branches run in the other department's state and are judged by their branch: a
 * callback in `transfer.if.offline` is a warning wherever the transfer stands.
 */
export const callbackInOffline: Rule = ({ model, index, sections }) => {
  const findings: Finding[] = []
  const reached = reachableSections(model, ['offline'], true)
  for (const name of reached.keys()) {
    const section = sections.get(name)
    if (!section) continue
    const callbacks = callbacksIn(section.commands, true)
    const chain = callbacks.length > 0 ? chainTo(reached, name) : []
    for (const callback of callbacks) {
      findings.push({
        code: 'callback-in-offline',
        severity: 'error',
        messageId: 'diag.callback-in-offline',
        args: { chain: chain.join(' → ') },
        path: callback.path,
        span: callback.keySpan,
      })
    }
  }
  for (const { item: command } of index.commands) {
    if (command.kind !== 'transfer') continue
    for (const branch of command.branches) {
      if (branch.state !== 'offline') continue
      for (const callback of callbacksIn(branch.commands, false)) {
        findings.push({
          code: 'callback-in-offline',
          severity: 'warning',
          messageId: 'diag.callback-in-offline.transfer',
          args: { department: command.to?.value ?? '' },
          path: callback.path,
          span: callback.keySpan,
        })
      }
    }
  }
  return findings
}

/** The callbacks in a list and in option `do` lists; transfer branches are left out. */
function callbacksIn(list: readonly CommandNode[], topLevel: boolean): CommandNode[] {
  const found: CommandNode[] = []
  for (const command of list) {
    if (command.kind === 'callback') found.push(command)
    for (const child of childLists(command)) {
      if (child.branch) continue
      found.push(...callbacksIn(child.commands, topLevel))
    }
  }
  return found
}
