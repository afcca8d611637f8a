import { useRef, type KeyboardEvent, type PointerEvent } from 'react'
import styles from './Splitter.module.css'

/**
 * A separator the person drags to resize the panes on either side (a WAI-ARIA window
 * splitter): arrow keys move it a step (Shift: ten steps), Home and End to its limits, a double
 * click puts it back where it started.
 */
export function Splitter(props: {
  /** `vertical` stands between a left and a right pane, `horizontal` between a top and a bottom one. */
  orientation: 'vertical' | 'horizontal'
  label: string
  /** The id of the pane whose size the separator sets. */
  controls: string
  value: number
  min: number
  max: number
  valueText?: string
  /** Called with the pointer's position along the axis while dragging (clientX or clientY). */
  onDrag: (position: number) => void
  /** Called with a number of steps to move by, negative towards the left or top. */
  onStep: (steps: number) => void
  /** Called with `min` or `max` for Home or End. */
  onLimit: (limit: 'min' | 'max') => void
  onReset: () => void
}) {
  const dragging = useRef(false)
  const vertical = props.orientation === 'vertical'

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return
    event.preventDefault()
    event.currentTarget.setPointerCapture(event.pointerId)
    event.currentTarget.focus()
    dragging.current = true
  }
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (dragging.current) props.onDrag(vertical ? event.clientX : event.clientY)
  }
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    dragging.current = false
    if (event.currentTarget.hasPointerCapture(event.pointerId)) {
      event.currentTarget.releasePointerCapture(event.pointerId)
    }
  }
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 10 : 1
    const back = vertical ? 'ArrowLeft' : 'ArrowUp'
    const forward = vertical ? 'ArrowRight' : 'ArrowDown'
    if (event.key === back) props.onStep(-step)
    else if (event.key === forward) props.onStep(step)
    else if (event.key === 'Home') props.onLimit('min')
    else if (event.key === 'End') props.onLimit('max')
    else if (event.key === 'Enter') props.onReset()
    else return
    event.preventDefault()
  }

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-orientation={props.orientation}
      aria-label={props.label}
      aria-controls={props.controls}
      aria-valuenow={Math.round(props.value)}
      aria-valuemin={Math.round(props.min)}
      aria-valuemax={Math.round(props.max)}
      aria-valuetext={props.valueText}
      title={props.label}
      className={`${styles.splitter} ${vertical ? styles.vertical : styles.horizontal}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      onDoubleClick={props.onReset}
    />
  )
}
