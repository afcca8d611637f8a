import {
  memo,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type DragEvent,
} from 'react'
import { pathKey } from '../../model/path.ts'
import buttonStyles from '../components/Button.module.css'
import { CloseIcon, ErrorIcon, UploadIcon } from '../components/icons.tsx'
import { useAppState, useDispatch } from '../state/store-context.tsx'
import { useLocale } from '../state/use-locale.ts'
import { failureTitle, isRetryable } from './failures.ts'
import {
  AudioFileIcon,
  LinkIcon,
  PauseIcon,
  PlayIcon,
  RetryIcon,
  SearchIcon,
  TrashIcon,
  WaveformIcon,
} from './recording-icons.tsx'
import {
  formatDuration,
  formatLabel,
  formatSize,
  searchRecordings,
  type Recording,
} from './recording.ts'
import type { UploadState } from './recordings-state.ts'
import side from '../components/SidePanel.module.css'
import styles from './RecordingsPanel.module.css'
import { useRecordings } from './RecordingsProvider.tsx'
import { RECORDING_DRAG_TYPE } from './audio-drag.ts'
import { percentText, sizeText } from './format.ts'
import { usePreview, type Preview } from './use-preview.ts'
import { recordingUsages, usageLabel, type RecordingUsage } from './usage.ts'

/** What the file picker offers: the formats the server accepts. */
const AUDIO_ACCEPT = 'audio/mpeg,audio/mp3,audio/wav,audio/x-wav,audio/wave,.mp3,.wav'

type Translate = ReturnType<typeof useLocale>['t']

/** A duration as the list shows it: `0.5 s`, `42 s`, `1:05`. */
function durationText(seconds: number, t: Translate): string {
  const { value, unit } = formatDuration(seconds)
  return unit === 'seconds' ? t('recordings.seconds', { value }) : value
}

/**
 * The recordings of the server, as a tab beside the YAML (mounted while it shows): upload by picking or dropping files, with each
 * file's progress and the server's reason when it refuses one; search; preview; copy a URL;
 * see and reveal which commands of the open IVR play each; delete. A row can be dragged onto a
 * play command or a section of the canvas.
 */
