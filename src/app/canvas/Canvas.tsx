import '@xyflow/react/dist/style.css'
import {
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type AriaLabelConfig,
  type EdgeMouseHandler,
  type EdgeTypes,
  type NodeChange,
  type NodeMouseHandler,
  type NodeTypes,
} from '@xyflow/react'
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { rowTop } from '../../graph/card-geometry.ts'
import type { IvrGraph } from '../../graph/graph.ts'
import { CARD, cardSize, type Point } from '../../graph/layout.ts'
import type { IvrPath } from '../../model/path.ts'
import { isMessageId, translate, type Locale } from '../../i18n/translate.ts'
import type { Diagnostic } from '../../validate/diagnostic.ts'
import type { AppState } from '../state/app-store.ts'
import { positionOf } from '../state/canvas.ts'
import type { DocumentSession } from '../state/document-session.ts'
import type { Selection } from '../state/document.ts'
import { AfterFrame, useAppState, useAppStore, useDispatch } from '../state/store-context.tsx'
import { useLocale } from '../state/use-locale.ts'
import { useTheme } from '../state/use-theme.ts'
import styles from './Canvas.module.css'
import { takenEdges } from './call-marks.ts'
import { createElementBuilder } from './canvas-elements.ts'
import { openingViewIn } from './opening-view.ts'
import { selectedTarget } from './canvas-selectors.ts'
import type { CanvasNode, IvrEdgeType } from './canvas-types.ts'
import { inspectorInset } from '../inspector/inspector-inset.ts'
import { CanvasSearch, type CanvasSearchHandle } from './CanvasSearch.tsx'
import { EdgeMarkers, IvrEdge } from './IvrEdge.tsx'
import { extraTargets } from './gestures/selected-targets.ts'
import { SelectionBar } from './gestures/SelectionBar.tsx'
import { useEditGestures } from './gestures/use-edit-gestures.ts'
import { CanvasGestures } from './palette/CanvasGestures.tsx'
import { Palette } from './palette/Palette.tsx'
import { PathIcon } from './PathIcon.tsx'
import { browserStorage } from './positions-storage.ts'
import type { SearchMatch } from './search-graph.ts'
import { SectionNode } from './SectionNode.tsx'
import { StubNode } from './StubNode.tsx'
import { useAutoLayout } from './use-auto-layout.ts'
import { useSavedPositions } from './use-saved-positions.ts'

/** The minimap's size; one object, so that the minimap is not rendered again for a new one. */
const MINIMAP_SIZE = { width: 168, height: 112 }

const nodeTypes = { section: SectionNode, stub: StubNode } satisfies NodeTypes
const edgeTypes = { ivr: IvrEdge } satisfies EdgeTypes
const storage = browserStorage()

const TIDY_ICON = ['M4 5h6v5H4zM14 5h6v5h-6zM4 14h6v5H4zM14 14h6v5h-6z']
const WARNING_ICON = [
  'M10.3 4.2 2.9 17.1a2 2 0 0 0 1.7 2.9h14.8a2 2 0 0 0 1.7-2.9L13.7 4.2a2 2 0 0 0-3.4 0Z',
  'M12 9.5v4M12 16.75v.01',
]

/**
 * The canvas: one card per section of the last good graph, edges for every goto, option goto and
 * onError, laid out automatically (cards the admin dragged stay where they were put), with the
 * selection, the problems and the search of the editor.
 */
export function Canvas() {
  return (
    <ReactFlowProvider>
      <CanvasGestures>
        <CanvasView />
      </CanvasGestures>
    </ReactFlowProvider>
  )
}

