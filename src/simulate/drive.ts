import { isChoiceKey } from '../model/commands.ts'
import type { ParsedIvr } from '../yaml/parse-ivr.ts'
import {
  AGENT_STATES,
  type AgentState,
  type Awaiting,
  type CallInput,
  type CallOutcome,
  type CallState,
  type StartOptions,
} from './call.ts'
import { acceptsInput, currentOutcome, startCall, step } from './engine.ts'

/**
 * One thing the caller or the agents do, as written on the command line (`--keys 2,1`) and in
 * test files: a key (`0`–`9`, `*`, `#`), digits for a `dtmf` ended by `#` (`1234#`), `no-input`
 * (a round passes without a key), or `state=available|busy|offline` (the agents change state).
 */
export type CallAction =
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'digits'; readonly digits: string }
  | { readonly kind: 'no-input' }
  | { readonly kind: 'state'; readonly state: AgentState }

/** What a fetch URL answers in a scripted call: a script's text, or no answer. */
export type ScriptedReply =
  | { readonly kind: 'text'; readonly text: string; readonly name: string }
  | { readonly kind: 'failed' }

/** Reads one action token; `null` when it is none of the forms `CallAction` lists. */
export function parseAction(token: string): CallAction | null {
  const text = token.trim()
  if (text === 'no-input') return { kind: 'no-input' }
  if (text.startsWith('state=')) {
    const state = text.slice('state='.length)
    return (AGENT_STATES as readonly string[]).includes(state)
      ? { kind: 'state', state: state as AgentState }
      : null
  }
  if (text.length === 1 && isChoiceKey(text)) return { kind: 'key', key: text }
  if (/^[0-9*]+#?$/.test(text)) return { kind: 'digits', digits: text }
  return null
}

/** An action as written, the inverse of `parseAction`. */
export function formatAction(action: CallAction): string {
  switch (action.kind) {
    case 'key':
      return action.key
    case 'digits':
      return action.digits
    case 'no-input':
      return 'no-input'
    case 'state':
      return `state=${action.state}`
  }
}

/** Why a scripted call did not go as written. */
export type DriveProblem =
  /** The action does not fit what the call waited for (a key while a reply was awaited …). */
  | {
      readonly kind: 'not-accepted'
      readonly action: string
      readonly index: number
      readonly awaiting: Awaiting['kind'] | 'ended'
    }
  /** The call ended before these actions were used. */
  | { readonly kind: 'unused-actions'; readonly actions: readonly string[] }
  /** The call ended before these replies were used. */
  | { readonly kind: 'unused-replies'; readonly count: number }

/** The result of a scripted call. */
export interface DriveResult {
  readonly call: CallState
  /** How the call ended, `waiting` in the queue, or `null` when an action did not fit. */
  readonly outcome: CallOutcome | null
  readonly problems: readonly DriveProblem[]
  /** How many fetches had no scripted reply left and were taken as not answered. */
  readonly missingReplies: number
}

/** The most steps a scripted call takes; far above any real walk, it only stops runaway input. */
const MAX_STEPS = 10_000

function inputFor(action: CallAction, awaiting: Awaiting): CallInput | null {
  switch (action.kind) {
    case 'no-input':
      return { type: 'no-input' }
    case 'state':
      return { type: 'state', state: action.state }
    case 'key':
      return { type: 'key', key: action.key }
    case 'digits':
      return awaiting.kind === 'digits' ? { type: 'digits', digits: action.digits } : null
  }
}

/**
 * Runs a test call with the caller's actions and the fetch replies in order. When the actions
 * run out, a caller in the queue keeps waiting (outcome `waiting`) and anywhere else stays silent
 * (`no-input` until the call ends); a fetch with no reply left is taken as not answered.
 */
export function driveCall(
  parsed: ParsedIvr,
  options: StartOptions,
  actions: readonly CallAction[],
  replies: readonly ScriptedReply[] = [],
): DriveResult {
  let call = startCall(parsed, { ...options, askDepartments: false })
  let next = 0
  let reply = 0
  let missingReplies = 0
  const problems: DriveProblem[] = []
  for (let steps = 0; steps < MAX_STEPS && call.outcome === null; steps++) {
    const awaiting = call.awaiting
    if (awaiting === null) break
    if (awaiting.kind === 'reply') {
      const answer = replies[reply]
      if (answer) reply++
      else missingReplies++
      call = step(
        call,
        answer?.kind === 'text' ? { type: 'reply', text: answer.text } : { type: 'reply-failed' },
      )
      continue
    }
    if (awaiting.kind === 'department') {
      call = step(call, { type: 'department', state: 'online' })
      continue
    }
    const action = actions[next]
    if (action) {
      const input = inputFor(action, awaiting)
      if (input === null || !acceptsInput(call, input)) {
        problems.push({
          kind: 'not-accepted',
          action: formatAction(action),
          index: next,
          awaiting: awaiting.kind,
        })
        return { call, outcome: null, problems, missingReplies }
      }
      next++
      call = step(call, input)
      continue
    }
    if (call.queued) break
    call = step(call, { type: 'no-input' })
  }
  if (next < actions.length) {
    problems.push({ kind: 'unused-actions', actions: actions.slice(next).map(formatAction) })
  }
  if (reply < replies.length)
    problems.push({ kind: 'unused-replies', count: replies.length - reply })
  return { call, outcome: currentOutcome(call), problems, missingReplies }
}
