import { useCallback, useEffect, useId, useRef, useState } from 'react'
import buttonStyles from '../components/Button.module.css'
import {
  CheckCircleIcon,
  CodeIcon,
  CopyIcon,
  DownloadIcon,
  ErrorIcon,
  ExportIcon,
  FileIcon,
  FilePlusIcon,
  FolderOpenIcon,
  HelpIcon,
  ImageIcon,
  InfoIcon,
  WarningIcon,
} from '../components/icons.tsx'
import { LanguageSwitch } from '../components/LanguageSwitch.tsx'
import { LibraryControls } from '../library/LibraryControls.tsx'
import { LogoMark } from '../components/Logo.tsx'
import { MenuButton, type MenuItem } from '../components/Menu.tsx'
import { PopoverButton } from '../components/Popover.tsx'
import { ThemeSwitch } from '../components/ThemeSwitch.tsx'
import { useAppState } from '../state/store-context.tsx'
import { useLocale } from '../state/use-locale.ts'
import { TEMPLATES } from '../templates/templates.ts'
import { HelpContent } from './HelpContent.tsx'
import { HistoryButtons } from './HistoryButtons.tsx'
import { IVR_FILE_ACCEPT } from './open-file.ts'
import { countProblems } from './problems.ts'
import { PROBLEMS_PANEL_ID, revealProblems } from './problems-focus.ts'
import {
  formatShortcut,
  isModalOpen,
  isTyping,
  matchesShortcut,
  onApplePlatform,
  SHORTCUTS,
} from './shortcuts.ts'
import styles from './Toolbar.module.css'
import { useFileActions } from './use-file-actions.tsx'

/**
 * The app bar: the product, the open IVR and whether it has changes not yet exported, the file
 * commands, the problem counts, help, language and theme. Owns the file shortcuts (open, export,
 * help).
 */
export function Toolbar() {
  const { t } = useLocale()
  const actions = useFileActions()
  const fileInput = useRef<HTMLInputElement>(null)
  const [helpOpen, setHelpOpen] = useState(false)
  const helpTitleId = useId()
  const apple = onApplePlatform()

  const openPicker = useCallback(() => fileInput.current?.click(), [])

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isModalOpen()) return
      if (matchesShortcut(event, SHORTCUTS.open, apple)) {
        event.preventDefault()
        openPicker()
      } else if (matchesShortcut(event, SHORTCUTS.exportYaml, apple)) {
        event.preventDefault()
        void actions.downloadYaml()
      } else if (matchesShortcut(event, SHORTCUTS.help, apple) && !isTyping(event.target)) {
        event.preventDefault()
        setHelpOpen((open) => !open)
      }
    }
    // Capture phase: the app's file shortcuts hold wherever the focus is, whatever a pane does
    // with the key on its way up.
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [actions, apple, openPicker])

  const templateItems: MenuItem[] = TEMPLATES.map((template) => ({
    id: template.id,
    label: t(template.title),
    description: t(template.description),
    icon: <FileIcon />,
    onSelect: () => void actions.openTemplate(template),
  }))

  const exportItems: MenuItem[] = [
    {
      id: 'yaml',
      label: t('toolbar.export.yaml'),
      icon: <DownloadIcon />,
      shortcut: formatShortcut(SHORTCUTS.exportYaml, apple),
      onSelect: () => void actions.downloadYaml(),
    },
    {
      id: 'copy',
      label: t('toolbar.export.copy'),
      icon: <CopyIcon />,
      onSelect: () => void actions.copyYaml(),
    },
    {
      id: 'svg',
      label: t('toolbar.export.svg'),
      icon: <CodeIcon />,
      separatorBefore: true,
      onSelect: () => void actions.downloadDiagram('svg'),
    },
    {
      id: 'png',
      label: t('toolbar.export.png'),
      icon: <ImageIcon />,
      onSelect: () => void actions.downloadDiagram('png'),
    },
  ]

  const closeHelp = useCallback((open: boolean) => setHelpOpen(open), [])

  return (
    <header className={styles.bar} data-testid="toolbar">
      <div className={styles.brand}>
        <LogoMark size={26} />
        <span className={styles.product}>{t('app.title')}</span>
      </div>
      <span className={styles.divider} aria-hidden="true" />
      <DocumentName />
      <LibraryControls />
      <div className={styles.actions} role="group" aria-label={t('toolbar.file')}>
        <button
          type="button"
          className={`${buttonStyles.button} ${buttonStyles.ghost}`}
          title={t('toolbar.open.title', { shortcut: formatShortcut(SHORTCUTS.open, apple) })}
          onClick={openPicker}
        >
          <FolderOpenIcon />
          <span className={`${styles.label} ${styles.fileLabel}`}>{t('toolbar.open')}</span>
        </button>
        <MenuButton
          label={t('toolbar.new')}
          title={t('toolbar.new.title')}
          heading={t('toolbar.new.heading')}
          icon={<FilePlusIcon />}
          items={templateItems}
          labelClassName={`${styles.label} ${styles.fileLabel}`}
        />
        <MenuButton
          label={t('toolbar.export')}
          title={t('toolbar.export.title')}
          icon={<ExportIcon />}
          items={exportItems}
          labelClassName={`${styles.label} ${styles.fileLabel}`}
        />
      </div>
      <span className={styles.divider} aria-hidden="true" />
      <HistoryButtons className={styles.actions} />
      <div className={styles.spacer} />
      <ProblemSummary />
      <PopoverButton
        label={t('toolbar.help')}
        title={t('toolbar.help.title', { shortcut: '?' })}
        icon={<HelpIcon />}
        open={helpOpen}
        onOpenChange={closeHelp}
        labelledBy={helpTitleId}
        align="end"
        labelClassName={styles.helpLabel}
      >
        <HelpContent titleId={helpTitleId} apple={apple} />
      </PopoverButton>
      <span className={styles.divider} aria-hidden="true" />
      <div className={styles.switches}>
        <LanguageSwitch />
        <ThemeSwitch />
      </div>
      <input
        ref={fileInput}
        className={styles.file}
        type="file"
        accept={IVR_FILE_ACCEPT}
        tabIndex={-1}
        aria-hidden="true"
        data-testid="open-file"
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])]
          // Cleared so that picking the same file again opens it again.
          event.currentTarget.value = ''
          void actions.openFiles(files)
        }}
      />
    </header>
  )
}

