import type { TransferState } from '../model/commands.ts'
import type { ChoiceNode, FetchNode, SectionNode, TransferNode } from '../model/ivr.ts'
import type { IvrPath } from '../model/path.ts'
import type { Locale } from '../i18n/translate.ts'
import type { Diagnostic } from '../validate/diagnostic.ts'
import type { ParsedIvr } from '../yaml/parse-ivr.ts'

/** The agents of the number called: some free, all busy, or none logged in. */
export const AGENT_STATES = ['available', 'busy', 'offline'] as const
export type AgentState = (typeof AGENT_STATES)[number]

/** The agents of a department a `transfer` hands the call to. */
export const DEPARTMENT_STATES = ['online', 'busy', 'offline'] as const
export type DepartmentState = (typeof DEPARTMENT_STATES)[number]

/** The `transfer.if` branch each department state runs. */
export const BRANCH_OF_DEPARTMENT: Readonly<Record<DepartmentState, TransferState>> = {
  online: 'online',
  busy: 'queue',
  offline: 'offline',
}

/** What the phone system fills in for `{$from_number}`, `{$to_number}` and `{$conv_code}`. */
export interface CallContext {
  readonly from: string
  readonly to: string
  readonly convCode: string
}

/** Sample numbers and ticket code used when a test call gives none. */
export const DEFAULT_CONTEXT: CallContext = {
  from: '+15550100001',
  to: '+15550100002',
  convCode: 'TICKET-1',
}

/**
 * How many times one command may run without the caller doing anything (a key, a timeout, a
 * reply) before the simulator stops the call as a loop.
 */
export const LOOP_LIMIT = 50

/** How many rounds of prompts a `choice` plays without a valid key before the call ends. */
export const PROMPT_ROUNDS = 3

/** How a test call starts. */
export interface StartOptions {
  /** The agents of the number when the call comes in. */
  readonly state: AgentState
  /** Departments by id; one not listed is `online`, unless `askDepartments` is set. */
  readonly departments?: Readonly<Record<string, DepartmentState>>
  /**
   * Run the document as the answer of a `fetch` URL: it is checked as a reply (only `start` is
   * required) and the call starts in its `start`.
   */
  readonly reply?: boolean
  /** Values of the placeholders in `fetch` and `dtmf` parameters; missing ones are samples. */
  readonly context?: Partial<CallContext>
  /** The document's diagnostics when the caller already has them; computed otherwise. */
  readonly diagnostics?: readonly Diagnostic[]
  /** Language of diagnostics computed here (the IVR's, and those of invalid replies). */
  readonly locale?: Locale
  /**
   * At a `transfer` to a department not in `departments`, wait for a `department` input instead
   * of taking it as online (for tools that let the tester choose, and for path enumeration).
   */
  readonly askDepartments?: boolean
}

/** Something the caller, the agents or a fetch URL does while the call waits. */
export type CallInput =
  /** A key press: at a choice it selects an option; while collecting digits it adds one. */
  | { readonly type: 'key'; readonly key: string }
  /** A round of prompts, or digit collection, passed without a key. */
  | { readonly type: 'no-input' }
  /** Digits for a `dtmf`: `0-9` and `*`, ended by `#` (without `#` they wait for more). */
  | { readonly type: 'digits'; readonly digits: string }
  /** The text a `fetch` or `dtmf` URL answered. */
  | { readonly type: 'reply'; readonly text: string }
  /** The `fetch` or `dtmf` URL did not answer. */
  | { readonly type: 'reply-failed' }
  /** The agents the call is with change state (an agent frees up while the caller waits). */
  | { readonly type: 'state'; readonly state: AgentState }
  /** The state of the department a `transfer` waits on (only with `askDepartments`). */
  | { readonly type: 'department'; readonly state: DepartmentState }

/** Why the call was hung up. */
export type HangUpReason =
  /** A list finished and nothing transferred control (§2). */
  | { readonly code: 'end-of-list' }
  /** The URL answered something that is not a valid reply script. */
  | {
      readonly code: 'invalid-reply'
      readonly url: string
      /** The first problem of the answer, as a catalog message. */
      readonly messageId: string
      readonly args: Readonly<Record<string, string | number>>
    }
  /** The URL did not answer and the command has no `onError`. */
  | { readonly code: 'fetch-failed'; readonly url: string }
  /** The call had to continue in a section the script does not have. */
  | { readonly code: 'missing-section'; readonly section: string }
  /** A command the validator reports as broken; only met in a document that has errors. */
  | { readonly code: 'cannot-run' }

/** How a test call ended, or where it stands when it waits in the queue. */
export type CallOutcome =
  | { readonly kind: 'connected'; readonly department: string | null }
  | { readonly kind: 'waiting' }
  | { readonly kind: 'voicemail' }
  | { readonly kind: 'callback-requested' }
  | { readonly kind: 'transferred'; readonly department: string }
  | { readonly kind: 'hung-up'; readonly reason: HangUpReason }
  | { readonly kind: 'no-input' }
  | { readonly kind: 'loop'; readonly section: string; readonly count: number }
  | { readonly kind: 'refused'; readonly errors: readonly Diagnostic[] }

/** The name of an outcome, as `--expect` and test files write it. */
export type OutcomeKind = CallOutcome['kind']

