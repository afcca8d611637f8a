import { useReactFlow, ViewportPortal } from '@xyflow/react'
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type PointerEvent as ReactPointerEvent,
  type ReactNode,
} from 'react'
import { createPortal } from 'react-dom'
import type { RowKind } from '../../../graph/graph.ts'
import { CARD, cardSize, type Point } from '../../../graph/layout.ts'
import { ROW_ICONS } from '../../../graph/row-icons.ts'
import type { IvrPath } from '../../../model/path.ts'
import type { AppStore } from '../../state/app-store.ts'
import { positionOf } from '../../state/canvas.ts'
import { useAppState, useAppStore } from '../../state/store-context.tsx'
import { useApplyOp } from '../../state/use-editing.ts'
import { useLocale } from '../../state/use-locale.ts'
import { PathIcon } from '../PathIcon.tsx'
import styles from './CanvasGestures.module.css'
import {
  cardAt,
  dropSlots,
  isNoOpMove,
  moveSlots,
  newCardPosition,
  pickSlot,
  slotLine,
} from './drop-slots.ts'
import {
  freeSectionName,
  planGesture,
  type DragSource,
  type GesturePlan,
  type GestureTarget,
  type OptionNames,
} from './gesture-ops.ts'
import { paletteItem, type PaletteItemId } from './palette-items.ts'

/** How far the pointer must travel before a press becomes a drag, in CSS pixels. */
const DRAG_THRESHOLD = 4

/** How a dragged thing shows under the pointer. */
export interface DragLook {
  readonly label: string
  readonly icon: RowKind
}

/** Starts gestures on the canvas: a press that may become a drag of an item or a row. */
export interface CanvasGestureApi {
  /** Whether gestures are paused because the YAML cannot be read. */
  readonly paused: boolean
  /** A pointer went down on something draggable; it becomes a drag once it moves. */
  press(source: DragSource, look: DragLook, event: ReactPointerEvent<HTMLElement>): void
  /** Carries out the plan of a gesture made without a drag; returns whether it was applied. */
  run(plan: GesturePlan): boolean
}

const GestureContext = createContext<CanvasGestureApi | null>(null)

/** The gestures of the canvas around it, or `null` outside one (exported diagrams, tests). */
export function useCanvasGestures(): CanvasGestureApi | null {
  return useContext(GestureContext)
}

/** What the pointer is over during a drag, and what dropping there would do. */
type Hover =
  | {
      readonly kind: 'slot'
      readonly target: Extract<GestureTarget, { kind: 'slot' }>
      readonly origin: Point
      readonly noop: boolean
    }
  | {
      readonly kind: 'canvas'
      readonly target: Extract<GestureTarget, { kind: 'canvas' }>
      readonly name: string
    }
  | { readonly kind: 'none' }

interface Drag {
  readonly source: DragSource
  readonly look: DragLook
  readonly pointer: Point
  readonly hover: Hover
}

/**
 * Drag and drop on the canvas with pointer events: palette items onto a card (a line shows where
 * in its commands) or onto the empty canvas (a new section, drawn where it will stand), and rows
 * of a card to another place in it or in another card. Each drop is one op, so one step to undo.
 */
