import { useEffect, useRef } from 'react'
import { monaco } from '../editor/monaco-setup.ts'
import { defineMonacoThemes, MONACO_THEMES, monoFont } from '../editor/monaco-theme.ts'
import { useTheme } from '../state/use-theme.ts'
import styles from './CompareDialog.module.css'

let nextModel = 1

/**
 * Monaco's diff editor over two texts, side by side and read-only: the older on the left. Loaded
 * on demand with the rest of Monaco. Says how many changed blocks it found in `data-changes`.
 */
export default function MonacoDiff({ original, modified }: { original: string; modified: string }) {
  const host = useRef<HTMLDivElement>(null)
  const { resolvedTheme } = useTheme()
  const theme = useRef(resolvedTheme)
  theme.current = resolvedTheme

  useEffect(() => {
    const element = host.current
    if (!element) return
    defineMonacoThemes(monaco)
    const editor = monaco.editor.createDiffEditor(element, {
      readOnly: true,
      originalEditable: false,
      automaticLayout: true,
      renderSideBySide: true,
      useInlineViewWhenSpaceIsLimited: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontFamily: monoFont(),
      fontSize: 13,
      lineHeight: 20,
      renderOverviewRuler: true,
      hideUnchangedRegions: { enabled: false },
      theme: MONACO_THEMES[theme.current],
    })
    const id = nextModel++
    const before = monaco.editor.createModel(
      original,
      'yaml',
      monaco.Uri.parse(`inmemory://compare/${id}/before.yaml`),
    )
    const after = monaco.editor.createModel(
      modified,
      'yaml',
      monaco.Uri.parse(`inmemory://compare/${id}/after.yaml`),
    )
    editor.setModel({ original: before, modified: after })
    const updated = editor.onDidUpdateDiff(() => {
      element.dataset.changes = String(editor.getLineChanges()?.length ?? 0)
    })
    return () => {
      updated.dispose()
      editor.dispose()
      before.dispose()
      after.dispose()
      delete element.dataset.changes
    }
  }, [original, modified])

  useEffect(() => monaco.editor.setTheme(MONACO_THEMES[resolvedTheme]), [resolvedTheme])

  return <div ref={host} className={styles.monaco} data-testid="compare-yaml" />
}
