import { translate, type Locale } from '../i18n/translate.ts'
import type { Severity } from '../validate/diagnostic.ts'
import { edgeBounds, edgePath, rowTop, sourceAnchor, targetAnchor } from './card-geometry.ts'
import type { GraphEdge, GraphSection, GraphStub, IvrGraph } from './graph.ts'
import { cardCaption, rowLabel, stubLabel, type LabelTranslate } from './labels.ts'
import { CARD, cardSize, type Point } from './layout.ts'
import { MISSING_ICON, ROW_ICONS } from './row-icons.ts'
import type { ProblemMarks } from './targets.ts'

/** The colours of an exported diagram, as hex values (a file has no CSS variables). */
export interface SvgPalette {
  readonly background: string
  readonly surface: string
  readonly border: string
  readonly divider: string
  readonly text: string
  readonly muted: string
  readonly accent: string
  readonly accentSoft: string
  readonly accentSoftText: string
  readonly accentBorder: string
  readonly chip: string
  readonly chipBorder: string
  readonly edge: string
  readonly edgeOption: string
  readonly edgeError: string
  readonly error: string
  readonly errorSoft: string
  readonly warning: string
  readonly warningSoft: string
  readonly info: string
}

/** The light and dark palettes, matching the canvas tokens of `src/app/theme/tokens.css`. */
export const SVG_PALETTES: Readonly<Record<'light' | 'dark', SvgPalette>> = {
  light: {
    background: '#f5f6f8',
    surface: '#ffffff',
    border: '#c8cdd6',
    divider: '#dfe2e8',
    text: '#16181e',
    muted: '#4f5562',
    accent: '#4b4fe0',
    accentSoft: '#eef0ff',
    accentSoftText: '#3d3fc2',
    accentBorder: '#c5ccff',
    chip: '#eceef2',
    chipBorder: '#c8cdd6',
    edge: '#9ba2af',
    edgeOption: '#7d87fb',
    edgeError: '#b35c00',
    error: '#d1343f',
    errorSoft: '#fdecee',
    warning: '#b35c00',
    warningSoft: '#fff3e0',
    info: '#1c6fd1',
  },
  dark: {
    background: '#16181e',
    surface: '#1d2027',
    border: '#383d48',
    divider: '#262a33',
    text: '#f5f6f8',
    muted: '#9ba2af',
    accent: '#7d87fb',
    accentSoft: '#282c48',
    accentSoftText: '#c5ccff',
    accentBorder: '#43497c',
    chip: '#262a33',
    chipBorder: '#383d48',
    edge: '#6c7380',
    edgeOption: '#7d87fb',
    edgeError: '#f5b049',
    error: '#ff7b83',
    errorSoft: '#3d2d34',
    warning: '#f5b049',
    warningSoft: '#3b342c',
    info: '#6fb1ff',
  },
}

/** What the diagram is drawn from: the canvas graph and where its cards stand. */
export interface SvgExportInput {
  readonly graph: IvrGraph
  /** Top-left corners by card id; cards without one are stacked below the rest. */
  readonly positions: ReadonlyMap<string, Point>
  /** Problems to outline cards and mark rows with; none when left out. */
  readonly marks?: ProblemMarks
  readonly locale: Locale
  readonly palette: SvgPalette
  /** The document's name, as the diagram's `<title>`. */
  readonly title?: string
}

/** An exported diagram: the SVG document and its size in CSS pixels. */
export interface SvgDiagram {
  readonly svg: string
  readonly width: number
  readonly height: number
}

/** Room around the cards, in CSS pixels. */
export const SVG_MARGIN = 40

const FONT =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', 'Hiragino Sans', 'Noto Sans JP', 'Noto Sans CJK JP', Meiryo, sans-serif"
const MONO =
  "ui-monospace, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', 'Noto Sans Mono CJK JP', monospace"

/**
 * A standalone SVG document of the canvas: cards with their rows as the canvas labels them,
 * entry badges, problem outlines, stubs for missing sections and edges with arrows, on a
 * background, with a margin around everything. Every text is escaped.
 */
