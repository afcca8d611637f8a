import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import buttonStyles from './Button.module.css'
import { ChevronDownIcon } from './icons.tsx'
import styles from './Menu.module.css'

/** One command of a menu. */
export interface MenuItem {
  readonly id: string
  readonly label: string
  /** A second line under the label, such as what a template contains. */
  readonly description?: string
  readonly icon?: ReactNode
  /** The keyboard shortcut shown at the end, for reference only. */
  readonly shortcut?: string
  /** Draws a line above the item, to group the items after it. */
  readonly separatorBefore?: boolean
  readonly onSelect: () => void
}

/**
 * A button that opens a menu of commands, following the WAI-ARIA menu button pattern: Enter,
 * Space or the arrow keys open it, the arrow keys, Home and End move between items, Escape
 * closes it and gives focus back to the button, a click outside closes it.
 */
export function MenuButton(props: {
  label: string
  icon: ReactNode
  items: readonly MenuItem[]
  /** A tooltip for the button. */
  title?: string
  /** A small heading at the top of the menu. */
  heading?: string
  align?: 'start' | 'end'
  /** Class of the label text, so that a toolbar can hide it when space runs out. */
  labelClassName?: string
  testId?: string
  /** Shows only the icon, with the label as the button's name (a row's "⋯" button). */
  compact?: boolean
  /**
   * Places the menu over the page rather than under the button's box, so that a scrolling list
   * around the button does not cut it off; it opens upwards when there is no room below.
   */
  floating?: boolean
}) {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false)
  const [place, setPlace] = useState<CSSProperties | undefined>(undefined)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuRef = useRef<HTMLDivElement>(null)
  const anchorRef = useRef<HTMLDivElement>(null)
  const buttonId = useId()
  const menuId = useId()

  const items = () => [
    ...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []),
  ]

  const show = (at: 'first' | 'last') => {
    const box = buttonRef.current?.getBoundingClientRect()
    if (props.floating && box) {
      const right = window.innerWidth - box.right
      // Room for a few items below the button, else the menu goes above it.
      setPlace(
        window.innerHeight - box.bottom > 200
          ? { position: 'fixed', top: box.bottom + 6, right, left: 'auto' }
          : { position: 'fixed', bottom: window.innerHeight - box.top + 6, right, left: 'auto' },
      )
    }
    setOpen(at)
  }

  const close = useCallback((refocus: boolean) => {
    setOpen(false)
    if (refocus) buttonRef.current?.focus()
  }, [])

  useEffect(() => {
    if (!open) return
    const all = items()
    ;(open === 'last' ? all[all.length - 1] : all[0])?.focus()
    const onPointerDown = (event: PointerEvent) => {
      if (!anchorRef.current?.contains(event.target as Node)) close(false)
    }
    document.addEventListener('pointerdown', onPointerDown, true)
    return () => document.removeEventListener('pointerdown', onPointerDown, true)
  }, [open, close])

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const all = items()
    const at = all.indexOf(document.activeElement as HTMLElement)
    const move = (index: number) => {
      event.preventDefault()
      all[(index + all.length) % all.length]?.focus()
    }
    switch (event.key) {
      case 'ArrowDown':
        return move(at + 1)
      case 'ArrowUp':
        return move(at - 1)
      case 'Home':
        return move(0)
      case 'End':
        return move(all.length - 1)
      case 'Escape':
        event.preventDefault()
        event.stopPropagation()
        return close(true)
      case 'Tab':
        // Back to the button rather than wherever Tab would land after the menu disappears.
        event.preventDefault()
        return close(true)
    }
  }

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      show(event.key === 'ArrowUp' ? 'last' : 'first')
    }
  }

  return (
    <div className={styles.anchor} ref={anchorRef}>
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        className={`${buttonStyles.button} ${buttonStyles.ghost}`}
        aria-haspopup="menu"
        aria-expanded={open !== false}
        aria-controls={open ? menuId : undefined}
        title={props.title}
        aria-label={props.compact ? props.label : undefined}
        data-testid={props.testId}
        onClick={() => (open ? close(false) : show('first'))}
        onKeyDown={onButtonKeyDown}
      >
        {props.icon}
        {!props.compact && <span className={props.labelClassName}>{props.label}</span>}
        {!props.compact && <ChevronDownIcon size={14} />}
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-labelledby={buttonId}
          className={`${styles.menu} ${props.align === 'end' ? styles.end : styles.start}`}
          style={props.floating ? place : undefined}
          onKeyDown={onMenuKeyDown}
        >
          {props.heading && (
            <div className={styles.heading} aria-hidden="true">
              {props.heading}
            </div>
          )}
          {props.items.map((item) => (
            <MenuEntry
              key={item.id}
              item={item}
              onSelect={() => {
                close(true)
                item.onSelect()
              }}
            />
          ))}
        </div>
      )}
    </div>
  )
}

function MenuEntry({ item, onSelect }: { item: MenuItem; onSelect: () => void }) {
  const id = useId()
  return (
    <>
      {item.separatorBefore && <div role="separator" className={styles.separator} />}
      <button
        type="button"
        role="menuitem"
        tabIndex={-1}
        className={styles.item}
        data-item={item.id}
        aria-labelledby={`${id}-label`}
        aria-describedby={item.description ? `${id}-description` : undefined}
        onClick={onSelect}
      >
        <span className={styles.itemIcon}>{item.icon}</span>
        <span>
          <span id={`${id}-label`} className={styles.label}>
            {item.label}
          </span>
          {item.description && (
            <span id={`${id}-description`} className={styles.description}>
              {item.description}
            </span>
          )}
        </span>
        {item.shortcut ? <kbd className={styles.shortcut}>{item.shortcut}</kbd> : <span />}
      </button>
    </>
  )
}
