import { translate, type Locale } from '../../i18n/translate.ts'
import { pathKey } from '../../model/path.ts'
import styles from './DeleteSummary.module.css'
import { usageLabel, type RecordingUsage } from './usage.ts'

/** How many places the question lists before "and N more". */
const LISTED = 4

/**
 * What deleting a recording means, for the question whether to delete it: the places of the open
 * IVR that still play it, with their lines, or a reminder that other IVRs may play it.
 */
export function DeleteSummary({
  usages,
  locale,
}: {
  usages: readonly RecordingUsage[]
  locale: Locale
}) {
  if (usages.length === 0) {
    return <p>{translate(locale, 'recordings.delete.unused')}</p>
  }
  const rest = usages.length - LISTED
  return (
    <div data-testid="recording-delete-usages">
      <p>
        {translate(
          locale,
          usages.length === 1 ? 'recordings.delete.used.one' : 'recordings.delete.used.other',
          { count: usages.length },
        )}
      </p>
      <ul className={styles.list}>
        {usages.slice(0, LISTED).map((usage) => {
          const label = usageLabel(usage)
          return (
            <li key={pathKey(usage.path)} className={styles.item}>
              <span className={styles.line}>
                {translate(locale, 'problems.line', { line: usage.line })}
              </span>
              <span>{translate(locale, label.id, label.args)}</span>
            </li>
          )
        })}
      </ul>
      {rest > 0 && (
        <p className={styles.more}>{translate(locale, 'export-errors.more', { count: rest })}</p>
      )}
    </div>
  )
}
