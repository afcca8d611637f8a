import { exportSvg, SVG_PALETTES } from '../../graph/export-svg.ts'
import type { Point } from '../../graph/layout.ts'
import type { AppState } from '../state/app-store.ts'
import { positionOf } from '../state/canvas.ts'

/** The formats the diagram exports to. */
export type DiagramFormat = 'svg' | 'png'

/** The largest side and area of a canvas Chromium, Firefox and Safari all draw. */
const MAX_SIDE = 16_384
const MAX_AREA = 100_000_000

/**
 * The diagram of the last good graph, laid out as on the canvas (dragged cards where they were
 * put), in the current language and colour scheme: an SVG file, or a PNG drawn from it at twice
 * the size (less for diagrams too large for a browser canvas).
 */
export async function renderDiagram(state: AppState, format: DiagramFormat): Promise<Blob> {
  const { graph, marks } = state.document.view.good
  const positions = new Map<string, Point>()
  for (const card of [...graph.sections, ...graph.stubs]) {
    const at = positionOf(state.canvas, card.id)
    if (at) positions.set(card.id, at)
  }
  const diagram = exportSvg({
    graph,
    positions,
    marks,
    locale: state.preferences.locale,
    palette: SVG_PALETTES[schemeOf(state)],
    title: state.document.name,
  })
  if (format === 'svg') return new Blob([diagram.svg], { type: 'image/svg+xml' })

  const image = new Image()
  // A data URL, not a blob URL: the page's content security policy allows only data: images.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(diagram.svg)}`
  await image.decode()
  const scale = Math.min(
    2,
    MAX_SIDE / diagram.width,
    MAX_SIDE / diagram.height,
    Math.sqrt(MAX_AREA / (diagram.width * diagram.height)),
  )
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.floor(diagram.width * scale))
  canvas.height = Math.max(1, Math.floor(diagram.height * scale))
  const context = canvas.getContext('2d')
  if (!context) throw new Error('This browser cannot draw the diagram.')
  context.drawImage(image, 0, 0, canvas.width, canvas.height)
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The diagram could not be drawn.'))),
      'image/png',
    ),
  )
}

function schemeOf(state: AppState): 'light' | 'dark' {
  const { theme } = state.preferences
  if (theme !== 'system') return theme
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}
