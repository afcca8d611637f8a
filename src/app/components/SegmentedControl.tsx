import { useId, type ReactNode } from 'react'
import styles from './SegmentedControl.module.css'

/** One choice of a segmented control. */
export interface Segment<T extends string> {
  value: T
  label: string
  /** When given, the icon is shown and the label is only read out and shown as a tooltip. */
  icon?: ReactNode
}

/**
 * A row of mutually exclusive choices, built on radio buttons so arrow keys, labels and screen
 * readers work as they do for any radio group.
 */
export function SegmentedControl<T extends string>(props: {
  legend: string
  value: T
  segments: readonly Segment<T>[]
  onChange: (value: T) => void
}) {
  const name = useId()
  return (
    <fieldset className={styles.group}>
      <legend className="visually-hidden">{props.legend}</legend>
      {props.segments.map((segment) => (
        <label
          key={segment.value}
          className={styles.segment}
          title={segment.icon === undefined ? undefined : segment.label}
        >
          <input
            className={styles.input}
            type="radio"
            name={name}
            value={segment.value}
            checked={segment.value === props.value}
            onChange={() => props.onChange(segment.value)}
          />
          {segment.icon}
          <span className={segment.icon === undefined ? styles.text : 'visually-hidden'}>
            {segment.label}
          </span>
        </label>
      ))}
    </fieldset>
  )
}
