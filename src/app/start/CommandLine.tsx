import { useEffect, useRef, useState } from 'react'
import { CheckIcon, CopyIcon } from '../components/icons.tsx'
import { useLocale } from '../state/use-locale.ts'
import styles from './CommandLine.module.css'

type CopyState = 'idle' | 'copied' | 'failed'

/** How long "Copied" shows before the button returns to "Copy". */
const CONFIRM_MS = 2000

/**
 * A shell command to type, with a button that copies it. Browsers without a clipboard (pages
 * served over plain HTTP to another machine) get no button; the command can still be selected.
 */
export function CommandLine({ command }: { command: string }) {
  const { t } = useLocale()
  const [state, setState] = useState<CopyState>('idle')
  const timer = useRef<number | undefined>(undefined)
  const canCopy = typeof navigator !== 'undefined' && navigator.clipboard !== undefined

  useEffect(() => () => window.clearTimeout(timer.current), [])

  async function copy(): Promise<void> {
    window.clearTimeout(timer.current)
    try {
      await navigator.clipboard.writeText(command)
      setState('copied')
    } catch {
      setState('failed')
    }
    timer.current = window.setTimeout(() => setState('idle'), CONFIRM_MS)
  }

  return (
    <div className={styles.wrapper}>
      <div className={styles.terminal} role="group" aria-label={t('app.cli.label')}>
        <code className={styles.command}>
          <span className={styles.prompt} aria-hidden="true">
            $
          </span>
          {command}
        </code>
        {canCopy && (
          <button
            type="button"
            className={styles.copy}
            onClick={() => void copy()}
            aria-label={t('app.copy-command')}
            title={t('app.copy-command')}
          >
            {state === 'copied' ? <CheckIcon /> : <CopyIcon />}
            <span className={styles.copyText}>
              {state === 'copied' ? t('app.copied') : t('app.copy')}
            </span>
          </button>
        )}
      </div>
      <p className={styles.announcement} role="status">
        {state === 'copied' ? <span className="visually-hidden">{t('app.copied')}</span> : null}
        {state === 'failed' ? t('app.copy-failed') : null}
      </p>
    </div>
  )
}
