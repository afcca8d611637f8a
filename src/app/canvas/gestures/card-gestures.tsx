import { Handle, Position } from '@xyflow/react'
import { useCallback, type MouseEvent } from 'react'
import { rowTop } from '../../../graph/card-geometry.ts'
import type { GraphRow } from '../../../graph/graph.ts'
import { CARD } from '../../../graph/layout.ts'
import { useAppState, useAppStore } from '../../state/store-context.tsx'
import { useLocale } from '../../state/use-locale.ts'
import { selectedRowId } from '../canvas-selectors.ts'
import { selectOnCanvas } from './actions.ts'
import { useIsDropTarget } from './connect-state.ts'
import { isLinkRow } from './items.ts'
import { isExtraRow } from './selected-targets.ts'
import styles from './Gestures.module.css'

/**
 * The classes a card takes from the gestures: lit while a connection would end on it, and
 * `nokey`, so that Shift on a card clicks it (adding it to the selection) instead of starting
 * React Flow's selection box, which starts from empty canvas only.
 */
export function useCardGesture(nodeId: string): string {
  const target = useIsDropTarget(nodeId)
  return target ? `nokey ${styles.dropTarget}` : 'nokey'
}

/**
 * A row's part of the selection (`primary`: the selection itself, `extra`: selected with it)
 * and the click that selects it, adding to the selection with Shift, Ctrl or ⌘.
 */
export function useRowSelection(row: GraphRow): {
  readonly state: 'primary' | 'extra' | null
  readonly select: (event: MouseEvent) => void
} {
  const store = useAppStore()
  const state = useAppState((s) =>
    selectedRowId(s) === row.id ? 'primary' : isExtraRow(s, row.id) ? 'extra' : null,
  )
  const select = useCallback(
    (event: MouseEvent) => {
      // The card would select itself next; the row is the more precise choice.
      event.stopPropagation()
      selectOnCanvas(store, row.path, event)
    },
    [store, row.path],
  )
  return { state, select }
}

/**
 * The handle on the right of a row that leads to a section or can: a dot where an edge leaves,
 * hollow (shown on hover) where none does yet. Dragging from it connects the row.
 */
export function LinkHandle({
  row,
  index,
  className,
}: {
  row: GraphRow
  index: number
  className?: string | undefined
}) {
  const { t } = useLocale()
  const linkable = isLinkRow(row)
  if (row.target === null && !linkable) return null
  const classes = [
    className ?? '',
    linkable ? styles.linkHandle : '',
    linkable && row.target === null ? styles.openHandle : '',
  ]
  return (
    <Handle
      className={classes.join(' ')}
      type="source"
      id={row.id}
      position={Position.Right}
      isConnectable={linkable}
      isConnectableStart={linkable}
      isConnectableEnd={false}
      title={linkable ? t('canvas.connect.handle') : undefined}
      style={{ top: rowTop(index) + CARD.row / 2 }}
    />
  )
}
