import { lazy, Suspense, useEffect, useState, type MouseEvent } from 'react'
import buttonStyles from '../components/Button.module.css'
import { useAsk } from '../components/Dialog.tsx'
import { DownloadIcon } from '../components/icons.tsx'
import { restoreVersion, type LibraryResult, type LibraryVersion } from '../library/api.ts'
import { loadToken, saveToken, sessionTokenStorage } from '../recordings/token.ts'
import { TokenDialog } from '../recordings/TokenDialog.tsx'
import { downloadBlob, yamlBlob } from '../panels/download.ts'
import { baseName } from '../panels/file-names.ts'
import type { LibraryLink } from '../state/document.ts'
import { useAppState, useAppStore, useDispatch } from '../state/store-context.tsx'
import { useLocale } from '../state/use-locale.ts'
import type { CompareSide } from './compare-sides.ts'
import { failureReason } from './failure-text.ts'
import side from '../components/SidePanel.module.css'
import styles from './HistoryPanel.module.css'
import { fullTime, relativeTime } from './relative-time.ts'
import { useVersions } from './use-versions.ts'
import { CompareIcon, HistoryIcon, RestoreIcon } from './version-icons.tsx'

// The comparison brings Monaco's diff editor and a canvas along; they load when first opened.
const CompareDialog = lazy(() => import('./CompareDialog.tsx'))

/**
 * The history tab of the side: the versions of the library IVR open in the editor, newest
 * first, with who saved each and when, which one the editor shows, and ways to compare any two
 * (or one with the editor), restore one as the newest version, or download one.
 */
export function HistoryPanel() {
  const library = useAppState((s) => s.document.library)
  return (
    <section className={side.panel} data-testid="history-panel" aria-labelledby="history-title">
      {library === null ? <NotInLibrary /> : <VersionList key={library.id} library={library} />}
    </section>
  )
}

function Header({ count }: { count?: number }) {
  const { t } = useLocale()
  return (
    <header className={side.header}>
      <h2 id="history-title" className={side.title}>
        <HistoryIcon size={14} className={side.titleIcon} />
        {t('history.title')}
        {count !== undefined && <span className={side.total}>{count}</span>}
      </h2>
    </header>
  )
}

function NotInLibrary() {
  const { t } = useLocale()
  return (
    <>
      <Header />
      <div className={styles.empty} data-testid="history-empty">
        <div className={styles.emptyIcon}>
          <HistoryIcon size={22} />
        </div>
        <p className={styles.emptyTitle}>{t('history.empty.title')}</p>
        <p className={styles.emptyBody}>{t('history.empty.body')}</p>
      </div>
    </>
  )
}

