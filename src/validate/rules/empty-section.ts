import type { Rule } from '../rule.ts'

/** A section with no commands ends the call at once. */
export const emptySection: Rule = ({ model }) =>
  model.sections
    .filter((s) => s.commands.length === 0)
    .map((s) => ({
      code: 'empty-section',
      severity: 'warning',
      messageId: 'diag.empty-section',
      args: { name: s.name },
      path: s.path,
      span: s.keySpan,
    }))
