import type { MessageId } from '../i18n/en.ts'
import { translate, type Locale } from '../i18n/translate.ts'

/**
 * A sentence of the catalog with its arguments, some of which are sentences themselves (what an
 * option does, where callers are), so that each language words the whole as it needs.
 */
export interface DiffMessage {
  readonly id: MessageId
  readonly args: Readonly<Record<string, string | number | DiffMessage>>
}

/** A message with its arguments. */
export function message(id: MessageId, args: DiffMessage['args'] = {}): DiffMessage {
  return { id, args }
}

/** The text of `message` in `locale`, its nested messages worded in the same language. */
export function diffMessageText(message: DiffMessage, locale: Locale): string {
  const args: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(message.args)) {
    args[name] = typeof value === 'object' ? diffMessageText(value, locale) : value
  }
  return translate(locale, message.id, args)
}

/** Whether two messages say the same thing. */
export function sameMessage(a: DiffMessage, b: DiffMessage): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
