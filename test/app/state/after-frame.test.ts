import { afterEach, describe, expect, it } from 'vitest'
import { afterFrame, afterNextFrame } from '../../../src/app/state/after-frame.ts'
import { createStore } from '../../../src/app/state/store.ts'

/** A counter store, and a scheduler whose callbacks run when the test says the frame is drawn. */
function setup() {
  const store = createStore((n: number, add: number) => n + add, 0)
  const due: (() => void)[] = []
  let scheduled = 0
  const view = afterFrame(store, (callback) => {
    scheduled++
    due.push(callback)
    return () => due.splice(due.indexOf(callback), 1)
  })
  const drawFrame = () => {
    for (const callback of due.splice(0)) callback()
  }
  return { store, view, drawFrame, scheduled: () => scheduled, pending: () => due.length }
}

describe('afterFrame', () => {
  it('shows a change made to the store after the frame, once for many changes', () => {
    const { store, view, drawFrame, scheduled } = setup()
    const seen: number[] = []
    view.subscribe(() => seen.push(view.getState()))
    store.dispatch(1)
    store.dispatch(2)
    expect(view.getState()).toBe(0)
    expect(seen).toEqual([])
    drawFrame()
    expect(view.getState()).toBe(3)
    expect(seen).toEqual([3])
    expect(scheduled()).toBe(1)
  })

  it('shows its own dispatch at once and drops the frame it waited for', () => {
    const { store, view, pending } = setup()
    const seen: number[] = []
    view.subscribe(() => seen.push(view.getState()))
    store.dispatch(5)
    expect(pending()).toBe(1)
    view.dispatch(1)
    expect(store.getState()).toBe(6)
    expect(view.getState()).toBe(6)
    expect(seen).toEqual([6])
    expect(pending()).toBe(0)
  })

  it('catches up on request, and tells nobody when nothing changed', () => {
    const { store, view } = setup()
    let calls = 0
    view.subscribe(() => calls++)
    view.catchUp()
    expect(calls).toBe(0)
    store.dispatch(2)
    view.catchUp()
    expect(view.getState()).toBe(2)
    expect(calls).toBe(1)
  })

  it('listens to the store only while it has listeners, and starts from its current state', () => {
    const { store, view, pending } = setup()
    const stop = view.subscribe(() => {})
    store.dispatch(1)
    expect(pending()).toBe(1)
    stop()
    expect(pending()).toBe(0)
    store.dispatch(1)
    expect(pending()).toBe(0)
    expect(view.getState()).toBe(2)
    view.subscribe(() => {})
    expect(view.getState()).toBe(2)
    store.dispatch(1)
    expect(view.getState()).toBe(2)
  })

  it('shows a change that ends up where it started without telling anyone', () => {
    const store = createStore((_: { n: number }, next: { n: number }) => next, { n: 0 })
    const first = store.getState()
    const due: (() => void)[] = []
    const view = afterFrame(store, (callback) => {
      due.push(callback)
      return () => {}
    })
    let calls = 0
    view.subscribe(() => calls++)
    store.dispatch({ n: 1 })
    store.dispatch(first)
    for (const callback of due.splice(0)) callback()
    expect(calls).toBe(0)
    expect(view.getState()).toBe(first)
  })
})

describe('afterNextFrame', () => {
  const frames: FrameRequestCallback[] = []
  const globals = globalThis as unknown as Record<string, unknown>
  afterEach(() => {
    delete globals.requestAnimationFrame
    delete globals.cancelAnimationFrame
    frames.length = 0
  })
  function installFrames() {
    globals.requestAnimationFrame = (callback: FrameRequestCallback) => frames.push(callback)
    globals.cancelAnimationFrame = (id: number) => {
      frames[id - 1] = () => {}
    }
  }
  const drawFrame = () => {
    for (const callback of frames.splice(0)) callback(0)
  }
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

  it('runs the callback once, after the frame', async () => {
    installFrames()
    let runs = 0
    afterNextFrame(() => runs++)
    await sleep(20)
    expect(runs).toBe(0)
    drawFrame()
    await sleep(20)
    expect(runs).toBe(1)
    // The timer standing in for a frame does not run it again.
    await sleep(120)
    expect(runs).toBe(1)
  })

  it('runs it within a tenth of a second when no frame comes', async () => {
    installFrames()
    let runs = 0
    afterNextFrame(() => runs++)
    await sleep(150)
    expect(runs).toBe(1)
  })

  it('runs nothing once cancelled', async () => {
    installFrames()
    let runs = 0
    const cancel = afterNextFrame(() => runs++)
    cancel()
    drawFrame()
    await sleep(150)
    expect(runs).toBe(0)
  })
})
