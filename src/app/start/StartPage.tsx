import { useLocale } from '../state/use-locale.ts'
import { CommandLine } from './CommandLine.tsx'
import { FeatureList } from './FeatureList.tsx'
import { ProductPreview } from './ProductPreview.tsx'
import styles from './StartPage.module.css'

/** The first page of the app until the editor arrives: what it is, and what works today. */
export function StartPage() {
  const { t } = useLocale()
  return (
    <div className={styles.page}>
      <section className={styles.hero} aria-labelledby="start-title">
        <p className={styles.status}>
          <span className={styles.statusDot} aria-hidden="true" />
          {t('app.status')}
        </p>
        <h1 id="start-title" className={styles.title}>
          {t('app.title')}
        </h1>
        <p className={styles.tagline}>{t('app.tagline')}</p>
        <div className={styles.next}>
          <p className={styles.coming}>{t('app.coming')}</p>
          <CommandLine command={t('app.cli-hint')} />
        </div>
      </section>
      <ProductPreview />
      <FeatureList />
    </div>
  )
}
