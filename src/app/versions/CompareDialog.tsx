import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react'
import { buildDiffGraph } from '../../diff/diff-graph.ts'
import { diffIvrs } from '../../diff/diff-ivr.ts'
import { diffMessageText, type DiffMessage } from '../../diff/message.ts'
import type { Locale } from '../../i18n/translate.ts'
import { parseIvr } from '../../yaml/parse-ivr.ts'
import buttonStyles from '../components/Button.module.css'
import { CloseIcon, DownloadIcon } from '../components/icons.tsx'
import { SegmentedControl } from '../components/SegmentedControl.tsx'
import type { LibraryResult } from '../library/api.ts'
import { useAppStore } from '../state/store-context.tsx'
import { useLocale } from '../state/use-locale.ts'
import type { CompareSide } from './compare-sides.ts'
import styles from './CompareDialog.module.css'
import { DiffCanvas } from './DiffCanvas.tsx'
import { failureReason } from './failure-text.ts'
import { RestoreIcon } from './version-icons.tsx'

const MonacoDiff = lazy(() => import('./MonacoDiff.tsx'))

type View = 'canvas' | 'yaml'

type Texts =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly before: string; readonly after: string }
  | { readonly status: 'failed'; readonly reason: string }

/** What a comparison needs from the history. */
export interface CompareDialogProps {
  /** The older side first. */
  readonly sides: readonly [CompareSide, CompareSide]
  /** The newest version of the IVR, which needs no restoring. */
  readonly latest: number | null
  readonly textOf: (number: number) => Promise<LibraryResult<string>>
  readonly locale: Locale
  readonly onRestore: (number: number) => void
  readonly onDownload: (number: number) => void
  readonly onClose: () => void
}

/**
 * Two versions (or a version and the editor) side by side, in a large modal: what changes for
 * callers in plain words on top, then both on one canvas with what was added, removed and
 * changed marked, or the two YAML texts in Monaco's diff editor.
 */
