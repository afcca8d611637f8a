import { translate, type Locale, type MessageArgs, type MessageId } from '../i18n/translate.ts'
import type {
  AgentState,
  CallOutcome,
  DepartmentState,
  EntryPlace,
  OutcomeKind,
  RequestParam,
  TranscriptEntry,
} from './call.ts'
import { PROMPT_ROUNDS } from './call.ts'

const t = (locale: Locale, id: MessageId, args: MessageArgs = {}) => translate(locale, id, args)

/**
 * Where an entry happened as the CLI and compact transcripts show it: `section:line`, prefixed
 * by `replyN:` for the script the n-th fetch answered.
 */
export function entryLocation(place: EntryPlace): string {
  const at = `${place.section}:${place.line}`
  return place.script === 0 ? at : `reply${place.script}:${at}`
}

const AGENT_STATE_ID: Readonly<Record<AgentState, MessageId>> = {
  available: 'sim.state.available',
  busy: 'sim.state.busy',
  offline: 'sim.state.offline',
}

const DEPARTMENT_STATE_ID: Readonly<Record<DepartmentState, MessageId>> = {
  online: 'sim.department.online',
  busy: 'sim.department.busy',
  offline: 'sim.department.offline',
}

/** The agents' state in words, for option lists and path listings. */
export function agentStateText(state: AgentState, locale: Locale): string {
  return t(locale, AGENT_STATE_ID[state])
}

/** A department's state in words. */
export function departmentStateText(state: DepartmentState, locale: Locale): string {
  return t(locale, DEPARTMENT_STATE_ID[state])
}

function paramsText(params: readonly RequestParam[], ivrs: readonly string[]): string {
  return [...params.map((p) => `${p.name}=${p.value}`), `ivrs=${ivrs.join(',')}`].join(', ')
}

/** One transcript entry as a sentence in `locale`. */
export function entryText(entry: TranscriptEntry, locale: Locale): string {
  switch (entry.kind) {
    case 'enter':
      return t(locale, `sim.entry.enter.${entry.reason}`)
    case 'play':
      return t(locale, 'sim.entry.play', { url: entry.url })
    case 'prompt':
      if (entry.url === null) return t(locale, 'sim.entry.prompt.silent', { key: entry.key })
      return entry.name === null
        ? t(locale, 'sim.entry.prompt.unnamed', { key: entry.key, url: entry.url })
        : t(locale, 'sim.entry.prompt', { key: entry.key, name: entry.name, url: entry.url })
    case 'key':
      if (!entry.matched) return t(locale, 'sim.entry.key.unknown', { key: entry.key })
      return entry.name === null
        ? t(locale, 'sim.entry.key.unnamed', { key: entry.key })
        : t(locale, 'sim.entry.key', { key: entry.key, name: entry.name })
    case 'timeout':
      return entry.awaiting === 'digits'
        ? t(locale, 'sim.entry.timeout.digits')
        : t(locale, 'sim.entry.timeout', { round: entry.round, rounds: PROMPT_ROUNDS })
    case 'ring': {
      const which =
        entry.result === 'connected' ? 'connected' : entry.agents === 'offline' ? 'offline' : 'busy'
      const id: MessageId =
        entry.department === null ? `sim.entry.ring.${which}` : `sim.entry.ring.${which}.department`
      return t(locale, id, { department: entry.department ?? '' })
    }
    case 'queue':
      return t(locale, 'sim.entry.queue')
    case 'goto':
      return t(locale, entry.via === 'onError' ? 'sim.entry.on-error' : 'sim.entry.goto', {
        target: entry.target,
      })
    case 'transfer': {
      const args = {
        department: entry.department,
        state: departmentStateText(entry.state, locale),
        branch: entry.branch ?? '',
      }
      return entry.branch === null
        ? t(locale, 'sim.entry.transfer.direct', args)
        : t(locale, 'sim.entry.transfer.branch', args)
    }
    case 'fetch':
      return t(locale, 'sim.entry.fetch', {
        url: entry.url,
        params: paramsText(entry.params, entry.ivrs),
      })
    case 'dtmf':
      return t(locale, 'sim.entry.dtmf', {
        typed: `${entry.digits}#`,
        url: entry.url,
        params: paramsText(entry.params, entry.ivrs),
      })
    case 'reply':
      return t(locale, `sim.entry.reply.${entry.result}`, { url: entry.url })
    case 'state':
      return t(locale, `sim.entry.state.${entry.state}`)
    case 'end':
      return outcomeText(entry.outcome, locale)
  }
}

