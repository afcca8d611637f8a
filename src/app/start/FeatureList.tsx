import type { MessageId } from '../../i18n/en.ts'
import { GraphIcon, MessageIcon, PhoneIcon } from '../components/icons.tsx'
import { useLocale } from '../state/use-locale.ts'
import styles from './FeatureList.module.css'

const FEATURES: readonly { icon: typeof GraphIcon; title: MessageId; body: MessageId }[] = [
  { icon: GraphIcon, title: 'app.feature.canvas.title', body: 'app.feature.canvas.body' },
  { icon: MessageIcon, title: 'app.feature.validate.title', body: 'app.feature.validate.body' },
  { icon: PhoneIcon, title: 'app.feature.simulate.title', body: 'app.feature.simulate.body' },
]

/** What the editor will do, in three short cards. */
export function FeatureList() {
  const { t } = useLocale()
  return (
    <section className={styles.section} aria-labelledby="features-heading">
      <h2 id="features-heading" className={styles.heading}>
        {t('app.features')}
      </h2>
      <ul className={styles.list}>
        {FEATURES.map(({ icon: Icon, title, body }) => (
          <li key={title} className={styles.card}>
            <span className={styles.icon}>
              <Icon size={20} />
            </span>
            <h3 className={styles.title}>{t(title)}</h3>
            <p className={styles.body}>{t(body)}</p>
          </li>
        ))}
      </ul>
    </section>
  )
}
