import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  callMarks,
  cardCallMark,
  computeCallMarks,
  NO_CALL_MARKS,
  rowCallMark,
  takenEdges,
} from '../../../src/app/canvas/call-marks.ts'
import { createAppStore, reduceApp, type AppState } from '../../../src/app/state/app-store.ts'
import { createElementBuilder } from '../../../src/app/canvas/canvas-elements.ts'
import { fallbackLayout } from '../../../src/app/canvas/canvas-layout.ts'
import { EMPTY_CANVAS } from '../../../src/app/state/canvas.ts'
import { buildGraph } from '../../../src/graph/build-graph.ts'
import { translate } from '../../../src/i18n/translate.ts'
import { indexTargets } from '../../../src/graph/targets.ts'
import { pathKey } from '../../../src/model/path.ts'
import { startCall, step } from '../../../src/simulate/engine.ts'
import { parseIvr } from '../../../src/yaml/parse-ivr.ts'
import { dedent } from '../../helpers/dedent.ts'

const template = (name: string) =>
  readFileSync(new URL(`../../../src/app/templates/${name}.yaml`, import.meta.url), 'utf8')

const row = (...path: (string | number)[]) => pathKey(path)

describe('the test call on the canvas', () => {
  const parsed = parseIvr(template('callback-from-queue'))
  const targets = indexTargets(buildGraph(parsed.model, parsed.text))

  it('marks the rows walked, the row the call waits at, and the cards it went through', () => {
    const call = startCall(parsed, { state: 'busy' })
    const marks = computeCallMarks(call, targets, null)
    expect(Object.fromEntries(marks.rows)).toEqual({
      [row('online', 0)]: 'visited',
      [row('online', 1)]: 'visited',
      [row('queue', 0)]: 'visited',
      [row('queue', 1)]: 'current',
    })
    expect(Object.fromEntries(marks.cards)).toEqual({
      'section:online': 'visited',
      'section:queue': 'current',
    })
    expect(marks.edges.size).toBe(0)
  })

  it('draws the edge of the option taken and ends on the command that ended the call', () => {
    const call = step(startCall(parsed, { state: 'busy' }), { type: 'key', key: '2' })
    const marks = computeCallMarks(call, targets, null)
    expect([...marks.edges]).toEqual([`${row('queue', 1, 'choice', '2')}->section:callmeback`])
    expect(marks.rows.get(row('queue', 1, 'choice', '2'))).toBe('visited')
    expect(marks.rows.get(row('queue', 1, 'choice', '1'))).toBeUndefined()
    expect(marks.rows.get(row('callmeback', 0))).toBe('current')
    expect(marks.cards.get('section:callmeback')).toBe('current')
  })

  it('marks the branch a transfer ran', () => {
    const departments = parseIvr(template('departments-transfer'))
    const index = indexTargets(buildGraph(departments.model, departments.text))
    const call = step(startCall(departments, { state: 'available' }), { type: 'key', key: '2' })
    const marks = computeCallMarks(call, index, null)
    const transfer = ['start', 1, 'choice', '2', 'do', 0]
    expect(marks.rows.get(pathKey([...transfer, 'transfer', 'if', 'online']))).toBe('visited')
    expect(marks.rows.get(pathKey([...transfer, 'transfer', 'if', 'offline']))).toBeUndefined()
  })

  it('marks nothing for a refused call, and coverage only on rows the call did not walk', () => {
    const broken = parseIvr('online:\n  - goto: nowhere\noffline: [voicemail]\nqueue: [ring]\n')
    const refused = startCall(broken, { state: 'busy' })
    expect(computeCallMarks(refused, targets, null).rows.size).toBe(0)
    const call = startCall(parsed, { state: 'available' })
    const marks = computeCallMarks(call, targets, [
      { path: ['online', 0], section: 'online', line: 3, kind: 'play', key: null },
      { path: ['offline', 0], section: 'offline', line: 6, kind: 'play', key: null },
    ])
    expect(marks.rows.get(row('online', 0))).toBe('visited')
    expect(marks.rows.get(row('offline', 0))).toBe('unvisited')
  })

  it('marks nothing while the panel is closed, and computes the marks once per change', () => {
    const store = createAppStore({
      storage: undefined,
      languages: ['en'],
      document: { name: 'a.yaml', text: template('callback-from-queue') },
    })
    let state: AppState = reduceApp(store.getState(), { type: 'call.start' })
    expect(callMarks(state)).toBe(NO_CALL_MARKS)
    state = reduceApp(state, { type: 'call.panel', open: true })
    const marks = callMarks(state)
    expect(callMarks(state)).toBe(marks)
    expect(rowCallMark(state, row('queue', 1))).toBe('current')
    expect(cardCallMark(state, 'section:online')).toBe('visited')
    expect(rowCallMark(state, row('offline', 0))).toBeNull()
    expect(takenEdges(state)).toBe(marks.edges)
  })

  it('marks the commands no path walks when coverage is on', () => {
    const text = dedent`
      online:
        - ring
        - play: https://example.com/never.mp3
      offline: [voicemail]
      queue:
        - play: https://example.com/hold.mp3
    `
    const store = createAppStore({
      storage: undefined,
      languages: ['en'],
      document: { name: 'a.yaml', text },
    })
    let state = reduceApp(store.getState(), { type: 'call.panel', open: true })
    expect(rowCallMark(state, row('online', 1))).toBeNull()
    state = reduceApp(state, { type: 'call.coverage', on: true })
    expect(rowCallMark(state, row('online', 1))).toBe('unvisited')
    expect(rowCallMark(state, row('online', 0))).toBeNull()
  })

  it('draws the edges the call took over the others, and reuses the edges that did not change', () => {
    const graph = buildGraph(parsed.model, parsed.text)
    const build = createElementBuilder()
    const inputs = {
      graph,
      canvas: { ...EMPTY_CANVAS, auto: fallbackLayout(graph), layoutKey: 'k' },
      dragging: {},
      selection: null,
      marks: { nodes: new Map(), rows: new Map() },
      t: (id: Parameters<typeof translate>[1], args?: Parameters<typeof translate>[2]) =>
        translate('en', id, args),
    }
    const before = build(inputs)
    const taken = `${row('queue', 1, 'choice', '2')}->section:callmeback`
    const after = build({ ...inputs, taken: new Set([taken]) })
    const edge = after.edges.find((e) => e.id === taken)!
    expect(edge.className).toBe('ivr-edge-option ivr-edge-taken')
    expect(edge.data?.taken).toBe(true)
    expect(edge.zIndex).toBe(1)
    const others = after.edges.filter((e) => e.id !== taken)
    expect(others.every((e) => before.edges.includes(e))).toBe(true)
  })
})