export function CanvasGestures({ children }: { children: ReactNode }) {
  const store = useAppStore()
  const apply = useApplyOp()
  const flow = useReactFlow()
  const { t } = useLocale()
  const paused = useAppState((s) => s.document.view.stale)
  const [drag, setDrag] = useState<Drag | null>(null)
  const latest = useRef({ apply, flow, t })
  latest.current = { apply, flow, t }
  const cleanup = useRef<(() => void) | null>(null)

  useEffect(() => () => cleanup.current?.(), [])

  const run = useCallback(
    (plan: GesturePlan): boolean => {
      if (!latest.current.apply(plan.op)) return false
      if (plan.place) {
        store.dispatch({
          type: 'canvas.move',
          moves: [{ id: plan.place.id, position: plan.place.position }],
        })
      }
      store.dispatch({ type: 'selection.set', path: plan.select, origin: 'canvas' })
      return true
    },
    [store],
  )

  const press = useCallback(
    (source: DragSource, look: DragLook, event: ReactPointerEvent<HTMLElement>) => {
      if (event.button !== 0 || store.getState().document.view.stale) return
      cleanup.current?.()
      const start = { x: event.clientX, y: event.clientY }
      const picked = event.currentTarget
      let dragging = false
      const names = (): OptionNames => ({
        agent: latest.current.t('palette.option.agent'),
        message: latest.current.t('palette.option.message'),
      })
      const hoverAt = (point: Point): Hover =>
        hoverOf(store, latest.current.flow.screenToFlowPosition(point), point, source)
      // Near an edge of the canvas the view pans, so that a drop can reach cards out of view;
      // only once the pointer has been well inside, not on its way in from the palette.
      let last: Point = start
      // What the pointer was over at `last`, so that the drop need not measure the page again.
      let lastHover: Hover | null = null
      let panning = 0
      let mayPan = false
      const pan = () => {
        panning = 0
        const box = flowBox()
        const step = box ? edgePan(box, last) : null
        if (!step) return
        const { x, y, zoom } = latest.current.flow.getViewport()
        void latest.current.flow.setViewport({ x: x + step.x, y: y + step.y, zoom })
        lastHover = null
        setDrag((old) => old && { ...old, hover: hoverAt(last) })
        panning = requestAnimationFrame(pan)
      }
      const onMove = (e: PointerEvent) => {
        const pointer = { x: e.clientX, y: e.clientY }
        last = pointer
        if (!dragging) {
          if (Math.hypot(pointer.x - start.x, pointer.y - start.y) < DRAG_THRESHOLD) return
          dragging = true
          picked.dataset.dragSource = ''
        }
        e.preventDefault()
        lastHover = hoverAt(pointer)
        setDrag({ source, look, pointer, hover: lastHover })
        const box = flowBox()
        if (box && !mayPan) mayPan = isWellInside(box, pointer)
        if (box && mayPan && panning === 0 && edgePan(box, pointer)) {
          panning = requestAnimationFrame(pan)
        }
      }
      const onUp = (e: PointerEvent) => {
        const point = { x: e.clientX, y: e.clientY }
        // Where the pointer was last seen is known already; measuring again would force the
        // browser to lay out the whole canvas once more before the drop could be applied.
        const hover = !dragging
          ? null
          : lastHover !== null && point.x === last.x && point.y === last.y
            ? lastHover
            : hoverAt(point)
        stop()
        if (!dragging || hover === null) return
        // The click that ends a drag would select whatever it ends over.
        swallowNextClick()
        if (hover.kind === 'none') return
        const plan = planGesture(
          store.getState().document.view.parsed,
          source,
          hover.target,
          names(),
        )
        if (plan) run(plan)
      }
      const onKey = (e: KeyboardEvent) => {
        if (e.key !== 'Escape') return
        e.preventDefault()
        e.stopPropagation()
        if (dragging) swallowNextClick()
        stop()
      }
      const stop = () => {
        cancelAnimationFrame(panning)
        window.removeEventListener('pointermove', onMove, true)
        window.removeEventListener('pointerup', onUp, true)
        window.removeEventListener('pointercancel', stop, true)
        window.removeEventListener('keydown', onKey, true)
        delete picked.dataset.dragSource
        cleanup.current = null
        setDrag(null)
      }
      window.addEventListener('pointermove', onMove, true)
      window.addEventListener('pointerup', onUp, true)
      window.addEventListener('pointercancel', stop, true)
      window.addEventListener('keydown', onKey, true)
      cleanup.current = stop
    },
    [store, run],
  )

  // A drag cannot go on once the text it was planned against cannot be read.
  useEffect(() => {
    if (paused) cleanup.current?.()
  }, [paused])

  const api = useMemo<CanvasGestureApi>(() => ({ paused, press, run }), [paused, press, run])
  return (
    <GestureContext.Provider value={api}>
      {children}
      {drag && <DropPreview drag={drag} />}
      {drag &&
        createPortal(
          <>
            <div className={styles.dragSurface} data-drag-surface="" aria-hidden="true" />
            <Ghost drag={drag} />
          </>,
          document.body,
        )}
    </GestureContext.Provider>
  )
}

