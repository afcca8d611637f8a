import { useCallback, useEffect, useRef, useState } from 'react'
import { useAppState, useAppStore } from '../state/store-context.tsx'
import { applyTextEdits } from '../state/use-editing.ts'
import { useLocale } from '../state/use-locale.ts'
import { useTheme } from '../state/use-theme.ts'
import styles from './EditorPane.module.css'
import { installTestHooks } from './test-hooks.ts'
import type { YamlEditor } from './yaml-editor.ts'

type LoadState = 'loading' | 'ready' | 'failed'

/** Widths of the placeholder lines, in characters, like a short IVR. */
const SKELETON_LINES = [8, 24, 30, 10, 0, 9, 28, 26, 14, 0, 7, 22, 32, 18]
/** Their indentation: section names flush left, commands below them indented. */
const SKELETON_INDENT = SKELETON_LINES.map((width, i) =>
  i === 0 || SKELETON_LINES[i - 1] === 0 ? '0' : '2ch',
)

/**
 * The YAML pane: a header with the file name, and Monaco on the open document. Monaco is loaded
 * after the page has rendered (it is large), behind a placeholder of the same shape.
 */
export function EditorPane() {
  const store = useAppStore()
  const { t } = useLocale()
  const { resolvedTheme } = useTheme()
  const name = useAppState((s) => s.document.name)
  const host = useRef<HTMLDivElement>(null)
  const editor = useRef<YamlEditor | null>(null)
  const theme = useRef(resolvedTheme)
  theme.current = resolvedTheme
  const [state, setState] = useState<LoadState>('loading')
  // The line and column change with every keystroke: the header's text is set directly, not
  // rendered, so that a keystroke does not render the pane inside its own task.
  const cursor = useRef({ line: 1, column: 1 })
  const cursorText = useRef<HTMLSpanElement>(null)
  const translate = useRef(t)
  translate.current = t
  const showCursor = useCallback((at: { line: number; column: number }) => {
    cursor.current = at
    const text = cursorText.current?.firstChild
    // The text node React rendered, kept, so that React's later renders still find it.
    if (text) text.nodeValue = translate.current('editor.yaml.position', at)
  }, [])

  useEffect(
    () =>
      installTestHooks({
        getState: store.getState,
        dispatch: store.dispatch,
        applyEdits: (edits) =>
          applyTextEdits(store.getState().document.view.text, edits, (text) =>
            store.dispatch({ type: 'document.text', text }),
          ),
      }),
    [store],
  )

  useEffect(() => {
    let cancelled = false
    setState('loading')
    import('./yaml-editor.ts')
      .then(({ mountYamlEditor }) => {
        if (cancelled || !host.current) return
        editor.current = mountYamlEditor({
          host: host.current,
          store,
          theme: theme.current,
          onCursor: showCursor,
        })
        setState('ready')
      })
      .catch((error: unknown) => {
        if (cancelled) return
        console.error(error)
        setState('failed')
      })
    return () => {
      cancelled = true
      editor.current?.dispose()
      editor.current = null
    }
  }, [store, showCursor])

  useEffect(() => {
    editor.current?.setTheme(resolvedTheme)
  }, [resolvedTheme, state])

  return (
    <div className={styles.pane} data-testid="yaml-editor" data-state={state}>
      <div className={styles.header}>
        <FileIcon />
        <span className={styles.fileName} title={name}>
          {name}
        </span>
        <span className={styles.spacer} />
        {state === 'ready' && (
          <span ref={cursorText} className={styles.position} data-testid="yaml-cursor">
            {t('editor.yaml.position', cursor.current)}
          </span>
        )}
        <span className={styles.badge}>{t('editor.yaml.language')}</span>
      </div>
      <div className={styles.body}>
        <div ref={host} className={styles.host} />
        {state !== 'ready' && (
          <div className={styles.placeholder} aria-busy={state === 'loading'}>
            {state === 'loading' ? (
              <>
                <span className={styles.srOnly} role="status">
                  {t('editor.yaml.loading')}
                </span>
                <div className={styles.skeleton} aria-hidden="true">
                  {SKELETON_LINES.map((width, i) => (
                    <div key={i} className={styles.skeletonLine}>
                      <span className={styles.skeletonNumber}>{i + 1}</span>
                      {width > 0 && (
                        <span
                          className={styles.skeletonBar}
                          style={{ width: `${width}ch`, marginLeft: SKELETON_INDENT[i] ?? 0 }}
                        />
                      )}
                    </div>
                  ))}
                </div>
              </>
            ) : (
              <p className={styles.failed} role="alert">
                {t('editor.yaml.load-failed')}
              </p>
            )}
          </div>
        )}
      </div>
    </div>
  )
}

function FileIcon() {
  return (
    <svg
      className={styles.fileIcon}
      width={14}
      height={14}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8Z" />
      <path d="M14 3v5h5M9 13h6M9 17h4" />
    </svg>
  )
}
