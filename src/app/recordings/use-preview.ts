import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import { previewPathOf, type Recording } from './recording.ts'

/** What the preview player is doing. */
export interface PreviewState {
  /** The recording loaded in the player, if any. */
  readonly id: string | null
  readonly playing: boolean
  /** Seconds played so far. */
  readonly time: number
  /** The playing time the browser found, else the one the server measured. */
  readonly duration: number
  /** Whether the browser could not play the recording. */
  readonly failed: boolean
}

/** The player element to render, what it does, and the buttons' actions. */
export interface Preview {
  readonly audio: RefObject<HTMLAudioElement | null>
  readonly state: PreviewState
  /** Plays `recording` from the start, or pauses and resumes it when it is the one loaded. */
  toggle(recording: Recording): void
  /** Stops playing, as when the panel closes. */
  stop(): void
}

const IDLE: PreviewState = { id: null, playing: false, time: 0, duration: 0, failed: false }

/**
 * One `<audio>` element for the whole list, so that starting one recording stops the other. It
 * plays this server's own copy (`/recordings/<id>`), which the page may load whatever
 * `PUBLIC_URL` says.
 */
export function usePreview(): Preview {
  const audio = useRef<HTMLAudioElement | null>(null)
  const [state, setState] = useState<PreviewState>(IDLE)

  useEffect(() => {
    const element = audio.current
    if (!element) return
    const sync = () =>
      setState((before) => {
        const duration =
          Number.isFinite(element.duration) && element.duration > 0
            ? element.duration
            : before.duration
        const next = {
          ...before,
          playing: !element.paused && !element.ended,
          time: element.ended ? duration : element.currentTime,
          duration,
        }
        return next.playing === before.playing &&
          next.time === before.time &&
          next.duration === before.duration
          ? before
          : next
      })
    const fail = () => setState((before) => ({ ...before, playing: false, failed: true }))
    const events = ['play', 'pause', 'ended', 'timeupdate', 'durationchange', 'loadedmetadata']
    for (const name of events) element.addEventListener(name, sync)
    element.addEventListener('error', fail)
    return () => {
      for (const name of events) element.removeEventListener(name, sync)
      element.removeEventListener('error', fail)
    }
  }, [])

  const toggle = useCallback(
    (recording: Recording) => {
      const element = audio.current
      if (!element) return
      if (state.id === recording.id && !state.failed) {
        if (element.paused) void element.play().catch(() => undefined)
        else element.pause()
        return
      }
      element.pause()
      element.src = previewPathOf(recording)
      setState({
        id: recording.id,
        playing: false,
        time: 0,
        duration: recording.durationSeconds,
        failed: false,
      })
      void element.play().catch(() => undefined)
    },
    [state.id, state.failed],
  )

  const stop = useCallback(() => {
    const element = audio.current
    if (element && !element.paused) element.pause()
  }, [])

  return { audio, state, toggle, stop }
}
