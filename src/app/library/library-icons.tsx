import { Icon, type IconProps } from '../components/icons.tsx'

/** Stacked discs: the library of IVRs on the server. */
export function LibraryIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <ellipse cx="12" cy="6" rx="7.5" ry="2.75" />
      <path d="M4.5 6v6c0 1.52 3.36 2.75 7.5 2.75s7.5-1.23 7.5-2.75V6" />
      <path d="M4.5 12v6c0 1.52 3.36 2.75 7.5 2.75s7.5-1.23 7.5-2.75v-6" />
    </Icon>
  )
}

/** A cloud with an arrow up: save to the server. */
export function SaveIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M7 18.5h-.5a4 4 0 0 1-.6-7.96A6 6 0 0 1 17.6 9.1a4.5 4.5 0 0 1-.1 9.4H17" />
      <path d="M12 20.5v-8M9 15l3-3 3 3" />
    </Icon>
  )
}

/** Two branches meeting: a merge. */
export function MergeIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="6.5" cy="5.5" r="2" />
      <circle cx="6.5" cy="18.5" r="2" />
      <circle cx="17.5" cy="12" r="2" />
      <path d="M6.5 7.5v9M6.5 9.5c0 2.5 2 2.5 4.5 2.5h4.5" />
    </Icon>
  )
}
