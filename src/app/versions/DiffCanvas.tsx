import '@xyflow/react/dist/style.css'
import {
  Background,
  BackgroundVariant,
  Controls,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  ReactFlowProvider,
  type Edge,
  type Node,
  type NodeProps,
  type NodeTypes,
  useNodesInitialized,
  useReactFlow,
} from '@xyflow/react'
import { memo, useEffect, useMemo, useRef, useState } from 'react'
import { rowTop } from '../../graph/card-geometry.ts'
import type { GraphRow, GraphSection } from '../../graph/graph.ts'
import { cardCaption, rowLabel } from '../../graph/labels.ts'
import { CARD, cardSize, type Point } from '../../graph/layout.ts'
import { ROW_ICONS } from '../../graph/row-icons.ts'
import type { DiffGraph } from '../../diff/diff-graph.ts'
import type { MatchStatus } from '../../diff/match.ts'
import { PathIcon } from '../canvas/PathIcon.tsx'
import { useLocale } from '../state/use-locale.ts'
import { useTheme } from '../state/use-theme.ts'
import styles from './DiffCanvas.module.css'
import { layoutDiffGraph } from './diff-layout.ts'

interface CardData extends Record<string, unknown> {
  readonly section: GraphSection
  readonly status: MatchStatus
  readonly rows: ReadonlyMap<string, MatchStatus>
  readonly renamedFrom: string | null
  /** Rows that edges start at, in either version. */
  readonly handles: ReadonlySet<string>
}

interface StubData extends Record<string, unknown> {
  readonly name: string
}

type DiffNode = Node<CardData, 'card'> | Node<StubData, 'stub'>

/** Colours of edges by status, as hex: SVG markers take no CSS variables. */
const EDGE_COLOURS: Readonly<Record<'light' | 'dark', Readonly<Record<MatchStatus, string>>>> = {
  light: { same: '#9ba2af', changed: '#b35c00', added: '#17803d', removed: '#d1343f' },
  dark: { same: '#6c7380', changed: '#f5b049', added: '#4cc47a', removed: '#ff7b83' },
}

const FIT_VIEW = { padding: 0.06, maxZoom: 1, minZoom: 0.1 } as const

const STATUS_MARK: Readonly<Record<MatchStatus, string>> = {
  added: '+',
  removed: '−',
  changed: '~',
  same: '',
}

/**
 * Both versions on one read-only canvas, laid out like the editor's: what was added is green,
 * what was removed red, what changed amber, each with a sign and a word as well as a colour.
 */
export function DiffCanvas({ diff }: { diff: DiffGraph }) {
  return (
    <ReactFlowProvider>
      <DiffFlow diff={diff} />
    </ReactFlowProvider>
  )
}

const nodeTypes = { card: memo(DiffCard), stub: memo(DiffStub) } satisfies NodeTypes

function DiffFlow({ diff }: { diff: DiffGraph }) {
  const { t } = useLocale()
  const { resolvedTheme } = useTheme()
  const [positions, setPositions] = useState<Record<string, Point> | null>(null)

  useEffect(() => {
    let live = true
    setPositions(null)
    void layoutDiffGraph(diff.graph).then((laidOut) => {
      if (live) setPositions(laidOut)
    })
    return () => {
      live = false
    }
  }, [diff])

  const nodes = useMemo<DiffNode[]>(() => {
    if (positions === null) return []
    const at = (id: string) => positions[id] ?? { x: 0, y: 0 }
    const handles = new Set(diff.graph.edges.map((edge) => edge.sourceHandle))
    return [
      ...diff.graph.sections.map((section): DiffNode => ({
        id: section.id,
        type: 'card',
        position: at(section.id),
        ...cardSize(section),
        data: {
          section,
          status: diff.sections.get(section.id) ?? 'same',
          rows: diff.rows,
          renamedFrom: diff.renamedFrom.get(section.id) ?? null,
          handles,
        },
      })),
      ...diff.graph.stubs.map((stub): DiffNode => ({
        id: stub.id,
        type: 'stub',
        position: at(stub.id),
        width: CARD.stubWidth,
        height: CARD.stubHeight,
        data: { name: stub.name },
      })),
    ]
  }, [diff, positions])

  const edges = useMemo<Edge[]>(() => {
    const colours = EDGE_COLOURS[resolvedTheme]
    return diff.graph.edges.map((edge) => {
      const status = diff.edges.get(edge.id) ?? 'same'
      const colour = colours[status]
      return {
        id: edge.id,
        source: edge.source,
        sourceHandle: edge.sourceHandle,
        target: edge.target,
        className: styles[`edge-${status}`],
        style: {
          stroke: colour,
          strokeWidth: status === 'same' ? 1.5 : 2.25,
          ...(status === 'removed' ? { strokeDasharray: '6 4' } : {}),
        },
        markerEnd: { type: MarkerType.ArrowClosed, color: colour, width: 16, height: 16 },
        selectable: false,
        focusable: false,
      }
    })
  }, [diff, resolvedTheme])

  return (
    <div
      className={styles.canvas}
      data-testid="compare-canvas"
      data-ready={positions !== null || undefined}
    >
      {positions !== null && (
        <ReactFlow<DiffNode, Edge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          colorMode={resolvedTheme}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          edgesFocusable={false}
          nodesFocusable={false}
          minZoom={0.1}
          maxZoom={1.5}
          fitView
          fitViewOptions={FIT_VIEW}
          proOptions={{ hideAttribution: true }}
        >
          <Background variant={BackgroundVariant.Dots} gap={22} size={1.4} />
          <Controls showInteractive={false} position="bottom-right" />
          <FitOnLayout ready={nodes.length > 0} />
        </ReactFlow>
      )}
      <Legend />
      {positions !== null && nodes.length === 0 && (
        <p className={styles.nothing}>{t('compare.summary.none')}</p>
      )}
    </div>
  )
}

