import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { recordingFileOf } from '../../validate/rules/missing-recording.ts'
import { CheckCircleIcon } from '../components/icons.tsx'
import { PauseIcon, PlayIcon, SearchIcon, WaveformIcon } from '../recordings/recording-icons.tsx'
import {
  formatDuration,
  formatLabel,
  searchRecordings,
  type Recording,
} from '../recordings/recording.ts'
import type { Preview } from '../recordings/use-preview.ts'
import { useAppState, useDispatch } from '../state/store-context.tsx'
import { useLocale, type Translate } from '../state/use-locale.ts'
import { Floating } from './Floating.tsx'
import styles from './Inspector.module.css'

/** A playing time as the lists show it: `0.5 s`, `42 s`, `1:05`. */
export function durationText(seconds: number, t: Translate): string {
  const { value, unit } = formatDuration(seconds)
  return unit === 'seconds' ? t('recordings.seconds', { value }) : value
}

/** The stored recording a play URL names on this server, if any. */
export function recordingOfUrl(
  url: string,
  items: readonly Recording[],
  baseUrl: string | null,
): Recording | null {
  const trimmed = url.trim()
  if (trimmed === '') return null
  const byUrl = items.find((r) => r.url === trimmed)
  if (byUrl) return byUrl
  if (baseUrl === null) return null
  const file = recordingFileOf(trimmed, baseUrl)
  return file === null ? null : (items.find((r) => r.id === file) ?? null)
}

/** The ▶ / ❚❚ button that previews a recording. */
export function PreviewButton({ recording, preview }: { recording: Recording; preview: Preview }) {
  const { t } = useLocale()
  const playing = preview.state.id === recording.id && preview.state.playing
  const label = t(playing ? 'inspector.recording.pause' : 'inspector.recording.play', {
    name: recording.name,
  })
  return (
    <button
      type="button"
      className={styles.playButton}
      aria-label={label}
      title={label}
      aria-pressed={playing}
      data-testid="inspector-preview"
      onClick={(event) => {
        event.stopPropagation()
        preview.toggle(recording)
      }}
    >
      {playing ? <PauseIcon size={12} /> : <PlayIcon size={12} />}
    </button>
  )
}

/** The recording a URL field names, under the field: preview, name, playing time. */
export function RecordingChip({ recording, preview }: { recording: Recording; preview: Preview }) {
  const { t } = useLocale()
  return (
    <div className={styles.recordingChip} data-testid="inspector-recording">
      <PreviewButton recording={recording} preview={preview} />
      <span className={styles.recordingName} title={recording.name}>
        {recording.name}
      </span>
      <span className={styles.recordingMeta}>
        {durationText(recording.durationSeconds, t)} · {formatLabel(recording.contentType)}
      </span>
    </div>
  )
}

/**
 * The button at the end of a play URL that lists the recordings uploaded to the server, each
 * with its name, playing time and a ▶ preview; choosing one puts its URL in the field. Escape
 * or a click outside closes the list, and Escape gives focus back to the button.
 */
export function RecordingPicker(props: {
  currentUrl: string
  preview: Preview
  disabled?: boolean
  onPick(recording: Recording): void
}) {
  const { t } = useLocale()
  const dispatch = useDispatch()
  const items = useAppState((s) => s.recordings.items)
  const status = useAppState((s) => s.recordings.status)
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const anchor = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const search = useRef<HTMLInputElement>(null)
  const popup = useRef<HTMLDivElement>(null)
  const titleId = useId()
  const shown = useMemo(() => searchRecordings(items, query), [items, query])

  useEffect(() => {
    if (!open) return
    // The list is placed in the frame after it mounts; focus waits until it shows.
    const frame = requestAnimationFrame(() => search.current?.focus())
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node
      if (!anchor.current?.contains(target) && !popup.current?.contains(target)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown, true)
    return () => {
      cancelAnimationFrame(frame)
      document.removeEventListener('pointerdown', onPointerDown, true)
    }
  }, [open])

  const close = (refocus: boolean) => {
    setOpen(false)
    setQuery('')
    if (refocus) button.current?.focus()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      close(true)
      return
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    const rows = [...(popup.current?.querySelectorAll<HTMLElement>('[data-recording-row]') ?? [])]
    if (rows.length === 0) return
    event.preventDefault()
    const at = rows.indexOf(document.activeElement as HTMLElement)
    const next = event.key === 'ArrowDown' ? at + 1 : at <= 0 ? rows.length - 1 : at - 1
    rows[next % rows.length]?.focus()
  }

  return (
    <div className={styles.pickerAnchor} ref={anchor}>
      <button
        ref={button}
        type="button"
        className={styles.inputButton}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={t('inspector.recording.pick')}
        title={t('inspector.recording.pick')}
        disabled={props.disabled}
        data-testid="inspector-recordings-button"
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        <WaveformIcon size={14} />
      </button>
      {open && (
        <Floating
          ref={popup}
          anchor={anchor}
          width={296}
          align="end"
          role="dialog"
          aria-labelledby={titleId}
          className={styles.picker}
          data-testid="inspector-recordings"
          onKeyDown={onKeyDown}
        >
          <div className={styles.pickerHeader}>
            <span id={titleId} className={styles.pickerTitle}>
              {t('inspector.recording.title')}
            </span>
            <span className={styles.labelNote}>{items.length}</span>
          </div>
          {items.length > 0 && (
            <label className={styles.pickerSearch}>
              <SearchIcon size={14} />
              <input
                ref={search}
                value={query}
                placeholder={t('inspector.recording.search')}
                aria-label={t('inspector.recording.search')}
                onChange={(event) => setQuery(event.target.value)}
              />
            </label>
          )}
          <ul className={styles.pickerList} aria-label={t('inspector.recording.title')}>
            {shown.map((recording) => {
              const current = recording.url === props.currentUrl.trim()
              return (
                <li
                  key={recording.id}
                  className={styles.pickerItem}
                  data-current={current || undefined}
                >
                  <PreviewButton recording={recording} preview={props.preview} />
                  <button
                    type="button"
                    className={styles.pickerChoose}
                    data-recording-row=""
                    data-recording={recording.name}
                    onClick={() => {
                      props.onPick(recording)
                      close(true)
                    }}
                  >
                    <span className={styles.recordingName}>{recording.name}</span>
                    <span className={styles.recordingMeta}>
                      {durationText(recording.durationSeconds, t)} ·{' '}
                      {formatLabel(recording.contentType)}
                    </span>
                    {current && <CheckCircleIcon size={14} className={styles.pickerCheck} />}
                  </button>
                </li>
              )
            })}
          </ul>
          {items.length === 0 && (
            <div className={styles.pickerEmpty}>
              <p>
                {status === 'unavailable'
                  ? t('inspector.recording.unavailable')
                  : status === 'loading' || status === 'idle'
                    ? t('inspector.recording.loading')
                    : t('inspector.recording.none')}
              </p>
              {status !== 'unavailable' && (
                <button
                  type="button"
                  className={styles.linkButton}
                  onClick={() => {
                    close(false)
                    dispatch({ type: 'recordings.panel', open: true })
                  }}
                >
                  {t('inspector.recording.open-panel')}
                </button>
              )}
            </div>
          )}
          {items.length > 0 && shown.length === 0 && (
            <p className={styles.pickerEmpty}>{t('inspector.recording.no-match')}</p>
          )}
        </Floating>
      )}
    </div>
  )
}