/** How a call ended, as a sentence in `locale`. */
export function outcomeText(outcome: CallOutcome, locale: Locale): string {
  switch (outcome.kind) {
    case 'connected':
      return outcome.department === null
        ? t(locale, 'sim.outcome.connected')
        : t(locale, 'sim.outcome.connected.department', { department: outcome.department })
    case 'transferred':
      return t(locale, 'sim.outcome.transferred', { department: outcome.department })
    case 'hung-up': {
      const { reason } = outcome
      switch (reason.code) {
        case 'end-of-list':
          return t(locale, 'sim.outcome.hung-up')
        case 'invalid-reply':
          return t(locale, 'sim.outcome.hung-up.invalid-reply', {
            url: reason.url,
            detail: translate(locale, reason.messageId, reason.args),
          })
        case 'fetch-failed':
          return t(locale, 'sim.outcome.hung-up.fetch-failed', { url: reason.url })
        case 'missing-section':
          return t(locale, 'sim.outcome.hung-up.missing-section', { section: reason.section })
        case 'cannot-run':
          return t(locale, 'sim.outcome.hung-up.cannot-run')
      }
      break
    }
    case 'loop':
      return t(locale, 'sim.outcome.loop', { section: outcome.section, count: outcome.count })
    case 'refused': {
      const count = outcome.errors.length
      return t(locale, count === 1 ? 'sim.outcome.refused.one' : 'sim.outcome.refused', { count })
    }
    case 'waiting':
    case 'voicemail':
    case 'callback-requested':
    case 'no-input':
      return t(locale, `sim.outcome.${outcome.kind}`)
  }
}

/** A short name of an outcome kind, for badges and path lists. */
export function outcomeLabel(kind: OutcomeKind | 'fetched', locale: Locale): string {
  return t(locale, `sim.label.${kind}`)
}

/**
 * One entry as a compact, language-independent line: `section:line kind details`. For tests and
 * debugging, where the wording of sentences must not matter.
 */
export function compactEntry(entry: TranscriptEntry): string {
  const at = entryLocation(entry)
  const params = (list: readonly RequestParam[]) =>
    list.map((p) => ` ${p.name}=${p.value}`).join('')
  switch (entry.kind) {
    case 'enter':
      return `${at} enter ${entry.reason}`
    case 'play':
      return `${at} play ${entry.url}`
    case 'prompt':
      return `${at} prompt ${entry.key} ${entry.url ?? '-'}`
    case 'key':
      return `${at} key ${entry.key}${entry.matched ? '' : ' unknown'}`
    case 'timeout':
      return `${at} timeout ${entry.awaiting === 'digits' ? 'digits' : entry.round}`
    case 'ring':
      return `${at} ring ${entry.result}${entry.department === null ? '' : ` ${entry.department}`}`
    case 'queue':
      return `${at} queue`
    case 'goto':
      return `${at} goto ${entry.target}${entry.via === 'onError' ? ' (onError)' : ''}`
    case 'transfer':
      return `${at} transfer ${entry.department} ${entry.state} ${entry.branch ? `if.${entry.branch}` : 'direct'}`
    case 'fetch':
      return `${at} fetch ${entry.url}${params(entry.params)}`
    case 'dtmf':
      return `${at} dtmf ${entry.digits}# ${entry.url}${params(entry.params)}`
    case 'reply':
      return `${at} reply ${entry.result}`
    case 'state':
      return `${at} state ${entry.state}`
    case 'end':
      return `${at} end ${compactOutcome(entry.outcome)}`
  }
}

/** An outcome as a compact line: its kind and what it names. */
export function compactOutcome(outcome: CallOutcome): string {
  switch (outcome.kind) {
    case 'connected':
      return outcome.department === null ? 'connected' : `connected ${outcome.department}`
    case 'transferred':
      return `transferred ${outcome.department}`
    case 'hung-up': {
      const { reason } = outcome
      if (reason.code === 'missing-section') return `hung-up missing-section ${reason.section}`
      if (reason.code === 'invalid-reply' || reason.code === 'fetch-failed') {
        return `hung-up ${reason.code} ${reason.url}`
      }
      return `hung-up ${reason.code}`
    }
    case 'loop':
      return `loop ${outcome.section}`
    case 'refused':
      return `refused ${outcome.errors.map((e) => e.code).join(',')}`
    default:
      return outcome.kind
  }
}
