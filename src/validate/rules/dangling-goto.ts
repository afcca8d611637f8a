import type { Fix } from '../diagnostic.ts'
import { didYouMean } from '../did-you-mean.ts'
import type { Rule } from '../rule.ts'
import { referencesOf } from '../walk.ts'

/**
 * A goto, option goto or onError naming a section that does not exist. In a fetch reply the
 * section may belong to the calling script, so it is only a warning there.
 */
export const danglingGoto: Rule = ({ index, sections, reply }) => {
  const findings: ReturnType<Rule> = []
  for (const { item: command } of index.commands) {
    for (const ref of referencesOf(command)) {
      const target = ref.target.value
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
        span: ref.target.span,
        fixes,
      })
    }
  }
  return findings
}