function CanvasView() {
  const store = useAppStore()
  const dispatch = useDispatch()
  const { t, locale } = useLocale()
  const { resolvedTheme } = useTheme()
  const flow = useReactFlow<CanvasNode, IvrEdgeType>()
  const graph = useAppState((s) => s.document.view.good.graph)
  const marks = useAppState((s) => s.document.view.good.marks)
  const canvas = useAppState((s) => s.canvas)
  const unreadable = useAppState((s) => s.document.view.stale)
  const session = useAppState((s) => s.document.session)
  const selection = useAppState((s) => s.selection)
  const target = useAppState(selectedTarget)
  const taken = useAppState(takenEdges)
  const [dragging, setDragging] = useState<Readonly<Record<string, Point>>>({})
  const wrapper = useRef<HTMLDivElement>(null)
  const search = useRef<CanvasSearchHandle>(null)
  const gestures = useEditGestures(wrapper)
  const { onSelectChanges } = gestures
  const also = useAppState(extraTargets)

  const layout = useAutoLayout()
  useSavedPositions(storage)

  const build = useMemo(() => createElementBuilder(), [])
  const { nodes, edges } = useMemo(
    () => build({ graph, canvas, dragging, selection: target, marks, t, taken, also: also.nodes }),
    [build, graph, canvas, dragging, target, marks, t, taken, also],
  )
  const empty = graph.sections.length + graph.stubs.length === 0
  // With nothing that ever worked to show, the empty state says more than a banner would.
  const stale = unreadable && !empty
  const ready = empty || canvas.layoutKey !== null

  // Fit everything into view once the first layout of each opened document is there.
  const fittedFor = useRef<DocumentSession | null>(null)
  useEffect(() => {
    if (canvas.layoutKey === null || fittedFor.current === session) return
    fittedFor.current = session
    // Fitted, unless that is too small to read: then readable, from the entry sections.
    const options = fitViewOptions()
    const opening = openingViewIn(wrapper.current, graph, canvas, options.padding)
    void (opening ? flow.setViewport(opening) : flow.fitView(options))
  }, [canvas.layoutKey, session, flow, graph, canvas])

  // Bring what the editor, the problems list or the search selected into view.
  const revealed = useRef<Selection | null>(null)
  useEffect(() => {
    if (!selection || revealed.current === selection) return
    if (selection.origin === 'canvas' || selection.origin === 'inspector') return
    const element = wrapper.current
    if (!element) return
    const focus = focusPoint(store.getState(), graph)
    // Without a position yet, the next layout runs this again.
    if (!focus) return
    revealed.current = selection
    reveal(flow, element, focus, selection.origin)
  }, [selection, canvas.layoutKey, graph, store, flow])

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      onSelectChanges(changes, nodes)
      const moving: Record<string, Point> = {}
      const moves: { id: string; position: Point }[] = []
      for (const change of changes) {
        if (change.type !== 'position' || !change.position) continue
        const position = { x: Math.round(change.position.x), y: Math.round(change.position.y) }
        if (change.dragging) moving[change.id] = position
        else moves.push({ id: change.id, position })
      }
      if (Object.keys(moving).length > 0) setDragging((old) => ({ ...old, ...moving }))
      if (moves.length > 0) {
        dispatch({ type: 'canvas.move', moves })
        setDragging((old) =>
          withoutKeys(
            old,
            moves.map((m) => m.id),
          ),
        )
      }
    },
    [dispatch, onSelectChanges, nodes],
  )

  const select = useCallback(
    (path: IvrPath, origin: Selection['origin'] = 'canvas') =>
      dispatch({ type: 'selection.set', path, origin }),
    [dispatch],
  )

  // The same functions while the IVR changes: a new one would render every card and edge again.
  const { select: selectClicked, selectEdge } = gestures
  const onNodeClick = useCallback<NodeMouseHandler<CanvasNode>>(
    (event, node) => {
      const path =
        node.type === 'section'
          ? node.data.path
          : pathLeadingTo(store.getState().document.view.good.graph, node.id)
      if (path) selectClicked(path, event)
    },
    [store, selectClicked],
  )

  const onEdgeClick = useCallback<EdgeMouseHandler<IvrEdgeType>>(
    (event, edge) => selectEdge(edge.sourceHandle, event),
    [selectEdge],
  )

  const onPaneClick = useCallback(() => dispatch({ type: 'selection.clear' }), [dispatch])

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault()
        search.current?.focus()
        return
      }
      const element = event.target as HTMLElement
      if (!element.classList.contains('react-flow__node')) return
      const id = element.dataset.id ?? ''
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault()
        const section = graph.sections.find((s) => s.id === id)
        const path = section ? section.path : pathLeadingTo(graph, id)
        if (path) select(path)
      } else if (event.key === 'Escape') {
        dispatch({ type: 'selection.clear' })
      }
    },
    [graph, select, dispatch],
  )

  const onPick = useCallback((match: SearchMatch) => select(match.path, 'search'), [select])

  const tidy = useCallback(
    () => layout.tidy(() => void flow.fitView({ ...fitViewOptions(), duration: 300 })),
    [layout, flow],
  )

  const ariaLabelConfig = useMemo<Partial<AriaLabelConfig>>(
    () => ({
      'node.a11yDescription.default': t('canvas.node.help'),
      'node.a11yDescription.keyboardDisabled': t('canvas.node.help'),
      'node.a11yDescription.ariaLiveMessage': ({ x, y }) => t('canvas.node.moved', { x, y }),
      'controls.ariaLabel': t('canvas.controls'),
      'controls.zoomIn.ariaLabel': t('canvas.zoom-in'),
      'controls.zoomOut.ariaLabel': t('canvas.zoom-out'),
      'controls.fitView.ariaLabel': t('canvas.fit-view'),
      'minimap.ariaLabel': t('canvas.minimap'),
    }),
    [t],
  )

  // The canvas's own overlays: one element kept while nothing they show changes, so that an edit
  // of the IVR does not render the minimap, the controls and the search again.
  const deleteSelection = gestures.deleteSelection
  const overlays = useMemo(
    () => (
      <>
        <Background
          variant={BackgroundVariant.Dots}
          gap={18}
          size={1.4}
          color="var(--color-canvas-dot)"
          bgColor="var(--color-canvas)"
        />
        <SelectionBar onDelete={deleteSelection} />
        <Panel position="top-left" className={styles.searchPanel}>
          {/* Its matches follow an edit after the frame that shows the edit on the canvas. */}
          <AfterFrame>
            <CanvasSearch ref={search} onPick={onPick} />
          </AfterFrame>
        </Panel>
        <Controls
          className={styles.controls}
          position="bottom-left"
          orientation="horizontal"
          showInteractive={false}
          fitViewOptions={FIT_ON_CLICK}
        >
          <ControlButton
            onClick={tidy}
            title={t('canvas.tidy.hint')}
            aria-label={t('canvas.tidy')}
            className={styles.tidy}
            disabled={stale}
          >
            <PathIcon paths={TIDY_ICON} size={14} />
            <span>{t('canvas.tidy')}</span>
          </ControlButton>
        </Controls>
        <MiniMap<CanvasNode>
          className={styles.minimap}
          position="bottom-right"
          pannable
          zoomable
          nodeClassName={minimapClass}
          nodeBorderRadius={8}
          style={MINIMAP_SIZE}
        />
      </>
    ),
    [deleteSelection, onPick, tidy, t, stale],
  )

  const problem = useAppState(staleProblem)
  const banner = stale
    ? problem && problem.line > 0
      ? t('canvas.stale', { line: problem.line, message: messageOf(problem, locale) })
      : t('canvas.stale.no-line', { message: problem ? messageOf(problem, locale) : '' })
    : null

  const classes = [styles.canvas, stale ? styles.stale : '', ready ? '' : styles.loading]
  return (
    <div
      ref={wrapper}
      className={classes.join(' ')}
      data-testid="canvas"
      data-state={empty ? 'empty' : ready ? 'ready' : 'loading'}
      onKeyDown={onKeyDown}
    >
      {banner !== null && (
        <div className={styles.banner} role="status" data-testid="canvas-stale">
          <PathIcon paths={WARNING_ICON} size={18} />
          <p>{banner}</p>
        </div>
      )}
      <Palette />
      <div className={styles.flow}>
        <EdgeMarkers />
        <ReactFlow<CanvasNode, IvrEdgeType>
          nodes={nodes as CanvasNode[]}
          edges={edges as IvrEdgeType[]}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onNodeClick={onNodeClick}
          onEdgeClick={onEdgeClick}
          onPaneClick={onPaneClick}
          nodesDraggable={!stale}
          nodesConnectable={!stale}
          nodesFocusable
          edgesFocusable={false}
          selectNodesOnDrag={false}
          deleteKeyCode={null}
          multiSelectionKeyCode={null}
          {...gestures.flowProps}
          zoomOnDoubleClick={false}
          onlyRenderVisibleElements
          minZoom={0.1}
          maxZoom={2}
          colorMode={resolvedTheme}
          ariaLabelConfig={ariaLabelConfig}
          attributionPosition="top-right"
        >
          {overlays}
        </ReactFlow>
        {!ready && (
          <div className={styles.overlay} role="status">
            <span className={styles.spinner} aria-hidden="true" />
            {t('canvas.loading')}
          </div>
        )}
        {empty && (
          <div className={styles.overlay}>
            <div className={styles.emptyCard}>
              <h2>{t('canvas.empty.title')}</h2>
              <p>{t('canvas.empty.body')}</p>
              <pre aria-hidden="true">
                {'online:\n  - ring\noffline:\n  - voicemail\nqueue:\n  - play: https://…'}
              </pre>
            </div>
          </div>
        )}
      </div>
    </div>
  )
}

