import {
  forwardRef,
  useCallback,
  useLayoutEffect,
  useState,
  type CSSProperties,
  type HTMLAttributes,
  type ReactNode,
  type RefObject,
} from 'react'
import { createPortal } from 'react-dom'

/** The gap between an anchor and what floats at it, in CSS pixels. */
const GAP = 4
/** The least room kept to the window's edges, in CSS pixels. */
const EDGE = 8

/**
 * Content that floats below `anchor` (above it when the window has no room below), outside the
 * inspector's scrolling body so that nothing clips it. It follows the anchor while the page
 * scrolls or resizes. `width` is the anchor's when `'anchor'`; `align` says which edges line up.
 */
export const Floating = forwardRef<
  HTMLDivElement,
  {
    anchor: RefObject<HTMLElement | null>
    width: 'anchor' | number
    align?: 'start' | 'end'
    className?: string
    children: ReactNode
  } & Omit<HTMLAttributes<HTMLDivElement>, 'style'>
>(function Floating({ anchor, width, align = 'start', className, children, ...rest }, ref) {
  const [style, setStyle] = useState<CSSProperties>({ position: 'fixed', visibility: 'hidden' })
  const [own, setOwn] = useState<HTMLDivElement | null>(null)

  useLayoutEffect(() => {
    const place = () => {
      const at = anchor.current?.getBoundingClientRect()
      if (!at) return
      const w = width === 'anchor' ? at.width : width
      const height = own?.offsetHeight ?? 0
      const below = at.bottom + GAP
      const top =
        below + height > window.innerHeight - EDGE && at.top - GAP - height > EDGE
          ? at.top - GAP - height
          : below
      const left = Math.max(
        EDGE,
        Math.min(align === 'end' ? at.right - w : at.left, window.innerWidth - w - EDGE),
      )
      setStyle({ position: 'fixed', top, left, width: w, zIndex: 60 })
    }
    place()
    window.addEventListener('scroll', place, true)
    window.addEventListener('resize', place)
    const observer = own ? new ResizeObserver(place) : null
    if (own) observer?.observe(own)
    return () => {
      window.removeEventListener('scroll', place, true)
      window.removeEventListener('resize', place)
      observer?.disconnect()
    }
  }, [anchor, width, align, own])

  const setRefs = useCallback(
    (element: HTMLDivElement | null) => {
      setOwn(element)
      if (typeof ref === 'function') ref(element)
      else if (ref) ref.current = element
    },
    [ref],
  )

  return createPortal(
    <div {...rest} ref={setRefs} className={className} style={style}>
      {children}
    </div>,
    document.body,
  )
})
