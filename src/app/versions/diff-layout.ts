import type { IvrGraph } from '../../graph/graph.ts'
import { fromElkLayout, type Point } from '../../graph/layout.ts'
import { canvasElkGraph, fallbackLayout } from '../canvas/canvas-layout.ts'
import type { LayoutResponse } from '../canvas/layout-protocol.ts'
import LayoutWorker from '../canvas/layout.worker.ts?worker'

/**
 * Lays out a comparison's merged graph as the canvas lays out an IVR, in a worker of its own that
 * ends with the layout; the grid of the canvas when the worker cannot run or takes too long.
 */
export function layoutDiffGraph(graph: IvrGraph): Promise<Record<string, Point>> {
  if (graph.sections.length + graph.stubs.length === 0) return Promise.resolve({})
  return new Promise((resolve) => {
    let worker: Worker
    try {
      worker = new LayoutWorker()
    } catch {
      resolve(fallbackLayout(graph))
      return
    }
    const done = (positions: Record<string, Point>) => {
      clearTimeout(timer)
      worker.terminate()
      resolve(positions)
    }
    const timer = setTimeout(() => done(fallbackLayout(graph)), 10_000)
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      const answer = event.data
      done(answer.ok ? Object.fromEntries(fromElkLayout(answer.output)) : fallbackLayout(graph))
    }
    worker.onerror = () => done(fallbackLayout(graph))
    worker.postMessage({ id: 1, graph: canvasElkGraph(graph) })
  })
}
