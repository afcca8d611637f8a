import { CHOICE_KEYS } from '../../model/commands.ts'

/** The keys of a phone's keypad, row by row. */
export const KEYPAD: readonly string[] = [
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '*',
  '0',
  '#',
]

/** The letters printed under a key, as on a phone. */
export const KEY_LETTERS: Readonly<Record<string, string>> = {
  '2': 'ABC',
  '3': 'DEF',
  '4': 'GHI',
  '5': 'JKL',
  '6': 'MNO',
  '7': 'PQRS',
  '8': 'TUV',
  '9': 'WXYZ',
  '0': '+',
}

/** The phone key a key press of the computer's keyboard stands for, or `null`. */
export function phoneKeyOf(event: {
  readonly key: string
  readonly ctrlKey: boolean
  readonly metaKey: boolean
  readonly altKey: boolean
}): string | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null
  return (CHOICE_KEYS as readonly string[]).includes(event.key) ? event.key : null
}

/**
 * Whether a key press in `target` types text (a text field, the YAML editor), so that digits
 * there are not key presses of the test call. Radio buttons and other controls do not type.
 */
export function typesText(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false
  if (
    target.closest(
      '.monaco-editor, textarea, select, [contenteditable="true"], [contenteditable=""]',
    )
  ) {
    return true
  }
  if (target instanceof HTMLInputElement) {
    return !['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color'].includes(
      target.type,
    )
  }
  return false
}
