import type { MessageId } from '../../i18n/en.ts'
import { KeyboardIcon } from '../components/icons.tsx'
import { useLocale } from '../state/use-locale.ts'
import styles from './HelpContent.module.css'
import { formatShortcut, SHORTCUTS, type Shortcut } from './shortcuts.ts'

const ROWS: readonly { keys: readonly Shortcut[]; label: MessageId }[] = [
  { keys: [SHORTCUTS.open], label: 'help.shortcut.open' },
  { keys: [SHORTCUTS.exportYaml], label: 'help.shortcut.export' },
  { keys: [SHORTCUTS.save], label: 'help.shortcut.save' },
  { keys: [SHORTCUTS.search], label: 'help.shortcut.search' },
  { keys: [SHORTCUTS.quickFix], label: 'help.shortcut.quick-fix' },
  { keys: [SHORTCUTS.nextProblem, SHORTCUTS.previousProblem], label: 'help.shortcut.problems' },
  { keys: [SHORTCUTS.undo], label: 'help.shortcut.undo' },
  { keys: [SHORTCUTS.redo, SHORTCUTS.redoAlt], label: 'help.shortcut.redo' },
  { keys: [SHORTCUTS.copy, SHORTCUTS.cut, SHORTCUTS.paste], label: 'help.shortcut.copy' },
  { keys: [SHORTCUTS.duplicate], label: 'help.shortcut.duplicate' },
  { keys: [SHORTCUTS.delete, SHORTCUTS.deleteBack], label: 'help.shortcut.delete' },
  { keys: [SHORTCUTS.selectMore, SHORTCUTS.selectBox], label: 'help.shortcut.select-more' },
  { keys: [SHORTCUTS.help], label: 'help.shortcut.help' },
]

/** Pointer gestures listed with the keys, named in the reader's language. */
const POINTER_KEYS: Readonly<Record<string, MessageId>> = {
  Click: 'help.key.click',
  Drag: 'help.key.drag',
}

const STEPS: readonly MessageId[] = ['help.howto.1', 'help.howto.2', 'help.howto.3', 'help.howto.4']

/** The help popover: how the editor works in four steps, and every keyboard shortcut. */
export function HelpContent({ titleId, apple }: { titleId: string; apple: boolean }) {
  const { t } = useLocale()
  return (
    <div className={styles.help}>
      <section className={styles.section}>
        <h2 id={titleId} className={styles.title}>
          {t('help.title')}
        </h2>
        <ol className={styles.steps}>
          {STEPS.map((step, index) => (
            <li key={step} className={styles.step}>
              <span className={styles.number} aria-hidden="true">
                {index + 1}
              </span>
              <span>{t(step)}</span>
            </li>
          ))}
        </ol>
      </section>
      <section className={styles.section} aria-labelledby={`${titleId}-keys`}>
        <h3 id={`${titleId}-keys`} className={styles.subtitle}>
          <KeyboardIcon />
          {t('help.shortcuts')}
        </h3>
        <dl className={styles.shortcuts} data-testid="shortcuts">
          {ROWS.map((row) => (
            <div key={row.label} className={styles.row}>
              <dt className={styles.action}>{t(row.label)}</dt>
              <dd className={styles.keys}>
                {row.keys.map((key, index) => (
                  <span key={index} className={styles.combo}>
                    {index > 0 && <span className={styles.or}>/</span>}
                    <kbd className={styles.kbd}>
                      {formatShortcut(
                        POINTER_KEYS[key.key] ? { ...key, key: t(POINTER_KEYS[key.key]!) } : key,
                        apple,
                      )}
                    </kbd>
                  </span>
                ))}
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <footer className={styles.footer}>
        <span>{t('app.footer.version', { version: import.meta.env.APP_VERSION })}</span>
        <span>{t('app.footer.license')}</span>
      </footer>
    </div>
  )
}