export function RecordingsPanel() {
  const { t } = useLocale()
  const dispatch = useDispatch()
  const controller = useRecordings()
  const status = useAppState((s) => s.recordings.status)
  const items = useAppState((s) => s.recordings.items)
  const uploads = useAppState((s) => s.recordings.uploads)
  const failure = useAppState((s) => s.recordings.failure)
  const baseUrl = useAppState((s) => s.recordings.baseUrl)
  const parsed = useAppState((s) => s.document.view.good.parsed)
  const [query, setQuery] = useState('')
  const [dragging, setDragging] = useState(false)
  const fileInput = useRef<HTMLInputElement>(null)
  const titleId = useId()
  const preview = usePreview()
  const stopPreview = preview.stop

  // Shown again: the list may have changed on the server; hidden: the preview stops.
  useEffect(() => {
    void controller.refresh()
    return () => stopPreview()
  }, [controller, stopPreview])

  const usages = useMemo(
    () =>
      baseUrl === null
        ? new Map<string, readonly RecordingUsage[]>()
        : recordingUsages(parsed.model, parsed.lines, baseUrl),
    [parsed, baseUrl],
  )
  const shown = useMemo(() => searchRecordings(items, query), [items, query])

  const pick = useCallback(() => fileInput.current?.click(), [])

  // Files dropped on the panel are taken by the drop layer of the page; this only draws the zone.
  const onDragState = (event: DragEvent, over: boolean) => {
    if (!event.dataTransfer.types.includes('Files')) return
    if (!over && event.currentTarget.contains(event.relatedTarget as Node | null)) return
    setDragging(over)
  }

  const count = items.length
  return (
    <section
      className={side.panel}
      aria-labelledby={titleId}
      data-testid="recordings-panel"
      data-recordings-drop=""
      data-dragging={dragging || undefined}
      onDragEnter={(event) => onDragState(event, true)}
      onDragLeave={(event) => onDragState(event, false)}
      onDrop={() => setDragging(false)}
    >
      <header className={side.header}>
        <h2 id={titleId} className={side.title}>
          <WaveformIcon className={side.titleIcon} />
          {t('recordings.title')}
          {status === 'ready' && <span className={side.total}>{count}</span>}
        </h2>
      </header>

      <div className={side.body}>
        <div className={styles.dropzone} data-dragging={dragging || undefined}>
          <span className={styles.dropIcon}>
            <UploadIcon size={20} />
          </span>
          <div className={styles.dropText}>
            <p className={styles.dropTitle}>{t('recordings.drop.title')}</p>
            <p className={styles.dropHint}>{t('recordings.drop.hint')}</p>
          </div>
          <button
            type="button"
            className={`${buttonStyles.button} ${buttonStyles.secondary}`}
            onClick={pick}
            data-testid="recordings-upload"
          >
            {t('recordings.upload')}
          </button>
          <input
            ref={fileInput}
            className={styles.file}
            type="file"
            multiple
            accept={AUDIO_ACCEPT}
            tabIndex={-1}
            aria-hidden="true"
            data-testid="recordings-file"
            onChange={(event) => {
              const files = [...(event.currentTarget.files ?? [])]
              event.currentTarget.value = ''
              void controller.upload(files)
            }}
          />
        </div>

        {uploads.length > 0 && (
          <ul className={styles.uploads} aria-label={t('recordings.uploads')}>
            {uploads.map((upload) => (
              <UploadRow key={upload.id} upload={upload} />
            ))}
          </ul>
        )}

        {status === 'ready' && count > 0 && (
          <div className={styles.search}>
            <SearchIcon className={styles.searchIcon} />
            <input
              type="search"
              className={styles.searchInput}
              placeholder={t('recordings.search')}
              aria-label={t('recordings.search')}
              value={query}
              onChange={(event) => setQuery(event.currentTarget.value)}
            />
          </div>
        )}

        {status === 'ready' && count > 0 && shown.length > 0 && (
          <ul className={styles.list} aria-label={t('recordings.list')}>
            {shown.map((recording) => (
              <RecordingRow
                key={recording.id}
                recording={recording}
                usages={usages.get(recording.id) ?? NO_USAGES}
                preview={preview}
              />
            ))}
          </ul>
        )}

        {status === 'ready' && count > 0 && shown.length > 0 && (
          <p className={styles.tip}>{t('recordings.drag.hint')}</p>
        )}

        {status === 'ready' && count > 0 && shown.length === 0 && (
          <p className={styles.note}>{t('recordings.search.none', { query })}</p>
        )}

        {status === 'ready' && count === 0 && (
          <div className={styles.empty}>
            <span className={styles.emptyIcon}>
              <WaveformIcon size={22} />
            </span>
            <p className={styles.emptyTitle}>{t('recordings.empty.title')}</p>
            <p className={styles.emptyBody}>{t('recordings.empty.body')}</p>
          </div>
        )}

        {(status === 'idle' || status === 'loading') && (
          <p className={styles.note} role="status">
            <span className={styles.spinner} aria-hidden="true" />
            {t('recordings.loading')}
          </p>
        )}

        {(status === 'failed' || status === 'unavailable') && (
          <div className={styles.loadFailed} role="alert">
            <ErrorIcon className={styles.failIcon} />
            <div>
              <p className={styles.failTitle}>
                {t(status === 'unavailable' ? 'recordings.unavailable' : 'recordings.load-failed')}
              </p>
              {failure?.message && <p className={styles.failReason}>{failure.message}</p>}
              {status === 'failed' && (
                <button
                  type="button"
                  className={`${buttonStyles.button} ${buttonStyles.secondary} ${buttonStyles.small}`}
                  onClick={() => void controller.refresh()}
                >
                  <RetryIcon />
                  {t('recordings.retry')}
                </button>
              )}
            </div>
          </div>
        )}
      </div>
      {/* The preview player: no controls of its own, the rows are its buttons. */}
      <audio ref={preview.audio} preload="none" data-testid="recording-preview" />
    </section>
  )
}

