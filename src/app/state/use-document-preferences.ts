import { useLayoutEffect } from 'react'
import { useLocale } from './use-locale.ts'
import { useTheme } from './use-theme.ts'

/**
 * Mirrors the preferences onto the page itself: `<html lang>` for the language (so browsers pick
 * Japanese glyphs and screen readers the right voice), `<html data-theme>` when a scheme is
 * chosen (the tokens follow the system without it), and the window title.
 */
export function useDocumentPreferences(): void {
  const { locale, t } = useLocale()
  const { theme } = useTheme()
  const title = t('app.title')

  useLayoutEffect(() => {
    const root = document.documentElement
    root.lang = locale
    if (theme === 'system') delete root.dataset.theme
    else root.dataset.theme = theme
    document.title = title
  }, [locale, theme, title])
}
