/** The command names of the IVR language, as written in YAML. */
export const COMMAND_NAMES = [
  'play',
  'choice',
  'ring',
  'voicemail',
  'callback',
  'goto',
  'transfer',
  'fetch',
  'dtmf',
] as const

export type CommandName = (typeof COMMAND_NAMES)[number]

/** Commands written as a bare word (`- ring`); they take no argument. */
export const BARE_COMMANDS = ['ring', 'voicemail', 'callback'] as const
export type BareCommandName = (typeof BARE_COMMANDS)[number]

/** Sections the phone system enters by itself; every other section is reached by `goto`. */
export const ENTRY_SECTIONS = ['start', 'online', 'offline', 'queue'] as const
export type EntrySectionName = (typeof ENTRY_SECTIONS)[number]

/** Sections a per-number IVR must have. */
export const REQUIRED_SECTIONS = ['online', 'offline', 'queue'] as const

/** The keys a caller can press at a `choice`. */
export const CHOICE_KEYS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#'] as const
export type ChoiceKey = (typeof CHOICE_KEYS)[number]

/** The department states a `transfer` can branch on. */
export const TRANSFER_STATES = ['online', 'offline', 'queue'] as const
export type TransferState = (typeof TRANSFER_STATES)[number]

/** Placeholders the phone system fills in `fetch` and `dtmf` parameters. */
export const PLACEHOLDERS = ['from_number', 'to_number', 'conv_code'] as const
export type PlaceholderName = (typeof PLACEHOLDERS)[number]

/** The word in `dtmf` parameters that the phone system replaces with the caller's digits. */
export const DTMF_VALUE = 'DTMF_VALUE'

/** Commands after which nothing else in the same list runs. */
export const ENDING_COMMANDS: ReadonlySet<string> = new Set([
  'ring',
  'voicemail',
  'callback',
  'goto',
  'choice',
  'transfer',
  'fetch',
  'dtmf',
])

export function isCommandName(name: string): name is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(name)
}

export function isChoiceKey(key: string): key is ChoiceKey {
  return (CHOICE_KEYS as readonly string[]).includes(key)
}
