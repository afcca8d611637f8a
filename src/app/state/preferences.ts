import { LOCALES, pickLocale, type Locale } from '../../i18n/translate.ts'

/** The colour schemes a person can choose; `system` follows `prefers-color-scheme`. */
export const THEMES = ['system', 'light', 'dark'] as const

/** A colour scheme a person can choose. */
export type ThemePreference = (typeof THEMES)[number]

/** The colour scheme actually shown. */
export type ResolvedTheme = 'light' | 'dark'

/** What a person chose about the app itself, kept across visits. */
export interface Preferences {
  locale: Locale
  theme: ThemePreference
}

/** The changes a person can make to their preferences. */
export type PreferenceAction =
  { type: 'locale.set'; locale: Locale } | { type: 'theme.set'; theme: ThemePreference }

/** Where preferences are kept in `localStorage`. */
export const STORAGE_KEYS = {
  locale: 'ivr-designer.locale',
  theme: 'ivr-designer.theme',
} as const

/** The minimal part of the Web Storage API that preferences need. */
export type PreferenceStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

/** Whether `value` names a supported locale. */
export function isLocale(value: unknown): value is Locale {
  return LOCALES.some((locale) => locale === value)
}

/** Whether `value` names a theme preference. */
export function isThemePreference(value: unknown): value is ThemePreference {
  return THEMES.some((theme) => theme === value)
}

/** Preferences after `action`; the same object when nothing changes. */
export function reducePreferences(state: Preferences, action: PreferenceAction): Preferences {
  switch (action.type) {
    case 'locale.set':
      return state.locale === action.locale ? state : { ...state, locale: action.locale }
    case 'theme.set':
      return state.theme === action.theme ? state : { ...state, theme: action.theme }
    default:
      return assertNever(action)
  }
}

/**
 * The preferences saved in `storage`, or else the browser's languages and the system theme. A
 * storage that throws (private modes, disabled cookies) counts as empty.
 */
export function loadPreferences(
  storage: PreferenceStorage | undefined,
  languages: readonly string[],
): Preferences {
  const savedLocale = readItem(storage, STORAGE_KEYS.locale)
  const savedTheme = readItem(storage, STORAGE_KEYS.theme)
  return {
    locale: isLocale(savedLocale) ? savedLocale : pickLocale(languages),
    theme: isThemePreference(savedTheme) ? savedTheme : 'system',
  }
}

/**
 * Saves what `action` chose. Only explicit choices are saved, so a person who never picks a
 * language keeps following the browser's. Failures to write are ignored: the choice still holds
 * for this visit.
 */
export function savePreference(
  storage: PreferenceStorage | undefined,
  action: PreferenceAction,
): void {
  try {
    switch (action.type) {
      case 'locale.set':
        storage?.setItem(STORAGE_KEYS.locale, action.locale)
        return
      case 'theme.set':
        if (action.theme === 'system') storage?.removeItem(STORAGE_KEYS.theme)
        else storage?.setItem(STORAGE_KEYS.theme, action.theme)
        return
      default:
        assertNever(action)
    }
  } catch {
    // Storage full or forbidden: keep the choice in memory only.
  }
}

function readItem(storage: PreferenceStorage | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null
  } catch {
    return null
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexpected preference action: ${JSON.stringify(value)}`)
}
