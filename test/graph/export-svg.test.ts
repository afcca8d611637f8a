import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildGraph } from '../../src/graph/build-graph.ts'
import {
  exportSvg,
  SVG_MARGIN,
  SVG_PALETTES,
  type SvgExportInput,
} from '../../src/graph/export-svg.ts'
import type { IvrGraph } from '../../src/graph/graph.ts'
import { CARD, cardSize, type Point } from '../../src/graph/layout.ts'
import { indexTargets, markProblems } from '../../src/graph/targets.ts'
import { validateIvr } from '../../src/validate/validate-ivr.ts'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'
import { dedent } from '../helpers/dedent.ts'

const example = (name: string) =>
  readFileSync(new URL(`../fixtures/examples/${name}`, import.meta.url), 'utf8')

function graphOf(text: string): IvrGraph {
  const parsed = parseIvr(text)
  return buildGraph(parsed.model, parsed.text)
}

/** Cards in one column, 40 px apart, in the order of the graph: a stand-in for the layout. */
function column(graph: IvrGraph, x = 0): Map<string, Point> {
  const positions = new Map<string, Point>()
  let y = 0
  for (const section of graph.sections) {
    positions.set(section.id, { x, y })
    y += cardSize(section).height + 40
  }
  for (const stub of graph.stubs) {
    positions.set(stub.id, { x: x + CARD.width + 90, y: 0 })
  }
  return positions
}

function svgOf(graph: IvrGraph, extra: Partial<SvgExportInput> = {}): string {
  return exportSvg({
    graph,
    positions: column(graph),
    locale: 'en',
    palette: SVG_PALETTES.light,
    ...extra,
  }).svg
}

/** An attribute value or text with its entities decoded. */
function unescape(value: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' }
  return value.replace(/&(amp|lt|gt|quot);/g, (_all, name: string) => entities[name]!)
}

/** The `data-section` of every card group, in document order. */
function cardNames(svg: string): string[] {
  return [...svg.matchAll(/<g class="ivr-card" data-section="([^"]*)"/g)].map((m) => m[1]!)
}

/**
 * Checks that `svg` is well-formed XML as far as a serializer's output can go wrong: tags nest and
 * close, attribute values are quoted, and `&` and `<` appear only as markup or entities.
 */
