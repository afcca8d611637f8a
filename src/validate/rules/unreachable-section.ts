import { ENTRY_SECTIONS } from '../../model/commands.ts'
import type { Rule } from '../rule.ts'
import { reachableByFacts } from '../section-facts.ts'

/** A section that no entry section leads to by any chain of goto, option goto or onError. */
export const unreachableSection: Rule = ({ model, sections, facts }) => {
  const reached = reachableByFacts(sections, facts, ENTRY_SECTIONS)
  return model.sections
    .filter((s) => !reached.has(s.name))
    .map((s) => ({
      code: 'unreachable-section',
      severity: 'warning',
      messageId: 'diag.unreachable-section',
      args: { name: s.name },
      path: s.path,
      span: s.keySpan,
    }))
}
