import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import buttonStyles from '../components/Button.module.css'
import dialogStyles from '../components/Dialog.module.css'
import { CloseIcon, FileIcon, FilePlusIcon } from '../components/icons.tsx'
import { useAppState } from '../state/store-context.tsx'
import { useLocale } from '../state/use-locale.ts'
import { TEMPLATES } from '../templates/templates.ts'
import { listIvrs, listVersions, type LibraryIvr } from './api.ts'
import { LibraryIcon, SaveIcon, SearchIcon } from './library-icons.tsx'
import { formatWhen } from './LibraryLayer.tsx'
import type { LibrarySession } from './library-session.ts'
import styles from './LibraryDialog.module.css'

/** Searching waits this long after the last key. */
const SEARCH_PAUSE_MS = 200

/** The authors of the newest versions are looked up for at most this many IVRs. */
const AUTHORS_LOOKED_UP = 40

type Listing =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'loaded'; readonly ivrs: readonly LibraryIvr[] }

/**
 * The library: every IVR with its version, when it last changed and who saved it last, a search,
 * and new IVRs from a template. Opening one switches to it; the one left keeps its unsaved changes
 * as a draft.
 */
export function LibraryDialog({ session }: { session: LibrarySession }) {
  const { t, locale } = useLocale()
  const ref = useRef<HTMLDialogElement>(null)
  const search = useRef<HTMLInputElement>(null)
  const titleId = useId()
  const nameId = useId()
  const templateId = useId()
  const [query, setQuery] = useState('')
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
        void listIvrs({ q: query }, { signal: controller.signal }).then((answer) => {
          if (controller.signal.aborted) return
          setListing(
            answer.ok
              ? { kind: 'loaded', ivrs: answer.value }
              : {
                  kind: 'failed',
                  reason:
                    answer.failure.status === 0
                      ? t('library.error.network')
                      : answer.failure.message || answer.failure.code,
                },
          )
        })
      },
      query === '' ? 0 : SEARCH_PAUSE_MS,
    )
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [query, t])

  // Who saved each IVR last: one small request per IVR shown, kept for the dialog's life.
  useEffect(() => {
    if (listing.kind !== 'loaded') return
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
  }, [listing])

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
        {listing.kind === 'loaded' && listing.ivrs.length === 0 && (
          <p className={styles.empty}>
            {query === '' ? t('library.empty') : t('library.no-match', { query })}
          </p>
        )}
        {listing.kind === 'loaded' && listing.ivrs.length > 0 && (
          <ul className={styles.rows} aria-label={t('library.title')}>
            {listing.ivrs.map((ivr) => {
              const current = ivr.id === openId
              const author = authors.get(ivr.id)
              return (
                <li key={ivr.id}>
                  <button
                    type="button"
                    className={styles.row}
                    aria-current={current ? 'true' : undefined}
                    data-ivr-id={ivr.id}
                    disabled={busy}
                    onClick={() => void open(ivr.id)}
                  >
                    <FileIcon className={styles.rowIcon} />
                    <span className={styles.rowMain}>
                      <span className={styles.rowName}>{ivr.name}</span>
                      <span className={styles.rowMeta}>
                        {t('library.row.meta', {
                          when: formatWhen(Date.parse(ivr.updatedAt), locale),
                          author: author ?? '…',
                        })}
                      </span>
                    </span>
                    {current && <span className={styles.current}>{t('library.row.open')}</span>}
                    <span className={styles.rowVersion}>
                      {t('library.version', { version: ivr.head })}
                    </span>
                  </button>
                </li>
              )
            })}
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
