import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react'
import { translate, type Locale } from '../../i18n/translate.ts'
import type { Diagnostic, Severity } from '../../validate/diagnostic.ts'
import {
  CheckCircleIcon,
  ChevronDownIcon,
  ErrorIcon,
  InfoIcon,
  WarningIcon,
  WrenchIcon,
} from '../components/icons.tsx'
import { updatePaneLayout, usePaneLayout } from '../shell/layout-store.ts'
import { useAppState, useAppStore, useDispatch } from '../state/store-context.tsx'
import { useApplyOp } from '../state/use-editing.ts'
import { useLocale } from '../state/use-locale.ts'
import {
  countProblems,
  filterProblems,
  isSyntaxProblem,
  orderProblems,
  problemKey,
  SEVERITIES,
  SHOW_ALL,
  stepProblem,
  type SeverityFilter,
} from './problems.ts'
import { PROBLEMS_PANEL_ID } from './problems-focus.ts'
import styles from './ProblemsPanel.module.css'
import { isModalOpen, matchesShortcut, onApplePlatform, SHORTCUTS } from './shortcuts.ts'

const SEVERITY_ICONS: Readonly<Record<Severity, typeof ErrorIcon>> = {
  error: ErrorIcon,
  warning: WarningIcon,
  info: InfoIcon,
}

const COUNT_IDS = {
  error: ['count.errors.one', 'count.errors.other'],
  warning: ['count.warnings.one', 'count.warnings.other'],
  info: ['count.infos.one', 'count.infos.other'],
} as const

/**
 * Every problem of the IVR, by position (what stops the YAML from being read first): counts by
 * severity that double as filters, a click or Enter selects the problem in every view, fixes
 * apply at once. The arrow keys move between problems; F8 and Shift+F8 go to the next and
 * previous one from anywhere.
 */
