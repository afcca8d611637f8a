import { useCallback, useEffect, useMemo, useRef } from 'react'
import type { IvrGraph } from '../../graph/graph.ts'
import { fromElkLayout, layoutKey, type Point } from '../../graph/layout.ts'
import { canvasElkGraph, fallbackLayout } from './canvas-layout.ts'
import { useAppState, useAppStore } from '../state/store-context.tsx'
import type { LayoutRequest, LayoutResponse } from './layout-protocol.ts'
import LayoutWorker from './layout.worker.ts?worker'

/**
 * Lays the canvas out in a Web Worker (ELK) when a document is opened and on "Tidy up", and
 * dispatches the positions: `canvas.layout` for a document just opened, `canvas.tidy` (an undo
 * step) for "Tidy up". Edits in between never lay the canvas out again: the store pins the cards
 * where they stand (`followGraph`). One layout runs at a time; while it runs, only the newest
 * request waits, so fast typing never queues up stale layouts. The worker (ELK, the largest script
 * of the page after Monaco) starts once the page has painted, after the YAML editor has asked for
 * Monaco, so that neither waits for the other's download on the way to the first paint.
 * Returns "Tidy up", which calls `done` once the tidy positions are in place.
 */
export function useAutoLayout(): { tidy(done?: () => void): void } {
  const store = useAppStore()
  const graph = useAppState((s) => s.document.view.good.graph)
  const laidOut = useAppState((s) => s.canvas.layoutKey)
  const key = useMemo(() => layoutKey(graph), [graph])
  const runner = useRef<LayoutRunner | null>(null)
  const tidied = useRef<(() => void) | null>(null)

  useEffect(() => {
    const created = createLayoutRunner((request, positions) => {
      const { graph: current } = store.getState().document.view.good
      // Only the newest graph's layout counts; an older one would put cards back.
      if (layoutKey(current) !== request.key) {
        if (request.purpose === 'tidy') created.request(layoutKey(current), current, 'tidy')
        return
      }
      if (request.purpose === 'open') {
        if (store.getState().canvas.layoutKey === null)
          store.dispatch({ type: 'canvas.layout', key: request.key, positions })
        return
      }
      store.dispatch({ type: 'canvas.tidy', key: request.key, positions })
      const done = tidied.current
      tidied.current = null
      done?.()
    }, afterPaint())
    runner.current = created
    return () => {
      created.dispose()
      runner.current = null
    }
  }, [store])

  useEffect(() => {
    if (laidOut === null) runner.current?.request(key, graph, 'open')
  }, [key, laidOut, graph])

  const tidy = useCallback(
    (done?: () => void) => {
      tidied.current = done ?? null
      const { graph: current } = store.getState().document.view.good
      runner.current?.request(layoutKey(current), current, 'tidy')
    },
    [store],
  )
  return useMemo(() => ({ tidy }), [tidy])
}

/** What a layout is for: a document just opened, or "Tidy up". */
type Purpose = 'open' | 'tidy'

interface Job {
  readonly key: string
  readonly graph: IvrGraph
  readonly purpose: Purpose
}

interface LayoutRunner {
  request(key: string, graph: IvrGraph, purpose: Purpose): void
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
  onDone: (job: Job, positions: Positions) => void,
  startAfter: Promise<void>,
): LayoutRunner {
  let worker: Worker | null = null
  let broken = false
  let disposed = false
  // Until `startAfter`, requests wait like those that come while a layout runs.
  let deferred = true
  let running: (Job & { readonly id: number }) | null = null
  let waiting: Job | null = null
  let nextId = 1

  const start = (job: Job) => {
    const { graph } = job
    if (graph.sections.length + graph.stubs.length === 0) {
      onDone(job, {})
      return
    }
    if (broken || !ensureWorker()) {
      onDone(job, fallbackLayout(graph))
      return
    }
    running = { ...job, id: nextId++ }
    const request: LayoutRequest = { id: running.id, graph: canvasElkGraph(graph) }
    worker!.postMessage(request)
  }

  const finish = () => {
    running = null
    if (waiting && !deferred && !disposed) {
      const next = waiting
      waiting = null
      start(next)
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
      const job = running
      onDone(
        job,
        answer.ok ? Object.fromEntries(fromElkLayout(answer.output)) : fallbackLayout(job.graph),
      )
      finish()
    }
    worker.onerror = () => {
      // A worker that cannot start (or crashed) is not retried: the grid keeps the canvas usable.
      broken = true
      worker?.terminate()
      worker = null
      if (running) onDone(running, fallbackLayout(running.graph))
      finish()
    }
    return true
  }

  void startAfter.then(() => {
    deferred = false
    if (!running) finish()
  })

  return {
    request(key, graph, purpose) {
      if (running?.key === key && running.purpose === purpose) return
      // "Tidy up" waiting is not given up for the layout of a document being opened.
      if (waiting?.purpose === 'tidy' && purpose === 'open') purpose = 'tidy'
      const job = { key, graph, purpose }
      if (running || deferred) waiting = job
      else start(job)
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
