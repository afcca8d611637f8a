import { isMap, isSeq, type Node } from 'yaml'
import { keySpan, keyText } from '../../yaml/nodes.ts'
import type { Finding } from '../make-diagnostic.ts'
import type { Rule } from '../rule.ts'

/**
 * The same key twice in one mapping inside a section: a choice key (`1` and `"1"` are the same
 * key), an option's or a command's setting. YAML keeps the last silently; every repeat is
 * reported. Local: it reads each section's own YAML.
 */
export const duplicateKey: Rule = ({ model, sectionYaml }) => {
  const findings: Finding[] = []
  for (const section of model.sections) {
    const yaml = sectionYaml.get(section.name)
    if (yaml) walk(yaml.node, [section.name], findings, section.name, yaml.offset)
  }
  return findings
}

/**
 * The same section name twice at the top level, and repeats inside the entries the local rule
 * does not see: those that are no section, and earlier entries of a name written twice.
 */
export const duplicateSectionName: Rule = ({ parsed, sectionYaml }) => {
  const findings: Finding[] = []
  const sections = new Set<string>()
  for (const { yaml, offset } of parsed.chunks) {
    const root = yaml.contents
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
      // The section the model reads is the local rule's; every other entry is walked here.
      const local = sectionYaml.get(name)?.node === pair.value
      if (pair.value && !local) walk(pair.value as Node, [name], findings, name, offset)
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
