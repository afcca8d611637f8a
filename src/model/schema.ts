import { z } from 'zod'
import { CHOICE_KEYS, PLACEHOLDERS, type ChoiceKey, type PlaceholderName } from './commands.ts'

/*
 * The IVR language as zod schemas of the YAML as written, once it is read into plain JavaScript
 * (the `yaml` library's `parse`). They describe shape only: reachability, loops, duplicate keys
 * and the other rules of `ivr-language.md` belong to the validator, which also reads documents
 * these schemas reject. `schemas/ivr.schema.json` is generated from them for editors.
 *
 * Two traps of plain JavaScript objects are handled here:
 * - YAML reads an unquoted `1:` as the number 1, but object keys (and JSON Schema property names)
 *   are strings: choice keys are the strings `"0"` … `"9"`, `"*"` and `"#"`.
 * - zod skips a `__proto__` key of records and catch-alls; `withProtoEntry` checks it by hand.
 */

/** An absolute `http:` or `https:` link without spaces, the test of the `invalid-url` rule. */
const HTTP_URL_PATTERN = /^[Hh][Tt][Tt][Pp][Ss]?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/

/** Text whose `{$name}` placeholders are all known ones. */
const PLACEHOLDER_TEXT_PATTERN = new RegExp(
  `^(?:[^{]|\\{(?!\\$[^}]*\\})|\\{\\$(?:${PLACEHOLDERS.join('|')})\\})*$`,
)

type UnknownRecord = Record<string, unknown>

function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * `schema`, and the value of an own `__proto__` key checked against `entry`: zod leaves that key
 * out of records and catch-alls, so that a section or parameter named `__proto__` would otherwise
 * go unchecked. Parsed output still omits the key; the input is the source of truth.
 */
function withProtoEntry<T extends z.ZodType>(schema: T, entry: () => z.ZodType) {
  return z.preprocess((input, ctx) => {
    if (isRecord(input) && Object.prototype.hasOwnProperty.call(input, '__proto__')) {
      const result = entry().safeParse(input['__proto__'])
      if (!result.success) {
        for (const issue of result.error.issues) {
          ctx.addIssue({
            code: 'custom',
            message: issue.message,
            path: ['__proto__', ...issue.path],
            input: input['__proto__'],
          })
        }
      }
    }
    return input
  }, schema)
}

// Scalars

const sectionName = (title: string, description: string, example: string) =>
  z
    .string()
    .min(1)
    .meta({ title, description: `${description}\n\nExample: ${example}`, examples: [example] })

/** The link of a `play` command: an audio file. */
export const playUrlSchema = z
  .string()
  .regex(HTTP_URL_PATTERN)
  .meta({
    id: 'play-url',
    title: 'Recording link',
    description:
      'The absolute http:// or https:// link of the audio file to play.\n\n' +
      'Example: https://example.com/welcome.mp3',
    format: 'uri',
    examples: ['https://example.com/welcome.mp3'],
  })

/** The address a `fetch` or `dtmf` command calls for the next script. */
export const scriptUrlSchema = z
  .string()
  .regex(HTTP_URL_PATTERN)
  .meta({
    id: 'script-url',
    title: 'Script address',
    description:
      'The absolute http:// or https:// address the phone system calls. It must answer with an ' +
      'IVR script that has a "start" section.\n\nExample: https://example.com/ivr/next',
    format: 'uri',
    examples: ['https://example.com/ivr/next'],
  })

// Commands without a value

/** `- ring`: rings the available agents. */
export const ringCommandSchema = z.literal('ring').meta({
  id: 'ring',
  title: 'ring: ring the agents',
  description:
    'Rings the agents who are available. When every agent is busy, the caller waits in the ' +
    'queue and the "queue" section plays. Nothing after it in the same list runs.\n\n' +
    'Example:\n  - ring',
})

/** `- voicemail`: records a message. */
export const voicemailCommandSchema = z.literal('voicemail').meta({
  id: 'voicemail',
  title: 'voicemail: record a message',
  description:
    'Records a voicemail from the caller; the call ends after it. Nothing after it in the ' +
    'same list runs.\n\nExample:\n  - voicemail',
})