export function exportSvg(input: SvgExportInput): SvgDiagram {
  const { graph, palette: p } = input
  const t: LabelTranslate = (id, args) => translate(input.locale, id, args)
  const boxes = placeCards(graph, input.positions)
  const sectionsById = new Map(graph.sections.map((s) => [s.id, s]))
  const edges = graph.edges.flatMap((edge) => {
    const ends = edgeEnds(edge, sectionsById, boxes)
    return ends ? [{ edge, ...ends }] : []
  })
  const bounds = boundsOf([
    ...boxes.values(),
    ...edges.map((e) => edgeBounds(e.source, e.target, e.selfTop)),
  ])
  const x0 = bounds.x - SVG_MARGIN
  const y0 = bounds.y - SVG_MARGIN
  const width = Math.ceil(bounds.width + 2 * SVG_MARGIN)
  const height = Math.ceil(bounds.height + 2 * SVG_MARGIN)

  const out: string[] = []
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
      `viewBox="${n(x0)} ${n(y0)} ${width} ${height}" font-family="${attr(FONT)}">`,
  )
  if (input.title) out.push(`<title>${text(input.title)}</title>`)
  out.push('<defs>', ...markers(p), '</defs>')
  out.push(
    `<rect x="${n(x0)}" y="${n(y0)}" width="${width}" height="${height}" fill="${p.background}"/>`,
  )

  out.push('<g class="ivr-edges" fill="none">')
  for (const { edge, source, target, selfTop } of edges) {
    out.push(edgeElement(edge, edgePath(source, target, selfTop), p))
  }
  out.push('</g>')

  graph.sections.forEach((section, index) => {
    out.push(cardElement(section, index, boxes.get(section.id)!, input.marks, t, p))
  })
  for (const stub of graph.stubs) out.push(stubElement(stub, boxes.get(stub.id)!, t, p))
  out.push('</svg>')
  return { svg: out.join('\n'), width, height }
}

interface Box extends Point {
  readonly width: number
  readonly height: number
}

function placeCards(graph: IvrGraph, positions: ReadonlyMap<string, Point>): Map<string, Box> {
  const boxes = new Map<string, Box>()
  const sized = [
    ...graph.sections.map((s) => ({ id: s.id, ...cardSize(s) })),
    ...graph.stubs.map((s) => ({ id: s.id, width: CARD.stubWidth, height: CARD.stubHeight })),
  ]
  const placed = sized.flatMap((c) => {
    const at = positions.get(c.id)
    return at ? [{ ...c, ...at }] : []
  })
  let y = placed.length > 0 ? Math.max(...placed.map((b) => b.y + b.height)) + 40 : 0
  const x = placed.length > 0 ? Math.min(...placed.map((b) => b.x)) : 0
  for (const card of sized) {
    const at = positions.get(card.id)
    if (at) {
      boxes.set(card.id, { ...card, ...at })
    } else {
      boxes.set(card.id, { ...card, x, y })
      y += card.height + 40
    }
  }
  return boxes
}

function boundsOf(boxes: readonly Box[]): Box {
  if (boxes.length === 0) return { x: 0, y: 0, width: CARD.width, height: CARD.header }
  const left = Math.min(...boxes.map((b) => b.x))
  const top = Math.min(...boxes.map((b) => b.y))
  const right = Math.max(...boxes.map((b) => b.x + b.width))
  const bottom = Math.max(...boxes.map((b) => b.y + b.height))
  return { x: left, y: top, width: right - left, height: bottom - top }
}

/** Where an edge starts and ends, or `null` when a card it joins is not drawn. */
function edgeEnds(
  edge: GraphEdge,
  sections: Map<string, GraphSection>,
  boxes: Map<string, Box>,
): { source: Point; target: Point; selfTop: number | undefined } | null {
  const section = sections.get(edge.source)
  const from = boxes.get(edge.source)
  const to = boxes.get(edge.target)
  if (!section || !from || !to) return null
  const index = section.rows.findIndex((r) => r.id === edge.sourceHandle)
  if (index < 0) return null
  return {
    source: sourceAnchor(from, index),
    target: targetAnchor(to, edge.dangling),
    selfTop: edge.source === edge.target ? from.y : undefined,
  }
}

