import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import buttonStyles from '../components/Button.module.css'
import { useAsk } from '../components/Dialog.tsx'
import dialogStyles from '../components/Dialog.module.css'
import { CloseIcon, FilePlusIcon } from '../components/icons.tsx'
import { SegmentedControl } from '../components/SegmentedControl.tsx'
import { useAppState } from '../state/store-context.tsx'
import { useLocale } from '../state/use-locale.ts'
import { TEMPLATES } from '../templates/templates.ts'
import { listIvrs, listVersions, type LibraryIvr } from './api.ts'
import { SearchIcon } from '../recordings/recording-icons.tsx'
import { LibraryIcon, SaveIcon } from './library-icons.tsx'
import { RECOVERABLE_DAYS } from './library-manage.ts'
import type { LibrarySession } from './library-session.ts'
import { LibraryRow, type RowCommands } from './LibraryRow.tsx'
import styles from './LibraryDialog.module.css'

/** Searching waits this long after the last key. */
const SEARCH_PAUSE_MS = 200

/** The authors of the newest versions are looked up for at most this many IVRs. */
const AUTHORS_LOOKED_UP = 40

type Listing =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'offline' }
  | { readonly kind: 'loaded'; readonly ivrs: readonly LibraryIvr[] }

/**
 * The library: every IVR with its version, when it last changed and who saved it last, a search,
 * and new IVRs from a template. Opening one switches to it; the one left keeps its unsaved changes
 * as a draft.
 */
