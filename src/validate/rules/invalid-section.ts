import type { MessageArgs } from '../../i18n/translate.ts'
import type { Rule } from '../rule.ts'

/** A top-level entry whose name is not text, or whose value is not a list of commands. */
export const invalidSection: Rule = ({ model }) =>
  model.invalidSections.map((s) => ({
    code: 'invalid-section',
    severity: 'error',
    messageId: s.reason === 'name-not-text' ? 'diag.invalid-section.name' : 'diag.invalid-section.list',
    args: (s.reason === 'name-not-text' ? { name: s.name, what: s.what } : { name: s.name }) as MessageArgs,
    path: [s.name],
    span: s.keySpan,
  }))
