import { useMemo } from 'react'
import { isMessageId, translate } from '../../i18n/translate.ts'
import type { Diagnostic } from '../../validate/diagnostic.ts'
import { ErrorIcon, WarningIcon } from '../components/icons.tsx'
import { useAppState, useDispatch } from '../state/store-context.tsx'
import { useLocale } from '../state/use-locale.ts'
import styles from './Refusal.module.css'

/** How many errors the panel names; the problems list has the rest. */
const SHOWN_ERRORS = 8

/**
 * Why the IVR cannot be called now: its YAML cannot be read, or it has errors, named one by one
 * (a click selects an error in the canvas and the YAML, as in the problems list).
 */
export function Refusal() {
  const { t, locale } = useLocale()
  const dispatch = useDispatch()
  const view = useAppState((s) => s.document.view)
  const errors = useMemo(() => view.diagnostics.filter((d) => d.severity === 'error'), [view])
  const message = (d: Diagnostic) =>
    isMessageId(d.messageId) ? translate(locale, d.messageId, d.args) : d.message

  if (view.stale) {
    const syntax = view.diagnostics.find((d) => d.code === 'yaml-syntax') ?? errors[0] ?? null
    return (
      <div className={`${styles.box} ${styles.syntax}`} role="status" data-testid="call-syntax">
        <WarningIcon size={18} className={styles.icon} />
        <div className={styles.text}>
          <p className={styles.title}>{t('testcall.syntax.title')}</p>
          <p className={styles.body}>
            {syntax && syntax.line > 0
              ? t('testcall.syntax.body', {
                  line: syntax.line,
                  message: message(syntax).replace(/[.。]\s*$/u, ''),
                })
              : t('testcall.syntax.body.no-line')}
          </p>
        </div>
      </div>
    )
  }
  if (errors.length === 0) return null
  return (
    <div className={`${styles.box} ${styles.errors}`} role="status" data-testid="call-refused">
      <ErrorIcon size={18} className={styles.icon} />
      <div className={styles.text}>
        <p className={styles.title}>
          {t(errors.length === 1 ? 'testcall.refused.one' : 'testcall.refused', {
            count: errors.length,
          })}
        </p>
        <ul className={styles.list}>
          {errors.slice(0, SHOWN_ERRORS).map((d, index) => (
            <li key={`${d.code}:${d.line}:${d.column}:${index}`}>
              <button
                type="button"
                className={styles.error}
                data-code={d.code}
                onClick={() =>
                  dispatch({
                    type: 'selection.set',
                    path: d.path,
                    span: d.span,
                    origin: 'problems',
                  })
                }
              >
                <span className={styles.message}>{message(d)}</span>
                <span className={styles.line}>
                  {t('problems.location', { line: d.line, column: d.column })}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {errors.length > SHOWN_ERRORS && (
          <p className={styles.more}>
            {t('testcall.refused.more', { count: errors.length - SHOWN_ERRORS })}
          </p>
        )}
      </div>
    </div>
  )
}
