import { isMap, isSeq, type Node } from 'yaml'
import { keySpan, keyText } from '../../yaml/nodes.ts'
import type { Finding } from '../make-diagnostic.ts'
import type { Rule } from '../rule.ts'

/**
 * The same key twice in one mapping: a section name, a choice key (`1` and `"1"` are the same
 * key), or any setting. YAML keeps the last silently; every repeat is reported.
 */
export const duplicateKey: Rule = ({ parsed }) => {
  const findings: Finding[] = []
  const sections = new Set<string>()
  for (const { document, offset } of parsed.chunks) {
    const root = document.contents
    if (!isMap(root)) continue
    for (const pair of root.items) {
      const name = keyText(pair.key)
      if (sections.has(name)) {
        findings.push({
          code: 'duplicate-key',
          severity: 'error',
          messageId: 'diag.duplicate-key.section',
          args: { name },
          path: [name],
          span: keySpan(pair, offset),
        })
      }
      sections.add(name)
      if (pair.value) walk(pair.value as Node, [name], findings, name, offset)
    }
  }
  return findings
}

/** Walks with one mutable path; a copy is made only for a finding. */
function walk(
  node: Node,
  path: (string | number)[],
  findings: Finding[],
  parentKey: string | null,
  offset: number,
): void {
  if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i]
      if (!item) continue
      path.push(i)
      walk(item as Node, path, findings, null, offset)
      path.pop()
    }
    return
  }
  if (!isMap(node)) return
  const seen = new Set<string>()
  for (const pair of node.items) {
    const key = keyText(pair.key)
    if (seen.has(key)) {
      findings.push({
        code: 'duplicate-key',
        severity: 'error',
        messageId: parentKey === 'choice' ? 'diag.duplicate-key.choice' : 'diag.duplicate-key',
        args: { key },
        path: [...path, key],
        span: keySpan(pair, offset),
      })
    }
    seen.add(key)
    if (pair.value) {
      path.push(key)
      walk(pair.value as Node, path, findings, key, offset)
      path.pop()
    }
  }
}