export function LibraryDialog({ session }: { session: LibrarySession }) {
  const { t } = useLocale()
  const ask = useAsk()
  const ref = useRef<HTMLDialogElement>(null)
  const search = useRef<HTMLInputElement>(null)
  const titleId = useId()
  const nameId = useId()
  const templateId = useId()
  const [query, setQuery] = useState('')
  const [view, setView] = useState<'all' | 'deleted'>('all')
  // Bumped after a change, to list the library again.
  const [reload, setReload] = useState(0)
  const [listing, setListing] = useState<Listing>({ kind: 'loading' })
  const [authors, setAuthors] = useState<ReadonlyMap<string, string>>(new Map())
  const asked = useRef(new Set<string>())
  const [newName, setNewName] = useState('')
  const [template, setTemplate] = useState('empty')
  const [busy, setBusy] = useState(false)
  const openId = useAppState((s) => s.document.library?.id ?? null)
  const documentName = useAppState((s) => s.document.name)

  useEffect(() => {
    const dialog = ref.current
    if (!dialog || dialog.open) return
    dialog.showModal()
    search.current?.focus()
  }, [])

  useEffect(() => {
    const controller = new AbortController()
    const timer = setTimeout(
      () => {
        const deleted = view === 'deleted'
        void listIvrs({ q: query, deleted }, { signal: controller.signal }).then((answer) => {
          if (controller.signal.aborted) return
          setListing(
            answer.ok
              ? { kind: 'loaded', ivrs: answer.value }
              : answer.failure.status === 0
                ? { kind: 'offline' }
                : { kind: 'failed', reason: answer.failure.message || answer.failure.code },
          )
        })
      },
      query === '' ? 0 : SEARCH_PAUSE_MS,
    )
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [query, view, reload])

  // Who saved each IVR last: one small request per IVR shown, kept for the dialog's life.
  useEffect(() => {
    if (listing.kind !== 'loaded' || view === 'deleted') return
    const controller = new AbortController()
    const missing = listing.ivrs
      .slice(0, AUTHORS_LOOKED_UP)
      .filter((ivr) => !asked.current.has(`${ivr.id}@${ivr.head}`))
    for (const ivr of missing) {
      asked.current.add(`${ivr.id}@${ivr.head}`)
      void listVersions(ivr.id, { limit: 1 }, { signal: controller.signal }).then((answer) => {
        const author = answer.ok ? answer.value[0]?.author : undefined
        if (author !== undefined) setAuthors((before) => new Map(before).set(ivr.id, author))
        else asked.current.delete(`${ivr.id}@${ivr.head}`)
      })
    }
    return () => controller.abort()
  }, [listing, view])

  const close = () => {
    ref.current?.close()
    session.showDialog(null)
  }

  const create = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    try {
      await session.create({ template, ...(newName.trim() ? { name: newName.trim() } : {}) })
    } finally {
      setBusy(false)
    }
  }

  const open = async (id: string) => {
    setBusy(true)
    try {
      await session.open(id)
    } finally {
      setBusy(false)
    }
  }

  /** Runs a change of the library with the rows disabled, then lists the library again. */
  const change = async <T,>(work: () => Promise<T>): Promise<T> => {
    setBusy(true)
    try {
      return await work()
    } finally {
      setBusy(false)
      setReload((n) => n + 1)
    }
  }

  const commands: RowCommands = {
    open: (ivr) => void open(ivr.id),
    rename: (ivr, name) => change(() => session.rename(ivr.id, name)),
    duplicate: (ivr) => void change(() => session.duplicate(ivr.id)),
    recover: (ivr) => void change(() => session.recover(ivr.id)),
    remove: (ivr) =>
      void (async () => {
        const isOpen = ivr.id === openId
        const answer = await ask({
          title: t('library.manage.delete.title', { name: ivr.name }),
          body: (
            <>
              <p>{t('library.manage.delete.body', { days: RECOVERABLE_DAYS })}</p>
              {isOpen && <p className={styles.questionNote}>{t('library.manage.delete.open')}</p>}
            </>
          ),
          choices: [
            { value: 'cancel', label: t('dialog.cancel'), tone: 'secondary' },
            { value: 'delete', label: t('library.manage.delete.confirm'), tone: 'danger' },
          ],
          cancel: 'cancel',
          tone: 'danger',
        })
        if (answer === 'delete') await change(() => session.remove(ivr.id))
      })(),
  }

  const emptyText =
    view === 'deleted'
      ? query === ''
        ? t('library.manage.deleted.empty', { days: RECOVERABLE_DAYS })
        : t('library.no-match', { query })
      : query === ''
        ? t('library.empty')
        : t('library.no-match', { query })

  return (
    <dialog
      ref={ref}
      className={`${dialogStyles.dialog} ${styles.dialog}`}
      aria-labelledby={titleId}
      aria-busy={busy}
      data-testid="library-dialog"
      onCancel={(event) => {
        event.preventDefault()
        close()
      }}
    >
      <header className={styles.header}>
        <LibraryIcon size={20} className={styles.headerIcon} />
        <h2 id={titleId} className={styles.title}>
          {t('library.title')}
        </h2>
        <button
          type="button"
          className={`${buttonStyles.button} ${buttonStyles.ghost} ${styles.close}`}
          aria-label={t('library.close')}
          onClick={close}
        >
          <CloseIcon />
        </button>
      </header>
      <div className={styles.tools}>
        <SegmentedControl
          legend={t('library.manage.view')}
          value={view}
          segments={[
            { value: 'all', label: t('library.manage.view.all') },
            { value: 'deleted', label: t('library.manage.view.deleted') },
          ]}
          onChange={(next) => {
            setListing({ kind: 'loading' })
            setView(next)
          }}
        />
      </div>
      <div className={styles.search}>
        <SearchIcon className={styles.searchIcon} />
        <input
          ref={search}
          type="search"
          className={styles.searchInput}
          aria-label={t('library.search')}
          placeholder={t('library.search')}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
        />
      </div>
      <div className={styles.list} data-testid="library-list">
        {listing.kind === 'loading' && <p className={styles.empty}>{t('library.loading')}</p>}
        {listing.kind === 'failed' && (
          <p className={styles.error} role="alert">
            {t('library.error.list', { reason: listing.reason })}
          </p>
        )}
        {listing.kind === 'offline' && (
          <div className={styles.offline} role="alert" data-testid="library-offline">
            <p className={styles.offlineTitle}>{t('library.offline.title')}</p>
            <p>{t('library.offline.body')}</p>
            <button
              type="button"
              className={`${buttonStyles.button} ${buttonStyles.secondary}`}
              onClick={() => {
                setListing({ kind: 'loading' })
                setReload((n) => n + 1)
              }}
            >
              {t('library.offline.retry')}
            </button>
          </div>
        )}
        {listing.kind === 'loaded' && listing.ivrs.length === 0 && (
          <p className={styles.empty}>{emptyText}</p>
        )}
        {listing.kind === 'loaded' && listing.ivrs.length > 0 && (
          <ul
            className={styles.rows}
            aria-label={view === 'deleted' ? t('library.manage.view.deleted') : t('library.title')}
          >
            {view === 'deleted' && (
              <li className={styles.listNote}>
                {t('library.manage.deleted.note', { days: RECOVERABLE_DAYS })}
              </li>
            )}
            {listing.ivrs.map((ivr) => (
              <LibraryRow
                key={ivr.id}
                ivr={ivr}
                current={ivr.id === openId}
                author={authors.get(ivr.id)}
                busy={busy}
                commands={commands}
              />
            ))}
          </ul>
        )}
      </div>
      <form className={styles.create} onSubmit={(event) => void create(event)}>
        <h3 className={styles.createTitle}>{t('library.new.title')}</h3>
        <div className={styles.createFields}>
          <label className="visually-hidden" htmlFor={nameId}>
            {t('library.new.name')}
          </label>
          <input
            id={nameId}
            className={styles.input}
            placeholder={t('library.new.name')}
            maxLength={200}
            value={newName}
            onChange={(event) => setNewName(event.currentTarget.value)}
          />
          <label className="visually-hidden" htmlFor={templateId}>
            {t('library.new.template')}
          </label>
          <select
            id={templateId}
            className={styles.select}
            value={template}
            onChange={(event) => setTemplate(event.currentTarget.value)}
          >
            {TEMPLATES.map((item) => (
              <option key={item.id} value={item.id}>
                {t(item.title)}
              </option>
            ))}
          </select>
          <button
            type="submit"
            className={`${buttonStyles.button} ${buttonStyles.primary}`}
            disabled={busy}
          >
            <FilePlusIcon />
            {t('library.new.create')}
          </button>
        </div>
        {openId === null && (
          <p className={styles.saveFile}>
            <span>{t('library.save-file.body', { name: documentName })}</span>
            <button
              type="button"
              className={`${buttonStyles.button} ${buttonStyles.secondary}`}
              disabled={busy}
              onClick={() => {
                close()
                void session.save()
              }}
            >
              <SaveIcon />
              {t('library.save-file')}
            </button>
          </p>
        )}
      </form>
    </dialog>
  )
}
