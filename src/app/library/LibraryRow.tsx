import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react'
import buttonStyles from '../components/Button.module.css'
import { CopyIcon, FileIcon, UndoIcon } from '../components/icons.tsx'
import { MenuButton, type MenuItem } from '../components/Menu.tsx'
import { useLocale } from '../state/use-locale.ts'
import type { LibraryIvr } from './api.ts'
import { daysUntilErased, erasedAt, MAX_IVR_NAME_LENGTH, renamedName } from './library-manage.ts'
import { formatWhen } from './LibraryLayer.tsx'
import { TrashIcon } from '../recordings/recording-icons.tsx'
import { MoreIcon, PencilIcon } from './manage-icons.tsx'
import styles from './LibraryDialog.module.css'

/** What a row of the library list can ask for. */
export interface RowCommands {
  readonly open: (ivr: LibraryIvr) => void
  /** Resolves once the rename is done or refused (said in a toast), so the field can close. */
  readonly rename: (ivr: LibraryIvr, name: string) => Promise<boolean>
  readonly duplicate: (ivr: LibraryIvr) => void
  readonly remove: (ivr: LibraryIvr) => void
  readonly recover: (ivr: LibraryIvr) => void
}

/**
 * One IVR of the library list: opens it on a click; a "⋯" menu renames it in place, duplicates
 * or deletes it. A deleted IVR shows when it will be erased and a Recover button instead.
 */
export function LibraryRow(props: {
  ivr: LibraryIvr
  current: boolean
  author: string | undefined
  busy: boolean
  commands: RowCommands
}) {
  const { ivr, current, busy, commands } = props
  const { t, locale } = useLocale()
  const [renaming, setRenaming] = useState(false)
  const deleted = ivr.deletedAt !== null

  if (renaming) {
    return (
      <RenameField
        ivr={ivr}
        onDone={() => setRenaming(false)}
        rename={(name) => commands.rename(ivr, name)}
      />
    )
  }

  let meta: ReactNode
  let action: ReactNode
  if (deleted) {
    const at = erasedAt(ivr)
    const days = daysUntilErased(at ?? undefined, Date.now())
    meta = t(days === 1 ? 'library.manage.deleted.meta.one' : 'library.manage.deleted.meta.other', {
      when: formatWhen(Date.parse(ivr.deletedAt ?? ''), locale),
      days,
    })
    action = (
      <button
        type="button"
        className={`${buttonStyles.button} ${buttonStyles.secondary} ${styles.rowAction}`}
        aria-label={t('library.manage.recover.named', { name: ivr.name })}
        disabled={busy}
        onClick={() => commands.recover(ivr)}
      >
        <UndoIcon />
        {t('library.manage.recover')}
      </button>
    )
  } else {
    meta = t('library.row.meta', {
      when: formatWhen(Date.parse(ivr.updatedAt), locale),
      author: props.author ?? '…',
    })
    const items: MenuItem[] = [
      {
        id: 'rename',
        label: t('library.manage.rename'),
        icon: <PencilIcon />,
        onSelect: () => setRenaming(true),
      },
      {
        id: 'duplicate',
        label: t('library.manage.duplicate'),
        icon: <CopyIcon />,
        onSelect: () => commands.duplicate(ivr),
      },
      {
        id: 'delete',
        label: t('library.manage.delete'),
        icon: <TrashIcon />,
        separatorBefore: true,
        onSelect: () => commands.remove(ivr),
      },
    ]
    action = (
      <span className={styles.rowMenu}>
        <MenuButton
          label={t('library.manage.actions', { name: ivr.name })}
          title={t('library.manage.actions.title')}
          icon={<MoreIcon />}
          items={items}
          align="end"
          compact
          floating
        />
      </span>
    )
  }

  const body = (
    <>
      <FileIcon className={styles.rowIcon} />
      <span className={styles.rowMain}>
        <span className={styles.rowName}>{ivr.name}</span>
        <span className={styles.rowMeta}>{meta}</span>
      </span>
      {current && <span className={styles.current}>{t('library.row.open')}</span>}
      <span className={styles.rowVersion}>{t('library.version', { version: ivr.head })}</span>
    </>
  )
  return (
    <li className={styles.item}>
      {deleted ? (
        <div className={`${styles.row} ${styles.deletedRow}`} data-ivr-id={ivr.id}>
          {body}
        </div>
      ) : (
        <button
          type="button"
          className={styles.row}
          aria-current={current ? 'true' : undefined}
          data-ivr-id={ivr.id}
          disabled={busy}
          onClick={() => commands.open(ivr)}
        >
          {body}
        </button>
      )}
      {action}
    </li>
  )
}

/** The row as a field holding the name: Enter renames, Escape or leaving it keeps the old name. */
function RenameField(props: {
  ivr: LibraryIvr
  rename: (name: string) => Promise<boolean>
  onDone: () => void
}) {
  const { t } = useLocale()
  const input = useRef<HTMLInputElement>(null)
  const [value, setValue] = useState(props.ivr.name)
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const name = renamedName(value, props.ivr.name)
    if (name === null) {
      props.onDone()
      return
    }
    setSaving(true)
    const renamed = await props.rename(name)
    setSaving(false)
    if (renamed) props.onDone()
    else input.current?.focus()
  }

  return (
    <li className={styles.item}>
      <form
        className={`${styles.row} ${styles.renameRow}`}
        onSubmit={(event) => void submit(event)}
      >
        <PencilIcon className={styles.rowIcon} />
        <input
          ref={input}
          className={`${styles.input} ${styles.renameInput}`}
          aria-label={t('library.manage.rename.label', { name: props.ivr.name })}
          maxLength={MAX_IVR_NAME_LENGTH}
          value={value}
          disabled={saving}
          onChange={(event) => setValue(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return
            // Escape leaves the field, not the whole library dialog.
            event.preventDefault()
            event.stopPropagation()
            props.onDone()
          }}
        />
        <button
          type="submit"
          className={`${buttonStyles.button} ${buttonStyles.primary}`}
          disabled={saving}
        >
          {t('library.manage.rename.save')}
        </button>
        <button
          type="button"
          className={`${buttonStyles.button} ${buttonStyles.ghost}`}
          disabled={saving}
          onClick={props.onDone}
        >
          {t('dialog.cancel')}
        </button>
      </form>
    </li>
  )
}
