import { useInternalNode, type ConnectionLineComponentProps } from '@xyflow/react'
import { ANCHOR, edgePath } from '../../../graph/card-geometry.ts'
import { CARD } from '../../../graph/layout.ts'
import { useLocale } from '../../state/use-locale.ts'
import type { CanvasNode } from '../canvas-types.ts'
import { useConnectDrag } from './connect-state.ts'
import styles from './Gestures.module.css'

/**
 * The line drawn while a connection is dragged from a row: dashed to the pointer, snapping solid
 * onto the card it would lead to, or ending at the outline of the new section that dropping on
 * empty canvas makes, with its name.
 */
export function ConnectionLine({
  fromX,
  fromY,
  toX,
  toY,
  fromNode,
}: ConnectionLineComponentProps<CanvasNode>) {
  const { t } = useLocale()
  const drag = useConnectDrag()
  const target = drag?.target
  const targetId = target && 'nodeId' in target ? target.nodeId : ''
  const node = useInternalNode<CanvasNode>(targetId)
  const from = { x: fromX, y: fromY }

  if (target && 'nodeId' in target && node) {
    const at = node.internals.positionAbsolute
    const stub = target.kind === 'stub'
    const to = { x: at.x, y: at.y + (stub ? ANCHOR.stubTargetY : ANCHOR.targetY) }
    const self = node.id === fromNode.id ? at.y : undefined
    return (
      <g className={styles.connection} data-state="snapped">
        <path
          className={styles.connectionPath}
          d={edgePath(from, to, self)}
          markerEnd="url(#ivr-canvas-arrow-active)"
        />
      </g>
    )
  }

  const to = { x: toX, y: toY }
  const creating = target?.kind === 'pane'
  return (
    <g className={styles.connection} data-state={creating ? 'new' : 'free'}>
      <path
        className={styles.connectionPath}
        d={edgePath(from, to)}
        markerEnd={creating ? 'url(#ivr-canvas-arrow-active)' : undefined}
      />
      {creating && drag && (
        <g className={styles.ghost} transform={`translate(${toX} ${toY - CARD.header / 2})`}>
          <rect width={CARD.width} height={CARD.header} rx={12} ry={12} />
          <text className={styles.ghostName} x={16} y={25}>
            {drag.newName}
          </text>
          <text className={styles.ghostCaption} x={16} y={43}>
            {t('canvas.connect.new-section')}
          </text>
        </g>
      )}
      {!creating && <circle className={styles.connectionEnd} cx={toX} cy={toY} r={4} />}
    </g>
  )
}
