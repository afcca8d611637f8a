import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  AUTOSAVE_MAX_WAIT_MS,
  AUTOSAVE_PAUSE_MS,
  createAutosaver,
} from '../../../src/app/library/autosave.ts'
import {
  createMemoryDraftStore,
  draftKeyOf,
  hasUnsavedChanges,
  isDraft,
  type Draft,
  type DraftStore,
} from '../../../src/app/library/drafts.ts'

const draft = (text: string, key = 'ivr:main'): Draft => ({
  key,
  name: 'Main line',
  text,
  bom: false,
  savedText: 'online: []\n',
  library: { id: 'main', version: 3 },
  positions: {},
  selection: null,
  updatedAt: 0,
})

/** A store that records each write and can be made to wait or fail. */
function recordingStore() {
  const inner = createMemoryDraftStore()
  const writes: string[] = []
  const sent: string[] = []
  let gate: Promise<void> | null = null
  let fail = false
  const store: DraftStore = {
    ...inner,
    async put(d) {
      sent.push(d.text)
      if (gate) await gate
      if (fail) throw new Error('disk full')
      writes.push(d.text)
      await inner.put(d)
    },
  }
  return {
    store,
    inner,
    writes,
    /** The drafts handed to the store, written or not yet. */
    sent,
    hold() {
      let release = () => {}
      gate = new Promise<void>((resolve) => (release = resolve))
      return () => {
        gate = null
        release()
      }
    },
    failWrites(value: boolean) {
      fail = value
    },
  }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('createAutosaver', () => {
  it('writes a change once typing pauses, and only the last of a burst', async () => {
    const { store, writes, inner } = recordingStore()
    const autosaver = createAutosaver(store)
    autosaver.schedule(draft('a'))
    await vi.advanceTimersByTimeAsync(100)
    autosaver.schedule(draft('ab'))
    expect(writes).toEqual([])
    await vi.advanceTimersByTimeAsync(AUTOSAVE_PAUSE_MS)
    expect(writes).toEqual(['ab'])
    expect((await inner.current())?.text).toBe('ab')
    expect(autosaver.pending()).toBe(false)
  })

  it('writes within the longest wait while typing never pauses', async () => {
    const { store, writes } = recordingStore()
    const autosaver = createAutosaver(store)
    const start = Date.now()
    const writtenAt: number[] = []
    for (let ms = 0; ms < 2000; ms += 100) {
      autosaver.schedule(draft(`text ${ms}`))
      await vi.advanceTimersByTimeAsync(100)
      while (writtenAt.length < writes.length) writtenAt.push(Date.now() - start)
    }
    expect(writes.length).toBeGreaterThanOrEqual(3)
    expect(writtenAt[0]).toBeLessThanOrEqual(AUTOSAVE_MAX_WAIT_MS + 100)
    for (let i = 1; i < writtenAt.length; i++) {
      expect(writtenAt[i]! - writtenAt[i - 1]!).toBeLessThanOrEqual(AUTOSAVE_MAX_WAIT_MS + 100)
    }
  })

  it('never overlaps writes: a change made during a write is written after it', async () => {
    const { store, writes, hold } = recordingStore()
    const autosaver = createAutosaver(store)
    const release = hold()
    autosaver.schedule(draft('first'))
    await vi.advanceTimersByTimeAsync(AUTOSAVE_PAUSE_MS)
    autosaver.schedule(draft('second'))
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MAX_WAIT_MS * 2)
    expect(writes).toEqual([])
    release()
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MAX_WAIT_MS)
    expect(writes).toEqual(['first', 'second'])
  })

  it('flush writes at once and resolves when the draft is kept', async () => {
    const { store, writes } = recordingStore()
    const autosaver = createAutosaver(store)
    autosaver.schedule(draft('now'))
    await autosaver.flush()
    expect(writes).toEqual(['now'])
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MAX_WAIT_MS)
    expect(writes).toEqual(['now'])
  })

  it('flush sends every noted draft at once, even while a write is under way', async () => {
    const { store, writes, sent, hold, inner } = recordingStore()
    const autosaver = createAutosaver(store)
    const release = hold()
    autosaver.schedule(draft('first'))
    await vi.advanceTimersByTimeAsync(AUTOSAVE_PAUSE_MS)
    expect(sent).toEqual(['first'])
    autosaver.schedule(draft('second', 'ivr:second'))
    autosaver.schedule(draft('third', 'ivr:third'))
    const flushed = autosaver.flush()
    // A page that unloads is gone before the first write is done: the others are sent already.
    expect(sent).toEqual(['first', 'second', 'third'])
    release()
    await flushed
    expect(writes).toEqual(['first', 'second', 'third'])
    expect((await inner.current())?.key).toBe('ivr:third')
    expect(autosaver.pending()).toBe(false)
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MAX_WAIT_MS)
    expect(writes).toEqual(['first', 'second', 'third'])
  })

  it('flush sends the drafts of several IVRs together, the one noted last made current', async () => {
    const { store, sent, hold, inner } = recordingStore()
    const autosaver = createAutosaver(store)
    const release = hold()
    autosaver.schedule(draft('edited', 'ivr:main'))
    autosaver.schedule(draft('opened', 'file:other.yaml'))
    const flushed = autosaver.flush()
    expect(sent).toEqual(['edited', 'opened'])
    expect(autosaver.pending()).toBe(true)
    release()
    await flushed
    expect(autosaver.pending()).toBe(false)
    expect((await inner.current())?.key).toBe('file:other.yaml')
    expect((await inner.get('ivr:main'))?.text).toBe('edited')
  })

  it('does not write a draft equal to the one written last', async () => {
    const { store, writes } = recordingStore()
    const autosaver = createAutosaver(store)
    autosaver.schedule(draft('same'))
    await autosaver.flush()
    autosaver.schedule({ ...draft('same'), updatedAt: 99 })
    await autosaver.flush()
    expect(writes).toEqual(['same'])
  })

  it('reports a failed write and tries again with the next change', async () => {
    const { store, writes, failWrites } = recordingStore()
    const errors: unknown[] = []
    const autosaver = createAutosaver(store, { onError: (error) => errors.push(error) })
    failWrites(true)
    autosaver.schedule(draft('lost'))
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MAX_WAIT_MS)
    expect(errors).toHaveLength(1)
    failWrites(false)
    autosaver.schedule(draft('kept'))
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MAX_WAIT_MS)
    expect(writes).toEqual(['kept'])
  })

  it('writes nothing after it is disposed', async () => {
    const { store, writes } = recordingStore()
    const autosaver = createAutosaver(store)
    autosaver.schedule(draft('gone'))
    autosaver.dispose()
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MAX_WAIT_MS * 2)
    expect(writes).toEqual([])
  })
})