/** Elements over the canvas that take no drop: its panels, controls, overview and the palette. */
const NOT_A_DROP = '.react-flow__panel, .react-flow__controls, .react-flow__minimap, [data-palette]'

/** What dropping `source` at `screen` (`at` on the canvas) would do. */
function hoverOf(store: AppStore, at: Point, screen: Point, source: DragSource): Hover {
  const element = underSurface(screen)
  const canvas = element?.closest('[data-testid="canvas"] .react-flow')
  if (!element || !canvas || element.closest(NOT_A_DROP)) return { kind: 'none' }
  const state = store.getState()
  if (state.document.view.stale) return { kind: 'none' }
  const { graph } = state.document.view.good
  const hit = cardAt(graph.sections, (id) => positionOf(state.canvas, id), at)
  if (hit) {
    const all = dropSlots(hit.section)
    const slots = source.kind === 'row' ? moveSlots(all, source.path) : all
    const slot = pickSlot(slots, { x: at.x - hit.origin.x, y: at.y - hit.origin.y })
    if (!slot) return { kind: 'none' }
    const noop = source.kind === 'row' && isNoOpMove(slot, source.path)
    return {
      kind: 'slot',
      target: { kind: 'slot', section: hit.section.name, slot },
      origin: hit.origin,
      noop,
    }
  }
  if (source.kind === 'row' || element.closest('.react-flow__node')) return { kind: 'none' }
  const name = freeSectionName(state.document.view.parsed.model, paletteItem(source.id).stem)
  return { kind: 'canvas', target: { kind: 'canvas', at }, name }
}

/**
 * The element under `screen` below the surface that shows the dragging cursor. The surface covers
 * the page while a drag lasts, so that the cursor and the end of text selection are one element's
 * style: a rule on every element of the page would have the browser restyle all of them when a
 * drag starts and again when it ends, before the drop could be shown.
 */
function underSurface(screen: Point): Element | null {
  for (const element of document.elementsFromPoint(screen.x, screen.y)) {
    if (!(element instanceof HTMLElement && 'dragSurface' in element.dataset)) return element
  }
  return null
}

/** How close to an edge of the canvas the view starts to pan, and how fast at most, in pixels. */
const PAN_EDGE = 40
const PAN_SPEED = 12

/** The visible canvas on the page. */
function flowBox(): DOMRect | null {
  return (
    document.querySelector('[data-testid="canvas"] .react-flow')?.getBoundingClientRect() ?? null
  )
}

/** Whether `at` lies inside `box` and clear of its panning edges. */
function isWellInside(box: DOMRect, at: Point): boolean {
  return (
    at.x > box.left + PAN_EDGE &&
    at.x < box.right - PAN_EDGE &&
    at.y > box.top + PAN_EDGE &&
    at.y < box.bottom - PAN_EDGE
  )
}

/** How far to pan the view this frame for a pointer at `at`: faster nearer the edge. */
function edgePan(box: DOMRect, at: Point): Point | null {
  if (at.x < box.left || at.x > box.right || at.y < box.top || at.y > box.bottom) return null
  const speed = (distance: number) =>
    distance < PAN_EDGE ? Math.ceil(PAN_SPEED * (1 - distance / PAN_EDGE)) : 0
  const x = speed(at.x - box.left) - speed(box.right - at.x)
  const y = speed(at.y - box.top) - speed(box.bottom - at.y)
  return x === 0 && y === 0 ? null : { x, y }
}

/** Stops the click that the browser sends after a drag ends. */
function swallowNextClick(): void {
  const swallow = (event: MouseEvent) => {
    event.stopPropagation()
    event.preventDefault()
  }
  window.addEventListener('click', swallow, { capture: true, once: true })
  setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 0)
}