/** `- callback`: files a callback request. */
export const callbackCommandSchema = z.literal('callback').meta({
  id: 'callback',
  title: 'callback: call the caller back',
  description:
    "Ends the call and files a callback request: when an agent is free it rings in the agent's " +
    "panel, and the caller's number is dialled once the agent accepts. Do not use it where no " +
    'agent is logged in (the "offline" section).\n\nExample:\n  - callback',
})

// Commands with a value

/** `- play: URL`. */
export const playCommandSchema = z
  .strictObject({
    play: playUrlSchema,
  })
  .meta({
    id: 'play',
    title: 'play: play a recording',
    description:
      'Plays an audio file to the caller, then goes on with the next command.\n\n' +
      'Example:\n  - play: https://example.com/welcome.mp3',
  })

/** `- goto: NAME`. */
export const gotoCommandSchema = z
  .strictObject({
    goto: sectionName('Section', 'The name of the section to continue at.', 'sales'),
  })
  .meta({
    id: 'goto',
    title: 'goto: continue in another section',
    description:
      'Continues the call at the first command of another section. Nothing after it in the ' +
      'same list runs.\n\nExample:\n  - goto: sales',
  })

/** What happens when the caller presses one key of a `choice`. */
export const choiceOptionSchema = z
  .strictObject({
    name: z
      .union([z.string(), z.number()])
      .optional()
      .meta({
        title: 'Name',
        description:
          'A short name for the option, shown to admins on the canvas; callers never hear it.\n\n' +
          'Example: Support',
      }),
    play: playUrlSchema.optional().meta({
      title: 'Prompt',
      description:
        'The recording that tells callers what this key does. Without it callers never hear ' +
        'that they can press the key.\n\nExample: https://example.com/press-1-for-support.mp3',
    }),
    get do() {
      return optionalOptionCommandsSchema
    },
    goto: sectionName(
      'Go to section',
      'The section to continue at when the caller presses this key. Give either "do" or ' +
        '"goto", not both.',
      'callmeback',
    ).optional(),
  })
  .refine((option) => (option.do === undefined) !== (option.goto === undefined), {
    message: 'An option needs exactly one of "do" or "goto".',
  })
  .meta({
    id: 'choice-option',
    title: 'Choice option',
    description:
      'What happens when the caller presses this key: a prompt to play ("play"), and either ' +
      'commands to run ("do") or a section to go to ("goto").\n\nExample:\n' +
      '  name: Support\n  play: https://example.com/press-1-for-support.mp3\n  do:\n    - ring',
    oneOf: [{ required: ['do'] }, { required: ['goto'] }],
  })

const KEY_WORDS: Readonly<Record<string, string>> = { '*': 'star', '#': 'hash' }

function keyDescription(key: ChoiceKey): string {
  const word = KEY_WORDS[key]
  const written = word ? `"${key}"` : key
  return (
    `What happens when the caller presses ${key}.` +
    (word ? ` Write the key in quotes (${written}:), or YAML reads it as something else.` : '') +
    `\n\nExample:\n  ${written}:\n    name: Support\n` +
    `    play: https://example.com/press-${word ?? key}.mp3\n    goto: support`
  )
}

const choiceShape = Object.fromEntries(
  CHOICE_KEYS.map((key) => [
    key,
    choiceOptionSchema.optional().meta({ title: `Key ${key}`, description: keyDescription(key) }),
  ]),
) as Record<ChoiceKey, z.ZodOptional<typeof choiceOptionSchema>>

/** The options of a `choice`, keyed by the key the caller presses. */
export const choiceSchema = z
  .strictObject(choiceShape)
  .refine((options) => Object.keys(options).length > 0, {
    message: 'A choice needs at least one option.',
    // Keys off the keypad are reported as such, not as a missing option.
    when: (payload) => payload.issues.length === 0,
  })
  .meta({
    id: 'choice-options',
    title: 'Choice options',
    description:
      'One option per key the caller can press: 0 to 9, "*" or "#" (quote * and #). ' +
      'Prompts play in key order, repeating, until the caller presses a key.',
    minProperties: 1,
    propertyNames: { enum: [...CHOICE_KEYS] },
  })