describe('drafts', () => {
  it('are kept per library IVR, and per name for a file of its own', () => {
    expect(draftKeyOf({ id: 'main', version: 2 }, 'Main line')).toBe('ivr:main')
    expect(draftKeyOf(null, 'support.yaml')).toBe('file:support.yaml')
  })

  it('tell unsaved changes', () => {
    expect(hasUnsavedChanges(draft('online: []\n'))).toBe(false)
    expect(hasUnsavedChanges(draft('online: [ring]\n'))).toBe(true)
  })

  it('read back only what has the shape of a draft', () => {
    expect(isDraft(draft('x'))).toBe(true)
    expect(isDraft({ ...draft('x'), text: 3 })).toBe(false)
    expect(isDraft({ ...draft('x'), library: { id: 'x' } })).toBe(false)
    expect(isDraft(null)).toBe(false)
  })

  it('the memory store keeps the draft written last as the current one', async () => {
    const store = createMemoryDraftStore()
    await store.put(draft('a', 'ivr:a'))
    await store.put(draft('b', 'file:b.yaml'))
    expect((await store.current())?.key).toBe('file:b.yaml')
    await store.delete('file:b.yaml')
    expect(await store.current()).toBeUndefined()
    expect((await store.get('ivr:a'))?.text).toBe('a')
  })
})

describe('createAutosaver with several IVRs', () => {
  it('keeps the changes of an IVR left for another, and makes the new one current', async () => {
    const { store, writes, inner } = recordingStore()
    const autosaver = createAutosaver(store)
    autosaver.schedule(draft('changed main', 'ivr:main'))
    autosaver.schedule(draft('opened other', 'ivr:other'))
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MAX_WAIT_MS)
    expect(writes).toEqual(['changed main', 'opened other'])
    expect((await inner.current())?.key).toBe('ivr:other')
    expect((await inner.get('ivr:main'))?.text).toBe('changed main')
  })
})