function edgeKind(edge: GraphEdge): 'dangling' | 'onError' | 'option' | 'goto' {
  return edge.dangling ? 'dangling' : edge.via
}

function edgeElement(edge: GraphEdge, d: string, p: SvgPalette): string {
  const kind = edgeKind(edge)
  const color = { dangling: p.error, onError: p.edgeError, option: p.edgeOption, goto: p.edge }[
    kind
  ]
  const dash =
    kind === 'dangling'
      ? ' stroke-dasharray="6 5"'
      : kind === 'onError'
        ? ' stroke-dasharray="2 4"'
        : ''
  return (
    `<path class="ivr-edge" data-edge="${attr(edge.id)}" d="${d}" stroke="${color}" stroke-width="1.75"` +
    `${dash} stroke-linecap="round" marker-end="url(#ivr-arrow-${kind})"/>`
  )
}

function markers(p: SvgPalette): string[] {
  const kinds = { goto: p.edge, option: p.edgeOption, onError: p.edgeError, dangling: p.error }
  return Object.entries(kinds).map(
    ([kind, color]) =>
      `<marker id="ivr-arrow-${kind}" viewBox="0 0 10 10" refX="8.5" refY="5" markerWidth="7" ` +
      `markerHeight="7" markerUnits="userSpaceOnUse" orient="auto-start-reverse">` +
      `<path d="M1,1.5 L9,5 L1,8.5 Z" fill="${color}"/></marker>`,
  )
}

const SEVERITY_COLOR = { error: 'error', warning: 'warning', info: 'info' } as const