/** Rows a section made of item `id` alone shows, to draw its card before it exists. */
function rowsOf(id: PaletteItemId): number {
  switch (id) {
    case 'choice':
      return 3
    case 'menu':
      return 5
    case 'request-callback':
    case 'leave-voicemail':
      return 2
    default:
      return 1
  }
}

/** In the canvas's own coordinates: the target card outlined and the drop line, or the new card. */
function DropPreview({ drag }: { drag: Drag }) {
  const { hover } = drag
  const section = useAppState((s) =>
    hover.kind === 'slot'
      ? (s.document.view.good.graph.sections.find((c) => c.name === hover.target.section) ?? null)
      : null,
  )
  if (hover.kind === 'slot' && section) {
    const size = cardSize(section)
    const line = slotLine(hover.target.slot)
    return (
      <ViewportPortal>
        <div
          className={styles.cardOutline}
          style={{
            transform: `translate(${hover.origin.x}px, ${hover.origin.y}px)`,
            width: size.width,
            height: size.height,
          }}
          aria-hidden="true"
        />
        {!hover.noop && (
          <div
            className={styles.dropLine}
            data-testid="drop-indicator"
            data-list={JSON.stringify(hover.target.slot.list)}
            data-index={hover.target.slot.index}
            style={{
              transform: `translate(${hover.origin.x + line.x}px, ${hover.origin.y + line.y}px)`,
              width: line.width,
            }}
            aria-hidden="true"
          />
        )}
      </ViewportPortal>
    )
  }
  if (hover.kind === 'canvas' && drag.source.kind === 'item') {
    const at = newCardPosition(hover.target.at)
    const height = CARD.header + CARD.padding * 2 + CARD.row * rowsOf(drag.source.id)
    return (
      <ViewportPortal>
        <div
          className={styles.newCard}
          data-testid="drop-new-section"
          style={{ transform: `translate(${at.x}px, ${at.y}px)`, width: CARD.width, height }}
          aria-hidden="true"
        >
          <span className={styles.newCardName}>{hover.name}</span>
        </div>
      </ViewportPortal>
    )
  }
  return null
}

/** What follows the pointer: the item or command dragged, and what a drop here would do. */
function Ghost({ drag }: { drag: Drag }) {
  const { t } = useLocale()
  const { hover } = drag
  const where =
    hover.kind === 'slot'
      ? hover.noop
        ? t('palette.drop.stay')
        : t(drag.source.kind === 'row' ? 'palette.drop.move' : 'palette.drop.into', {
            section: hover.target.section,
          })
      : hover.kind === 'canvas'
        ? t('palette.drop.new', { name: hover.name })
        : t('palette.drop.none')
  return (
    <div
      className={`${styles.ghost} ${hover.kind === 'none' ? styles.ghostNone : ''}`}
      style={{ transform: `translate(${drag.pointer.x + 14}px, ${drag.pointer.y + 10}px)` }}
      data-testid="drag-ghost"
      aria-hidden="true"
    >
      <span className={styles.ghostIcon}>
        <PathIcon paths={ROW_ICONS[drag.look.icon]} size={16} />
      </span>
      <span className={styles.ghostText}>
        <span className={styles.ghostLabel}>{drag.look.label}</span>
        <span className={styles.ghostWhere}>{where}</span>
      </span>
    </div>
  )
}

/** The props that make a card's command row draggable to another place. */
export function useRowGesture(
  path: IvrPath,
  look: DragLook,
): { onPointerDown?: (event: ReactPointerEvent<HTMLElement>) => void; className: string } {
  const gestures = useCanvasGestures()
  const draggable =
    gestures !== null && !gestures.paused && typeof path[path.length - 1] === 'number'
  const { label, icon } = look
  const onPointerDown = useCallback(
    (event: ReactPointerEvent<HTMLElement>) =>
      gestures?.press({ kind: 'row', path }, { label, icon }, event),
    [gestures, path, label, icon],
  )
  return draggable
    ? { onPointerDown, className: `nodrag ${styles.draggableRow}` }
    : { className: '' }
}
