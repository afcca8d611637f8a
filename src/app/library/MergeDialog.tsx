import { useEffect, useId, useRef, useState } from 'react'
import buttonStyles from '../components/Button.module.css'
import dialogStyles from '../components/Dialog.module.css'
import { hasConflictMarkers } from '../../merge/three-way.ts'
import { useLocale } from '../state/use-locale.ts'
import { useTheme } from '../state/use-theme.ts'
import { MergeIcon } from './library-icons.tsx'
import type { LibrarySession, PendingMerge } from './library-session.ts'
import { formatWhen } from './LibraryLayer.tsx'
import type { MergeDiffView } from './merge-diff.ts'
import styles from './MergeDialog.module.css'

/**
 * The merge view of a save that met a newer version: what happened, their version beside the
 * merged text (editable, with conflict markers where both changed the same lines), and the ways
 * out: save the merged text once no conflict is left, keep mine over theirs, take theirs, or
 * cancel and keep editing. Nothing is saved over their version without one of these choices.
 */
export default function MergeDialog({
  session,
  merge,
}: {
  session: LibrarySession
  merge: PendingMerge
}) {
  const { t, locale } = useLocale()
  const { resolvedTheme } = useTheme()
  const ref = useRef<HTMLDialogElement>(null)
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<MergeDiffView | null>(null)
  const titleId = useId()
  const bodyId = useId()
  const [merged, setMerged] = useState(merge.result.text)
  const [ready, setReady] = useState(false)
  const theme = useRef(resolvedTheme)
  theme.current = resolvedTheme

  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  useEffect(() => {
    let disposed = false
    void import('./merge-diff.ts').then(({ mountMergeDiff }) => {
      if (disposed || host.current === null) return
      const mounted = mountMergeDiff(
        host.current,
        merge.theirs.yaml.replace(/^\uFEFF/, ''),
        merge.result.text,
        t('merge.diff.aria'),
        theme.current,
      )
      mounted.onChange(setMerged)
      mounted.revealFirstConflict()
      view.current = mounted
      setReady(true)
    })
    return () => {
      disposed = true
      view.current?.dispose()
      view.current = null
    }
    // The view is made once per merge; the language of its label may lag behind a switch.
  }, [merge])

  const settle = (choice: Parameters<LibrarySession['settleMerge']>[0]) => {
    ref.current?.close()
    void session.settleMerge(choice)
  }

  const conflicts = merge.result.conflicts
  const unresolved = hasConflictMarkers(merged)
  const theirs = merge.theirs
  const sections = [...new Set(conflicts.map((c) => c.section).filter((s) => s !== null))]
  const { changed } = merge.result

  return (
    <dialog
      ref={ref}
      className={`${dialogStyles.dialog} ${styles.dialog}`}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      data-testid="merge-dialog"
      onCancel={(event) => {
        event.preventDefault()
        settle({ kind: 'cancel' })
      }}
    >
      <header className={styles.header}>
        <div
          className={`${dialogStyles.badge} ${
            conflicts.length > 0 ? dialogStyles.warning : styles.clean
          }`}
        >
          <MergeIcon size={20} />
        </div>
        <div className={styles.heading}>
          <h2 id={titleId} className={`${dialogStyles.title} ${styles.title}`}>
            {t('merge.title', { version: theirs.ivr.head })}
          </h2>
          <p id={bodyId} className={styles.summary} data-testid="merge-summary">
            {t('merge.summary', {
              author: theirs.version.author,
              when: formatWhen(Date.parse(theirs.version.createdAt), locale),
              version: theirs.ivr.head,
              base: merge.baseVersion,
            })}{' '}
            {conflicts.length === 0
              ? t('merge.clean')
              : t(conflicts.length === 1 ? 'merge.conflicts.one' : 'merge.conflicts.other', {
                  count: conflicts.length,
                  sections: sections.length > 0 ? sections.join(t('list.separator')) : '—',
                })}
          </p>
          <ul className={styles.changes}>
            {changed.mine.length > 0 && (
              <li>
                <span className={styles.mine}>{t('merge.changed.mine')}</span>{' '}
                {changed.mine.join(t('list.separator'))}
              </li>
            )}
            {changed.theirs.length > 0 && (
              <li>
                <span className={styles.theirs}>{t('merge.changed.theirs')}</span>{' '}
                {changed.theirs.join(t('list.separator'))}
              </li>
            )}
            {changed.both.length > 0 && (
              <li>
                <span className={styles.both}>{t('merge.changed.both')}</span>{' '}
                {changed.both.join(t('list.separator'))}
              </li>
            )}
          </ul>
        </div>
      </header>
      <div className={styles.columns} aria-hidden="true">
        <span>{t('merge.column.theirs', { version: theirs.ivr.head })}</span>
        <span>{t('merge.column.merged')}</span>
      </div>
      <div ref={host} className={styles.diff} data-testid="merge-diff" data-ready={ready} />
      <footer className={styles.footer}>
        <p className={styles.hint} role="status">
          {unresolved ? t('merge.hint.unresolved') : t('merge.hint.resolved')}
        </p>
        <button
          type="button"
          className={`${buttonStyles.button} ${buttonStyles.secondary}`}
          onClick={() => settle({ kind: 'cancel' })}
        >
          {t('dialog.cancel')}
        </button>
        <button
          type="button"
          className={`${buttonStyles.button} ${buttonStyles.secondary}`}
          onClick={() => settle({ kind: 'theirs' })}
        >
          {t('merge.take-theirs', { version: theirs.ivr.head })}
        </button>
        <button
          type="button"
          className={`${buttonStyles.button} ${buttonStyles.danger}`}
          onClick={() => settle({ kind: 'mine' })}
        >
          {t('merge.keep-mine')}
        </button>
        <button
          type="button"
          className={`${buttonStyles.button} ${buttonStyles.primary}`}
          disabled={unresolved}
          onClick={() => settle({ kind: 'merged', text: view.current?.merged() ?? merged })}
        >
          {t('merge.use-merged')}
        </button>
      </footer>
    </dialog>
  )
}
