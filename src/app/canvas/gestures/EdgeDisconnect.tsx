import { EdgeLabelRenderer, useStore } from '@xyflow/react'
import type { Point } from '../../../graph/layout.ts'
import { useAppStore } from '../../state/store-context.tsx'
import { useLocale } from '../../state/use-locale.ts'
import { disconnectRow } from './actions.ts'
import { hoverEdge, leaveEdge } from './edge-focus.ts'
import styles from './Gestures.module.css'

/**
 * The small button halfway along the selected edge: it removes the link (the option's or goto's
 * `goto`, the `onError`), as pressing Delete does. Only a selected edge has it, so that a click
 * meant to select an edge never removes it.
 */
export function EdgeDisconnect({
  edgeId,
  rowId,
  at,
}: {
  edgeId: string
  rowId: string
  at: Point
}) {
  const store = useAppStore()
  const { t } = useLocale()
  // Labels zoom with the canvas; the button keeps a size that can be hit when zoomed out.
  const scale = useStore((state) => Math.min(2.5, Math.max(1, 1 / state.transform[2])))
  return (
    <EdgeLabelRenderer>
      <div
        className={styles.disconnectAt}
        style={{
          transform: `translate(-50%, -50%) translate(${at.x}px, ${at.y}px) scale(${scale})`,
        }}
      >
        <button
          type="button"
          className={`${styles.disconnect} nodrag nopan`}
          title={t('canvas.disconnect')}
          aria-label={t('canvas.disconnect')}
          data-edge={edgeId}
          onPointerEnter={() => hoverEdge(edgeId)}
          onPointerLeave={() => leaveEdge(edgeId)}
          onClick={(event) => {
            event.stopPropagation()
            leaveEdge(edgeId)
            disconnectRow(store, rowId)
          }}
        >
          <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
            <path d="M3 3l6 6M9 3l-6 6" />
          </svg>
        </button>
      </div>
    </EdgeLabelRenderer>
  )
}
