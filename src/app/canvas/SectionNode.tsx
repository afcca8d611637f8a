import { Handle, Position, useStore, type NodeProps, type ReactFlowState } from '@xyflow/react'
import { memo, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react'
import type { GraphRow } from '../../graph/graph.ts'
import { cardCaption, rowLabel } from '../../graph/labels.ts'
import { CARD } from '../../graph/layout.ts'
import { ROW_ICONS } from '../../graph/row-icons.ts'
import { useAppState } from '../state/store-context.tsx'
import { useLocale } from '../state/use-locale.ts'
import { cardCallMark, rowCallMark } from './call-marks.ts'
import { markKey, parseMarkKey } from './canvas-selectors.ts'
import type { SectionNodeType } from './canvas-types.ts'
import { LinkHandle, useCardGesture, useRowSelection } from './gestures/card-gestures.tsx'
import { PathIcon } from './PathIcon.tsx'
import { useRowGesture } from './palette/CanvasGestures.tsx'
import { rowKeys, type KeyedRows } from './row-keys.ts'
import styles from './SectionNode.module.css'

/**
 * A section's card: its name, when the phone system runs it, and one row per command, option
 * and branch. Subscribes only to its own problems and its own rows' selection, so a change
 * elsewhere in the IVR does not render it again.
 */
export const SectionNode = memo(function SectionNode({
  id,
  data,
  selected,
  dragging,
  width,
  height,
}: NodeProps<SectionNodeType>) {
  const { t } = useLocale()
  const far = useStore(isZoomedOut)
  const mark = parseMarkKey(useAppState((s) => markKey(s.document.view.good.marks.nodes.get(id))))
  const call = useAppState((s) => cardCallMark(s, id))
  const gesture = useCardGesture(id)
  // Rows keep their elements across edits: see `rowKeys`.
  const rendered = useRef<KeyedRows | null>(null)
  const keys = useMemo(() => rowKeys(data.rows, rendered.current), [data.rows])
  useLayoutEffect(() => {
    rendered.current = { rows: data.rows, keys }
  }, [data.rows, keys])
  const classes = [
    styles.card,
    gesture,
    data.entry ? styles.entry : '',
    mark && mark.severity !== 'info' ? styles[mark.severity] : '',
    selected ? styles.selected : '',
    dragging ? styles.dragging : '',
    far ? styles.far : '',
  ]
  return (
    <div
      className={classes.join(' ')}
      style={{ width: width ?? undefined, height: height ?? undefined }}
      data-section={data.name}
      data-problems={mark ? `${mark.severity}:${mark.count}` : undefined}
      data-call={call ?? undefined}
    >
      <Handle
        className={styles.target}
        type="target"
        position={Position.Left}
        isConnectable={false}
        style={{ top: CARD.header / 2 }}
      />
      <div className={styles.header} data-part="header">
        <div className={styles.titleLine}>
          <span className={styles.name} title={data.name}>
            {data.name}
          </span>
          {data.entry && <span className={styles.entryBadge}>{t('canvas.card.entry')}</span>}
          {mark && (
            <span
              className={`${styles.problemBadge} ${styles[`${mark.severity}Badge`]}`}
              aria-hidden="true"
            >
              {mark.count > 99 ? '99+' : mark.count}
            </span>
          )}
        </div>
        <div className={styles.caption}>{cardCaption(data, t)}</div>
      </div>
      <div className={styles.rows}>
        {data.rows.map((row, index) => (
          <Row key={keys[index]} row={row} index={index} tabbable={selected} />
        ))}
      </div>
    </div>
  )
})

/** Below this zoom, text is too small to read: cards show big names and their rows as bars. */
const FAR_ZOOM = 0.5

function isZoomedOut(state: ReactFlowState): boolean {
  return state.transform[2] < FAR_ZOOM
}

const Row = memo(function Row({
  row,
  index,
  tabbable,
}: {
  row: GraphRow
  index: number
  tabbable: boolean
}) {
  const { t } = useLocale()
  const severity = useAppState((s) => s.document.view.good.marks.rows.get(row.id)?.severity ?? null)
  const selection = useRowSelection(row)
  const current = selection.state !== null
  const call = useAppState((s) => rowCallMark(s, row.id))
  const label = rowLabel(row, t)
  const gesture = useRowGesture(row.path, { label: label.text, icon: label.icon })

  const classes = [
    styles.row,
    label.tone === 'error' ? styles.rowError : '',
    current ? styles.rowCurrent : '',
    gesture.className,
  ]
  return (
    <>
      <button
        type="button"
        className={classes.join(' ')}
        style={{ paddingLeft: 12 + row.depth * 16 }}
        title={label.title}
        data-row={row.id}
        data-severity={severity ?? undefined}
        data-call={call ?? undefined}
        aria-current={selection.state === 'primary' ? 'true' : undefined}
        tabIndex={tabbable ? 0 : -1}
        onClick={selection.select}
        onPointerDown={gesture.onPointerDown}
        onKeyDown={moveBetweenRows}
      >
        {label.key !== null ? (
          <span className={styles.key}>{label.key}</span>
        ) : (
          <span className={styles.icon}>
            <PathIcon paths={ROW_ICONS[label.icon]} />
          </span>
        )}
        <span className={styles.label}>
          <span className={styles.text}>
            {label.text}
            {label.detail !== null && <span className={styles.detail}>{label.detail}</span>}
          </span>
          {label.chip !== null && <span className={styles.chip}>{label.chip}</span>}
        </span>
        {severity !== null && <span className={`${styles.dot} ${styles[`${severity}Dot`]}`} />}
      </button>
      <LinkHandle row={row} index={index} className={styles.source} />
    </>
  )
})

/** Up and down walk the rows of a card; Escape goes back to the card. */
function moveBetweenRows(event: KeyboardEvent<HTMLButtonElement>): void {
  const button = event.currentTarget
  const sibling = (step: 1 | -1): HTMLElement | null => {
    const rows = [
      ...(button.parentElement?.querySelectorAll<HTMLElement>('button[data-row]') ?? []),
    ]
    return rows[rows.indexOf(button) + step] ?? null
  }
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault()
    // Arrow keys would otherwise move the selected card.
    event.stopPropagation()
    sibling(event.key === 'ArrowDown' ? 1 : -1)?.focus()
  } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
    event.stopPropagation()
  } else if (event.key === 'Escape') {
    event.stopPropagation()
    button.closest<HTMLElement>('.react-flow__node')?.focus()
  }
}
