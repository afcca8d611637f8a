import { sameDraft, type Draft, type DraftStore } from './drafts.ts'

/** How long autosave waits for typing to pause before it writes. */
export const AUTOSAVE_PAUSE_MS = 250

/** The longest a change waits to be written while typing goes on. */
export const AUTOSAVE_MAX_WAIT_MS = 600

/** Timers, replaceable in tests. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
  now(): number
}

const REAL_TIMERS: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
}

/** Writes drafts a moment after each change; see `createAutosaver`. */
export interface Autosaver {
  /**
   * Notes the draft to keep, replacing one noted before under the same key; it is written within
   * `AUTOSAVE_MAX_WAIT_MS` plus one write.
   */
  schedule(draft: Draft): void
  /**
   * Sends every noted draft to the store at once, even while an earlier write is under way (a
   * page that unloads waits for neither); resolves once they and that write are durable.
   */
  flush(): Promise<void>
  /** Whether a draft is noted or being written. */
  pending(): boolean
  /** Stops the timers; a noted draft is dropped. */
  dispose(): void
}

/**
 * Keeps drafts in `store`: a change is written once typing pauses for `AUTOSAVE_PAUSE_MS`, and
 * at the latest `AUTOSAVE_MAX_WAIT_MS` after it was made, so every change is durable within about
 * a second. Writes never overlap: a change made during a write is written right after it,
 * except on `flush`, which sends it at once (the store keeps the order in which drafts were
 * sent). A draft equal to the one written last is not written again. A failed write is
 * reported to `onError` and tried again with the next change.
 */
export function createAutosaver(
  store: DraftStore,
  options: { readonly timers?: Timers; readonly onError?: (error: unknown) => void } = {},
): Autosaver {
  const timers = options.timers ?? REAL_TIMERS
  // Per draft key, so that opening another IVR does not drop the changes of the one before.
  const noted = new Map<string, Draft>()
  let firstNotedAt = 0
  let timer: unknown = null
  let writing: Promise<void> | null = null
  // Drafts a flush sent that are not written yet (a flush does not wait for `writing`).
  let flushing = 0
  const written = new Map<string, Draft>()
  let disposed = false

  const clearTimer = () => {
    if (timer !== null) timers.clearTimeout(timer)
    timer = null
  }

  const arm = () => {
    clearTimer()
    if (noted.size === 0 || writing !== null) return
    const wait = Math.max(
      0,
      Math.min(AUTOSAVE_PAUSE_MS, firstNotedAt + AUTOSAVE_MAX_WAIT_MS - timers.now()),
    )
    timer = timers.setTimeout(() => {
      timer = null
      void write()
    }, wait)
  }

  /** Writes `draft` unless it is the one written last; a failure is reported, not thrown. */
  const writeOne = async (draft: Draft): Promise<void> => {
    try {
      const before = written.get(draft.key)
      if (before === undefined || !sameDraft(before, draft)) await store.put(draft)
      written.set(draft.key, draft)
    } catch (error) {
      options.onError?.(error)
    }
  }

  const write = async (): Promise<void> => {
    if (writing !== null) return writing
    if (noted.size === 0) return
    // The draft noted last is written last, so that it becomes the current one.
    const drafts = [...noted.values()]
    noted.clear()
    clearTimer()
    writing = (async () => {
      for (const draft of drafts) await writeOne(draft)
    })()
    await writing
    writing = null
    if (noted.size > 0 && !disposed) {
      // Changes made during the write waited long enough already.
      firstNotedAt = Math.min(firstNotedAt, timers.now())
      arm()
    }
  }

  return {
    schedule(draft) {
      if (disposed) return
      if (noted.size === 0) firstNotedAt = timers.now()
      noted.delete(draft.key)
      noted.set(draft.key, draft)
      arm()
    },
    async flush() {
      // Every noted draft is sent before the first await, as a page that unloads does not wait:
      // the store commits them after a write under way, in the order they were sent.
      const drafts = [...noted.values()]
      noted.clear()
      clearTimer()
      flushing += drafts.length
      await Promise.all([
        writing,
        ...drafts.map((draft) => writeOne(draft).finally(() => flushing--)),
      ])
    },
    pending: () => noted.size > 0 || writing !== null || flushing > 0,
    dispose() {
      disposed = true
      noted.clear()
      clearTimer()
    },
  }
}
