import { useReactFlow } from '@xyflow/react'
import {
  memo,
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
} from 'react'
import { CARD } from '../../../graph/layout.ts'
import { ROW_ICONS } from '../../../graph/row-icons.ts'
import { useAppStore } from '../../state/store-context.tsx'
import { useLocale } from '../../state/use-locale.ts'
import { PathIcon } from '../PathIcon.tsx'
import { browserStorage } from '../positions-storage.ts'
import { useCanvasGestures } from './CanvasGestures.tsx'
import { insertionAfter, insertPlan, newSectionPlan } from './gesture-ops.ts'
import styles from './Palette.module.css'
import {
  BLOCK_ITEM_LIST,
  COMMAND_ITEM_LIST,
  paletteItem,
  type PaletteItem,
  type PaletteItemId,
} from './palette-items.ts'

const COLLAPSED_KEY = 'ivr-designer.palette.collapsed'
const storage = browserStorage()

const CHEVRON = ['M14.5 6.5 9 12l5.5 5.5']
const PAUSE_ICON = [
  'M10.3 4.2 2.9 17.1a2 2 0 0 0 1.7 2.9h14.8a2 2 0 0 0 1.7-2.9L13.7 4.2a2 2 0 0 0-3.4 0Z',
  'M12 9.5v4M12 16.75v.01',
]

/**
 * The command palette docked at the left of the canvas: every command and a few ready-made
 * blocks, to drag onto a card or the empty canvas, or to add with a click or Enter after what is
 * selected (a section of its own when nothing is). Collapses to a rail of icons; paused while the
 * YAML cannot be read.
 */
export const Palette = memo(function Palette() {
  const { t } = useLocale()
  const store = useAppStore()
  const flow = useReactFlow()
  const gestures = useCanvasGestures()
  const paused = gestures?.paused ?? true
  const [chosen, setChosen] = useState(readChoice)
  const [announcement, setAnnouncement] = useState('')
  const root = useRef<HTMLElement>(null)
  const narrow = useNarrowCanvas(root)
  // Until the admin opens or closes it, the palette leaves a narrow canvas to the cards.
  const collapsed = chosen ?? narrow

  const toggle = useCallback(() => {
    const next = !collapsed
    setChosen(next)
    try {
      storage?.setItem(COLLAPSED_KEY, String(next))
    } catch {
      // A full or forbidden storage: the palette stays as it is for this visit only.
    }
  }, [collapsed])

  const add = useCallback(
    (id: PaletteItemId, from: HTMLElement) => {
      if (!gestures || gestures.paused) return
      const { document: doc, selection } = store.getState()
      const names = { agent: t('palette.option.agent'), message: t('palette.option.message') }
      const where = insertionAfter(doc.view.parsed.model, selection?.path ?? null)
      const plan = where
        ? insertPlan(doc.view.parsed, id, where.list, where.index, where.section, names)
        : newSectionPlan(doc.view.parsed.model, id, visibleCentre(flow, from), names)
      if (!gestures.run(plan)) return
      const section = String(plan.select[0])
      setAnnouncement(t('palette.added', { label: t(paletteItem(id).label), section }))
    },
    [gestures, store, flow, t],
  )

  const classes = [styles.palette, collapsed ? styles.collapsed : '', paused ? styles.paused : '']
  return (
    <aside
      ref={root}
      className={classes.join(' ')}
      aria-label={t('palette.region')}
      data-palette=""
      data-testid="palette"
      data-state={paused ? 'paused' : 'ready'}
    >
      <div className={styles.panel}>
        <div className={styles.header}>
          {!collapsed && <h2 className={styles.title}>{t('palette.title')}</h2>}
          <button
            type="button"
            className={styles.toggle}
            onClick={toggle}
            aria-expanded={!collapsed}
            aria-label={t(collapsed ? 'palette.expand' : 'palette.collapse')}
            title={t(collapsed ? 'palette.expand' : 'palette.collapse')}
          >
            <PathIcon paths={CHEVRON} size={16} />
          </button>
        </div>
        {paused && (
          <p
            className={styles.pausedNote}
            role="status"
            data-testid="palette-paused"
            title={collapsed ? t('palette.paused') : undefined}
          >
            <PathIcon paths={PAUSE_ICON} size={16} />
            <span className={collapsed ? styles.live : ''}>{t('palette.paused')}</span>
          </p>
        )}
        <div className={styles.scroll} onKeyDown={moveBetweenItems}>
          <ul className={styles.list} aria-label={t('palette.title')}>
            {COMMAND_ITEM_LIST.map((item) => (
              <PaletteEntry
                key={item.id}
                item={item}
                collapsed={collapsed}
                disabled={paused}
                onAdd={add}
              />
            ))}
          </ul>
          {collapsed ? (
            <hr className={styles.rule} />
          ) : (
            <h3 className={styles.subtitle}>{t('palette.blocks')}</h3>
          )}
          <ul className={styles.list} aria-label={t('palette.blocks')}>
            {BLOCK_ITEM_LIST.map((item) => (
              <PaletteEntry
                key={item.id}
                item={item}
                collapsed={collapsed}
                disabled={paused}
                onAdd={add}
                block
              />
            ))}
          </ul>
        </div>
        {!collapsed && !paused && <p className={styles.help}>{t('palette.help')}</p>}
      </div>
      <p className={styles.live} aria-live="polite">
        {announcement}
      </p>
    </aside>
  )
})