function cardElement(
  section: GraphSection,
  index: number,
  box: Box,
  marks: ProblemMarks | undefined,
  t: LabelTranslate,
  p: SvgPalette,
): string {
  const { width, height } = box
  const mark = marks?.nodes.get(section.id)
  const out: string[] = []
  out.push(
    `<g class="ivr-card" data-section="${attr(section.name)}" transform="translate(${n(box.x)} ${n(box.y)})">`,
  )
  const stroke = mark ? p[SEVERITY_COLOR[mark.severity]] : section.entry ? p.accentBorder : p.border
  out.push(
    `<rect width="${width}" height="${height}" rx="12" fill="${p.surface}" stroke="${stroke}" ` +
      `stroke-width="${mark ? 2 : 1}"/>`,
  )
  if (section.entry) {
    out.push(
      `<clipPath id="ivr-card-clip-${index}"><rect width="${width}" height="${height}" rx="12"/></clipPath>`,
      `<rect width="4" height="${height}" fill="${p.accent}" clip-path="url(#ivr-card-clip-${index})"/>`,
    )
  }
  const caption = wrapLines(cardCaption(section, t), width - 30, 11, 2)
  const nameY = caption.length > 1 ? 22 : 26
  let nameRoom = width - 32
  if (section.entry) {
    const label = t('canvas.card.entry')
    const pill = textWidth(label, 11) + 16
    nameRoom -= pill + 8
    out.push(
      `<g transform="translate(${n(width - 14 - pill - (mark ? 26 : 0))} ${nameY - 15})">` +
        `<rect width="${n(pill)}" height="20" rx="10" fill="${p.accentSoft}" stroke="${p.accentBorder}"/>` +
        `<text x="${n(pill / 2)}" y="14" text-anchor="middle" font-size="11" font-weight="600" ` +
        `fill="${p.accentSoftText}">${text(label)}</text></g>`,
    )
  }
  if (mark) {
    nameRoom -= 26
    out.push(problemBadge(mark.severity, mark.count, width - 24, nameY - 5, p))
  }
  out.push(
    `<text x="16" y="${nameY}" font-family="${attr(MONO)}" font-size="14" font-weight="600" fill="${p.text}">` +
      `${text(ellipsis(section.name, nameRoom, 14, true))}</text>`,
    ...caption.map(
      (line, i) =>
        `<text x="16" y="${nameY + 17 + i * 13}" font-size="11" fill="${p.muted}">${text(line)}</text>`,
    ),
    `<line x1="0" x2="${width}" y1="${CARD.header}" y2="${CARD.header}" stroke="${p.divider}"/>`,
  )
  section.rows.forEach((row, i) => {
    const label = rowLabel(row, t)
    const rowMark = marks?.rows.get(row.id)
    const top = rowTop(i)
    const mid = top + CARD.row / 2
    const color = label.tone === 'error' ? p.error : p.text
    let x = 12 + row.depth * 16
    let right = width - 14
    const parts: string[] = [`<g class="ivr-row" data-row="${attr(row.id)}">`]
    // The full text (whole URLs) as a tooltip where the row shows less.
    if (label.title !== label.text) parts.push(`<title>${text(label.title)}</title>`)
    if (label.key !== null) {
      const chip = Math.max(20, textWidth(label.key, 12, true) + 10)
      parts.push(
        `<rect x="${x}" y="${mid - 10}" width="${n(chip)}" height="20" rx="5" fill="${p.chip}" stroke="${p.chipBorder}"/>`,
        `<text x="${n(x + chip / 2)}" y="${mid + 4}" text-anchor="middle" font-family="${attr(MONO)}" ` +
          `font-size="12" font-weight="600" fill="${p.text}">${text(label.key)}</text>`,
      )
      x += chip + 8
    } else {
      parts.push(
        icon(ROW_ICONS[label.icon], x, mid - 8, 16, label.tone === 'error' ? p.error : p.muted),
      )
      x += 24
    }
    if (row.target !== null) {
      parts.push(
        `<circle cx="${width}" cy="${mid}" r="4" fill="${p.surface}" stroke="${p.edge}" stroke-width="1.5"/>`,
      )
    }
    if (rowMark) {
      parts.push(
        `<circle cx="${right - 3}" cy="${mid}" r="3.5" fill="${p[SEVERITY_COLOR[rowMark.severity]]}"/>`,
      )
      right -= 14
    }
    if (label.chip !== null) {
      const chip = textWidth(label.chip, 11) + 14
      parts.push(
        `<rect x="${n(right - chip)}" y="${mid - 9}" width="${n(chip)}" height="18" rx="9" fill="${p.chip}"/>`,
        `<text x="${n(right - chip / 2)}" y="${mid + 4}" text-anchor="middle" font-size="11" ` +
          `font-weight="500" fill="${p.muted}">${text(label.chip)}</text>`,
      )
      right -= chip + 8
    }
    const room = right - x
    const main = ellipsis(label.text, room, 13)
    const mainWidth = textWidth(main, 13)
    parts.push(`<text x="${x}" y="${mid + 4.5}" font-size="13" fill="${color}">${text(main)}`)
    if (label.detail !== null && room - mainWidth > 40) {
      parts.push(
        `<tspan dx="6" font-size="12" fill="${p.muted}">${text(ellipsis(label.detail, room - mainWidth - 6, 12))}</tspan>`,
      )
    }
    parts.push('</text>', '</g>')
    out.push(parts.join(''))
  })
  out.push('</g>')
  return out.join('\n')
}

function stubElement(stub: GraphStub, box: Box, t: LabelTranslate, p: SvgPalette): string {
  const label = stubLabel(stub.name, t)
  const lines = wrapLines(label, box.width - 54, 12.5, 2)
  const top = box.height / 2 - ((lines.length - 1) * 16) / 2 + 4.5
  return [
    `<g class="ivr-stub" data-section="${attr(stub.name)}" transform="translate(${n(box.x)} ${n(box.y)})">`,
    `<title>${text(label)}</title>`,
    `<rect width="${box.width}" height="${box.height}" rx="12" fill="${p.errorSoft}" stroke="${p.error}" ` +
      `stroke-width="1.5" stroke-dasharray="6 4"/>`,
    icon(MISSING_ICON, 14, box.height / 2 - 9, 18, p.error),
    ...lines.map(
      (line, i) =>
        `<text x="42" y="${n(top + i * 16)}" font-size="12.5" font-weight="600" fill="${p.error}">${text(line)}</text>`,
    ),
    '</g>',
  ].join('')
}

