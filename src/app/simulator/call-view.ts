import { fileNameOfUrl } from '../../graph/labels.ts'
import type { MessageId } from '../../i18n/en.ts'
import { translate, type Locale } from '../../i18n/translate.ts'
import type { CallOutcome, CallState, EntryPlace, TranscriptEntry } from '../../simulate/call.ts'
import { currentOutcome } from '../../simulate/engine.ts'
import { entryText, outcomeLabel, outcomeText } from '../../simulate/describe.ts'
import type { PathOutcome } from '../../simulate/coverage.ts'
import type { CallSession } from '../state/call.ts'

/**
 * A transcript entry as a sentence for the panel: recordings by their file name (the whole URL
 * goes in the entry's tooltip), everything else as the catalog words it.
 */
export function entrySentence(entry: TranscriptEntry, locale: Locale): string {
  if (entry.kind === 'play') return entryText({ ...entry, url: fileNameOfUrl(entry.url) }, locale)
  if (entry.kind === 'prompt' && entry.url !== null) {
    return entryText({ ...entry, url: fileNameOfUrl(entry.url) }, locale)
  }
  return entryText(entry, locale)
}

/** The URL an entry is about, for its tooltip, or `null`. */
export function entryUrl(entry: TranscriptEntry): string | null {
  switch (entry.kind) {
    case 'play':
    case 'prompt':
    case 'fetch':
    case 'dtmf':
    case 'reply':
      return entry.url
    default:
      return null
  }
}

/** Where an entry happened, in words: `queue, line 9`, or in a fetched script `reply 1: …`. */
export function placeText(place: EntryPlace, locale: Locale): string {
  const at = translate(locale, 'testcall.place', { section: place.section, line: place.line })
  return place.script === 0
    ? at
    : translate(locale, 'testcall.place.reply', { n: place.script, at })
}

/** How an outcome feels: a success for the caller, a wait, a dead end, or no call at all. */
export type OutcomeTone = 'success' | 'waiting' | 'warning' | 'error'

/** The tone of an outcome, for its colour and icon. */
export function outcomeTone(kind: CallOutcome['kind'] | PathOutcome['kind']): OutcomeTone {
  switch (kind) {
    case 'connected':
    case 'voicemail':
    case 'callback-requested':
    case 'transferred':
      return 'success'
    case 'waiting':
    case 'fetched':
      return 'waiting'
    case 'hung-up':
    case 'no-input':
    case 'loop':
      return 'warning'
    case 'refused':
      return 'error'
  }
}

/** Where a call stands, for the status line of the panel. */
export type CallStatus =
  | { readonly kind: 'ringing' }
  | { readonly kind: 'queued' }
  | { readonly kind: 'ended'; readonly outcome: CallOutcome }
  | { readonly kind: 'hung-up-by-admin' }

/** The status of a session: live (in the queue or not), ended with an outcome, or hung up. */
export function callStatus(session: CallSession): CallStatus {
  const { call } = session
  if (call.outcome !== null) return { kind: 'ended', outcome: call.outcome }
  if (session.hungUp) return { kind: 'hung-up-by-admin' }
  return currentOutcome(call)?.kind === 'waiting' ? { kind: 'queued' } : { kind: 'ringing' }
}

/** The headline and sentence of how a call ended. */
export function outcomeWords(
  outcome: CallOutcome,
  locale: Locale,
): { readonly label: string; readonly sentence: string } {
  return { label: outcomeLabel(outcome.kind, locale), sentence: outcomeText(outcome, locale) }
}

/** The place the call waits at, or else where it ended: the last entry. */
export function lastPlace(call: CallState): EntryPlace | null {
  return call.at ?? call.transcript[call.transcript.length - 1] ?? null
}

/** The message of the hint under the agents' state: what the phone system runs with it. */
export const AGENT_HINTS = {
  available: 'testcall.agents.available.hint',
  busy: 'testcall.agents.busy.hint',
  offline: 'testcall.agents.offline.hint',
} as const satisfies Record<string, MessageId>
