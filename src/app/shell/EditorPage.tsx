import { useEffect, useRef, useState, type CSSProperties } from 'react'
import { Canvas } from '../canvas/Canvas.tsx'
import { DialogProvider } from '../components/Dialog.tsx'
import { EditorPane } from '../editor/EditorPane.tsx'
import { Inspector } from '../inspector/Inspector.tsx'
import { LibraryLayer } from '../library/LibraryLayer.tsx'
import { ProblemsPanel } from '../panels/ProblemsPanel.tsx'
import { Toasts } from '../panels/Toasts.tsx'
import { Toolbar } from '../panels/Toolbar.tsx'
import { AudioDropLayer } from '../recordings/AudioDropLayer.tsx'
import { RecordingsProvider } from '../recordings/RecordingsProvider.tsx'
import { SidePanels } from '../simulator/SidePanels.tsx'
import { AfterFrame } from '../state/store-context.tsx'
import { useLocale } from '../state/use-locale.ts'
import { DropOverlay } from './DropOverlay.tsx'
import styles from './EditorPage.module.css'
import {
  clampProblems,
  clampSide,
  DEFAULT_LAYOUT,
  MIN_CANVAS_WIDTH,
  MIN_PROBLEMS_HEIGHT,
  MIN_SIDE_WIDTH,
  MIN_YAML_HEIGHT,
} from './layout.ts'
import { updatePaneLayout, usePaneLayout } from './layout-store.ts'
import { Splitter } from './Splitter.tsx'

/** Below this width the canvas and the side are stacked instead of side by side. */
const STACK_BELOW = MIN_CANVAS_WIDTH + MIN_SIDE_WIDTH + 80

/**
 * The editor: the toolbar across the top, the canvas on the left, the YAML and the problems on
 * the right, with separators to resize them (kept across visits). A file dropped anywhere opens;
 * audio dropped on the canvas is uploaded and played there; questions come up as dialogs.
 */
export function EditorPage() {
  return (
    <DialogProvider>
      <RecordingsProvider>
        <EditorLayout />
      </RecordingsProvider>
    </DialogProvider>
  )
}

function EditorLayout() {
  const { t } = useLocale()
  const layout = usePaneLayout()
  const workspace = useElementSize<HTMLDivElement>()
  const side = useElementSize<HTMLDivElement>()

  const stacked = workspace.width > 0 && workspace.width < STACK_BELOW
  const sideShare = workspace.width > 0 ? clampSide(layout.side, workspace.width) : layout.side
  const problemsHeight =
    side.height > 0 ? clampProblems(layout.problems, side.height) : layout.problems
  const sideStep = 16 / Math.max(1, workspace.width)

  const style = {
    '--side-width': `${(sideShare * 100).toFixed(3)}%`,
    '--problems-height': `${problemsHeight}px`,
  } as CSSProperties

  return (
    <div className={styles.page}>
      <Toolbar />
      <div
        ref={workspace.ref}
        className={styles.workspace}
        data-stacked={stacked}
        data-collapsed={layout.problemsCollapsed}
        style={style}
      >
        <section id="canvas-pane" className={styles.canvas} aria-label={t('editor.region.canvas')}>
          <Canvas />
          <AfterFrame>
            <Inspector />
          </AfterFrame>
        </section>
        {!stacked && (
          <Splitter
            orientation="vertical"
            label={t('shell.resize.side')}
            controls="canvas-pane"
            value={(1 - sideShare) * 100}
            min={(MIN_CANVAS_WIDTH / Math.max(1, workspace.width)) * 100}
            max={(1 - MIN_SIDE_WIDTH / Math.max(1, workspace.width)) * 100}
            onDrag={(x) => {
              const rect = workspace.ref.current?.getBoundingClientRect()
              if (rect)
                updatePaneLayout({ side: clampSide((rect.right - x) / rect.width, rect.width) })
            }}
            onStep={(steps) =>
              updatePaneLayout({ side: clampSide(sideShare - steps * sideStep, workspace.width) })
            }
            onLimit={(limit) =>
              updatePaneLayout({ side: clampSide(limit === 'min' ? 1 : 0, workspace.width) })
            }
            onReset={() => updatePaneLayout({ side: DEFAULT_LAYOUT.side })}
          />
        )}
        <SidePanels>
          <div ref={side.ref} className={styles.side}>
            <section className={styles.yaml} aria-label={t('editor.region.yaml')}>
              <EditorPane />
            </section>
            {!layout.problemsCollapsed && (
              <Splitter
                orientation="horizontal"
                label={t('shell.resize.problems')}
                controls="problems-pane"
                value={problemsHeight}
                min={MIN_PROBLEMS_HEIGHT}
                max={Math.max(MIN_PROBLEMS_HEIGHT, side.height - MIN_YAML_HEIGHT)}
                valueText={`${problemsHeight}px`}
                onDrag={(y) => {
                  const rect = side.ref.current?.getBoundingClientRect()
                  if (rect)
                    updatePaneLayout({ problems: clampProblems(rect.bottom - y, rect.height) })
                }}
                onStep={(steps) =>
                  updatePaneLayout({
                    problems: clampProblems(problemsHeight - steps * 16, side.height),
                  })
                }
                onLimit={(limit) =>
                  updatePaneLayout({
                    problems: clampProblems(limit === 'min' ? 0 : side.height, side.height),
                  })
                }
                onReset={() => updatePaneLayout({ problems: DEFAULT_LAYOUT.problems })}
              />
            )}
            <section
              id="problems-pane"
              className={styles.problems}
              aria-label={t('editor.region.problems')}
            >
              <AfterFrame>
                <ProblemsPanel />
              </AfterFrame>
            </section>
          </div>
        </SidePanels>
      </div>
      <DropOverlay />
      <AudioDropLayer />
      <LibraryLayer />
      <Toasts />
    </div>
  )
}

/** A ref for an element and its size, kept up to date as it changes. */
function useElementSize<T extends HTMLElement>() {
  const ref = useRef<T>(null)
  const [size, setSize] = useState({ width: 0, height: 0 })
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return
      const { width, height } = entry.contentRect
      setSize((before) =>
        before.width === width && before.height === height ? before : { width, height },
      )
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  return { ref, width: size.width, height: size.height }
}
