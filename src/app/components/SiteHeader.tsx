import { useLocale } from '../state/use-locale.ts'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { LogoMark } from './Logo.tsx'
import styles from './SiteHeader.module.css'
import { ThemeSwitch } from './ThemeSwitch.tsx'

/** The bar along the top: the product name, and the language and theme switches. */
export function SiteHeader() {
  const { t } = useLocale()
  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <a className={styles.brand} href="./">
          <LogoMark />
          <span className={styles.name}>{t('app.title')}</span>
        </a>
        <div className={styles.controls}>
          <LanguageSwitch />
          <ThemeSwitch />
        </div>
      </div>
    </header>
  )
}
