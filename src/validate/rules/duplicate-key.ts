import { isMap, isSeq, type Node } from 'yaml'
import type { IvrPath } from '../../model/path.ts'
import { keySpan, keyText } from '../../yaml/nodes.ts'
import type { Finding } from '../make-diagnostic.ts'
import type { Rule } from '../rule.ts'

/**
 * The same key twice in one mapping: a section name, a choice key (`1` and `"1"` are the same
 * key), or any setting. YAML keeps the last silently; every repeat is reported.
 */
export const duplicateKey: Rule = ({ parsed }) => {
  const findings: Finding[] = []
  const root = parsed.document?.contents
  if (root) walk(root, [], findings, null)
  return findings
}

function walk(node: Node, path: IvrPath, findings: Finding[], parentKey: string | null): void {
  if (isSeq(node)) {
    node.items.forEach((item, i) => {
      if (item) walk(item as Node, [...path, i], findings, null)
    })
    return
  }
  if (!isMap(node)) return
  const seen = new Set<string>()
  for (const pair of node.items) {
    const key = keyText(pair.key)
    const keyPath = [...path, key]
    if (seen.has(key)) {
      const messageId =
        path.length === 0 ? 'diag.duplicate-key.section' : parentKey === 'choice' ? 'diag.duplicate-key.choice' : 'diag.duplicate-key'
      findings.push({
        code: 'duplicate-key',
        severity: 'error',
        messageId,
        args: path.length === 0 ? { name: key } : { key },
        path: keyPath,
        span: keySpan(pair),
      })
    }
    seen.add(key)
    if (pair.value) walk(pair.value as Node, keyPath, findings, key)
  }
}
