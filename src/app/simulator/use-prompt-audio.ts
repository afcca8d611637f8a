import { useCallback, useEffect, useRef, useState } from 'react'
import type { TranscriptEntry } from '../../simulate/call.ts'
import type { CallSession } from '../state/call.ts'

/** How long a recording may take to start before the panel falls back to its file name. */
export const LOAD_TIMEOUT_MS = 6_000

/** How long a recording that could not play stays on screen before the next one. */
const FAILED_PAUSE_MS = 1_200

/** What the panel plays now. */
export interface PromptPlayback {
  /** The transcript index of the prompt playing (or shown as text) now, or `null`. */
  readonly entry: number | null
  readonly url: string | null
  /**
   * `loading` until the recording starts, `playing` while it plays, `failed` when it errors or
   * does not start in time (its file name stands in), `idle` between calls.
   */
  readonly status: 'idle' | 'loading' | 'playing' | 'failed'
  /** Transcript indexes of the prompts whose recordings could not be played. */
  readonly failed: ReadonlySet<number>
  /** Stops the recording playing and goes on with the next one. */
  skip(): void
}

/** A recording to play: the transcript entry it belongs to and its URL. */
export interface QueuedPrompt {
  readonly entry: number
  readonly url: string
}

/**
 * The recordings the caller hears in transcript entries `from` onwards: plays and option prompts
 * that have a URL, in order.
 */
export function promptsFrom(transcript: readonly TranscriptEntry[], from: number): QueuedPrompt[] {
  const queue: QueuedPrompt[] = []
  for (let index = from; index < transcript.length; index++) {
    const entry = transcript[index]!
    if (entry.kind === 'play') queue.push({ entry: index, url: entry.url })
    else if (entry.kind === 'prompt' && entry.url !== null)
      queue.push({ entry: index, url: entry.url })
  }
  return queue
}

const IDLE = { entry: null, url: null, status: 'idle' } as const

/**
 * Plays the recordings of a test call as the caller would hear them: the prompts that each step
 * of the call adds, one after the other, with an `HTMLAudioElement`. A new step (a key, a state
 * change) cuts off what was playing, as the phone system takes a key at once. A recording that
 * errors or does not start within `LOAD_TIMEOUT_MS` is marked failed and the next one plays.
 * Muted, or once the admin hung up, nothing plays.
 */
export function usePromptAudio(session: CallSession | null, muted: boolean): PromptPlayback {
  const [now, setNow] = useState<Pick<PromptPlayback, 'entry' | 'url' | 'status'>>(IDLE)
  const [failed, setFailed] = useState<ReadonlySet<number>>(() => new Set())
  const audio = useRef<HTMLAudioElement | null>(null)
  const queue = useRef<QueuedPrompt[]>([])
  const seen = useRef<{ id: number; length: number }>({ id: 0, length: 0 })
  const timer = useRef<number | null>(null)
  /** Counts recordings started, so that a late event of an earlier one is ignored. */
  const turn = useRef(0)
  const mutedRef = useRef(muted)
  mutedRef.current = muted

  const clearTimer = () => {
    if (timer.current !== null) window.clearTimeout(timer.current)
    timer.current = null
  }

  const stop = useCallback(() => {
    turn.current++
    clearTimer()
    const element = audio.current
    if (element) {
      element.onplaying = null
      element.onended = null
      element.onerror = null
      element.pause()
      element.removeAttribute('src')
      element.load()
    }
  }, [])

  const playNext = useCallback((): void => {
    stop()
    const next = mutedRef.current ? undefined : queue.current.shift()
    const mine = ++turn.current
    if (!next) {
      setNow(IDLE)
      return
    }
    const element = (audio.current ??= new Audio())
    const fail = () => {
      if (turn.current !== mine) return
      stop()
      setFailed((old) => new Set(old).add(next.entry))
      setNow({ entry: next.entry, url: next.url, status: 'failed' })
      timer.current = window.setTimeout(playNext, FAILED_PAUSE_MS)
    }
    element.onplaying = () => {
      clearTimer()
      setNow({ entry: next.entry, url: next.url, status: 'playing' })
    }
    element.onended = () => playNext()
    element.onerror = () => fail()
    setNow({ entry: next.entry, url: next.url, status: 'loading' })
    timer.current = window.setTimeout(fail, LOAD_TIMEOUT_MS)
    element.src = next.url
    // The browser may refuse to play (autoplay rules, a type it cannot decode): show the name.
    element.play().catch(() => fail())
  }, [stop])

  const id = session?.id ?? 0
  const transcript = session?.call.transcript ?? null
  const hungUp = session?.hungUp ?? false

  useEffect(() => {
    if (id !== seen.current.id) {
      seen.current = { id, length: 0 }
      setFailed(new Set())
    }
    const length = transcript?.length ?? 0
    if (length === seen.current.length) return
    const fresh = transcript ? promptsFrom(transcript, seen.current.length) : []
    seen.current = { id, length }
    queue.current = fresh
    playNext()
  }, [id, transcript, playNext])

  useEffect(() => {
    if (!hungUp && id !== 0) return
    queue.current = []
    stop()
    setNow(IDLE)
  }, [hungUp, id, stop])

  useEffect(() => {
    if (muted) {
      stop()
      setNow(IDLE)
    } else if (queue.current.length > 0 && audio.current?.paused !== false) playNext()
  }, [muted, stop, playNext])

  useEffect(() => () => stop(), [stop])

  const skip = useCallback(() => playNext(), [playNext])
  return { ...now, failed, skip }
}