export function ProblemsPanel() {
  const { t, locale } = useLocale()
  const view = useAppState((s) => s.document.view)
  // Read when F8 is pressed: a change of selection alone does not render the panel.
  const store = useAppStore()
  const { problemsCollapsed: collapsed } = usePaneLayout()
  const dispatch = useDispatch()
  const applyOp = useApplyOp()
  const [filter, setFilter] = useState<SeverityFilter>(SHOW_ALL)
  const [activeKey, setActiveKey] = useState<string | null>(null)
  const listRef = useRef<HTMLUListElement>(null)
  const listId = useId()

  const ordered = useMemo(() => orderProblems(view.diagnostics, view.stale), [view])
  const counts = useMemo(() => countProblems(view.diagnostics), [view])
  const visible = useMemo(() => filterProblems(ordered, filter), [ordered, filter])
  const activeIndex = visible.findIndex((d) => problemKey(d) === activeKey)
  // Rows keep their elements while the problems they show stay (two alike are told apart by
  // their order among themselves).
  const rowKeys = useMemo(() => {
    const seen = new Map<string, number>()
    return visible.map((d) => {
      const key = problemKey(d)
      const count = seen.get(key) ?? 0
      seen.set(key, count + 1)
      return count === 0 ? key : `${key}#${count}`
    })
  }, [visible])
  const total = counts.error + counts.warning + counts.info

  const rowAt = (index: number) =>
    listRef.current?.querySelector<HTMLElement>(`[data-problem="${index}"]`) ?? null

  const go = (index: number, focus: boolean) => {
    const d = visible[index]
    if (!d) return
    setActiveKey(problemKey(d))
    dispatch({ type: 'selection.set', path: d.path, span: d.span, origin: 'problems' })
    const row = rowAt(index)
    if (focus) row?.focus()
    row?.scrollIntoView({ block: 'nearest' })
  }

  // F8 works from anywhere, the YAML editor included; the latest list and selection are read
  // through a ref.
  const stepRef = useRef<(direction: 1 | -1) => void>(() => {})
  useLayoutEffect(() => {
    stepRef.current = (direction) => {
      const { selection } = store.getState()
      const current = selection?.origin === 'problems' ? activeIndex : -1
      const next = stepProblem(visible, current, direction, selection?.span ?? null)
      const inList = listRef.current?.contains(document.activeElement) ?? false
      if (next !== -1) go(next, inList)
    }
  })
  useEffect(() => {
    const apple = onApplePlatform()
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || isModalOpen()) return
      const next = matchesShortcut(event, SHORTCUTS.nextProblem, apple)
      const previous = matchesShortcut(event, SHORTCUTS.previousProblem, apple)
      if (!next && !previous) return
      // Taken before the YAML editor sees it, so F8 means the same in every pane.
      event.preventDefault()
      event.stopPropagation()
      stepRef.current(next ? 1 : -1)
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [])

  const onListKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const row = (event.target as HTMLElement).closest('[data-problem]')
    if (row === null) return
    const at = Number(row.getAttribute('data-problem'))
    const focusRow = (index: number) => {
      event.preventDefault()
      const clamped = Math.max(0, Math.min(visible.length - 1, index))
      rowAt(clamped)?.focus()
    }
    switch (event.key) {
      case 'ArrowDown':
        return focusRow(at + 1)
      case 'ArrowUp':
        return focusRow(at - 1)
      case 'Home':
        return focusRow(0)
      case 'End':
        return focusRow(visible.length - 1)
    }
  }

  const tabStop = activeIndex === -1 ? 0 : activeIndex

  return (
    <div
      id={PROBLEMS_PANEL_ID}
      className={styles.panel}
      data-testid="problems"
      data-collapsed={collapsed}
      tabIndex={-1}
    >
      <div className={styles.header}>
        <h2 className={styles.title}>
          <button
            type="button"
            className={styles.toggle}
            aria-expanded={!collapsed}
            aria-controls={listId}
            title={t(collapsed ? 'problems.expand' : 'problems.collapse')}
            onClick={() => updatePaneLayout({ problemsCollapsed: !collapsed })}
          >
            <ChevronDownIcon size={14} className={styles.chevron} />
            {t('problems.title')}
            {total > 0 && <span className={styles.total}>{total}</span>}
          </button>
        </h2>
        <div className={styles.filters} role="group" aria-label={t('problems.filter')}>
          {SEVERITIES.map((severity) => {
            const Icon = SEVERITY_ICONS[severity]
            const [one, other] = COUNT_IDS[severity]
            const count = counts[severity]
            return (
              <button
                key={severity}
                type="button"
                className={`${styles.filter} ${styles[severity]}`}
                aria-pressed={filter[severity]}
                title={t(`problems.filter.${severity}`)}
                data-severity={severity}
                data-empty={count === 0}
                onClick={() => setFilter({ ...filter, [severity]: !filter[severity] })}
              >
                <Icon size={14} />
                <span className={styles.filterCount}>{count}</span>
                <span className="visually-hidden">{t(count === 1 ? one : other, { count })}</span>
              </button>
            )
          })}
        </div>
      </div>
      {!collapsed && (
        <div className={styles.body} id={listId}>
          {total === 0 ? (
            <div className={styles.empty} data-testid="problems-empty">
              <span className={styles.emptyIcon}>
                <CheckCircleIcon size={22} />
              </span>
              <p>{t('problems.empty')}</p>
            </div>
          ) : visible.length === 0 ? (
            <div className={styles.empty}>
              <p>{t('problems.hidden')}</p>
              <button type="button" className={styles.showAll} onClick={() => setFilter(SHOW_ALL)}>
                {t('problems.show-all')}
              </button>
            </div>
          ) : (
            <ul
              ref={listRef}
              className={styles.list}
              aria-label={t('problems.list')}
              onKeyDown={onListKeyDown}
            >
              {visible.map((d, index) => (
                <ProblemRow
                  key={rowKeys[index]}
                  diagnostic={d}
                  index={index}
                  active={index === activeIndex}
                  tabStop={index === tabStop}
                  syntax={view.stale && isSyntaxProblem(d)}
                  explain={view.stale && index === 0}
                  locale={locale}
                  onSelect={() => go(index, true)}
                  onFix={(fix) => applyOp(fix.op)}
                />
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  )
}

function ProblemRow(props: {
  diagnostic: Diagnostic
  index: number
  active: boolean
  tabStop: boolean
  syntax: boolean
  /** Whether to say why the canvas shows an older version (on the first syntax error only). */
  explain: boolean
  locale: Locale
  onSelect: () => void
  onFix: (fix: Diagnostic['fixes'][number]) => void
}) {
  const { diagnostic: d, locale } = props
  const Icon = SEVERITY_ICONS[d.severity]
  return (
    <li
      className={`${styles.row} ${props.active ? styles.active : ''} ${props.syntax ? styles.syntax : ''}`}
      data-severity={d.severity}
      data-code={d.code}
    >
      <button
        type="button"
        className={styles.main}
        data-problem={props.index}
        tabIndex={props.tabStop ? 0 : -1}
        aria-current={props.active ? 'true' : undefined}
        onClick={props.onSelect}
      >
        <span className={`${styles.icon} ${styles[d.severity]}`}>
          <Icon size={16} />
          <span className="visually-hidden">{translate(locale, `severity.${d.severity}`)}</span>
        </span>
        <span className={styles.text}>
          {props.syntax && (
            <span className={styles.pill} data-part="syntax">
              {translate(locale, 'problems.syntax')}
            </span>
          )}
          <span className={styles.message} data-part="message">
            {translate(locale, d.messageId, d.args)}
          </span>
          {props.syntax && props.explain && (
            <span className={styles.note}>{translate(locale, 'problems.syntax.note')}</span>
          )}
          <span className={styles.meta}>
            <span className={styles.location} data-part="location">
              {translate(locale, 'problems.location', { line: d.line, column: d.column })}
            </span>
            <code className={styles.code}>{d.code}</code>
          </span>
        </span>
      </button>
      {d.fixes.length > 0 && (
        <div className={styles.fixes}>
          {d.fixes.map((fix, index) => (
            <button
              key={index}
              type="button"
              className={styles.fix}
              data-fix={index}
              onClick={() => props.onFix(fix)}
            >
              <WrenchIcon size={12} />
              {translate(locale, fix.title, fix.args)}
            </button>
          ))}
        </div>
      )}
    </li>
  )
}