// Room for the search box above, the controls below, the inspector at the right of the cards
// and the palette's rail at their left.
function fitViewOptions() {
  return {
    padding: { top: '68px', right: `${40 + inspectorInset()}px`, bottom: '64px', left: '64px' },
    maxZoom: 1,
    minZoom: 0.1,
  } as const
}

/**
 * The fit button's options. Its padding is measured when a fit runs: measuring the inspector as
 * the canvas renders would make the browser lay out the page again at every change.
 */
const FIT_ON_CLICK = {
  get padding() {
    return fitViewOptions().padding
  },
  maxZoom: 1,
  minZoom: 0.1,
  duration: 300,
}

function minimapClass(node: CanvasNode): string {
  return node.className ?? ''
}

function withoutKeys<T>(
  record: Readonly<Record<string, T>>,
  keys: readonly string[],
): Record<string, T> {
  const copy = { ...record }
  for (const key of keys) delete copy[key]
  return copy
}

/** The first yaml-syntax problem (or else the first problem) while the text cannot be read. */
function staleProblem(state: AppState): Diagnostic | null {
  const { diagnostics } = state.document.view
  return diagnostics.find((d) => d.code === 'yaml-syntax') ?? diagnostics[0] ?? null
}

/**
 * A problem's message in `locale`, as part of a sentence: without its closing full stop. Of a
 * plain syntax error only the parser's detail, as the banner already says that the YAML has an
 * error ("The YAML has an error on line 3: The YAML is not valid here: …" said it twice).
 */
