import { useEffect, useMemo, useRef } from 'react'
import type { IvrGraph } from '../../graph/graph.ts'
import { fromElkLayout, layoutKey, type Point } from '../../graph/layout.ts'
import { canvasElkGraph, fallbackLayout } from './canvas-layout.ts'
import { useAppState, useAppStore } from '../state/store-context.tsx'
import type { LayoutRequest, LayoutResponse } from './layout-protocol.ts'
import LayoutWorker from './layout.worker.ts?worker'

/**
 * Keeps the computed positions in step with the graph: whenever the graph's shape
 * (`layoutKey`) differs from the one the positions were computed for, lays it out again in a
 * Web Worker and dispatches `canvas.layout`. One layout runs at a time; while it runs, only the
 * newest graph waits, so fast typing never queues up stale layouts. The worker (ELK, the largest
 * script of the page after Monaco) starts once the page has painted, after the YAML editor has
 * asked for Monaco, so that neither waits for the other's download on the way to the first paint.
 */
export function useAutoLayout(): void {
  const store = useAppStore()
  const graph = useAppState((s) => s.document.view.good.graph)
  const laidOut = useAppState((s) => s.canvas.layoutKey)
  const key = useMemo(() => layoutKey(graph), [graph])
  const runner = useRef<LayoutRunner | null>(null)

  useEffect(() => {
    const created = createLayoutRunner((done, positions) => {
      // Only the newest graph's layout counts; an older one would put cards back.
      if (layoutKey(store.getState().document.view.good.graph) !== done) return
      store.dispatch({ type: 'canvas.layout', key: done, positions })
    }, afterPaint())
    runner.current = created
    return () => {
      created.dispose()
      runner.current = null
    }
  }, [store])

  useEffect(() => {
    if (key !== laidOut) runner.current?.request(key, graph)
  }, [key, laidOut, graph])
}

interface LayoutRunner {
  request(key: string, graph: IvrGraph): void
  dispose(): void
}

type Positions = Readonly<Record<string, Point>>

/**
 * Resolves once the frame after now has been painted (a timer set from its animation frame runs
 * after it), or after a while in a page that draws no frames, such as one in a background tab.
 */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0))
    setTimeout(resolve, 500)
  })
}

function createLayoutRunner(
  onDone: (key: string, positions: Positions) => void,
  startAfter: Promise<void>,
): LayoutRunner {
  let worker: Worker | null = null
  let broken = false
  let disposed = false
  // Until `startAfter`, requests wait like those that come while a layout runs.
  let deferred = true
  let running: { id: number; key: string; graph: IvrGraph } | null = null
  let waiting: { key: string; graph: IvrGraph } | null = null
  let nextId = 1

  const start = (key: string, graph: IvrGraph) => {
    if (graph.sections.length + graph.stubs.length === 0) {
      onDone(key, {})
      return
    }
    if (broken || !ensureWorker()) {
      onDone(key, fallbackLayout(graph))
      return
    }
    running = { id: nextId++, key, graph }
    const request: LayoutRequest = { id: running.id, graph: canvasElkGraph(graph) }
    worker!.postMessage(request)
  }

  const finish = () => {
    running = null
    if (waiting && !deferred && !disposed) {
      const next = waiting
      waiting = null
      start(next.key, next.graph)
    }
  }

  const ensureWorker = (): boolean => {
    if (worker) return true
    try {
      worker = new LayoutWorker()
    } catch {
      broken = true
      return false
    }
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      const answer = event.data
      if (!running || answer.id !== running.id) return
      const { key, graph } = running
      onDone(
        key,
        answer.ok ? Object.fromEntries(fromElkLayout(answer.output)) : fallbackLayout(graph),
      )
      finish()
    }
    worker.onerror = () => {
      // A worker that cannot start (or crashed) is not retried: the grid keeps the canvas usable.
      broken = true
      worker?.terminate()
      worker = null
      if (running) onDone(running.key, fallbackLayout(running.graph))
      finish()
    }
    return true
  }

  void startAfter.then(() => {
    deferred = false
    if (!running) finish()
  })

  return {
    request(key, graph) {
      if (running?.key === key) return
      if (running || deferred) waiting = { key, graph }
      else start(key, graph)
    },
    dispose() {
      disposed = true
      worker?.terminate()
      worker = null
      running = null
      waiting = null
    },
  }
}
