import buttonStyles from '../components/Button.module.css'
import { CheckCircleIcon } from '../components/icons.tsx'
import { MenuButton, type MenuItem } from '../components/Menu.tsx'
import { formatShortcut, onApplePlatform, SHORTCUTS } from '../panels/shortcuts.ts'
import { useAppState } from '../state/store-context.tsx'
import { useLocale } from '../state/use-locale.ts'
import { useLibrary, useLibraryStatus } from './library-context.tsx'
import { LibraryIcon, SaveIcon } from './library-icons.tsx'
import toolbarStyles from '../panels/Toolbar.module.css'
import styles from './LibraryControls.module.css'

/**
 * The toolbar's part of the library: the library button, Save (Ctrl/Cmd+S) with "Save with
 * message…", and where the open IVR stands: its version, unsaved changes, saving.
 */
export function LibraryControls() {
  const session = useLibrary()
  const status = useLibraryStatus()
  const { t } = useLocale()
  if (session === null || status.available === false) return null
  const apple = onApplePlatform()
  const shortcut = formatShortcut(SHORTCUTS.save, apple)
  const saveItems: MenuItem[] = [
    {
      id: 'save',
      label: t('library.save'),
      icon: <SaveIcon />,
      shortcut,
      onSelect: () => void session.save(),
    },
    {
      id: 'message',
      label: t('library.save.with-message'),
      onSelect: () => session.showDialog('message'),
    },
  ]
  return (
    <div className={styles.controls} role="group" aria-label={t('library.group')}>
      <button
        type="button"
        className={`${buttonStyles.button} ${buttonStyles.ghost}`}
        title={t('library.open.title')}
        aria-label={t('library.button')}
        data-testid="library-button"
        onClick={() => session.showDialog('library')}
      >
        <LibraryIcon />
        <span className={`${toolbarStyles.label} ${styles.wideLabel}`} aria-hidden="true">
          {t('library.button')}
        </span>
      </button>
      <div className={styles.split}>
        <button
          type="button"
          className={`${buttonStyles.button} ${buttonStyles.ghost} ${styles.save}`}
          title={t('library.save.title', { shortcut })}
          aria-label={t('library.save')}
          disabled={status.saving}
          data-testid="library-save"
          onClick={() => void session.save()}
        >
          <SaveIcon />
          <span className={`${toolbarStyles.label} ${styles.saveLabel}`}>{t('library.save')}</span>
        </button>
        <MenuButton
          label={t('library.save.more')}
          icon={null}
          items={saveItems}
          labelClassName="visually-hidden"
          testId="library-save-menu"
        />
      </div>
      <SaveState />
    </div>
  )
}

/**
 * Where the open IVR stands in the library: its version (the unsaved dot is the document name's),
 * and, for screen readers and as a tooltip, whether it has unsaved changes.
 */
function SaveState() {
  const { t } = useLocale()
  const status = useLibraryStatus()
  const library = useAppState((s) => s.document.library)
  const modified = useAppState((s) => s.document.view.text !== s.document.savedText)
  let state: 'saving' | 'unsaved' | 'saved' | 'local'
  if (status.saving) state = 'saving'
  else if (library === null) state = 'local'
  else if (modified) state = 'unsaved'
  else state = 'saved'
  const text =
    state === 'saving'
      ? t('library.state.saving')
      : state === 'local'
        ? t('library.state.local')
        : state === 'unsaved'
          ? t('library.state.unsaved')
          : t('library.state.saved')
  return (
    <span
      className={styles.state}
      data-state={state}
      data-testid="library-state"
      role="status"
      title={library === null ? `${text}: ${t('library.state.local.title')}` : text}
    >
      {library !== null && (
        <span className={styles.version} data-testid="library-version">
          {t('library.version', { version: library.version })}
        </span>
      )}
      {state === 'saving' && <span className={styles.stateDot} aria-hidden="true" />}
      {state === 'saved' && <CheckCircleIcon size={14} className={styles.savedIcon} />}
      <span className="visually-hidden">{text}</span>
    </span>
  )
}