const PaletteEntry = memo(function PaletteEntry({
  item,
  collapsed,
  disabled,
  block = false,
  onAdd,
}: {
  item: PaletteItem
  collapsed: boolean
  disabled: boolean
  block?: boolean
  onAdd: (id: PaletteItemId, from: HTMLElement) => void
}) {
  const { t } = useLocale()
  const gestures = useCanvasGestures()
  const label = t(item.label)
  const hint = t(item.hint)
  const onClick = useCallback(
    (event: MouseEvent<HTMLButtonElement>) => onAdd(item.id, event.currentTarget),
    [onAdd, item.id],
  )
  return (
    <li>
      <button
        type="button"
        className={`${styles.item} ${block ? styles.block : ''}`}
        data-item={item.id}
        aria-disabled={disabled || undefined}
        aria-label={collapsed ? `${label}: ${hint}` : undefined}
        title={collapsed ? `${label} — ${hint}` : hint}
        onPointerDown={(event) =>
          disabled
            ? undefined
            : gestures?.press({ kind: 'item', id: item.id }, { label, icon: item.icon }, event)
        }
        onClick={onClick}
      >
        <span className={styles.icon}>
          <PathIcon paths={ROW_ICONS[item.icon]} size={16} />
          {block && <span className={styles.stack} aria-hidden="true" />}
        </span>
        {!collapsed && (
          <span className={styles.text}>
            <span className={styles.label}>{label}</span>
            <span className={styles.hint}>{hint}</span>
          </span>
        )}
      </button>
    </li>
  )
})

/** The admin's own choice to show (`false`) or hide (`true`) the palette, if any. */
function readChoice(): boolean | null {
  try {
    const value = storage?.getItem(COLLAPSED_KEY)
    return value === 'true' ? true : value === 'false' ? false : null
  } catch {
    return null
  }
}

/** Canvases narrower than this show the palette as a rail of icons unless the admin opens it. */
const NARROW_CANVAS = 1000

/** Whether the canvas around `element` is too narrow for the palette and the cards side by side. */
function useNarrowCanvas(element: RefObject<HTMLElement | null>): boolean {
  const [narrow, setNarrow] = useState(false)
  useLayoutEffect(() => {
    const canvas = element.current?.parentElement
    if (!canvas) return
    const measure = () => setNarrow(canvas.clientWidth < NARROW_CANVAS)
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(canvas)
    return () => observer.disconnect()
  }, [element])
  return narrow
}

/** Up and down walk the items of the palette, Home and End jump to its ends. */
function moveBetweenItems(event: KeyboardEvent<HTMLDivElement>): void {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End']
  if (!keys.includes(event.key)) return
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('button[data-item]')]
  const at = items.indexOf(document.activeElement as HTMLElement)
  if (at < 0) return
  event.preventDefault()
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? items.length - 1
        : Math.min(items.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))
  items[next]?.focus()
}

/** The middle of the visible canvas, where a section added without a drag is put. */
function visibleCentre(flow: ReturnType<typeof useReactFlow>, from: HTMLElement) {
  const pane = from.closest('[data-testid="canvas"]')?.querySelector('.react-flow')
  const box = pane?.getBoundingClientRect()
  if (!box) return { x: 0, y: 0 }
  const centre = flow.screenToFlowPosition({ x: box.x + box.width / 2, y: box.y + box.height / 2 })
  return { x: centre.x - CARD.width / 2 + 28, y: centre.y - CARD.header }
}
