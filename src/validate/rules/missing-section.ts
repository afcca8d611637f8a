import { REQUIRED_SECTIONS } from '../../model/commands.ts'
import { lineSpan } from '../../yaml/positions.ts'
import type { Finding } from '../make-diagnostic.ts'
import type { Rule } from '../rule.ts'

/**
 * `online`, `offline` and `queue` are required, reported at line 1. With `start` present a missing
 * `online` is only a warning (the vendor's own examples omit it). A fetch reply needs `start`.
 */
export const missingSection: Rule = ({ parsed, sections, reply }) => {
  const span = lineSpan(parsed.lines, parsed.text, 1)
  const missing = (name: string, severity: Finding['severity'], messageId: string): Finding => ({
    code: 'missing-section',
    severity,
    messageId,
    args: { name },
    path: [name],
    span,
    fixes: [{ title: 'fix.add-section', args: { name }, op: { type: 'section.add', name } }],
  })
  if (reply) return sections.has('start') ? [] : [missing('start', 'error', 'diag.missing-section.start')]
  const hasStart = sections.has('start')
  return REQUIRED_SECTIONS.filter((name) => !sections.has(name)).map((name) =>
    name === 'online' && hasStart
      ? missing(name, 'warning', 'diag.missing-section.online-with-start')
      : missing(name, 'error', `diag.missing-section.${name}`),
  )
}