/** The open IVR's file name, with a dot while it has changes not yet exported. */
function DocumentName() {
  const { t } = useLocale()
  const name = useAppState((s) => s.document.name)
  const modified = useAppState((s) => s.document.view.text !== s.document.savedText)
  const inLibrary = useAppState((s) => s.document.library !== null)
  const title = inLibrary
    ? `${name} · ${modified ? t('library.state.unsaved') : t('library.state.saved')}`
    : modified
      ? t('toolbar.modified')
      : t('toolbar.saved')
  return (
    <div className={styles.document} title={title}>
      <FileIcon className={styles.documentIcon} />
      <span className={styles.documentName} data-testid="document-name">
        {name}
      </span>
      {modified && (
        <span className={styles.modified} data-testid="modified">
          <span className="visually-hidden">{t('toolbar.modified.short')}</span>
        </span>
      )}
    </div>
  )
}

/** The problem counts; a click moves to the problems panel. */
function ProblemSummary() {
  const { t } = useLocale()
  const diagnostics = useAppState((s) => s.document.view.diagnostics)
  const counts = countProblems(diagnostics)
  const total = counts.error + counts.warning + counts.info
  const described = [
    t(counts.error === 1 ? 'count.errors.one' : 'count.errors.other', { count: counts.error }),
    t(counts.warning === 1 ? 'count.warnings.one' : 'count.warnings.other', {
      count: counts.warning,
    }),
    t(counts.info === 1 ? 'count.infos.one' : 'count.infos.other', { count: counts.info }),
  ].join(t('list.separator'))
  return (
    <button
      type="button"
      className={`${buttonStyles.button} ${buttonStyles.ghost} ${styles.summary}`}
      title={t('toolbar.problems.title')}
      aria-label={`${total === 0 ? t('toolbar.problems.none') : described}. ${t('toolbar.problems.title')}`}
      aria-controls={PROBLEMS_PANEL_ID}
      data-testid="problem-summary"
      onClick={revealProblems}
    >
      {total === 0 ? (
        <span className={`${styles.count} ${styles.ok}`}>
          <CheckCircleIcon />
          <span className={styles.label}>{t('toolbar.problems.none')}</span>
        </span>
      ) : (
        <>
          <span className={`${styles.count} ${counts.error > 0 ? styles.error : styles.zero}`}>
            <ErrorIcon />
            {counts.error}
          </span>
          <span className={`${styles.count} ${counts.warning > 0 ? styles.warning : styles.zero}`}>
            <WarningIcon />
            {counts.warning}
          </span>
          <span className={`${styles.count} ${counts.info > 0 ? styles.info : styles.zero}`}>
            <InfoIcon />
            {counts.info}
          </span>
        </>
      )}
    </button>
  )
}
