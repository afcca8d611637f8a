import type { Finding } from '../make-diagnostic.ts'
import type { Rule } from '../rule.ts'
import { at, reachableByFacts } from '../section-facts.ts'
import { chainTo } from '../walk.ts'

/**
 * `callback` must never run while no agent is logged in: not in `offline`, not in an option's
 * `do` there, not in any section `offline` reaches by goto, option goto or onError. Commands in
 * `transfer` branches run in the other department's state and are judged by their branch: a
 * callback in `transfer.if.offline` is a warning wherever the transfer stands.
 */
export const callbackInOffline: Rule = ({ model, sections, facts }) => {
  const findings: Finding[] = []
  const reached = reachableByFacts(sections, facts, ['offline'], true)
  for (const name of reached.keys()) {
    const section = sections.get(name)
    if (!section) continue
    const callbacks = facts.of(section).callbacks
    const chain = callbacks.length > 0 ? chainTo(reached, name) : []
    for (const callback of callbacks) {
      findings.push({
        code: 'callback-in-offline',
        severity: 'error',
        messageId: 'diag.callback-in-offline',
        args: { chain: chain.join(' → ') },
        path: callback.path,
        span: at(callback.keySpan, section.span.start),
      })
    }
  }
  for (const section of model.sections) {
    for (const callback of facts.of(section).offlineCallbacks) {
      findings.push({
        code: 'callback-in-offline',
        severity: 'warning',
        messageId: 'diag.callback-in-offline.transfer',
        args: { department: callback.department },
        path: callback.path,
        span: at(callback.keySpan, section.span.start),
      })
    }
  }
  return findings
}