const NO_USAGES: readonly RecordingUsage[] = []

/** A file on its way up, or one the server refused, with its reason. */
const UploadRow = memo(function UploadRow({ upload }: { upload: UploadState }) {
  const { t, locale } = useLocale()
  const controller = useRecordings()
  const percent = upload.size > 0 ? Math.round((upload.loaded / upload.size) * 100) : 100
  const failed = upload.phase === 'failed'
  return (
    <li
      className={styles.upload}
      data-phase={upload.phase}
      data-testid="recording-upload"
      data-name={upload.name}
    >
      <span className={styles.uploadIcon}>{failed ? <ErrorIcon /> : <AudioFileIcon />}</span>
      <div className={styles.uploadMain}>
        <div className={styles.uploadLine}>
          <span className={styles.uploadName} title={upload.name}>
            {upload.name}
          </span>
          <span className={styles.uploadState}>
            {failed
              ? t(failureTitle(upload.failure ?? { status: 0, code: 'network', message: '' }))
              : upload.phase === 'checking'
                ? t('recordings.upload.checking')
                : percentText(percent / 100, locale)}
          </span>
        </div>
        {failed ? (
          upload.failure?.message && (
            <p className={styles.uploadReason} data-testid="recording-upload-reason">
              {upload.failure.message}
            </p>
          )
        ) : (
          <div
            className={styles.bar}
            role="progressbar"
            aria-label={t('recordings.upload.progress', { name: upload.name })}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            data-checking={upload.phase === 'checking' || undefined}
          >
            <span style={{ width: `${percent}%` }} />
          </div>
        )}
      </div>
      {failed && (
        <div className={styles.uploadActions}>
          {upload.failure !== null && isRetryable(upload.failure) && (
            <button
              type="button"
              className={`${buttonStyles.button} ${buttonStyles.ghost} ${buttonStyles.icon} ${buttonStyles.small}`}
              title={t('recordings.upload.retry')}
              aria-label={t('recordings.upload.retry-name', { name: upload.name })}
              onClick={() => controller.retry(upload.id)}
            >
              <RetryIcon />
            </button>
          )}
          <button
            type="button"
            className={`${buttonStyles.button} ${buttonStyles.ghost} ${buttonStyles.icon} ${buttonStyles.small}`}
            title={t('recordings.upload.dismiss')}
            aria-label={t('recordings.upload.dismiss-name', { name: upload.name })}
            onClick={() => controller.dismiss(upload.id)}
          >
            <CloseIcon />
          </button>
        </div>
      )}
    </li>
  )
})

