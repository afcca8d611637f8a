import { LOCALES, type Locale } from '../../i18n/translate.ts'
import { useLocale } from '../state/use-locale.ts'
import { SegmentedControl } from './SegmentedControl.tsx'

/** Chooses the language of the app; each language is named in itself. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useLocale()
  return (
    <SegmentedControl<Locale>
      legend={t('app.language')}
      value={locale}
      segments={LOCALES.map((value) => ({ value, label: t(`app.locale.${value}`) }))}
      onChange={setLocale}
    />
  )
}
