import { ENTRY_SECTIONS, type EntrySectionName } from '../model/commands.ts'
import type { CommandNode, IvrModel, SectionNode } from '../model/ivr.ts'
import { pathKey } from '../model/path.ts'
import {
  sectionNodeId,
  stubNodeId,
  type GraphEdge,
  type GraphRow,
  type GraphSection,
  type GraphStub,
  type IvrGraph,
} from './graph.ts'

/** Reuses the cards of sections whose text did not change since the last build. */
export interface GraphCache {
  readonly cards: Map<string, GraphSection>
}

/** An empty cache, to pass to successive `buildGraph` calls. */
export function createGraphCache(): GraphCache {
  return { cards: new Map() }
}

/**
 * The canvas graph of a model. With a cache, a section whose source text is unchanged keeps the
 * very same card object, so that memoized views skip it.
 */
export function buildGraph(model: IvrModel, text: string, cache?: GraphCache): IvrGraph {
  const cards = new Map<string, GraphSection>()
  const sections = model.sections.map((section) => {
    const key = `${section.name}\u0000${text.slice(section.span.start, section.span.end)}`
    const card = cache?.cards.get(key) ?? buildCard(section)
    cards.set(key, card)
    return card
  })
  if (cache) {
    cache.cards.clear()
    for (const [key, card] of cards) cache.cards.set(key, card)
  }
  const names = new Set(model.sections.map((s) => s.name))
  const edges: GraphEdge[] = []
  const stubs = new Map<string, GraphStub>()
  for (const card of sections) {
    for (const row of card.rows) {
      if (row.target === null) continue
      const dangling = !names.has(row.target)
      const target = dangling ? stubNodeId(row.target) : sectionNodeId(row.target)
      if (dangling && !stubs.has(row.target)) {
        stubs.set(row.target, { id: target, name: row.target })
      }
      edges.push({
        id: `${row.id}->${target}`,
        source: card.id,
        sourceHandle: row.id,
        target,
        via: row.kind === 'option' ? 'option' : row.kind === 'goto' ? 'goto' : 'onError',
        dangling,
      })
    }
  }
  return { sections, stubs: [...stubs.values()], edges }
}

function buildCard(section: SectionNode): GraphSection {
  const rows: GraphRow[] = []
  addRows(section.commands, 0, rows)
  const entry = (ENTRY_SECTIONS as readonly string[]).includes(section.name)
    ? (section.name as EntrySectionName)
    : null
  return { id: sectionNodeId(section.name), name: section.name, path: section.path, entry, rows }
}

function addRows(commands: readonly CommandNode[], depth: number, rows: GraphRow[]): void {
  for (const command of commands) {
    const base = { id: pathKey(command.path), path: command.path, depth, key: null }
    switch (command.kind) {
      case 'play':
        rows.push({ ...base, kind: 'play', detail: command.url?.value ?? null, target: null, outcome: null })
        break
      case 'ring':
        rows.push({ ...base, kind: 'ring', detail: null, target: null, outcome: 'agents' })
        break
      case 'voicemail':
        rows.push({ ...base, kind: 'voicemail', detail: null, target: null, outcome: 'voicemail' })
        break
      case 'callback':
        rows.push({ ...base, kind: 'callback', detail: null, target: null, outcome: 'callback' })
        break
      case 'goto': {
        const target = command.target?.value ?? null
        rows.push({ ...base, kind: 'goto', detail: target, target, outcome: null })
        break
      }
      case 'choice':
        rows.push({ ...base, kind: 'choice', detail: null, target: null, outcome: null })
        for (const option of command.options) {
          const target = option.goto?.value ?? null
          rows.push({
            id: pathKey(option.path),
            path: option.path,
            kind: 'option',
            depth: depth + 1,
            key: option.key,
            detail: option.name?.value ?? null,
            target,
            outcome: null,
          })
          if (option.do) addRows(option.do, depth + 2, rows)
        }
        break
      case 'transfer':
        rows.push({
          ...base,
          kind: 'transfer',
          detail: command.to?.value ?? null,
          target: null,
          outcome: 'department',
        })
        for (const branch of command.branches) {
          rows.push({
            id: pathKey(branch.path),
            path: branch.path,
            kind: 'branch',
            depth: depth + 1,
            key: branch.state,
            detail: null,
            target: null,
            outcome: null,
          })
          addRows(branch.commands, depth + 2, rows)
        }
        break
      case 'fetch':
      case 'dtmf': {
        const target = command.onError?.value ?? null
        rows.push({
          ...base,
          kind: command.kind,
          detail: command.url?.value ?? null,
          target,
          outcome: 'script',
        })
        break
      }
      case 'unknown':
        rows.push({ ...base, kind: 'unknown', detail: command.name, target: null, outcome: null })
        break
      case 'malformed':
        rows.push({ ...base, kind: 'malformed', detail: null, target: null, outcome: null })
        break
    }
  }
}
