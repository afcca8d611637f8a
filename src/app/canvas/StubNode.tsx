import { Handle, Position, type NodeProps } from '@xyflow/react'
import { memo } from 'react'
import { stubLabel } from '../../graph/labels.ts'
import { CARD } from '../../graph/layout.ts'
import { MISSING_ICON } from '../../graph/row-icons.ts'
import { useLocale } from '../state/use-locale.ts'
import type { StubNodeType } from './canvas-types.ts'
import { PathIcon } from './PathIcon.tsx'
import styles from './StubNode.module.css'

const STUB_SIZE = { width: CARD.stubWidth, height: CARD.stubHeight }

/** The stand-in for a section that a goto names but that does not exist: red and dashed. */
export const StubNode = memo(function StubNode({ data }: NodeProps<StubNodeType>) {
  const { t } = useLocale()
  return (
    <div
      className={styles.stub}
      style={STUB_SIZE}
      data-stub={data.name}
      title={t('canvas.stub.hint')}
    >
      <Handle
        className={styles.target}
        type="target"
        position={Position.Left}
        isConnectable={false}
        style={{ top: CARD.stubHeight / 2 }}
      />
      <span className={styles.icon}>
        <PathIcon paths={MISSING_ICON} size={18} />
      </span>
      <span className={styles.title}>{stubLabel(data.name, t)}</span>
    </div>
  )
})
