import type { IvrGraph, RowKind } from '../../graph/graph.ts'
import { rowLabel, type LabelTranslate } from '../../graph/labels.ts'
import type { IvrPath } from '../../model/path.ts'

/** One thing on the canvas that matches a search. */
export interface SearchMatch {
  /** Unique among the matches: the card's or the row's id. */
  readonly id: string
  readonly nodeId: string
  /** What selecting the match selects. */
  readonly path: IvrPath
  readonly icon: RowKind | 'section'
  /** The section's name, or the row's label. */
  readonly title: string
  /** The section a row belongs to; `null` for a section itself. */
  readonly section: string | null
}

/**
 * Sections and rows whose name, label, URL, target or key contains `query` (ignoring case):
 * sections first, those starting with the query before the others, then rows in the order of
 * the YAML. At most `limit` matches.
 */
export function searchGraph(
  graph: IvrGraph,
  query: string,
  t: LabelTranslate,
  limit = 50,
): SearchMatch[] {
  const needle = query.trim().toLocaleLowerCase()
  if (needle === '') return []
  const has = (value: string | null) => value !== null && value.toLocaleLowerCase().includes(needle)

  const sections = graph.sections
    .filter((s) => has(s.name))
    .sort(
      (a, b) =>
        Number(!a.name.toLocaleLowerCase().startsWith(needle)) -
        Number(!b.name.toLocaleLowerCase().startsWith(needle)),
    )
    .map<SearchMatch>((s) => ({
      id: s.id,
      nodeId: s.id,
      path: s.path,
      icon: 'section',
      title: s.name,
      section: null,
    }))

  const rows: SearchMatch[] = []
  for (const section of graph.sections) {
    for (const row of section.rows) {
      const label = rowLabel(row, t)
      if (
        has(label.text) ||
        has(row.detail) ||
        has(row.target) ||
        (row.key !== null && row.key === needle)
      ) {
        rows.push({
          id: row.id,
          nodeId: section.id,
          path: row.path,
          icon: row.kind,
          title: label.key !== null ? `${label.key} · ${label.text}` : label.text,
          section: section.name,
        })
      }
    }
  }
  return [...sections, ...rows].slice(0, limit)
}