/** `- choice: {KEY: OPTION, ...}`. */
export const choiceCommandSchema = z
  .strictObject({
    choice: choiceSchema,
  })
  .meta({
    id: 'choice',
    title: 'choice: a menu of keys',
    description:
      "Plays each option's prompt in key order, repeating, and waits for the caller to press a " +
      'key; then runs that option. Nothing after it in the same list runs.\n\nExample:\n' +
      '  - choice:\n      1:\n        name: Support\n        play: https://example.com/press-1.mp3\n' +
      '        do:\n          - ring\n      2:\n        name: Callback\n' +
      '        play: https://example.com/press-2.mp3\n        goto: callmeback',
  })

/** The `if` branches of a `transfer`, one per state of the department. */
export const transferBranchesSchema = z
  .strictObject({
    get online() {
      return onlineBranchSchema
    },
    get offline() {
      return offlineBranchSchema
    },
    get queue() {
      return queueBranchSchema
    },
  })
  .meta({
    id: 'transfer-branches',
    title: 'Branches',
    description:
      "Commands to run depending on the department's state: online, offline or queue (all " +
      'agents busy). Without a matching branch the call rings the department.',
  })

/** `- transfer: {to: DEPT, if: {...}}`. */
export const transferCommandSchema = z
  .strictObject({
    transfer: z
      .strictObject({
        to: z.union([z.string().regex(/\S/), z.number()]).meta({
          title: 'Department',
          description:
            'The id of the department to hand the call to.\n\nExample: salesDepartmentID',
          examples: ['salesDepartmentID'],
        }),
        if: transferBranchesSchema.optional(),
      })
      .meta({
        id: 'transfer-settings',
        title: 'Transfer settings',
        description: 'The department ("to") and, optionally, branches by its state ("if").',
      }),
  })
  .meta({
    id: 'transfer',
    title: 'transfer: hand the call to a department',
    description:
      'Hands the call to another department and runs the branch matching its state. Nothing ' +
      'after it in the same list runs.\n\nExample:\n  - transfer:\n      to: salesDepartmentID\n' +
      '      if:\n        online:\n          - ring\n        offline:\n          - goto: voicemail',
  })

/** `{$name}` written without quotes: YAML reads it as a mapping with one key and no value. */
function unquotedPlaceholder<N extends PlaceholderName>(name: N) {
  const value = z.null().meta({
    title: `{$${name}}`,
    description: `The placeholder {$${name}}, read by YAML as a key with no value.`,
  })
  return z.strictObject({ [`$${name}`]: value } as Record<`$${N}`, typeof value>).meta({
    title: `{$${name}} without quotes`,
    description:
      `{$${name}} written without quotes, which YAML reads as a mapping. The phone system ` +
      `accepts it; "{$${name}}" in quotes means the same and is clearer.`,
  })
}

/** A value passed to a `fetch` or `dtmf` address. */
export const paramValueSchema = z
  .union([
    z.string().regex(PLACEHOLDER_TEXT_PATTERN),
    z.number(),
    z.boolean(),
    unquotedPlaceholder('from_number'),
    unquotedPlaceholder('to_number'),
    unquotedPlaceholder('conv_code'),
  ])
  .meta({
    id: 'param-value',
    title: 'Parameter value',
    description:
      'Text or a number. Placeholders are filled in by the phone system: {$from_number} (the ' +
      'caller), {$to_number} (the number called), {$conv_code} (the ticket code); in dtmf, ' +
      'DTMF_VALUE is replaced by the digits the caller typed.\n\nExample: "{$from_number}"',
    examples: ['{$from_number}', '{$to_number}', '{$conv_code}', 'DTMF_VALUE'],
  })

const paramsRecord = z.record(z.string(), paramValueSchema)

/** The `params` of a `fetch` or `dtmf`: name → value. */
export const paramsSchema = withProtoEntry(paramsRecord, () => paramValueSchema).meta({
  id: 'params',
  title: 'Parameters',
  description:
    'Names and values sent to the address, one per line.\n\nExample:\n' +
    '  params:\n    from: "{$from_number}"\n    ticket: "{$conv_code}"',
})

