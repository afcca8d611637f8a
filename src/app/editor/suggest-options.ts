import type { editor } from 'monaco-editor/esm/vs/editor/editor.api.js'

/**
 * From this many characters on, a text counts as large for completion. monaco-yaml answers each
 * completion request by reading the whole text again in its worker: well under 50 ms for a few
 * hundred commands, about a second for 5,000, which at every keystroke keeps a core busy and slows
 * the page down while typing.
 */
export const LARGE_TEXT = 100_000

/** Whether a text of `length` characters is large for completion. */
export function isLargeText(length: number): boolean {
  return length >= LARGE_TEXT
}

/**
 * How eagerly the YAML pane suggests: once typing pauses (300 ms) and after a trigger character
 * in a small text, only when asked for (Ctrl+Space) in a large one. Asking after every letter
 * would have the worker read the whole text again for each, about as much CPU as the rest of a
 * keystroke, while the list is wanted when the admin stops to choose.
 */
export function suggestOptions(large: boolean): editor.IEditorOptions {
  return large
    ? { quickSuggestions: false, suggestOnTriggerCharacters: false }
    : {
        quickSuggestions: { other: true, comments: false, strings: true },
        quickSuggestionsDelay: 300,
        suggestOnTriggerCharacters: true,
      }
}