/** One recording: play, name and facts, where the open IVR plays it, copy and delete. */
function RecordingRow({
  recording,
  usages,
  preview,
}: {
  recording: Recording
  usages: readonly RecordingUsage[]
  preview: Preview
}) {
  const { t, locale } = useLocale()
  const dispatch = useDispatch()
  const controller = useRecordings()
  const fresh = useAppState((s) => s.recordings.added.includes(recording.id))
  const [open, setOpen] = useState(false)
  const usageId = useId()
  const current = preview.state.id === recording.id
  const playing = current && preview.state.playing
  const duration = current ? preview.state.duration : recording.durationSeconds
  const progress = current && duration > 0 ? Math.min(1, preview.state.time / duration) : 0

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(recording.url)
      dispatch({
        type: 'toast.show',
        tone: 'success',
        messageId: 'recordings.copied',
        args: { name: recording.name },
      })
    } catch {
      dispatch({ type: 'toast.show', tone: 'error', messageId: 'recordings.copy-failed' })
    }
  }

  const reveal = (usage: RecordingUsage) =>
    dispatch({ type: 'selection.set', path: usage.path, origin: 'search' })

  return (
    <li
      className={styles.item}
      data-testid="recording"
      data-recording={recording.id}
      data-name={recording.name}
      data-fresh={fresh || undefined}
      data-playing={playing || undefined}
      draggable
      onDragStart={(event) => {
        event.dataTransfer.effectAllowed = 'copy'
        event.dataTransfer.setData(
          RECORDING_DRAG_TYPE,
          JSON.stringify({ url: recording.url, name: recording.name }),
        )
        event.dataTransfer.setData('text/uri-list', recording.url)
        event.dataTransfer.setData('text/plain', recording.url)
      }}
    >
      <div className={styles.row}>
        <button
          type="button"
          className={styles.play}
          aria-label={t(playing ? 'recordings.pause' : 'recordings.play', {
            name: recording.name,
          })}
          aria-pressed={playing}
          data-testid="recording-play"
          onClick={() => preview.toggle(recording)}
        >
          {playing ? <PauseIcon size={14} /> : <PlayIcon size={14} />}
        </button>
        <div className={styles.main}>
          <span className={styles.name} title={recording.name}>
            {recording.name}
          </span>
          <span className={styles.meta}>
            <span data-testid="recording-duration">
              {current && preview.state.time > 0
                ? `${durationText(preview.state.time, t)} / ${durationText(duration, t)}`
                : durationText(recording.durationSeconds, t)}
            </span>
            <span aria-hidden="true">·</span>
            <span data-testid="recording-size">{sizeText(recording.size, locale)}</span>
            <span className={styles.format}>{formatLabel(recording.contentType)}</span>
          </span>
        </div>
        <button
          type="button"
          className={styles.uses}
          data-used={usages.length > 0 || undefined}
          aria-expanded={usages.length > 0 ? open : undefined}
          aria-controls={usages.length > 0 ? usageId : undefined}
          disabled={usages.length === 0}
          data-testid="recording-uses"
          onClick={() => setOpen((before) => !before)}
        >
          {usages.length === 0
            ? t('recordings.uses.none')
            : t(usages.length === 1 ? 'recordings.uses.one' : 'recordings.uses.other', {
                count: usages.length,
              })}
        </button>
        <div className={styles.actions}>
          <button
            type="button"
            className={`${buttonStyles.button} ${buttonStyles.ghost} ${buttonStyles.icon} ${buttonStyles.small}`}
            title={t('recordings.copy')}
            aria-label={t('recordings.copy-name', { name: recording.name })}
            data-testid="recording-copy"
            onClick={() => void copy()}
          >
            <LinkIcon />
          </button>
          <button
            type="button"
            className={`${buttonStyles.button} ${buttonStyles.ghost} ${buttonStyles.icon} ${buttonStyles.small} ${styles.delete}`}
            title={t('recordings.delete')}
            aria-label={t('recordings.delete-name', { name: recording.name })}
            data-testid="recording-delete"
            onClick={() => void controller.remove(recording)}
          >
            <TrashIcon />
          </button>
        </div>
      </div>
      {current && (preview.state.playing || preview.state.time > 0) && (
        <div className={styles.playBar} aria-hidden="true">
          <span style={{ width: `${(progress * 100).toFixed(1)}%` }} />
        </div>
      )}
      {current && preview.state.failed && (
        <p className={styles.playFailed} role="alert">
          {t('recordings.play-failed')}
        </p>
      )}
      {open && usages.length > 0 && (
        <ul id={usageId} className={styles.usages} aria-label={t('recordings.uses.list')}>
          {usages.map((usage) => {
            const label = usageLabel(usage)
            return (
              <li key={pathKey(usage.path)}>
                <button
                  type="button"
                  className={styles.usage}
                  data-testid="recording-usage"
                  onClick={() => reveal(usage)}
                >
                  <span className={styles.usageLine}>
                    {t('problems.line', { line: usage.line })}
                  </span>
                  <span className={styles.usageText}>{t(label.id, label.args)}</span>
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </li>
  )
}