export default function CompareDialog(props: CompareDialogProps) {
  const { t } = useLocale()
  const store = useAppStore()
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const summaryId = useId()
  const [texts, setTexts] = useState<Texts>({ status: 'loading' })
  const [view, setView] = useState<View>('canvas')
  const [left, right] = props.sides
  const { textOf, onClose } = props

  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  useEffect(() => {
    let live = true
    const editorText = store.getState().document.view.text
    const load = async (side: CompareSide): Promise<LibraryResult<string>> =>
      side.kind === 'editor' ? { ok: true, value: editorText } : textOf(side.number)
    void Promise.all([load(left), load(right)]).then(([before, after]) => {
      if (!live) return
      if (!before.ok || !after.ok) {
        const failure = !before.ok ? before.failure : !after.ok ? after.failure : null
        const reason = failureReason(failure!)
        setTexts({ status: 'failed', reason: t(reason.id, reason.args) })
        return
      }
      setTexts({ status: 'ready', before: before.value, after: after.value })
    })
    return () => {
      live = false
    }
  }, [left, right, textOf, store, t])

  const compared = useMemo(() => {
    if (texts.status !== 'ready') return null
    const before = parseIvr(texts.before)
    const after = parseIvr(texts.after)
    const diff = diffIvrs(before.model, after.model)
    return {
      diff,
      graph: buildDiffGraph(diff, before.model, after.model),
      unreadable: !before.readable ? left : !after.readable ? right : null,
      sameText: texts.before === texts.after,
    }
  }, [texts, left, right])

  useEffect(() => {
    if (compared?.unreadable) setView('yaml')
  }, [compared])

  const sideLabel = (side: CompareSide) =>
    side.kind === 'editor'
      ? t('compare.side.editor')
      : t('compare.side.version', { number: side.number })

  const restorable = left.kind === 'version' && left.number !== props.latest ? left.number : null

  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby={titleId}
      data-testid="compare-dialog"
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <header className={styles.header}>
        <div className={styles.heading}>
          <h2 id={titleId} className={styles.title}>
            {t('compare.title')}
          </h2>
          <div className={styles.sides}>
            <SideChip side={left} label={sideLabel(left)} tone="before" />
            <span className={styles.arrow} aria-label={t('compare.to')}>
              →
            </span>
            <SideChip side={right} label={sideLabel(right)} tone="after" />
          </div>
        </div>
        <div className={styles.headerActions}>
          <SegmentedControl<View>
            legend={t('compare.view')}
            value={view}
            segments={[
              { value: 'canvas', label: t('compare.view.canvas') },
              { value: 'yaml', label: t('compare.view.yaml') },
            ]}
            onChange={setView}
          />
          <button
            type="button"
            className={`${buttonStyles.button} ${buttonStyles.ghost} ${styles.close}`}
            aria-label={t('compare.close')}
            title={t('compare.close')}
            data-testid="compare-close"
            onClick={onClose}
          >
            <CloseIcon size={18} />
          </button>
        </div>
      </header>

      {texts.status === 'loading' && (
        <p className={styles.status} role="status">
          {t('compare.loading')}
        </p>
      )}
      {texts.status === 'failed' && (
        <p className={`${styles.status} ${styles.failed}`} role="alert">
          {t('compare.failed', { reason: texts.reason })}
        </p>
      )}
      {texts.status === 'ready' && compared && (
        <>
          <section className={styles.summary} aria-labelledby={summaryId}>
            <h3 id={summaryId} className={styles.summaryTitle}>
              {t('compare.summary')}
              {compared.diff.summary.length > 0 && (
                <span className={styles.count}>
                  {compared.diff.summary.length === 1
                    ? t('compare.summary.count.one')
                    : t('compare.summary.count', { count: compared.diff.summary.length })}
                </span>
              )}
            </h3>
            {compared.unreadable && (
              <p className={styles.notice}>
                {t('compare.summary.unreadable', { side: sideLabel(compared.unreadable) })}
              </p>
            )}
            {compared.unreadable ? null : compared.diff.summary.length === 0 ? (
              <p className={styles.none} data-testid="compare-summary-none">
                {t(compared.sameText ? 'compare.summary.none' : 'compare.summary.text-only')}
              </p>
            ) : (
              <ul className={styles.lines} data-testid="compare-summary">
                {compared.diff.summary.map((line, index) => (
                  <li key={index} className={styles.line} data-tone={toneOf(line)}>
                    <span className={styles.lineMark} aria-hidden="true">
                      {MARKS[toneOf(line)]}
                    </span>
                    <span data-testid="compare-summary-line">
                      {diffMessageText(line, props.locale)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <div className={styles.view}>
            {view === 'canvas' ? (
              <DiffCanvas diff={compared.graph} />
            ) : (
              <Suspense
                fallback={
                  <p className={styles.status} role="status">
                    {t('compare.loading')}
                  </p>
                }
              >
                <MonacoDiff original={texts.before} modified={texts.after} />
              </Suspense>
            )}
          </div>
        </>
      )}

      {left.kind === 'version' && (
        <footer className={styles.footer}>
          <button
            type="button"
            className={`${buttonStyles.button} ${buttonStyles.secondary}`}
            data-testid="compare-download"
            onClick={() => props.onDownload(left.number)}
          >
            <DownloadIcon size={15} />
            {t('compare.download', { number: left.number })}
          </button>
          {restorable !== null && (
            <button
              type="button"
              className={`${buttonStyles.button} ${buttonStyles.primary}`}
              data-testid="compare-restore"
              onClick={() => props.onRestore(restorable)}
            >
              <RestoreIcon size={15} />
              {t('compare.restore', { number: restorable })}
            </button>
          )}
        </footer>
      )}
    </dialog>
  )
}

function SideChip(props: { side: CompareSide; label: string; tone: 'before' | 'after' }) {
  const { t } = useLocale()
  return (
    <span
      className={styles.side}
      data-tone={props.tone}
      title={props.side.kind === 'editor' ? t('compare.side.editor.title') : undefined}
      data-testid={`compare-side-${props.tone}`}
    >
      {props.label}
    </span>
  )
}

type Tone = 'added' | 'removed' | 'changed'

const MARKS: Readonly<Record<Tone, string>> = { added: '+', removed: '−', changed: '~' }

/** Whether a sentence tells of something new, something gone, or something different. */
function toneOf(line: DiffMessage): Tone {
  if (/\.(added)$/.test(line.id)) return 'added'
  if (/\.(removed)$/.test(line.id)) return 'removed'
  return 'changed'
}