function expectWellFormed(svg: string): void {
  const stack: string[] = []
  const rest = svg.replace(
    /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g,
    (_all, close, name, _attrs, self) => {
      if (self) return ''
      if (close) expect(stack.pop()).toBe(name)
      else stack.push(name)
      return ''
    },
  )
  expect(stack).toEqual([])
  expect(rest).not.toMatch(/</)
  expect(rest).not.toMatch(/&(?!(amp|lt|gt|quot|#\d+);)/)
}

describe('the SVG export', () => {
  it('draws one card group per section, named after it, and one stub per missing section', () => {
    const graph = graphOf(example('callback-from-queue.yaml'))
    const svg = svgOf(graph)
    expect(cardNames(svg)).toEqual(['online', 'offline', 'queue', 'callmeback', 'voicemail'])
    expect(svg.match(/class="ivr-stub"/g)).toBeNull()
    for (const name of cardNames(svg)) expect(svg).toContain(`>${name}</text>`)
    expectWellFormed(svg)
  })

  it('draws a path with an arrow for every edge, dangling ones red and dashed towards their stub', () => {
    const graph = graphOf(dedent`
      online:
        - choice:
            1:
              name: Sales
              play: https://example.com/1.mp3
              goto: sales
            2:
              name: Support
              play: https://example.com/2.mp3
              goto: suport
      offline: [voicemail]
      queue: [ring]
      sales:
        - goto: online
    `)
    const svg = svgOf(graph)
    const edges = [
      ...svg.matchAll(
        /<path class="ivr-edge" data-edge="([^"]*)" d="([^"]*)" stroke="([^"]*)"([^>]*)>/g,
      ),
    ]
    expect(edges.map((e) => unescape(e[1]!))).toEqual(graph.edges.map((e) => e.id))
    expect(edges).toHaveLength(3)
    const dangling = edges.find((e) => e[1]!.includes('missing:suport'))!
    expect(dangling[3]).toBe(SVG_PALETTES.light.error)
    expect(dangling[4]).toContain('stroke-dasharray')
    expect(dangling[4]).toContain('marker-end="url(#ivr-arrow-dangling)"')
    for (const edge of edges) expect(edge[2]).toMatch(/^M[-\d.]+,[-\d.]+ C/)
    expect(svg).toContain('<g class="ivr-stub" data-section="suport"')
    expect(svg).toContain('Missing section “suport”')
  })

  it('escapes section names, option names and URLs with <, & and quotes', () => {
    const graph = graphOf(dedent`
      online:
        - play: "https://example.com/a.mp3?x=1&y=<2>"
        - choice:
            1:
              name: Sales & "new" <customers>
              play: https://example.com/1.mp3
              goto: "a<b&\\"c\\"'"
      offline: [voicemail]
      queue: [ring]
      "a<b&\\"c\\"'":
        - ring
    `)
    const svg = svgOf(graph)
    expectWellFormed(svg)
    expect(cardNames(svg).map(unescape)).toContain(`a<b&"c"'`)
    expect(cardNames(svg)).toContain(`a&lt;b&amp;&quot;c&quot;'`)
    expect(svg).toContain(`>a&lt;b&amp;"c"'</text>`)
    expect(svg).toContain('Sales &amp; "new" &lt;customers&gt;')
    expect(svg).not.toContain('<customers>')
    expect(svg).not.toContain('<2>')
  })

  it('has a viewBox that holds every card with the margin around them, on a background', () => {
    const graph = graphOf(example('departments-transfer.yaml'))
    const positions = column(graph, 120)
    const { svg, width, height } = exportSvg({
      graph,
      positions,
      locale: 'en',
      palette: SVG_PALETTES.dark,
    })
    const [x, y, w, h] = /viewBox="([^"]*)"/.exec(svg)![1]!.split(' ').map(Number) as [
      number,
      number,
      number,
      number,
    ]
    expect([w, h]).toEqual([width, height])
    for (const section of graph.sections) {
      const at = positions.get(section.id)!
      const size = cardSize(section)
      expect(at.x - x).toBeGreaterThanOrEqual(SVG_MARGIN)
      expect(at.y - y).toBeGreaterThanOrEqual(SVG_MARGIN)
      expect(x + w - (at.x + size.width)).toBeGreaterThanOrEqual(SVG_MARGIN)
      expect(y + h - (at.y + size.height)).toBeGreaterThanOrEqual(SVG_MARGIN)
    }
    expect(svg).toContain(
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${SVG_PALETTES.dark.background}"/>`,
    )
  })

  it('places every card where the positions say', () => {
    const graph = graphOf(example('basic.yaml'))
    const svg = svgOf(graph, { positions: new Map([['section:online', { x: 500, y: -20 }]]) })
    expect(svg).toContain('data-section="online" transform="translate(500 -20)"')
    // Cards without a position go below the others instead of on top of them.
    const offline = /data-section="offline" transform="translate\(([-\d.]+) ([-\d.]+)\)"/.exec(svg)!
    expect(Number(offline[2])).toBeGreaterThanOrEqual(-20 + cardSize(graph.sections[0]!).height)
  })

  it('labels rows as the canvas does, in the language asked for', () => {
    const graph = graphOf(example('callback-from-queue.yaml'))
    const en = svgOf(graph)
    expect(en).toContain('Play next-in-queue.mp3')
    expect(en).toContain('>Menu<')
    expect(en).toContain('>Leave voicemail<')
    expect(en).toContain('>Callback request<')
    expect(en).toContain('>Entry<')
    const ja = svgOf(graph, { locale: 'ja' })
    expect(ja).toContain('再生: next-in-queue.mp3')
    expect(ja).toContain('>メニュー<')
    expect(ja).toContain('>エントリー<')
  })

  it('outlines cards with problems and marks their rows', () => {
    const text = dedent`
      online:
        - plya: https://example.com/1.mp3
      offline: [voicemail]
      queue: [ring]
    `
    const parsed = parseIvr(text)
    const graph = buildGraph(parsed.model, parsed.text)
    const marks = markProblems(indexTargets(graph), validateIvr(parsed))
    const svg = svgOf(graph, { marks })
    const online = svg.slice(
      svg.indexOf('data-section="online"'),
      svg.indexOf('data-section="offline"'),
    )
    expect(online).toContain(`stroke="${SVG_PALETTES.light.error}" stroke-width="2"`)
    expect(online).toMatch(/<g class="ivr-problems">.*>1<\/text><\/g>/)
    expect(online).toContain('Unknown command “plya”')
    const offline = svg.slice(svg.indexOf('data-section="offline"'))
    expect(offline).not.toContain('ivr-problems')
  })

  it('ellipsises text that does not fit a card', () => {
    const long = 'a'.repeat(200)
    const graph = graphOf(
      `online:\n  - play: https://example.com/${long}.mp3\noffline: [voicemail]\nqueue: [ring]\n`,
    )
    const svg = svgOf(graph)
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)</g)].map((m) => m[1]!)
    expect(texts.filter((t) => t.includes(long))).toEqual([])
    expect(texts).toContainEqual(expect.stringMatching(/^Play a+…$/))
    // The whole URL stays available as the row's tooltip.
    expect(svg).toContain(`<title>Play ${long}.mp3\nhttps://example.com/${long}.mp3</title>`)
  })

  it('gives the same document for the same input', () => {
    const graph = graphOf(example('dtmf-input.yaml'))
    expect(svgOf(graph)).toBe(svgOf(graph))
  })
})
