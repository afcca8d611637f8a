import { en, type MessageId } from './en.ts'
import { ja } from './ja.ts'

export type { MessageId } from './en.ts'

/** The languages the product speaks. */
export const LOCALES = ['en', 'ja'] as const
export type Locale = (typeof LOCALES)[number]

export type MessageArgs = Readonly<Record<string, string | number>>

const catalogs: Readonly<Record<Locale, Readonly<Record<MessageId, string>>>> = { en, ja }

/** Whether `id` names a message of the catalog. */
export function isMessageId(id: string): id is MessageId {
  return Object.prototype.hasOwnProperty.call(en, id)
}

/**
 * The message `id` in `locale`, with `{name}` replaced by `args.name`. An argument that is itself
 * the id of a `what.*` message (the kind of a value) is shown in the same language. Unknown ids
 * come back as the id itself, so a missing translation shows up instead of failing.
 */
export function translate(locale: Locale, id: string, args: MessageArgs = {}): string {
  const template = isMessageId(id) ? catalogs[locale][id] : id
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(args, name)) return whole
    const value = String(args[name])
    return value.startsWith('what.') && isMessageId(value) ? catalogs[locale][value] : value
  })
}

/** The best supported locale for a list of preferred languages such as `navigator.languages`. */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0]
    if (base === 'ja') return 'ja'
    if (base === 'en') return 'en'
  }
  return 'en'
}