/** `value` broken into at most `max` lines of `room` pixels, the last one ellipsised if need be. */
function wrapLines(value: string, room: number, size: number, max: number): string[] {
  const lines: string[] = []
  let rest = value
  while (rest !== '' && lines.length < max - 1) {
    if (textWidth(rest, size) <= room) break
    const chars = [...rest]
    let width = 0
    let cut = 0
    while (cut < chars.length && width + textWidth(chars[cut]!, size) <= room)
      width += textWidth(chars[cut++]!, size)
    // Prefer to break after a space when there is one on the line.
    const space = chars.slice(0, cut).lastIndexOf(' ')
    const at = space > 0 ? space + 1 : Math.max(1, cut)
    lines.push(chars.slice(0, at).join('').trimEnd())
    rest = chars.slice(at).join('')
  }
  if (rest !== '') lines.push(ellipsis(rest, room, size))
  return lines
}

function problemBadge(
  severity: Severity,
  count: number,
  cx: number,
  cy: number,
  p: SvgPalette,
): string {
  const label = count > 99 ? '99+' : String(count)
  const w = Math.max(20, textWidth(label, 11) + 10)
  return (
    `<g class="ivr-problems"><rect x="${n(cx - w / 2)}" y="${cy - 10}" width="${n(w)}" height="20" rx="10" ` +
    `fill="${p[SEVERITY_COLOR[severity]]}"/><text x="${n(cx)}" y="${cy + 4}" text-anchor="middle" ` +
    `font-size="11" font-weight="700" fill="${p.surface}">${label}</text></g>`
  )
}

function icon(paths: readonly string[], x: number, y: number, size: number, color: string): string {
  const scale = size / 24
  return (
    `<g transform="translate(${n(x)} ${n(y)}) scale(${Math.round(scale * 1000) / 1000})" fill="none" stroke="${color}" ` +
    `stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round">` +
    paths.map((d) => `<path d="${d}"/>`).join('') +
    '</g>'
  )
}

/**
 * About how wide `value` is at `size` pixels. Without a DOM there is nothing to measure with, so
 * wide (CJK) characters count a full em and others a little over half of one.
 */
export function textWidth(value: string, size: number, mono = false): number {
  let em = 0
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0
    if (isWide(code)) em += 1
    else if (mono) em += 0.6
    else if (/[ilj.,:;'|!()[\]]/.test(char)) em += 0.3
    else if (/[mwMW@]/.test(char)) em += 0.85
    else if (/[A-Z0-9]/.test(char)) em += 0.64
    else em += 0.54
  }
  return em * size
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x1f300
  )
}

/** `value` cut with an ellipsis to fit `room` pixels at `size`. */
export function ellipsis(value: string, room: number, size: number, mono = false): string {
  if (textWidth(value, size, mono) <= room) return value
  const chars = [...value]
  let width = textWidth('…', size, mono)
  let cut = 0
  while (cut < chars.length) {
    const next = textWidth(chars[cut]!, size, mono)
    if (width + next > room) break
    width += next
    cut++
  }
  return `${chars.slice(0, cut).join('')}…`
}

// Control characters that XML 1.0 does not allow at all, even escaped.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

/** Text content with the characters XML gives meaning to escaped. */
function text(value: string): string {
  return value
    .replace(NOT_XML, '\uFFFD')
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
}

/** An attribute value (always written in double quotes) with its special characters escaped. */
function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;')
}

function n(value: number): string {
  return String(Math.round(value * 10) / 10)
}
