import { BaseEdge, type EdgeProps } from '@xyflow/react'
import { memo } from 'react'
import { ANCHOR, edgeMidpoint, edgePath } from '../../graph/card-geometry.ts'
import type { IvrEdgeData, IvrEdgeType } from './canvas-types.ts'
import { EdgeDisconnect } from './gestures/EdgeDisconnect.tsx'
import { useEdgeFocus } from './gestures/edge-focus.ts'
import gestureStyles from './gestures/Gestures.module.css'
import styles from './IvrEdge.module.css'

/**
 * An edge from a row to the card it leads to, drawn with the same path as exported diagrams: an
 * S-curve, or a loop over the card when a row leads back into its own section.
 */
export const IvrEdge = memo(function IvrEdge(props: EdgeProps<IvrEdgeType>) {
  const kind = props.data?.kind ?? 'goto'
  const self = props.data?.self ?? false
  const source = { x: props.sourceX, y: props.sourceY }
  const target = { x: props.targetX, y: props.targetY }
  const selfTop = self ? props.targetY - ANCHOR.targetY : undefined
  const d = edgePath(source, target, selfTop)
  const rowId = props.sourceHandleId ?? null
  const focus = useEdgeFocus(props.id, rowId)
  const taken = props.data?.taken ?? false
  const marker = props.selected ? 'active' : taken ? 'taken' : kind
  return (
    <>
      <BaseEdge
        id={props.id}
        path={d}
        className={`${styles.edge} ${styles[kind]} ${taken ? styles.taken : ''} ${props.selected ? styles.active : ''} ${focus === 'selected' ? gestureStyles.picked : focus === 'hovered' ? gestureStyles.hovered : ''}`}
        markerEnd={`url(#${markerId(focus === 'selected' ? 'active' : marker)})`}
        interactionWidth={14}
      />
      {focus === 'selected' && rowId !== null && (
        <EdgeDisconnect
          edgeId={props.id}
          rowId={rowId}
          at={edgeMidpoint(source, target, selfTop)}
        />
      )}
    </>
  )
})

type MarkerKind = IvrEdgeData['kind'] | 'active' | 'taken'

const MARKER_KINDS: readonly MarkerKind[] = [
  'goto',
  'option',
  'onError',
  'dangling',
  'active',
  'taken',
]

function markerId(kind: MarkerKind): string {
  return `ivr-canvas-arrow-${kind}`
}

/**
 * The arrow heads of the edges, one per kind, coloured by CSS. Rendered once beside the canvas;
 * markers are found by id anywhere in the document.
 */
export function EdgeMarkers() {
  return (
    <svg className={styles.defs} aria-hidden="true" focusable="false">
      <defs>
        {MARKER_KINDS.map((kind) => (
          <marker
            key={kind}
            id={markerId(kind)}
            viewBox="0 0 10 10"
            refX="8.5"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            markerUnits="userSpaceOnUse"
            orient="auto-start-reverse"
          >
            <path
              className={`${styles.arrow} ${styles[`${kind}Arrow`]}`}
              d="M1,1.5 L9,5 L1,8.5 Z"
            />
          </marker>
        ))}
      </defs>
    </svg>
  )
}
