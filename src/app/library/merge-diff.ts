import { monaco } from '../editor/monaco-setup.ts'
import { defineMonacoThemes, MONACO_THEMES, monoFont } from '../editor/monaco-theme.ts'
import type { ResolvedTheme } from '../state/preferences.ts'

/**
 * A side-by-side diff: their text on the left, read-only; the merged text on the right, editable.
 */
export interface MergeDiffView {
  /** The text on the right, as edited. */
  merged(): string
  /** Replaces the text on the right. */
  setMerged(text: string): void
  /** Calls `listener` after every change of the right side. */
  onChange(listener: (text: string) => void): void
  /** Moves to the first conflict marker, if any. */
  revealFirstConflict(): void
  dispose(): void
}

let models = 0

/** Mounts Monaco's diff editor in `host`. */
export function mountMergeDiff(
  host: HTMLElement,
  theirs: string,
  merged: string,
  ariaLabel: string,
  theme: ResolvedTheme,
): MergeDiffView {
  // The YAML pane may never have been shown, and it is what defines the themes otherwise.
  defineMonacoThemes(monaco)
  monaco.editor.setTheme(MONACO_THEMES[theme])
  const id = ++models
  const original = monaco.editor.createModel(
    theirs,
    'yaml',
    monaco.Uri.parse(`inmemory://merge/${id}/theirs.yaml`),
  )
  const modified = monaco.editor.createModel(
    merged,
    'yaml',
    monaco.Uri.parse(`inmemory://merge/${id}/merged.yaml`),
  )
  const editor = monaco.editor.createDiffEditor(host, {
    automaticLayout: true,
    renderSideBySide: true,
    originalEditable: false,
    readOnly: false,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontFamily: monoFont(),
    fontSize: 13,
    renderOverviewRuler: true,
    ignoreTrimWhitespace: false,
    ariaLabel,
  })
  editor.setModel({ original, modified })
  const listeners: ((text: string) => void)[] = []
  const subscription = modified.onDidChangeContent(() => {
    const text = modified.getValue()
    for (const listener of listeners) listener(text)
  })
  return {
    merged: () => modified.getValue(),
    setMerged(text) {
      modified.pushEditOperations([], [{ range: modified.getFullModelRange(), text }], () => null)
    },
    onChange(listener) {
      listeners.push(listener)
    },
    revealFirstConflict() {
      const match = modified.findNextMatch(
        '^<<<<<<< ',
        { lineNumber: 1, column: 1 },
        true,
        false,
        null,
        false,
      )
      if (match === null) return
      const right = editor.getModifiedEditor()
      right.revealLineInCenter(match.range.startLineNumber)
      right.setPosition({ lineNumber: match.range.startLineNumber, column: 1 })
    },
    dispose() {
      subscription.dispose()
      editor.dispose()
      original.dispose()
      modified.dispose()
    },
  }
}