function VersionList({ library }: { library: LibraryLink }) {
  const { t, locale } = useLocale()
  const store = useAppStore()
  const dispatch = useDispatch()
  const ask = useAsk()
  const dirty = useAppState((s) => s.document.view.text !== s.document.savedText)
  const { state, more, reload, loadMore, textOf } = useVersions(library.id, library.version)
  const [selected, setSelected] = useState<readonly number[]>([])
  const [compare, setCompare] = useState<readonly [CompareSide, CompareSide] | null>(null)
  const [busy, setBusy] = useState<number | null>(null)
  const [now, setNow] = useState(() => Date.now())
  const [tokenQuestion, setTokenQuestion] = useState<{
    wrong: boolean
    resolve: (token: string | null) => void
  } | null>(null)

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000)
    return () => clearInterval(timer)
  }, [])
  useEffect(() => setNow(Date.now()), [state])

  const versions = state.status === 'ready' ? state.versions : []
  const latest = versions[0]?.number

  const toggle = (number: number) =>
    setSelected((before) =>
      before.includes(number) ? before.filter((n) => n !== number) : [...before, number].slice(-2),
    )

  const startCompare = () => {
    const [first, second] = [...selected].sort((a, b) => a - b)
    if (first === undefined) return
    setCompare(
      second === undefined
        ? [{ kind: 'version', number: first }, { kind: 'editor' }]
        : [
            { kind: 'version', number: first },
            { kind: 'version', number: second },
          ],
    )
  }

  const showFailure = (
    id: 'history.restore.failed' | 'history.download.failed',
    number: number,
    failure: Parameters<typeof failureReason>[0],
  ) => {
    const reason = failureReason(failure)
    dispatch({
      type: 'toast.show',
      tone: 'error',
      messageId: id,
      args: { number, reason: t(reason.id, reason.args) },
    })
  }

  const restore = async (number: number) => {
    if (store.getState().document.view.text !== store.getState().document.savedText) {
      const answer = await ask({
        title: t('history.restore.ask.title', { number }),
        body: t('history.restore.ask.body', { number }),
        tone: 'warning',
        cancel: 'cancel',
        choices: [
          { value: 'cancel', label: t('history.restore.ask.cancel'), tone: 'secondary' },
          { value: 'restore', label: t('history.restore.ask.confirm'), tone: 'danger' },
        ],
      })
      if (answer !== 'restore') return
    }
    setBusy(number)
    try {
      const text = await textOf(number)
      if (!text.ok) return showFailure('history.restore.failed', number, text.failure)
      const result = await withToken((token) =>
        restoreVersion(library.id, number, latest === undefined ? {} : { base: latest }, { token }),
      )
      if (!result.ok) {
        showFailure('history.restore.failed', number, result.failure)
        if (result.failure.code === 'conflict') void reload()
        return
      }
      const saved = result.value.version.number
      const { document } = store.getState()
      dispatch({
        type: 'document.open',
        name: document.name,
        text: text.value,
        library: { id: library.id, version: saved },
      })
      dispatch({
        type: 'toast.show',
        tone: 'success',
        messageId: result.value.saved ? 'history.restore.done' : 'history.restore.same',
        args: { number, version: saved },
      })
      setCompare(null)
      setSelected([])
      void reload()
    } finally {
      setBusy(null)
    }
  }

  /**
   * Runs a change with this tab's access token; when the server wants one (or another one), asks
   * for it, as the recordings do, and tries again with it, until the person cancels.
   */
  async function withToken<U>(
    request: (token: string | null) => Promise<LibraryResult<U>>,
  ): Promise<LibraryResult<U>> {
    const storage = sessionTokenStorage()
    for (;;) {
      const sent = loadToken(storage)
      const result = await request(sent)
      if (result.ok || result.failure.status !== 401) return result
      if (sent !== null) saveToken(storage, null)
      const token = await new Promise<string | null>((resolve) =>
        setTokenQuestion({ wrong: sent !== null, resolve }),
      )
      setTokenQuestion(null)
      if (token === null) return result
      saveToken(storage, token)
    }
  }

  const download = async (number: number) => {
    const text = await textOf(number)
    if (!text.ok) return showFailure('history.download.failed', number, text.failure)
    const name = baseName(store.getState().document.name)
    downloadBlob(yamlBlob(text.value), `${name}-v${number}.yaml`)
  }

  const sorted = [...selected].sort((a, b) => a - b)
  const hint =
    sorted.length === 0
      ? t('history.hint.none')
      : sorted.length === 1
        ? t('history.hint.one', { number: sorted[0]! })
        : t('history.hint.two', { older: sorted[0]!, newer: sorted[1]! })

  return (
    <>
      <Header {...(state.status === 'ready' ? { count: latest ?? 0 } : {})} />
      <div className={side.body}>
        {state.status === 'loading' && (
          <p className={styles.status} role="status">
            {t('history.loading')}
          </p>
        )}
        {state.status === 'failed' && (
          <div className={styles.failed} role="alert">
            <p>{t('history.failed', { reason: reasonText(state.failure) })}</p>
            <button
              type="button"
              className={`${buttonStyles.button} ${buttonStyles.secondary}`}
              onClick={() => void reload()}
            >
              {t('history.retry')}
            </button>
          </div>
        )}
        {state.status === 'ready' && (
          <ol className={styles.list} aria-label={t('history.title')}>
            {versions.map((version) => (
              <VersionRow
                key={version.number}
                version={version}
                latest={version.number === latest}
                open={version.number === library.version}
                dirty={dirty}
                selected={selected.includes(version.number)}
                busy={busy === version.number}
                now={now}
                onToggle={() => toggle(version.number)}
                onRestore={() => void restore(version.number)}
                onDownload={() => void download(version.number)}
              />
            ))}
          </ol>
        )}
        {state.status === 'ready' && more && (
          <button
            type="button"
            className={`${buttonStyles.button} ${buttonStyles.ghost} ${styles.more}`}
            onClick={() => void loadMore()}
          >
            {t('history.more')}
          </button>
        )}
      </div>
      {state.status === 'ready' && (
        <footer className={styles.footer}>
          <p className={styles.hint} data-testid="history-hint">
            {hint}
          </p>
          <div className={styles.footerActions}>
            {selected.length > 0 && (
              <button
                type="button"
                className={`${buttonStyles.button} ${buttonStyles.ghost}`}
                onClick={() => setSelected([])}
              >
                {t('history.clear')}
              </button>
            )}
            <button
              type="button"
              className={`${buttonStyles.button} ${buttonStyles.primary}`}
              disabled={selected.length === 0}
              data-testid="history-compare"
              onClick={startCompare}
            >
              <CompareIcon size={15} />
              {t('history.compare')}
            </button>
          </div>
        </footer>
      )}
      {tokenQuestion && (
        <TokenDialog wrong={tokenQuestion.wrong} onAnswer={tokenQuestion.resolve} />
      )}
      {compare && (
        <Suspense fallback={null}>
          <CompareDialog
            sides={compare}
            latest={latest ?? null}
            textOf={textOf}
            locale={locale}
            onRestore={(number) => void restore(number)}
            onDownload={(number) => void download(number)}
            onClose={() => setCompare(null)}
          />
        </Suspense>
      )}
    </>
  )

  function reasonText(failure: Parameters<typeof failureReason>[0]): string {
    const reason = failureReason(failure)
    return t(reason.id, reason.args)
  }
}

