import { useLocale } from '../state/use-locale.ts'
import styles from './SkipLink.module.css'

/** The first stop for keyboard users: jumps past the header to the main content. */
export function SkipLink({ target }: { target: string }) {
  const { t } = useLocale()
  return (
    <a className={styles.skip} href={`#${target}`}>
      {t('app.skip-to-content')}
    </a>
  )
}
