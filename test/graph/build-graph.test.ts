import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildGraph, createGraphCache } from '../../src/graph/build-graph.ts'
import { indexTargets, markProblems, targetOfPath } from '../../src/graph/targets.ts'
import { checkIvr } from '../../src/validate/validate-ivr.ts'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'
import { dedent } from '../helpers/dedent.ts'

const example = (name: string) =>
  readFileSync(new URL(`../fixtures/examples/${name}`, import.meta.url), 'utf8')

function graphOf(text: string) {
  const parsed = parseIvr(text)
  return buildGraph(parsed.model, parsed.text)
}

describe('the canvas graph', () => {
  it('has a card per section with its entry kind, and rows for every command and option', () => {
    const graph = graphOf(example('callback-from-queue.yaml'))
    expect(graph.sections.map((s) => [s.id, s.entry])).toEqual([
      ['section:online', 'online'],
      ['section:offline', 'offline'],
      ['section:queue', 'queue'],
      ['section:callmeback', null],
      ['section:voicemail', null],
    ])
    const queue = graph.sections[2]!
    expect(queue.rows.map((r) => [r.kind, r.depth, r.key, r.detail, r.target])).toEqual([
      ['play', 0, null, 'https://mycompany.ladesk.com/scripts/file.php?view=Y&file=next-in-queue.mp3', null],
      ['choice', 0, null, null, null],
      ['option', 1, '0', 'Wait', 'queue'],
      ['option', 1, '1', 'Leave voicemail', 'voicemail'],
      ['option', 1, '2', 'Request callback', 'callmeback'],
    ])
    expect(queue.rows[4]!.id).toBe('["queue",1,"choice","2"]')
  })

  it('draws an edge from each option goto, goto and onError to its section', () => {
    const graph = graphOf(example('callback-from-queue.yaml'))
    expect(graph.edges.map((e) => [e.sourceHandle, e.target, e.via])).toEqual([
      ['["queue",1,"choice","0"]', 'section:queue', 'option'],
      ['["queue",1,"choice","1"]', 'section:voicemail', 'option'],
      ['["queue",1,"choice","2"]', 'section:callmeback', 'option'],
    ])
    const fetch = graphOf(example('dynamic-fetch.yaml'))
    expect(fetch.edges.map((e) => [e.source, e.target, e.via])).toEqual([
      ['section:start', 'section:offline', 'onError'],
    ])
  })

  it('nests do lists and transfer branches under their option or command', () => {
    const graph = graphOf(example('departments-transfer.yaml'))
    const start = graph.sections[0]!
    expect(start.rows.slice(0, 9).map((r) => `${'  '.repeat(r.depth)}${r.kind}${r.key ? ` ${r.key}` : ''}`)).toEqual([
      'play',
      'choice',
      '  option 1',
      '    transfer',
      '      branch online',
      '        play',
      '        ring',
      '      branch offline',
      '        goto',
    ])
    expect(start.rows[3]!.outcome).toBe('department')
  })

  it('ends a dangling goto in a stub for the missing section', () => {
    const graph = graphOf('online:\n  - goto: nowhere\noffline: [voicemail]\nqueue: [ring]\n')
    expect(graph.stubs).toEqual([{ id: 'missing:nowhere', name: 'nowhere' }])
    expect(graph.edges).toEqual([
      {
        id: '["online",0]->missing:nowhere',
        source: 'section:online',
        sourceHandle: '["online",0]',
        target: 'missing:nowhere',
        via: 'goto',
        dangling: true,
      },
    ])
  })

  it('keeps the same card object for sections whose text did not change', () => {
    const cache = createGraphCache()
    const before = parseIvr('online:\n  - ring\noffline:\n  - voicemail\nqueue: [ring]\n')
    const after = parseIvr('online:\n  - ring\noffline:\n  - play: https://a.example/x.mp3\n  - voicemail\nqueue: [ring]\n')
    const g1 = buildGraph(before.model, before.text, cache)
    const g2 = buildGraph(after.model, after.text, cache)
    expect(g2.sections[0]).toBe(g1.sections[0])
    expect(g2.sections[1]).not.toBe(g1.sections[1])
    expect(g2.sections[2]).toBe(g1.sections[2])
  })
})

describe('diagnostics on the canvas', () => {
  const text = dedent`
    online:
      - play: https://example.com/hi.mp3
      - choice:
          1:
            name: Sales
            goto: salse
    offline:
      - voicemail
    queue:
      - ring
    sales: []
  `

  it('land on the deepest row their path names, or on the section card', () => {
    const index = indexTargets(graphOf(text))
    expect(targetOfPath(index, ['online', 1, 'choice', '1', 'goto'])).toEqual({
      nodeId: 'section:online',
      rowId: '["online",1,"choice","1"]',
    })
    expect(targetOfPath(index, ['sales'])).toEqual({ nodeId: 'section:sales', rowId: null })
    expect(targetOfPath(index, ['start'])).toBeNull()
  })

  it('mark cards, rows and the stub of a missing section with the worst severity and a count', () => {
    const { parsed, diagnostics } = checkIvr(text)
    const index = indexTargets(buildGraph(parsed.model, parsed.text))
    const marks = markProblems(index, diagnostics)
    expect(Object.fromEntries(marks.nodes)).toEqual({
      'section:online': { severity: 'error', count: 2 },
      'missing:salse': { severity: 'error', count: 1 },
      'section:sales': { severity: 'warning', count: 2 },
    })
    expect(Object.fromEntries(marks.rows)).toEqual({
      '["online",1,"choice","1"]': { severity: 'error', count: 2 },
    })
  })
})