function scriptSettings(name: 'fetch' | 'dtmf') {
  return z
    .strictObject({
      url: scriptUrlSchema,
      onError: sectionName(
        'On error',
        'The section to continue at when the address cannot be reached or does not answer ' +
          'with a valid script.',
        'offline',
      ).optional(),
      params: paramsSchema.optional(),
    })
    .meta({
      id: `${name}-settings`,
      title: `${name} settings`,
      description:
        'The address to call ("url"), the section to go to on failure ("onError") and the ' +
        'values to send ("params").',
    })
}

/** `- fetch: {url, onError, params}`. */
export const fetchCommandSchema = z
  .strictObject({
    fetch: scriptSettings('fetch'),
  })
  .meta({
    id: 'fetch',
    title: 'fetch: continue with a script from an address',
    description:
      'Asks an address for the next IVR script, sending the parameters, and continues in the ' +
      'start section of the answer; on failure continues at "onError". Nothing after it in the ' +
      'same list runs.\n\nExample:\n  - fetch:\n      url: https://example.com/ivr/next\n' +
      '      onError: offline\n      params:\n        from: "{$from_number}"',
  })

/** `- dtmf: {url, onError, params}`. */
export const dtmfCommandSchema = z
  .strictObject({
    dtmf: scriptSettings('dtmf'),
  })
  .meta({
    id: 'dtmf',
    title: 'dtmf: collect digits, then fetch',
    description:
      'Collects digits from the caller until they press #, then does what "fetch" does; ' +
      'DTMF_VALUE in the parameters is replaced by the digits. Nothing after it in the same ' +
      'list runs.\n\nExample:\n  - dtmf:\n      url: https://example.com/ivr/account\n' +
      '      onError: offline\n      params:\n        account: DTMF_VALUE',
  })

/**
 * One command of a list: a bare word or a mapping with exactly one key. Its type is declared, as
 * TypeScript cannot infer the type of a schema that contains itself.
 */
export const commandSchema: z.ZodType<RawCommand> = z
  .union([
    playCommandSchema,
    ringCommandSchema,
    voicemailCommandSchema,
    callbackCommandSchema,
    gotoCommandSchema,
    choiceCommandSchema,
    transferCommandSchema,
    fetchCommandSchema,
    dtmfCommandSchema,
  ])
  .meta({
    id: 'command',
    title: 'Command',
    description:
      'One step of the call: play, ring, voicemail, callback, goto, choice, transfer, fetch or ' +
      'dtmf. Write each on its own line starting with "- ".',
  })

/** A list of commands, run from top to bottom. */
export const commandListSchema = z.array(commandSchema).meta({
  id: 'command-list',
  title: 'Commands',
  description:
    'Commands run from top to bottom, each on its own line starting with "- ".\n\nExample:\n' +
    '  - play: https://example.com/welcome.mp3\n  - ring',
})

/** The `do` list of a choice option: at least one command. */
const optionCommandsSchema = z
  .array(commandSchema)
  .min(1)
  .meta({
    id: 'option-commands',
    title: 'Do',
    description:
      'The commands to run when the caller presses this key, in place. Give either "do" or ' +
      '"goto", not both.\n\nExample:\n  do:\n    - ring',
  })

const optionalOptionCommandsSchema = optionCommandsSchema.optional()

const branch = (title: string, description: string, example: string) =>
  commandListSchema
    .optional()
    .meta({ title, description: `${description}\n\nExample:\n${example}` })

const onlineBranchSchema = branch(
  'Department online',
  'Commands to run when at least one agent of the department is logged in.',
  '  online:\n    - ring',
)

const offlineBranchSchema = branch(
  'Department offline',
  'Commands to run when no agent of the department is logged in.',
  '  offline:\n    - goto: voicemail',
)

const queueBranchSchema = branch(
  'Department busy',
  'Commands to run when every agent of the department is busy.',
  '  queue:\n    - play: https://example.com/all-busy.mp3',
)

const entrySection = (title: string, description: string, example: string) =>
  commandListSchema
    .optional()
    .meta({ title, description: `${description}\n\nExample:\n${example}` })

