import { useLocale } from '../state/use-locale.ts'
import styles from './SiteFooter.module.css'

/** The line along the bottom: version and licence. */
export function SiteFooter() {
  const { t } = useLocale()
  return (
    <footer className={styles.footer}>
      <div className={styles.inner}>
        <span>
          {t('app.title')} · {t('app.footer.version', { version: import.meta.env.APP_VERSION })}
        </span>
        <span>{t('app.footer.license')}</span>
      </div>
    </footer>
  )
}
