import { useEffect, useRef, useState } from 'react'
import type { MessageId } from '../../i18n/en.ts'
import { translate, type MessageArgs } from '../../i18n/translate.ts'
import { UploadIcon } from '../components/icons.tsx'
import type { AppStore } from '../state/app-store.ts'
import { useAppState, useAppStore, useDispatch } from '../state/store-context.tsx'
import { useApplyOp } from '../state/use-editing.ts'
import { useLocale } from '../state/use-locale.ts'
import {
  audioDragKind,
  dropPlaceOf,
  readRecordingDrag,
  RECORDING_DRAG_TYPE,
  type AudioDragKind,
} from './audio-drag.ts'
import styles from './AudioDropLayer.module.css'
import { dropOps, planDrop, type DropPlan, type DropTarget } from './drop-target.ts'
import { failureTitle } from './failures.ts'
import { WaveformIcon } from './recording-icons.tsx'
import { percentText } from './format.ts'
import { useRecordings, type UploadOutcome } from './RecordingsProvider.tsx'

/** A rectangle of the viewport, in CSS pixels. */
interface Box {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** What a drag over the page would do if dropped now. */
interface Hover {
  readonly kind: Exclude<AudioDragKind, null>
  /** The canvas element under the pointer and its plan, when the drop would go there. */
  readonly canvas: { readonly rect: Box; readonly plan: DropPlan } | null
  readonly library: boolean
}

/** The plan of a drop on `target` against the current text; `null` while it cannot be read. */
function currentPlan(store: AppStore, target: DropTarget): DropPlan | null {
  const { view } = store.getState().document
  return view.stale ? null : planDrop(view.parsed.model, target)
}

/**
 * Takes audio dragged over the page: files dropped on a play command of the canvas are uploaded
 * and become its recording, on a card or another row they are uploaded and played there by a
 * new play command, anywhere else they are added to the recordings. A recording dragged out of
 * the recordings panel does the same on the canvas without uploading. Shows where the drop would
 * go while dragging, and what uploads are under way while the panel is closed.
 */
export function AudioDropLayer() {
  const { t } = useLocale()
  const store = useAppStore()
  const dispatch = useDispatch()
  const apply = useApplyOp()
  const controller = useRecordings()
  const [hover, setHover] = useState<Hover | null>(null)
  const latest = useRef({ apply, controller })
  latest.current = { apply, controller }

  useEffect(() => {
    let depth = 0
    const say = (tone: 'success' | 'error' | 'info', messageId: MessageId, args?: MessageArgs) =>
      store.dispatch({ type: 'toast.show', tone, messageId, ...(args ? { args } : {}) })

    const hoverOf = (event: DragEvent, kind: Exclude<AudioDragKind, null>): Hover => {
      const place = dropPlaceOf(event.target instanceof Element ? event.target : null)
      if (place.kind === 'canvas') {
        const plan = currentPlan(store, place.target)
        if (plan) {
          const box = place.element.getBoundingClientRect()
          const rect = { x: box.x, y: box.y, width: box.width, height: box.height }
          return { kind, canvas: { rect, plan }, library: false }
        }
      }
      return { kind, canvas: null, library: place.kind === 'library' }
    }

    /** Whether this layer takes the drag: audio files anywhere, a recording over the canvas. */
    const takes = (hovered: Hover) => hovered.kind === 'files' || hovered.canvas !== null

    const onEnter = (event: DragEvent) => {
      if (audioDragKind(event.dataTransfer) === null) return
      depth++
    }
    const onOver = (event: DragEvent) => {
      const kind = audioDragKind(event.dataTransfer)
      if (kind === null) return
      const hovered = hoverOf(event, kind)
      setHover(hovered)
      if (!takes(hovered)) return
      event.preventDefault()
      event.stopPropagation()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    }
    const onLeave = (event: DragEvent) => {
      if (audioDragKind(event.dataTransfer) === null) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setHover(null)
    }
    const onEnd = () => {
      depth = 0
      setHover(null)
    }

    const playHere = (target: DropTarget, urls: readonly string[], names: readonly string[]) => {
      const plan = currentPlan(store, target)
      if (!plan || urls.length === 0) return
      for (const op of dropOps(plan, urls)) {
        if (!latest.current.apply(op)) return
      }
      const name = names[0] ?? ''
      if (plan.kind === 'set') say('success', 'recordings.drop.done.set', { name })
      else if (urls.length === 1) {
        say('success', 'recordings.drop.done.added', { name, section: plan.section })
      } else {
        say('success', 'recordings.drop.done.added-many', {
          count: urls.length,
          section: plan.section,
        })
      }
    }

    const reportFailures = (outcomes: readonly UploadOutcome[]) => {
      for (const outcome of outcomes) {
        if (outcome.ok) continue
        const locale = store.getState().preferences.locale
        say('error', 'recordings.upload.failed', {
          name: outcome.name,
          reason: outcome.failure.message || translate(locale, failureTitle(outcome.failure)),
        })
      }
    }

    const onDrop = (event: DragEvent) => {
      const kind = audioDragKind(event.dataTransfer)
      if (kind === null) return
      const hovered = hoverOf(event, kind)
      depth = 0
      setHover(null)
      if (!takes(hovered)) return
      event.preventDefault()
      event.stopPropagation()
      const place = dropPlaceOf(event.target instanceof Element ? event.target : null)
      const target = place.kind === 'canvas' && hovered.canvas ? place.target : null

      if (kind === 'recording') {
        const dragged = readRecordingDrag(event.dataTransfer?.getData(RECORDING_DRAG_TYPE) ?? '')
        if (dragged && target) playHere(target, [dragged.url], [dragged.name])
        return
      }

      const files = [...(event.dataTransfer?.files ?? [])]
      if (files.length === 0) return
      if (target && hovered.canvas?.plan.kind === 'set' && files.length > 1) {
        // Several files on one prompt: the first replaces it, the others follow it.
        say('info', 'recordings.drop.several', { count: files.length })
      }
      if (!target && !hovered.library) dispatch({ type: 'recordings.panel', open: true })
      void latest.current.controller.upload(files).then((outcomes) => {
        reportFailures(outcomes)
        if (!target) return
        const stored = outcomes.flatMap((o) => (o.ok ? [o] : []))
        playHere(
          target,
          stored.map((o) => o.recording.url),
          stored.map((o) => o.recording.name),
        )
      })
    }

    window.addEventListener('dragenter', onEnter, true)
    window.addEventListener('dragover', onOver, true)
    window.addEventListener('dragleave', onLeave, true)
    window.addEventListener('drop', onDrop, true)
    window.addEventListener('dragend', onEnd, true)
    return () => {
      window.removeEventListener('dragenter', onEnter, true)
      window.removeEventListener('dragover', onOver, true)
      window.removeEventListener('dragleave', onLeave, true)
      window.removeEventListener('drop', onDrop, true)
      window.removeEventListener('dragend', onEnd, true)
    }
  }, [store, dispatch])

  return (
    <>
      {hover?.canvas && <DropHighlight rect={hover.canvas.rect} plan={hover.canvas.plan} />}
      {hover?.kind === 'files' && (
        <div className={styles.hint} role="status" data-testid="audio-drop-hint">
          <UploadIcon size={16} />
          {hover.canvas
            ? t(
                hover.canvas.plan.kind === 'set'
                  ? 'recordings.drop.hint.set'
                  : 'recordings.drop.hint.add',
              )
            : hover.library
              ? t('recordings.drop.hint.library')
              : t('recordings.drop.hint.anywhere')}
        </div>
      )}
      <UploadStatus />
    </>
  )
}

/** The outline of the row or card a drop would go to, with a word on what it would do. */
function DropHighlight({ rect, plan }: { rect: Box; plan: DropPlan }) {
  const { t } = useLocale()
  const line = plan.kind === 'insert' && !plan.whole
  const label =
    plan.kind === 'set'
      ? t('recordings.drop.set')
      : line
        ? t('recordings.drop.insert')
        : t('recordings.drop.append', { section: plan.section })
  return (
    <div
      className={styles.highlight}
      data-mode={line ? 'line' : 'box'}
      data-testid="audio-drop-target"
      data-plan={plan.kind === 'set' ? 'set' : line ? 'insert' : 'append'}
      style={{ left: rect.x, top: rect.y, width: rect.width, height: rect.height }}
    >
      <span className={styles.chip}>
        <WaveformIcon size={13} />
        {label}
      </span>
    </div>
  )
}

/** While files go up and the panel is closed: how far they are, and a way to see them. */
function UploadStatus() {
  const { t, locale } = useLocale()
  const dispatch = useDispatch()
  const open = useAppState((s) => s.recordings.panelOpen)
  const uploads = useAppState((s) => s.recordings.uploads)
  if (open) return null
  const active = uploads.filter((u) => u.phase !== 'failed')
  if (active.length === 0) return null
  const size = active.reduce((sum, u) => sum + u.size, 0)
  const loaded = active.reduce((sum, u) => sum + u.loaded, 0)
  const percent = percentText(size > 0 ? loaded / size : 1, locale)
  const first = active[0] as (typeof active)[number]
  return (
    <div className={styles.status} role="status" data-testid="upload-status">
      <span className={styles.spinner} aria-hidden="true" />
      <span className={styles.statusText}>
        {active.length === 1
          ? t('recordings.status.one', { name: first.name, percent })
          : t('recordings.status.other', { count: active.length, percent })}
      </span>
      <button
        type="button"
        className={styles.statusButton}
        onClick={() => dispatch({ type: 'recordings.panel', open: true })}
      >
        {t('recordings.status.show')}
      </button>
    </div>
  )
}
