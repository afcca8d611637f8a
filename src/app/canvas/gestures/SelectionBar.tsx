import { Panel } from '@xyflow/react'
import { CloseIcon, CopyIcon, Icon, type IconProps } from '../../components/icons.tsx'
import { formatShortcut, onApplePlatform, SHORTCUTS } from '../../panels/shortcuts.ts'
import type { AppState } from '../../state/app-store.ts'
import { useAppState, useAppStore } from '../../state/store-context.tsx'
import { useLocale } from '../../state/use-locale.ts'
import { copySelection, duplicateSelection } from './actions.ts'
import { selectedItems, selectedPaths } from './items.ts'
import styles from './SelectionBar.module.css'

/** How many items the selection holds on the canvas, links and rows inside selected ones aside. */
function selectedCount(state: AppState): number {
  if (!state.selection?.extra) return state.selection ? 1 : 0
  return selectedItems(state.document.view.parsed.model, selectedPaths(state.selection)).length
}

/**
 * The bar at the bottom of the canvas while several items are selected: how many, and what can
 * be done with all of them at once (copy, duplicate, delete), with their keys.
 */
export function SelectionBar({ onDelete }: { onDelete: () => void }) {
  const store = useAppStore()
  const { t } = useLocale()
  const count = useAppState(selectedCount)
  if (count < 2) return null
  const apple = onApplePlatform()
  const copy = () => {
    const plan = copySelection(store)
    if (plan) void navigator.clipboard?.writeText(plan.text)
  }
  return (
    <Panel position="bottom-center">
      <div className={styles.bar} role="toolbar" aria-label={t('canvas.selection.label')}>
        <span className={styles.count}>{t('canvas.selection.count', { count })}</span>
        <span className={styles.divider} aria-hidden="true" />
        <button
          type="button"
          className={styles.action}
          onClick={copy}
          title={`${t('canvas.selection.copy')} (${formatShortcut(SHORTCUTS.copy, apple)})`}
        >
          <CopyIcon size={15} />
          {t('canvas.selection.copy')}
        </button>
        <button
          type="button"
          className={styles.action}
          onClick={() => duplicateSelection(store)}
          title={`${t('canvas.selection.duplicate')} (${formatShortcut(SHORTCUTS.duplicate, apple)})`}
        >
          <DuplicateIcon size={15} />
          {t('canvas.selection.duplicate')}
        </button>
        <button
          type="button"
          className={`${styles.action} ${styles.danger}`}
          onClick={onDelete}
          title={`${t('canvas.selection.delete')} (${formatShortcut(SHORTCUTS.delete, apple)})`}
        >
          <TrashIcon size={15} />
          {t('canvas.selection.delete')}
        </button>
        <button
          type="button"
          className={styles.clear}
          onClick={() => store.dispatch({ type: 'selection.clear' })}
          aria-label={t('canvas.selection.clear')}
          title={t('canvas.selection.clear')}
        >
          <CloseIcon size={14} />
        </button>
      </div>
    </Panel>
  )
}

/** A sheet with a plus: duplicate. */
function DuplicateIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <rect x="8.5" y="8.5" width="12" height="12" rx="2" />
      <path d="M14.5 12v5M12 14.5h5M15.5 8.5V5.5a2 2 0 0 0-2-2h-8a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h3" />
    </Icon>
  )
}

/** A bin: delete. */
function TrashIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M4 7h16M9.5 7V4.5h5V7M6.5 7l1 13h9l1-13M10 11v5.5M14 11v5.5" />
    </Icon>
  )
}
