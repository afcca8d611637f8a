/** A keyboard shortcut: a key, with the platform's command key (Ctrl, or ⌘ on Apple) and Shift. */
export interface Shortcut {
  /** `KeyboardEvent.key`, lower-case for letters: `o`, `.`, `F8`, `?`. */
  readonly key: string
  readonly mod?: boolean
  readonly shift?: boolean
}

/** Whether the browser runs on an Apple system, where ⌘ takes the place of Ctrl. */
export function isApplePlatform(platform: string): boolean {
  return /Mac|iPhone|iPad|iPod/i.test(platform)
}

/** A shortcut as written in menus: `Ctrl+Shift+S` or, on Apple systems, `⇧⌘S`. */
export function formatShortcut(shortcut: Shortcut, apple: boolean): string {
  const key = shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key
  if (apple) return `${shortcut.shift ? '⇧' : ''}${shortcut.mod ? '⌘' : ''}${key}`
  return [shortcut.mod ? 'Ctrl' : '', shortcut.shift ? 'Shift' : '', key].filter(Boolean).join('+')
}

/** The key-press facts a shortcut depends on, as `KeyboardEvent` has them. */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>

/**
 * Whether `event` presses `shortcut`. Shift is compared only for shortcuts with the command key,
 * since `?` needs Shift on most keyboards.
 */
export function matchesShortcut(event: KeyPress, shortcut: Shortcut, apple: boolean): boolean {
  if (event.altKey) return false
  const mod = apple ? event.metaKey : event.ctrlKey
  const other = apple ? event.ctrlKey : event.metaKey
  if (mod !== Boolean(shortcut.mod) || other) return false
  if (shortcut.mod && event.shiftKey !== Boolean(shortcut.shift)) return false
  if (!shortcut.mod && shortcut.key.length > 1 && event.shiftKey !== Boolean(shortcut.shift))
    return false
  return event.key.toLowerCase() === shortcut.key.toLowerCase()
}

/** Whether a key press in `target` is typing (a field, or the YAML editor) rather than a command. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false
  return (
    target.closest(
      'input, textarea, select, [contenteditable=""], [contenteditable="true"], .monaco-editor',
    ) !== null
  )
}

/** Whether a modal dialog is open, during which the editor's shortcuts wait. */
export function isModalOpen(): boolean {
  return typeof document !== 'undefined' && document.querySelector('dialog[open]') !== null
}

/** The shortcuts of the editor, as the help lists them. */
export const SHORTCUTS = {
  open: { key: 'o', mod: true },
  exportYaml: { key: 's', mod: true, shift: true },
  save: { key: 's', mod: true },
  search: { key: 'f', mod: true },
  quickFix: { key: '.', mod: true },
  nextProblem: { key: 'F8' },
  previousProblem: { key: 'F8', shift: true },
  help: { key: '?' },
  // One undo history for the canvas and the YAML.
  undo: { key: 'z', mod: true },
  redo: { key: 'z', mod: true, shift: true },
  redoAlt: { key: 'y', mod: true },
  // Canvas editing: copy, cut and paste are the browser's own events, so they also work with
  // the Edit menu; the entries here are for the help.
  copy: { key: 'c', mod: true },
  cut: { key: 'x', mod: true },
  paste: { key: 'v', mod: true },
  duplicate: { key: 'd', mod: true },
  delete: { key: 'Delete' },
  deleteBack: { key: 'Backspace' },
  // Pointer gestures, listed in the help beside the keys.
  selectMore: { key: 'Click', shift: true },
  selectBox: { key: 'Drag', shift: true },
} as const satisfies Record<string, Shortcut>

/** Whether this browser runs on an Apple system. */
export function onApplePlatform(): boolean {
  return typeof navigator !== 'undefined' && isApplePlatform(navigator.platform)
}
