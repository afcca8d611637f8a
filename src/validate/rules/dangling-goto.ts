import type { Fix } from '../diagnostic.ts'
import { didYouMean } from '../did-you-mean.ts'
import type { Rule } from '../rule.ts'
import { at } from '../section-facts.ts'

/**
 * A goto, option goto or onError naming a section that does not exist. In a fetch reply the
 * section may belong to the calling script, so it is only a warning there.
 */
export const danglingGoto: Rule = ({ model, sections, facts, reply }) => {
  const findings: ReturnType<Rule> = []
  for (const section of model.sections) {
    for (const ref of facts.of(section).references) {
      const target = ref.target
      if (sections.has(target)) continue
      const suggestion = didYouMean(target, sections.keys())
      const fixes: Fix[] = []
      if (suggestion) {
        fixes.push({ title: 'fix.use-name', args: { name: suggestion }, op: { type: 'scalar.set', path: ref.path, value: suggestion } })
      }
      if (target.trim() !== '') {
        fixes.push({ title: 'fix.add-section', args: { name: target }, op: { type: 'section.add', name: target } })
      }
      findings.push({
        code: 'dangling-goto',
        severity: reply ? 'warning' : 'error',
        messageId: reply
          ? 'diag.dangling-goto.reply'
          : suggestion
            ? 'diag.dangling-goto.suggest'
            : 'diag.dangling-goto',
        args: suggestion ? { target, suggestion } : { target },
        path: ref.path,
        span: at(ref.span, section.span.start),
        fixes,
      })
    }
  }
  return findings
}
