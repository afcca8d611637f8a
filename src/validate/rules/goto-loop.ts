import type { SectionNode } from '../../model/ivr.ts'
import type { Finding } from '../make-diagnostic.ts'
import type { Rule } from '../rule.ts'
import { at, type FactReference } from '../section-facts.ts'

/**
 * A cycle of sections that goes round forever without playing anything or waiting for the
 * caller: each section's list reaches a goto (or a fetch's onError) before any play, choice,
 * dtmf, ring or other command that plays, waits or ends the call. Reported once per cycle, on the
 * reference in the cycle's first section in source order.
 */
export const gotoLoop: Rule = ({ model, sections, facts }) => {
  const edges = new Map<string, FactReference[]>()
  for (const section of model.sections) {
    edges.set(
      section.name,
      facts.of(section).silent.filter((r) => sections.has(r.target)),
    )
  }
  const order = new Map(model.sections.map((s, i) => [s.name, i]))
  const findings: Finding[] = []
  for (const component of stronglyConnected(model.sections, edges)) {
    const first = component.reduce((a, b) => ((order.get(a) ?? 0) <= (order.get(b) ?? 0) ? a : b))
    const members = new Set(component)
    const chain = cycleFrom(first, members, edges)
    if (!chain) continue
    const ref = (edges.get(first) ?? []).find((r) => r.target === chain[1])
    const section = sections.get(first)
    if (!ref || !section) continue
    findings.push({
      code: 'goto-loop',
      severity: 'error',
      messageId: 'diag.goto-loop',
      args: { chain: chain.join(' → ') },
      path: ref.path,
      span: at(ref.span, section.span.start),
    })
  }
  return findings
}

/** Tarjan's algorithm without recursion: the components that contain a cycle. */
function stronglyConnected(
  sections: readonly SectionNode[],
  edges: ReadonlyMap<string, readonly FactReference[]>,
): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const result: string[][] = []
  let counter = 0
  for (const { name: root } of sections) {
    if (index.has(root)) continue
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }]
    index.set(root, counter)
    low.set(root, counter++)
    stack.push(root)
    onStack.add(root)
    while (work.length > 0) {
      const frame = work[work.length - 1]!
      const out = edges.get(frame.node) ?? []
      if (frame.next < out.length) {
        const target = out[frame.next++]!.target
        if (!index.has(target)) {
          index.set(target, counter)
          low.set(target, counter++)
          stack.push(target)
          onStack.add(target)
          work.push({ node: target, next: 0 })
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!))
        }
        continue
      }
      work.pop()
      const parent = work[work.length - 1]
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!))
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = []
        let member: string
        do {
          member = stack.pop()!
          onStack.delete(member)
          component.push(member)
        } while (member !== frame.node)
        const selfLoop = (edges.get(frame.node) ?? []).some((r) => r.target === frame.node)
        if (component.length > 1 || selfLoop) result.push(component)
      }
    }
  }
  return result
}

/** A shortest cycle from `start` back to itself within `members`, as names. */
function cycleFrom(
  start: string,
  members: ReadonlySet<string>,
  edges: ReadonlyMap<string, readonly FactReference[]>,
): string[] | null {
  const parent = new Map<string, string>()
  const queue = [start]
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!
    for (const ref of edges.get(node) ?? []) {
      const next = ref.target
      if (!members.has(next)) continue
      if (next === start) {
        const chain = [start]
        for (let at: string | undefined = node; at !== undefined && at !== start; at = parent.get(at)) {
          chain.splice(1, 0, at)
        }
        return [...chain, start]
      }
      if (!parent.has(next)) {
        parent.set(next, node)
        queue.push(next)
      }
    }
  }
  return null
}
