import type { GraphSection, IvrGraph } from '../../graph/graph.ts'

/**
 * The department ids the IVR's `transfer` commands name, each once, in the order they first
 * appear, nested commands included. These are the departments whose state a test call asks for.
 * Read from the canvas graph, whose cards stay the same objects while their sections' text does
 * not change, so that typing in a large IVR looks at one card again, not at every command.
 */
export function departmentsOf(graph: IvrGraph): string[] {
  const found = new Set<string>()
  for (const card of graph.sections) for (const id of cardDepartments(card)) found.add(id)
  return [...found]
}

const byCard = new WeakMap<GraphSection, readonly string[]>()

function cardDepartments(card: GraphSection): readonly string[] {
  let ids = byCard.get(card)
  if (!ids) {
    ids = card.rows.flatMap((row) => (row.kind === 'transfer' && row.detail ? [row.detail] : []))
    byCard.set(card, ids)
  }
  return ids
}

/** The same list as before when the ids did not change, so views can skip a render. */
export function sameDepartments(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i])
}

/**
 * A selector of `departmentsOf` for the store that gives back the same array while the ids stay
 * the same, so that typing, which makes a new graph at every keystroke, does not re-render the
 * department controls.
 */
export function departmentsSelector(): (graph: IvrGraph) => readonly string[] {
  let lastGraph: IvrGraph | null = null
  let last: readonly string[] = []
  return (graph) => {
    if (graph !== lastGraph) {
      const next = departmentsOf(graph)
      if (!sameDepartments(next, last)) last = next
      lastGraph = graph
    }
    return last
  }
}
