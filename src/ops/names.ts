import { CHOICE_KEYS } from '../model/commands.ts'
import type { ScalarStyle } from '../yaml/format-scalar.ts'
import { formatScalar } from '../yaml/format-scalar.ts'

/**
 * Keys in the order an admin reaches for them: 1 to 9, then 0, `*` and `#`. New and copied
 * options take the first free one.
 */
export const KEY_ORDER: readonly string[] = [...CHOICE_KEYS.slice(1, 10), '0', '*', '#']

const DIGITS = KEY_ORDER.slice(0, 10)

/**
 * The first key that is not taken: digits first, in `KEY_ORDER` from just after the digit
 * `after` and wrapping round (a copy of 2 gets 3, a copy of 0 gets 1), then `*` and `#`.
 */
export function freeKey(taken: ReadonlySet<string>, after?: string): string | null {
  const start = after === undefined ? 0 : DIGITS.indexOf(after) + 1
  const order = [...DIGITS.slice(start), ...DIGITS.slice(0, start), '*', '#']
  return order.find((key) => !taken.has(key)) ?? null
}

/**
 * `name` when it is free, else the first free `stem_2`, `stem_3`, … where `stem` is `name`
 * without a trailing `_N`, so that copying `menu_2` gives `menu_3`.
 */
export function uniqueName(name: string, taken: ReadonlySet<string>, always = false): string {
  if (!always && !taken.has(name)) return name
  const stem = name.replace(/_\d+$/, '')
  for (let n = 2; ; n++) {
    const candidate = `${stem}_${n}`
    if (!taken.has(candidate)) return candidate
  }
}

/** Whether `name` can name a section: not blank, on one line. */
export function isUsableName(name: string): boolean {
  return name.trim() !== '' && !/[\r\n]/.test(name)
}

/** How the key token at `start` is quoted. */
export function styleAt(text: string, start: number): ScalarStyle {
  const first = text[start]
  return first === '"' ? 'double' : first === "'" ? 'single' : 'plain'
}

/**
 * A choice key as YAML source in `style`: digits plain (`1:`), `*` and `#` quoted, since YAML
 * would read them as an alias and a comment.
 */
export function formatKey(key: string, style: ScalarStyle): string {
  if (style === 'plain' && /^[0-9]$/.test(key)) return key
  return formatScalar(key, style === 'plain' ? 'double' : style)
}
