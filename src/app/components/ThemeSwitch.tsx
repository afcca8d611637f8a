import { THEMES, type ThemePreference } from '../state/preferences.ts'
import { useLocale } from '../state/use-locale.ts'
import { useTheme } from '../state/use-theme.ts'
import { MonitorIcon, MoonIcon, SunIcon } from './icons.tsx'
import { SegmentedControl } from './SegmentedControl.tsx'

const ICONS: Record<ThemePreference, typeof SunIcon> = {
  system: MonitorIcon,
  light: SunIcon,
  dark: MoonIcon,
}

/** Chooses light, dark, or whatever the system asks for. */
export function ThemeSwitch() {
  const { t } = useLocale()
  const { theme, setTheme } = useTheme()
  return (
    <SegmentedControl<ThemePreference>
      legend={t('app.theme')}
      value={theme}
      segments={THEMES.map((value) => {
        const Icon = ICONS[value]
        return { value, label: t(`app.theme.${value}`), icon: <Icon /> }
      })}
      onChange={setTheme}
    />
  )
}