const sectionsSchema = z
  .object({
    start: entrySection(
      'start',
      'Runs first on every call, before the online/offline decision, when present. A fetch ' +
        'reply needs it.',
      'start:\n  - play: https://example.com/welcome.mp3',
    ),
    online: entrySection(
      'online',
      'Runs when a call comes in and at least one agent is logged in. Required (may be left out ' +
        'when "start" is present).',
      'online:\n  - play: https://example.com/welcome.mp3\n  - ring',
    ),
    offline: entrySection(
      'offline',
      'Runs when a call comes in and no agent is logged in. Required.',
      'offline:\n  - play: https://example.com/closed.mp3\n  - voicemail',
    ),
    queue: entrySection(
      'queue',
      'Plays while the caller waits because every agent is busy. Required.',
      'queue:\n  - play: https://example.com/hold-music.mp3',
    ),
  })
  .catchall(commandListSchema)

/**
 * A whole IVR document: section name → command list. Every other section is reached by `goto`,
 * a choice option's `goto` or `onError`.
 */
export const ivrDocumentSchema = withProtoEntry(sectionsSchema, () => commandListSchema).meta({
  title: 'IVR',
  description:
    'An IVR: the phone menu callers hear on one number. Each section is a name followed by a ' +
    'list of commands. "online", "offline" and "queue" are required; "start" runs first when ' +
    'present; other sections run when a goto names them.\n\nExample:\n' +
    'online:\n  - play: https://example.com/welcome.mp3\n  - ring\n' +
    'offline:\n  - play: https://example.com/closed.mp3\n  - voicemail\n' +
    'queue:\n  - play: https://example.com/hold-music.mp3',
})

/** A whole IVR document as written. */
export type IvrDocument = z.infer<typeof ivrDocumentSchema>
/** A list of commands as written. */
export type RawCommandList = RawCommand[]
/** `- play: URL` as written. */
export type RawPlayCommand = z.infer<typeof playCommandSchema>
/** `- goto: NAME` as written. */
export type RawGotoCommand = z.infer<typeof gotoCommandSchema>
/** `- fetch: {...}` as written. */
export type RawFetchCommand = z.infer<typeof fetchCommandSchema>
/** `- dtmf: {...}` as written. */
export type RawDtmfCommand = z.infer<typeof dtmfCommandSchema>
/** A `fetch` or `dtmf` parameter value as written. */
export type RawParamValue = z.infer<typeof paramValueSchema>

/*
 * The types on the recursive path (choice options and transfer branches hold command lists) are
 * declared, as TypeScript cannot infer a type from its own initializer; the schema test checks
 * that each equals what zod infers.
 */

/** A `choice` option as written. */
export interface RawChoiceOption {
  name?: string | number | undefined
  play?: string | undefined
  do?: RawCommand[] | undefined
  goto?: string | undefined
}

/** The options of a `choice` as written, by key. */
export type RawChoice = { [K in ChoiceKey]?: RawChoiceOption | undefined }

/** `- choice: {...}` as written. */
export interface RawChoiceCommand {
  choice: RawChoice
}

/** The `if` branches of a `transfer` as written. */
export interface RawTransferBranches {
  online?: RawCommand[] | undefined
  offline?: RawCommand[] | undefined
  queue?: RawCommand[] | undefined
}

/** `- transfer: {...}` as written. */
export interface RawTransferCommand {
  transfer: {
    to: string | number
    if?: RawTransferBranches | undefined
  }
}

/** One command as written: a bare word or a one-key mapping. */
export type RawCommand =
  | RawPlayCommand
  | 'ring'
  | 'voicemail'
  | 'callback'
  | RawGotoCommand
  | RawChoiceCommand
  | RawTransferCommand
  | RawFetchCommand
  | RawDtmfCommand

/** The JSON Schema (draft-07) of an IVR document, for yaml-language-server and monaco-yaml. */
export function ivrJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ivrDocumentSchema, { target: 'draft-07', io: 'input' })
  const { $schema, title, description, ...rest } = generated
  return { $schema, title, description, ...rest }
}
