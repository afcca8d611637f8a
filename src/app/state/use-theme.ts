import { useCallback, useSyncExternalStore } from 'react'
import type { ResolvedTheme, ThemePreference } from './preferences.ts'
import { useAppState, useDispatch } from './store-context.tsx'

const DARK_QUERY = '(prefers-color-scheme: dark)'

let darkQuery: MediaQueryList | null = null

/** The one query list for the dark scheme: `matchMedia` parses its query anew at every call. */
function systemDark(): MediaQueryList {
  return (darkQuery ??= window.matchMedia(DARK_QUERY))
}

function subscribeToSystemTheme(onChange: () => void): () => void {
  const query = systemDark()
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

function readSystemTheme(): ResolvedTheme {
  return systemDark().matches ? 'dark' : 'light'
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
