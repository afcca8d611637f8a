import { useEffect, useId, useRef, type ReactNode } from 'react'
import buttonStyles from './Button.module.css'
import styles from './Popover.module.css'

/**
 * A button that shows a non-modal panel of information below it. The panel takes focus when it
 * opens; Escape, the button or a click outside closes it, and Escape gives focus back to the
 * button. Controlled, so that a keyboard shortcut elsewhere can open it too.
 */
export function PopoverButton(props: {
  label: string
  icon: ReactNode
  open: boolean
  onOpenChange: (open: boolean) => void
  /** The id of the heading inside the panel that names it. */
  labelledBy: string
  title?: string
  align?: 'start' | 'end'
  labelClassName?: string
  children: ReactNode
}) {
  const { open, onOpenChange } = props
  const buttonRef = useRef<HTMLButtonElement>(null)
  const panelRef = useRef<HTMLDivElement>(null)
  const anchorRef = useRef<HTMLDivElement>(null)
  const panelId = useId()

  useEffect(() => {
    if (!open) return
    panelRef.current?.focus()
    const onPointerDown = (event: PointerEvent) => {
      if (!anchorRef.current?.contains(event.target as Node)) onOpenChange(false)
    }
    document.addEventListener('pointerdown', onPointerDown, true)
    return () => document.removeEventListener('pointerdown', onPointerDown, true)
  }, [open, onOpenChange])

  return (
    <div className={styles.anchor} ref={anchorRef}>
      <button
        ref={buttonRef}
        type="button"
        className={`${buttonStyles.button} ${buttonStyles.ghost}`}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        title={props.title}
        onClick={() => onOpenChange(!open)}
      >
        {props.icon}
        <span className={props.labelClassName}>{props.label}</span>
      </button>
      {open && (
        <div
          ref={panelRef}
          id={panelId}
          role="dialog"
          aria-labelledby={props.labelledBy}
          tabIndex={-1}
          className={`${styles.panel} ${props.align === 'end' ? styles.end : styles.start}`}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return
            event.preventDefault()
            event.stopPropagation()
            onOpenChange(false)
            buttonRef.current?.focus()
          }}
        >
          {props.children}
        </div>
      )}
    </div>
  )
}