function VersionRow(props: {
  version: LibraryVersion
  latest: boolean
  open: boolean
  dirty: boolean
  selected: boolean
  busy: boolean
  now: number
  onToggle: () => void
  onRestore: () => void
  onDownload: () => void
}) {
  const { t, locale } = useLocale()
  const { version } = props
  const number = version.number
  const source = sourceText(version, t)
  const stop = (action: () => void) => (event: MouseEvent) => {
    event.stopPropagation()
    action()
  }
  return (
    <li
      className={styles.version}
      data-testid="history-version"
      data-number={number}
      data-selected={props.selected || undefined}
      data-open={props.open || undefined}
      onClick={props.onToggle}
    >
      <input
        type="checkbox"
        className={styles.check}
        checked={props.selected}
        aria-label={t('history.select', { number })}
        data-testid="history-select"
        onChange={props.onToggle}
        onClick={(event) => event.stopPropagation()}
      />
      <div className={styles.main}>
        <div className={styles.titleLine}>
          <span className={styles.number}>{t('history.version', { number })}</span>
          {props.latest && <span className={styles.latest}>{t('history.latest')}</span>}
          {props.open && (
            <span
              className={`${styles.open} ${props.dirty ? styles.openDirty : ''}`}
              title={t(props.dirty ? 'history.open.changed.title' : 'history.open.title')}
              data-testid="history-open"
            >
              <span className={styles.openDot} aria-hidden="true" />
              {t(props.dirty ? 'history.open.changed' : 'history.open')}
            </span>
          )}
        </div>
        <p className={version.message ? styles.message : `${styles.message} ${styles.noMessage}`}>
          {version.message ?? t('history.message.none')}
        </p>
        <p className={styles.meta}>
          <span className={styles.author}>{version.author}</span>
          <span aria-hidden="true">·</span>
          <time dateTime={version.createdAt} title={fullTime(version.createdAt, locale)}>
            {relativeTime(version.createdAt, props.now, locale)}
          </time>
          {source && (
            <>
              <span aria-hidden="true">·</span>
              <span className={styles.source}>{source}</span>
            </>
          )}
        </p>
      </div>
      <div className={styles.actions}>
        {!props.latest && (
          <button
            type="button"
            className={`${buttonStyles.button} ${buttonStyles.ghost} ${styles.iconButton}`}
            title={t('history.restore.title', { number })}
            aria-label={t('history.restore.title', { number })}
            data-testid="history-restore"
            disabled={props.busy}
            onClick={stop(props.onRestore)}
          >
            <RestoreIcon size={16} />
          </button>
        )}
        <button
          type="button"
          className={`${buttonStyles.button} ${buttonStyles.ghost} ${styles.iconButton}`}
          title={t('history.download.title', { number })}
          aria-label={t('history.download.title', { number })}
          data-testid="history-download"
          onClick={stop(props.onDownload)}
        >
          <DownloadIcon size={16} />
        </button>
      </div>
    </li>
  )
}

function sourceText(version: LibraryVersion, t: ReturnType<typeof useLocale>['t']): string | null {
  const source = version.source
  switch (source.kind) {
    case 'restore':
      return t('history.source.restore', { version: source.version })
    case 'duplicate':
      return t('history.source.duplicate', { id: source.id, version: source.version })
    case 'create':
      return source.template !== undefined && source.template !== 'empty'
        ? t('history.source.template', { template: source.template })
        : t('history.source.create')
    case 'save':
      return null
  }
}
