import { useCallback, useSyncExternalStore } from 'react'
import type { ResolvedTheme, ThemePreference } from './preferences.ts'
import { useAppState, useDispatch } from './store-context.tsx'

const DARK_QUERY = '(prefers-color-scheme: dark)'

function subscribeToSystemTheme(onChange: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

function readSystemTheme(): ResolvedTheme {
  return window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light'
}

/** The scheme the operating system asks for, updated when it changes. */
export function useSystemTheme(): ResolvedTheme {
  return useSyncExternalStore(subscribeToSystemTheme, readSystemTheme, () => 'light')
}

/** The chosen theme, the scheme actually shown, and a way to choose. */
export function useTheme(): {
  theme: ThemePreference
  resolvedTheme: ResolvedTheme
  setTheme: (theme: ThemePreference) => void
} {
  const theme = useAppState((state) => state.preferences.theme)
  const system = useSystemTheme()
  const dispatch = useDispatch()
  const setTheme = useCallback(
    (next: ThemePreference) => dispatch({ type: 'theme.set', theme: next }),
    [dispatch],
  )
  return { theme, resolvedTheme: theme === 'system' ? system : theme, setTheme }
}