/** Fits the view once the cards have their places: React Flow fits only the first nodes. */
function FitOnLayout({ ready }: { ready: boolean }) {
  const flow = useReactFlow()
  const initialized = useNodesInitialized()
  const done = useRef(false)
  useEffect(() => {
    if (!ready || !initialized || done.current) return
    done.current = true
    requestAnimationFrame(() => void flow.fitView(FIT_VIEW))
  }, [ready, initialized, flow])
  return null
}

function Legend() {
  const { t } = useLocale()
  const items = [
    ['added', t('compare.legend.added')],
    ['removed', t('compare.legend.removed')],
    ['changed', t('compare.legend.changed')],
  ] as const
  return (
    <ul className={styles.legend} aria-label={t('compare.legend')} data-testid="compare-legend">
      {items.map(([status, label]) => (
        <li key={status} className={styles.legendItem} data-status={status}>
          <span className={styles.legendSwatch} aria-hidden="true">
            {STATUS_MARK[status]}
          </span>
          {label}
        </li>
      ))}
    </ul>
  )
}

function DiffCard({ data }: NodeProps<Node<CardData, 'card'>>) {
  const { t } = useLocale()
  const { section, status } = data
  return (
    <div
      className={`${styles.card} ${section.entry ? styles.entry : ''}`}
      data-status={status}
      data-section={section.name}
      data-testid="compare-card"
    >
      <Handle
        className={styles.handle}
        type="target"
        position={Position.Left}
        isConnectable={false}
        style={{ top: CARD.header / 2 }}
      />
      <div className={styles.header}>
        <div className={styles.titleLine}>
          <span className={styles.name} title={section.name}>
            {section.name}
          </span>
          {section.entry && <span className={styles.entryBadge}>{t('canvas.card.entry')}</span>}
          {status !== 'same' && (
            <span className={styles.statusBadge} data-status={status}>
              <span aria-hidden="true">{STATUS_MARK[status]}</span>
              {t(`compare.status.${status}`)}
            </span>
          )}
        </div>
        <div className={styles.caption}>
          {data.renamedFrom !== null
            ? t('diff.section.renamed', { before: data.renamedFrom, after: section.name })
            : cardCaption(section, t)}
        </div>
      </div>
      <div className={styles.rows}>
        {section.rows.map((row, index) => (
          <DiffRow
            key={row.id}
            row={row}
            index={index}
            status={data.rows.get(row.id) ?? 'same'}
            handle={data.handles.has(row.id)}
          />
        ))}
      </div>
    </div>
  )
}

function DiffRow({
  row,
  index,
  status,
  handle,
}: {
  row: GraphRow
  index: number
  status: MatchStatus
  handle: boolean
}) {
  const { t } = useLocale()
  const label = rowLabel(row, t)
  const statusText = status === 'same' ? '' : `${t(`compare.status.${status}`)}: `
  return (
    <>
      <div
        className={styles.row}
        style={{ paddingLeft: 22 + row.depth * 16 }}
        data-status={status}
        data-row={row.id}
        title={statusText + label.title}
      >
        <span className={styles.mark} aria-hidden="true">
          {STATUS_MARK[status]}
        </span>
        {status !== 'same' && <span className="visually-hidden">{statusText}</span>}
        {label.key !== null ? (
          <span className={styles.key}>{label.key}</span>
        ) : (
          <span className={styles.icon}>
            <PathIcon paths={ROW_ICONS[label.icon]} />
          </span>
        )}
        <span className={styles.text}>
          {label.text}
          {label.detail !== null && <span className={styles.detail}>{label.detail}</span>}
        </span>
        {label.chip !== null && <span className={styles.chip}>{label.chip}</span>}
      </div>
      {handle && (
        <Handle
          className={styles.handle}
          type="source"
          id={row.id}
          position={Position.Right}
          isConnectable={false}
          style={{ top: rowTop(index) + CARD.row / 2 }}
        />
      )}
    </>
  )
}

function DiffStub({ data }: NodeProps<Node<StubData, 'stub'>>) {
  const { t } = useLocale()
  return (
    <div className={styles.stub}>
      <Handle
        className={styles.handle}
        type="target"
        position={Position.Left}
        isConnectable={false}
        style={{ top: CARD.stubHeight / 2 }}
      />
      <span className={styles.stubName}>{t('canvas.stub.title', { name: data.name })}</span>
    </div>
  )
}