function messageOf(problem: Diagnostic, locale: Locale): string {
  const detail = problem.messageId === 'diag.yaml-syntax' ? problem.args?.detail : undefined
  const message =
    typeof detail === 'string' && detail !== ''
      ? detail
      : isMessageId(problem.messageId)
        ? translate(locale, problem.messageId, problem.args)
        : problem.message
  return message.replace(/[.。]\s*$/u, '')
}

function rowPath(graph: IvrGraph, rowId: string | null): IvrPath | null {
  if (rowId === null) return null
  for (const section of graph.sections) {
    const row = section.rows.find((r) => r.id === rowId)
    if (row) return row.path
  }
  return null
}

/** The path of the first row that leads to a stub: the goto that names the missing section. */
function pathLeadingTo(graph: IvrGraph, nodeId: string): IvrPath | null {
  const edge = graph.edges.find((e) => e.target === nodeId)
  return edge ? rowPath(graph, edge.sourceHandle) : null
}

interface FocusPoint {
  readonly center: Point
  readonly box: { x: number; y: number; width: number; height: number }
}

/** The point of the canvas to bring into view for the current selection, when it has a place. */
function focusPoint(state: AppState, graph: IvrGraph): FocusPoint | null {
  const target = selectedTarget(state)
  if (!target) return null
  const at = positionOf(state.canvas, target.nodeId)
  if (!at) return null
  const section = graph.sections.find((s) => s.id === target.nodeId)
  const size = section ? cardSize(section) : { width: CARD.stubWidth, height: CARD.stubHeight }
  const index = section && target.rowId ? section.rows.findIndex((r) => r.id === target.rowId) : -1
  const box = { ...at, ...size }
  if (index >= 0) {
    const y = at.y + rowTop(index)
    return {
      center: { x: at.x + size.width / 2, y: y + CARD.row / 2 },
      box: { x: at.x, y, width: size.width, height: CARD.row },
    }
  }
  return { center: { x: at.x + size.width / 2, y: at.y + Math.min(size.height / 2, 240) }, box }
}

/**
 * Centres `focus` in the canvas, smoothly. A selection made while typing in the editor moves the
 * canvas only when its target is out of view; one chosen in the problems list or the search
 * always centres, zooming in far enough to read.
 */
function reveal(
  flow: ReturnType<typeof useReactFlow<CanvasNode, IvrEdgeType>>,
  element: HTMLElement,
  focus: FocusPoint,
  origin: Selection['origin'],
): void {
  const { x, y, zoom } = flow.getViewport()
  // The inspector covers the right of the canvas: what is revealed stays clear of it.
  const inset = Math.min(inspectorInset(), element.clientWidth / 2)
  const width = element.clientWidth - inset
  const height = element.clientHeight
  const margin = 24
  const left = focus.box.x * zoom + x
  const top = focus.box.y * zoom + y
  const inView =
    left >= margin &&
    top >= margin &&
    left + focus.box.width * zoom <= width - margin &&
    top + focus.box.height * zoom <= height - margin
  if (origin === 'editor' && inView && zoom >= 0.5) return
  const nextZoom = origin === 'editor' ? Math.max(zoom, 0.6) : Math.max(zoom, 0.85)
  const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches
  const centerX = focus.center.x + inset / 2 / nextZoom
  void flow.setCenter(centerX, focus.center.y, { zoom: nextZoom, duration: still ? 0 : 400 })
}
