import {
  useId,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type Ref,
} from 'react'
import { ROW_ICONS } from '../../graph/row-icons.ts'
import { useAppState } from '../state/store-context.tsx'
import { useLocale } from '../state/use-locale.ts'
import styles from './CanvasSearch.module.css'
import { PathIcon } from './PathIcon.tsx'
import { searchGraph, type SearchMatch } from './search-graph.ts'

/** What the canvas can do with its search box. */
export interface CanvasSearchHandle {
  /** Puts the cursor in the search box and selects what is typed there. */
  focus(): void
}

const SEARCH_ICON = ['M10.5 17.5a7 7 0 1 0 0-14 7 7 0 0 0 0 14Z', 'm20.5 20.5-5-5']
const CLOSE_ICON = ['m6.5 6.5 11 11M17.5 6.5l-11 11']
const SECTION_ICON = ['M4 5.5h16v13H4z', 'M4 10h16']

/**
 * The search box in the corner of the canvas: finds sections and commands by name, URL or
 * target as you type, lists them, and on Enter (or a click) selects the match, which the canvas
 * then brings into view.
 */
export function CanvasSearch({
  onPick,
  ref,
}: {
  onPick: (match: SearchMatch) => void
  ref?: Ref<CanvasSearchHandle>
}) {
  const { t } = useLocale()
  const graph = useAppState((s) => s.document.view.good.graph)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const [open, setOpen] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  const listId = useId()
  const matches = useMemo(() => searchGraph(graph, query, t), [graph, query, t])
  const showList = open && query.trim() !== ''
  const current = matches[Math.min(active, matches.length - 1)]

  useImperativeHandle(ref, () => ({
    focus() {
      input.current?.focus()
      input.current?.select()
      setOpen(true)
    },
  }))

  const pick = (match: SearchMatch | undefined) => {
    if (!match) return
    onPick(match)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (matches.length === 0) return
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((i) => (Math.min(i, matches.length - 1) + step + matches.length) % matches.length)
      setOpen(true)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      pick(current)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      if (query !== '') setQuery('')
      else input.current?.blur()
    }
  }

  return (
    <div className={styles.search} role="search">
      <div className={styles.field}>
        <span className={styles.searchIcon}>
          <PathIcon paths={SEARCH_ICON} />
        </span>
        <input
          ref={input}
          className={styles.input}
          type="text"
          role="combobox"
          aria-label={t('canvas.search.label')}
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={
            showList && current ? `${listId}-${matches.indexOf(current)}` : undefined
          }
          placeholder={t('canvas.search.placeholder')}
          value={query}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => {
            setQuery(event.target.value)
            setActive(0)
            setOpen(true)
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {query !== '' ? (
          <button
            type="button"
            className={styles.clear}
            aria-label={t('canvas.search.close')}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              setQuery('')
              input.current?.focus()
            }}
          >
            <PathIcon paths={CLOSE_ICON} size={14} />
          </button>
        ) : (
          <kbd className={styles.shortcut} aria-hidden="true">
            {isApple() ? '⌘F' : 'Ctrl F'}
          </kbd>
        )}
      </div>
      {showList && (
        <div className={styles.panel}>
          <ul
            id={listId}
            className={styles.list}
            role="listbox"
            aria-label={t('canvas.search.label')}
          >
            {matches.map((match, index) => (
              <li
                key={match.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={match === current}
                className={match === current ? styles.optionActive : styles.option}
                onMouseDown={(event) => event.preventDefault()}
                onMouseMove={() => setActive(index)}
                onClick={() => pick(match)}
              >
                <span className={styles.optionIcon}>
                  <PathIcon
                    paths={match.icon === 'section' ? SECTION_ICON : ROW_ICONS[match.icon]}
                    size={14}
                  />
                </span>
                <span className={match.section === null ? styles.sectionTitle : styles.title}>
                  {match.title}
                </span>
                <span className={styles.context}>
                  {match.section === null
                    ? t('canvas.search.section')
                    : t('canvas.search.in', { section: match.section })}
                </span>
              </li>
            ))}
          </ul>
          <p className={styles.status} role="status">
            {matches.length === 0
              ? t('canvas.search.none', { query: query.trim() })
              : matches.length === 1
                ? t('canvas.search.count.one')
                : t('canvas.search.count', { count: matches.length })}
          </p>
        </div>
      )}
    </div>
  )
}

function isApple(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
}
