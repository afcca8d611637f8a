import { Icon, type IconProps } from '../components/icons.tsx'

/** An arrow pointing right: go to what a link names. */
export function ArrowRightIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M5 12h13.5M13.5 7l5 5-5 5" />
    </Icon>
  )
}

/** A plus: add something. */
export function PlusIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M12 5.5v13M5.5 12h13" />
    </Icon>
  )
}

/** Three sliders: the inspector, where the selected item's properties are set. */
export function SlidersIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M4 6.5h9M17.5 6.5H20M4 12h3M11.5 12H20M4 17.5h11M19.5 17.5h.5" />
      <circle cx="15.25" cy="6.5" r="2.25" />
      <circle cx="9.25" cy="12" r="2.25" />
      <circle cx="17.25" cy="17.5" r="2.25" />
    </Icon>
  )
}

/** A card with a title bar: a section. */
export function SectionIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <rect x="3.5" y="4.5" width="17" height="15" rx="2.5" />
      <path d="M3.5 9.5h17M7 13.25h7M7 16.25h4.5" />
    </Icon>
  )
}

/** A chevron pointing up: fold a panel to its header. */
export function ChevronUpIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="m6.5 14.5 5.5-5.5 5.5 5.5" />
    </Icon>
  )
}

/** A chevron pointing right: the separator of a breadcrumb. */
export function ChevronRightIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="m9.5 6.5 5.5 5.5-5.5 5.5" />
    </Icon>
  )
}

/** A cursor arrow on a card: nothing selected yet, select something. */
export function PointerIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M5 4.5 10.5 19l2.1-5.9 5.9-2.1L5 4.5Z" />
      <path d="m12.6 13.1 5 5" />
    </Icon>
  )
}
