import type { Locale } from '../i18n/translate.ts'

/** The environment variables that name the user's language, strongest first, as in POSIX. */
const LOCALE_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const

/**
 * The language of messages: the `--lang` option when given, else Japanese when the first set
 * locale variable (`LC_ALL`, `LC_MESSAGES`, `LANG`) starts with `ja`, else English.
 */
export function resolveLocale(
  option: Locale | null,
  env: Readonly<Record<string, string | undefined>>,
): Locale {
  if (option) return option
  for (const name of LOCALE_VARIABLES) {
    const value = env[name]
    if (value) return value.toLowerCase().startsWith('ja') ? 'ja' : 'en'
  }
  return 'en'
}