/** Every outcome kind, for option parsing and test files. */
export const OUTCOME_KINDS: readonly OutcomeKind[] = [
  'connected',
  'waiting',
  'voicemail',
  'callback-requested',
  'transferred',
  'hung-up',
  'no-input',
  'loop',
  'refused',
]

/** A parameter as sent to a `fetch` or `dtmf` URL, placeholders filled in. */
export interface RequestParam {
  readonly name: string
  readonly value: string
}

/** Where a transcript entry happened: the script, section and command, for highlighting. */
export interface EntryPlace {
  /** 0 for the IVR under test; n for the script the n-th successful fetch answered. */
  readonly script: number
  readonly section: string
  /** The IVR path of the command, option or section the entry is about. */
  readonly path: IvrPath
  /** 1-based line of that node in its script's text. */
  readonly line: number
}

/** What happened at one step of the call. */
export type EntryDetail =
  /** The phone system starts a section by itself: `start`, `online`, `offline`, a reply's start. */
  | { readonly kind: 'enter'; readonly reason: 'start' | 'online' | 'offline' | 'reply' }
  | { readonly kind: 'play'; readonly url: string }
  /** One option's prompt of a choice, in round `round` (1–3). */
  | {
      readonly kind: 'prompt'
      readonly key: string
      readonly name: string | null
      readonly url: string | null
      readonly round: number
    }
  /** A key at a choice; `matched` is false for a key no option has. */
  | {
      readonly kind: 'key'
      readonly key: string
      readonly name: string | null
      readonly matched: boolean
    }
  /** A round of prompts, or digit collection, passed without a key. */
  | { readonly kind: 'timeout'; readonly round: number; readonly awaiting: 'key' | 'digits' }
  | {
      readonly kind: 'ring'
      readonly result: 'connected' | 'queued'
      readonly agents: AgentState
      readonly department: string | null
    }
  /** The caller is put in the queue and the `queue` section starts. */
  | { readonly kind: 'queue' }
  | { readonly kind: 'goto'; readonly target: string; readonly via: 'goto' | 'option' | 'onError' }
  | {
      readonly kind: 'transfer'
      readonly department: string
      readonly state: DepartmentState
      readonly branch: TransferState | null
    }
  | {
      readonly kind: 'fetch'
      readonly url: string
      readonly params: readonly RequestParam[]
      readonly ivrs: readonly string[]
    }
  | {
      readonly kind: 'dtmf'
      readonly url: string
      readonly digits: string
      readonly params: readonly RequestParam[]
      readonly ivrs: readonly string[]
    }
  | {
      readonly kind: 'reply'
      readonly result: 'ok' | 'invalid' | 'failed'
      readonly url: string
      /** The script index the answer got, for `ok`. */
      readonly answered: number | null
    }
  | { readonly kind: 'state'; readonly state: AgentState; readonly department: string | null }
  | { readonly kind: 'end'; readonly outcome: CallOutcome }

/** One line of the transcript. */
export type TranscriptEntry = EntryPlace & EntryDetail

/** What kind of step a transcript entry records. */
export type EntryKind = TranscriptEntry['kind']

/** A script the call runs: the IVR under test, or a fetch URL's answer. */
export interface CallScript {
  readonly parsed: ParsedIvr
  readonly sections: ReadonlyMap<string, SectionNode>
  /** The script whose `fetch` or `dtmf` got this answer; its sections are in reach of `goto`. */
  readonly parent: number | null
  /** The URL that answered it; `null` for the IVR under test. */
  readonly url: string | null
}

/** What the call waits for. */
export type Awaiting =
  | { readonly kind: 'key'; readonly command: ChoiceNode; readonly round: number }
  | { readonly kind: 'digits'; readonly command: FetchNode; readonly collected: string }
  | {
      readonly kind: 'reply'
      readonly command: FetchNode
      readonly url: string
    }
  | { readonly kind: 'department'; readonly command: TransferNode; readonly department: string }

/**
 * A test call at a point where it needs input, or after it ended. Plain immutable data: `step`
 * returns a new state and never changes the one given, so a view can keep every step for undo
 * and a path search can branch from any state.
 */
export interface CallState {
  readonly scripts: readonly CallScript[]
  /** The agents the call is with now: the number's, or a department's after a transfer. */
  readonly agents: AgentState
  /** The department the call was transferred to, if any. */
  readonly department: string | null
  readonly departments: Readonly<Record<string, DepartmentState>>
  readonly askDepartments: boolean
  /** Whether the IVR under test runs as a fetch reply (see `StartOptions.reply`). */
  readonly asReply: boolean
  /** Whether a `ring` found every agent busy; the caller waits until an agent frees up. */
  readonly queued: boolean
  readonly context: CallContext
  readonly locale: Locale
  readonly transcript: readonly TranscriptEntry[]
  /**
   * Commands run and options chosen in the IVR under test (script 0), each once, in the order
   * first reached. Prompts do not make an option visited; pressing its key does.
   */
  readonly visited: readonly IvrPath[]
  /** The command the call waits at; `null` once it ended. */
  readonly at: EntryPlace | null
  readonly awaiting: Awaiting | null
  /** How the call ended; `null` while it waits for input. */
  readonly outcome: CallOutcome | null
}
