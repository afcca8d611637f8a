import { Icon, type IconProps } from '../components/icons.tsx'

const HANDSET =
  'M20.5 16.1v2.6a1.75 1.75 0 0 1-1.9 1.75 17.3 17.3 0 0 1-7.55-2.7 17 17 0 0 1-5.25-5.25 17.3 17.3 0 0 1-2.7-7.6A1.75 1.75 0 0 1 4.85 3h2.6a1.75 1.75 0 0 1 1.75 1.5c.1.85.35 1.65.65 2.45a1.75 1.75 0 0 1-.4 1.85L8.35 9.9a14 14 0 0 0 5.25 5.25l1.1-1.1a1.75 1.75 0 0 1 1.85-.4c.8.3 1.6.55 2.45.65a1.75 1.75 0 0 1 1.5 1.8Z'

/** A handset: place a test call. */
export function PhoneIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d={HANDSET} />
    </Icon>
  )
}

/** A handset turned down: hang up. */
export function HangUpIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M3.2 13.9 2.1 12.8a1.6 1.6 0 0 1 .1-2.35C5 8.1 8.4 7 12 7s7 1.1 9.8 3.45a1.6 1.6 0 0 1 .1 2.35l-1.1 1.1a1.6 1.6 0 0 1-2.05.2l-2-1.35a1.6 1.6 0 0 1-.7-1.4V9.6a11.7 11.7 0 0 0-8.1 0v1.75a1.6 1.6 0 0 1-.7 1.4l-2 1.35a1.6 1.6 0 0 1-2.05-.2Z" />
    </Icon>
  )
}

/** A speaker with waves: sound on. */
export function SpeakerIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M4.5 9.25h2.75L11.5 5.5v13l-4.25-3.75H4.5a1 1 0 0 1-1-1v-3.5a1 1 0 0 1 1-1Z" />
      <path d="M15 9.25a3.75 3.75 0 0 1 0 5.5M17.75 6.5a7.5 7.5 0 0 1 0 11" />
    </Icon>
  )
}

/** A speaker crossed out: sound off. */
export function SpeakerOffIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M4.5 9.25h2.75L11.5 5.5v13l-4.25-3.75H4.5a1 1 0 0 1-1-1v-3.5a1 1 0 0 1 1-1Z" />
      <path d="m15.5 9.5 5 5M20.5 9.5l-5 5" />
    </Icon>
  )
}

/** A circular arrow: run again. */
export function ReplayIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M4 12a8 8 0 1 0 2.35-5.65L4 8.7" />
      <path d="M4 4.5v4.2h4.2" />
      <path d="m10.5 9.25 4 2.75-4 2.75Z" />
    </Icon>
  )
}

/** A triangle: play. */
export function PlayIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M7.5 5.5v13l10.5-6.5Z" />
    </Icon>
  )
}

/** A forked route: the paths through an IVR. */
export function RouteIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="6" cy="19" r="2" />
      <circle cx="18" cy="5" r="2" />
      <path d="M8 19h7.5a3.5 3.5 0 0 0 0-7h-7a3.5 3.5 0 0 1 0-7H16" />
    </Icon>
  )
}

/** Two arrows to the end: skip the prompt playing. */
export function SkipIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="m5.5 6 7 6-7 6ZM12.5 6l7 6-7 6" />
    </Icon>
  )
}

/** A flag: where the call ended. */
export function FlagIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M5 21V4.5M5 4.5h11.5l-2 4 2 4H5" />
    </Icon>
  )
}

/** A clock: a round passes without a key. */
export function ClockIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="12" cy="12" r="8.75" />
      <path d="M12 7.5V12l3 2" />
    </Icon>
  )
}

/** An hourglass: waiting in the queue. */
export function HourglassIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M6.5 3.5h11M6.5 20.5h11M7.5 3.5c0 4.5 4.5 5.5 4.5 8.5s-4.5 4-4.5 8.5M16.5 3.5c0 4.5-4.5 5.5-4.5 8.5s4.5 4 4.5 8.5" />
    </Icon>
  )
}

/** A person: the agents change state. */
export function PersonIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="12" cy="8" r="3.75" />
      <path d="M4.75 20.25a7.25 7.25 0 0 1 14.5 0" />
    </Icon>
  )
}

/** A door with an arrow in: a section starts. */
export function EnterIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M13.5 4.5h4a1.5 1.5 0 0 1 1.5 1.5v12a1.5 1.5 0 0 1-1.5 1.5h-4" />
      <path d="M4 12h10M10.5 8.5 14 12l-3.5 3.5" />
    </Icon>
  )
}

/** A small cross: clear. */
export function ClearIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="m7 7 10 10M17 7 7 17" />
    </Icon>
  )
}
