import { translate, type Locale } from '../../i18n/translate.ts'
import type { Diagnostic } from '../../validate/diagnostic.ts'
import styles from './ErrorSummary.module.css'

/** How many errors the export question lists before "and N more". */
const LISTED = 3

/** The errors of an IVR, for the question whether to export it anyway: the first few, with lines. */
export function ErrorSummary({
  errors,
  locale,
}: {
  errors: readonly Diagnostic[]
  locale: Locale
}) {
  const rest = errors.length - LISTED
  return (
    <div>
      <p>{translate(locale, 'export-errors.body')}</p>
      <ul className={styles.list}>
        {errors.slice(0, LISTED).map((d) => (
          <li key={`${d.code}:${d.span.start}:${d.messageId}`} className={styles.item}>
            <span className={styles.line}>
              {translate(locale, 'problems.line', { line: d.line })}
            </span>
            <span className={styles.message}>{translate(locale, d.messageId, d.args)}</span>
          </li>
        ))}
      </ul>
      {rest > 0 && (
        <p className={styles.more}>{translate(locale, 'export-errors.more', { count: rest })}</p>
      )}
    </div>
  )
}
