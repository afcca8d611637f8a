import { useCallback, useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react'
import { ROW_ICONS } from '../../graph/row-icons.ts'
import type { IvrModel } from '../../model/ivr.ts'
import { pathKey, type IvrPath } from '../../model/path.ts'
import { PathIcon } from '../canvas/PathIcon.tsx'
import { CloseIcon } from '../components/icons.tsx'
import { usePreview } from '../recordings/use-preview.ts'
import type { AppState } from '../state/app-store.ts'
import { useAppState, useDispatch } from '../state/store-context.tsx'
import { useLocale } from '../state/use-locale.ts'
import { breadcrumb, inspectedItem, type InspectedItem } from './inspected.ts'
import {
  ChevronRightIcon,
  ChevronUpIcon,
  PointerIcon,
  SectionIcon,
  SlidersIcon,
} from './inspector-icons.tsx'
import {
  loadInspectorLayout,
  saveInspectorLayout,
  type InspectorLayout,
} from './inspector-layout.ts'
import styles from './Inspector.module.css'
import { ItemBody } from './ItemBody.tsx'
import { crumbLabel, itemSubtitle, itemTitle } from './item-labels.ts'
import { useInspectorEdit, type InspectorEdit } from './use-inspector-edit.ts'

/**
 * The inspector: a panel docked at the right edge of the canvas that edits the selected section,
 * command or choice option with proper inputs. Every value is tried against the document as it
 * is typed, with the diagnostics the core would give, and applied on Enter or when the field is
 * left (one op, one undo step); Escape puts the document's value back. It can be folded to its
 * header or closed, and reopened from the button that takes its place.
 */
export function Inspector() {
  const { t } = useLocale()
  const [layout, setLayout] = useState<InspectorLayout>(() => loadInspectorLayout())
  const reopen = useRef<HTMLButtonElement>(null)
  const closeButton = useRef<HTMLButtonElement>(null)
  const moveFocus = useRef<'reopen' | 'close' | null>(null)

  const update = useCallback((change: Partial<InspectorLayout>) => {
    setLayout((before) => {
      const next = { ...before, ...change }
      saveInspectorLayout(next)
      return next
    })
  }, [])

  useEffect(() => {
    if (moveFocus.current === 'reopen') reopen.current?.focus()
    if (moveFocus.current === 'close') closeButton.current?.focus()
    moveFocus.current = null
  }, [layout.open])

  if (!layout.open) {
    return (
      <button
        ref={reopen}
        type="button"
        className={styles.reopen}
        data-inspector="closed"
        data-testid="inspector-open"
        aria-label={t('inspector.open')}
        title={t('inspector.open')}
        onClick={() => {
          moveFocus.current = 'close'
          update({ open: true })
        }}
      >
        <SlidersIcon size={16} />
        <span>{t('inspector.title')}</span>
      </button>
    )
  }
  return (
    <InspectorPanel
      collapsed={layout.collapsed}
      closeRef={closeButton}
      onCollapse={(collapsed) => update({ collapsed })}
      onClose={() => {
        moveFocus.current = 'reopen'
        update({ open: false })
      }}
    />
  )
}

/** The model the inspector shows: the current one, or the last readable one while the YAML has an error. */
function shownModel(state: AppState): IvrModel {
  const { view } = state.document
  return view.stale ? view.good.parsed.model : view.parsed.model
}

function InspectorPanel(props: {
  collapsed: boolean
  closeRef: RefObject<HTMLButtonElement | null>
  onCollapse(collapsed: boolean): void
  onClose(): void
}) {
  const { t } = useLocale()
  const dispatch = useDispatch()
  const titleId = useId()
  const bodyId = useId()
  const model = useAppState(shownModel)
  const stale = useAppState((s) => s.document.view.stale)
  const selection = useAppState((s) => s.selection)
  const item = useMemo(
    () => (selection ? inspectedItem(model, selection.path) : null),
    [model, selection],
  )
  // What the item is in, from its section down: the item itself is the title below.
  const crumbs = useMemo(
    () => (item ? breadcrumb(model, item.path).slice(0, -1) : []),
    [model, item],
  )
  const preview = usePreview()
  const shared = useInspectorEdit()
  // An edit that moves the item (a renamed section, an option's new key) keeps its fields
  // mounted, so the field keeps the keyboard; selecting another item starts its fields afresh.
  const carried = useRef<string | null>(null)
  const identity = useRef({ key: '', id: 0 })
  const edit = useMemo<InspectorEdit>(
    () => ({
      preview: shared.preview,
      commit(ops) {
        const result = shared.commit(ops)
        if (result.ok && result.select) carried.current = pathKey(result.select)
        return result
      },
    }),
    [shared],
  )
  const itemKey = item ? pathKey(item.path) : ''
  if (itemKey !== identity.current.key) {
    identity.current = {
      key: itemKey,
      id: carried.current === itemKey ? identity.current.id : identity.current.id + 1,
    }
    carried.current = null
  }
  const select = useCallback(
    (path: IvrPath) => dispatch({ type: 'selection.set', path, origin: 'search' }),
    [dispatch],
  )

  const title = item ? itemTitle(item, t) : t('inspector.title')
  return (
    <aside
      className={styles.panel}
      aria-labelledby={titleId}
      data-testid="inspector"
      data-inspector="open"
      data-collapsed={props.collapsed || undefined}
      data-item={item ? item.kind : 'none'}
      data-selection={selection ? pathKey(selection.path) : ''}
    >
      <header className={styles.header}>
        <div className={styles.headerTop}>
          <nav
            className={styles.crumbs}
            aria-label={t('inspector.breadcrumb')}
            data-testid="inspector-breadcrumb"
          >
            {crumbs.length === 0 ? (
              <span className={styles.crumbRoot}>
                <SlidersIcon size={13} />
                {t('inspector.title')}
              </span>
            ) : (
              <ol>
                {crumbs.map((crumb, index) => {
                  // In full on hover: a long path shortens every step.
                  const label = crumbLabel(crumb, t)
                  return (
                    <li key={pathKey(crumb.path) + crumb.kind}>
                      {index > 0 && (
                        <ChevronRightIcon size={12} className={styles.crumbSeparator} />
                      )}
                      <button
                        type="button"
                        className={styles.crumb}
                        title={label}
                        onClick={() => select(crumb.path)}
                      >
                        {label}
                      </button>
                    </li>
                  )
                })}
              </ol>
            )}
          </nav>
          <div className={styles.headerButtons}>
            <button
              type="button"
              className={styles.iconButton}
              aria-expanded={!props.collapsed}
              aria-controls={bodyId}
              aria-label={t(props.collapsed ? 'inspector.expand' : 'inspector.collapse')}
              title={t(props.collapsed ? 'inspector.expand' : 'inspector.collapse')}
              data-testid="inspector-collapse"
              onClick={() => props.onCollapse(!props.collapsed)}
            >
              <ChevronUpIcon size={16} className={styles.collapseIcon} />
            </button>
            <button
              ref={props.closeRef}
              type="button"
              className={styles.iconButton}
              aria-label={t('inspector.close')}
              title={t('inspector.close')}
              data-testid="inspector-close"
              onClick={props.onClose}
            >
              <CloseIcon size={16} />
            </button>
          </div>
        </div>
        {item && (
          <div className={styles.titleRow}>
            <span className={styles.kindIcon} data-kind={iconKind(item)} aria-hidden="true">
              {item.kind === 'section' ? (
                <SectionIcon size={18} />
              ) : item.kind === 'option' ? (
                <span className={styles.kindKey}>{item.node.key}</span>
              ) : (
                <PathIcon paths={ROW_ICONS[item.node.kind]} size={18} />
              )}
            </span>
            <div className={styles.titleText}>
              <h2 id={titleId} className={styles.title} data-testid="inspector-title">
                {title}
              </h2>
              <p className={styles.subtitle}>{itemSubtitle(item, t)}</p>
            </div>
          </div>
        )}
        {!item && (
          <h2 id={titleId} className="visually-hidden">
            {title}
          </h2>
        )}
      </header>
      <div id={bodyId} className={styles.body} hidden={props.collapsed}>
        {stale && item && (
          <p className={styles.staleNote} role="status">
            {t('inspector.stale')}
          </p>
        )}
        {item ? (
          <ItemBody
            key={`${item.kind}:${identity.current.id}`}
            item={item}
            model={model}
            edit={edit}
            preview={preview}
            disabled={stale}
            onSelect={select}
          />
        ) : (
          <EmptyState hasSelection={selection !== null} />
        )}
      </div>
      {/* The preview player: no controls of its own, the ▶ buttons are. */}
      <audio ref={preview.audio} preload="none" data-testid="inspector-audio" />
    </aside>
  )
}

function EmptyState({ hasSelection }: { hasSelection: boolean }) {
  const { t } = useLocale()
  return (
    <div className={styles.empty} data-testid="inspector-empty">
      <span className={styles.emptyIcon} aria-hidden="true">
        <PointerIcon size={22} />
      </span>
      <p className={styles.emptyTitle}>
        {t(hasSelection ? 'inspector.empty.document' : 'inspector.empty.title')}
      </p>
      <p className={styles.emptyBody}>{t('inspector.empty.body')}</p>
      <ul className={styles.emptyTips}>
        <li>{t('inspector.empty.tip.canvas')}</li>
        <li>{t('inspector.empty.tip.yaml')}</li>
        <li>{t('inspector.empty.tip.keys')}</li>
      </ul>
    </div>
  )
}

function iconKind(item: InspectedItem): string {
  return item.kind === 'command' ? item.node.kind : item.kind
}
