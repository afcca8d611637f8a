import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildDiffGraph } from '../../src/diff/diff-graph.ts'
import { diffIvrs } from '../../src/diff/diff-ivr.ts'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'

const example = (name: string) =>
  readFileSync(new URL(`../fixtures/examples/${name}`, import.meta.url), 'utf8')

function diffGraph(before: string, after: string) {
  const old = parseIvr(before).model
  const now = parseIvr(after).model
  return buildDiffGraph(diffIvrs(old, now), old, now)
}

describe('the canvas of a difference', () => {
  it('merges both IVRs: removed rows stand where they were, each card and row with its status', () => {
    const before = example('callback-from-queue.yaml')
    const after = before
      .replace('        goto: callmeback', '        do:\n          - callback')
      .replace('callmeback:\n  - callback\n', '')
      .replace('we-are-currently-not-available-check-website', 'closed')
    const { graph, sections, rows, edges } = diffGraph(before, after)
    expect(graph.sections.map((s) => [s.name, sections.get(s.id)])).toEqual([
      ['online', 'same'],
      ['offline', 'changed'],
      ['queue', 'changed'],
      ['voicemail', 'same'],
      ['callmeback', 'removed'],
    ])
    const queue = graph.sections[2]!
    expect(queue.rows.map((r) => [r.id, r.kind, r.depth, rows.get(r.id)])).toEqual([
      ['a:["queue",0]', 'play', 0, 'same'],
      ['a:["queue",1]', 'choice', 0, 'same'],
      ['a:["queue",1,"choice","0"]', 'option', 1, 'same'],
      ['a:["queue",1,"choice","1"]', 'option', 1, 'same'],
      ['a:["queue",1,"choice","2"]', 'option', 1, 'changed'],
      ['a:["queue",1,"choice","2","do",0]', 'callback', 2, 'added'],
    ])
    expect(graph.sections[4]!.rows.map((r) => [r.id, rows.get(r.id)])).toEqual([
      ['b:["callmeback",0]', 'removed'],
    ])
    expect(rows.get('a:["offline",0]')).toBe('changed')
    expect(edges.get('a:["queue",1,"choice","2"]->section:callmeback')).toBe('removed')
    expect(edges.get('a:["queue",1,"choice","1"]->section:voicemail')).toBe('same')
    expect(graph.stubs).toEqual([])
  })

  it('draws an edge that moved as removed from its old target and added to its new one', () => {
    const before = example('callback-from-queue.yaml')
    const after = before.replace('        goto: callmeback', '        goto: voicemail')
    const { edges } = diffGraph(before, after)
    expect([...edges].filter(([, status]) => status !== 'same')).toEqual([
      ['a:["queue",1,"choice","2"]->section:voicemail', 'added'],
      ['a:["queue",1,"choice","2"]->section:callmeback', 'removed'],
    ])
  })
})
