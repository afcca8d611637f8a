import { CHOICE_KEYS, DTMF_VALUE, isChoiceKey } from '../model/commands.ts'
import type {
  ChoiceNode,
  ChoiceOptionNode,
  CommandNode,
  FetchNode,
  SectionNode,
  TransferNode,
} from '../model/ivr.ts'
import { pathKey, type IvrPath } from '../model/path.ts'
import type { Span } from '../model/span.ts'
import type { Diagnostic } from '../validate/diagnostic.ts'
import { validateIvr } from '../validate/validate-ivr.ts'
import { referencesIn, sectionMap } from '../validate/walk.ts'
import { parseIvr, type ParsedIvr } from '../yaml/parse-ivr.ts'
import { toPosition } from '../yaml/positions.ts'
import {
  AGENT_STATES,
  BRANCH_OF_DEPARTMENT,
  DEFAULT_CONTEXT,
  DEPARTMENT_STATES,
  LOOP_LIMIT,
  PROMPT_ROUNDS,
  type AgentState,
  type Awaiting,
  type CallInput,
  type CallOutcome,
  type CallScript,
  type CallState,
  type DepartmentState,
  type EntryDetail,
  type EntryPlace,
  type HangUpReason,
  type RequestParam,
  type StartOptions,
  type TranscriptEntry,
} from './call.ts'

/** Where the call goes on: a command list of a script and the index of the next command. */
interface Cursor {
  readonly script: number
  readonly section: string
  readonly list: readonly CommandNode[]
  readonly listPath: IvrPath
  /** The line shown when the list is empty and ends at once. */
  readonly listLine: number
  readonly index: number
}

/** The mutable working copy of a call while one input is processed. */
interface Run {
  scripts: CallScript[]
  agents: AgentState
  department: string | null
  departments: Record<string, DepartmentState>
  queued: boolean
  awaiting: Awaiting | null
  at: EntryPlace | null
  outcome: CallOutcome | null
  readonly base: CallState
  readonly entries: TranscriptEntry[]
  readonly visited: IvrPath[]
  readonly visitedKeys: Set<string>
  /** Commands run since the last input, by script and path: the loop bound. */
  readonly passes: Map<string, number>
}

const DIGITS = /^[0-9*]*#?$/

/**
 * Starts a test call of a parsed IVR. An IVR with errors is not run: the state comes back ended
 * with outcome `refused` naming the error diagnostics. Otherwise the call runs `start` when
 * present, then `online` (agents available or busy) or `offline`, until it needs input or ends.
 * Never throws.
 */
export function startCall(parsed: ParsedIvr, options: StartOptions): CallState {
  const locale = options.locale ?? 'en'
  const asReply = options.reply ?? false
  const diagnostics: readonly Diagnostic[] =
    options.diagnostics ?? validateIvr(parsed, { reply: asReply, locale })
  const errors = diagnostics.filter((d) => d.severity === 'error')
  const base: CallState = {
    scripts: [{ parsed, sections: sectionMap(parsed.model), parent: null, url: null }],
    agents: options.state,
    department: null,
    departments: { ...options.departments },
    askDepartments: options.askDepartments ?? false,
    asReply,
    queued: false,
    context: { ...DEFAULT_CONTEXT, ...options.context },
    locale,
    transcript: [],
    visited: [],
    at: null,
    awaiting: null,
    outcome: null,
  }
  if (errors.length > 0 || !parsed.readable) {
    const named = errors.length > 0 ? errors : parsed.diagnostics
    return { ...base, outcome: { kind: 'refused', errors: named } }
  }
  const run = openRun(base)
  const sections = run.scripts[0]!.sections
  let cursor: Cursor | null
  if (asReply || sections.has('start')) {
    cursor = enterSection(run, 0, 'start', 'start', null)
  } else cursor = enterByState(run, null)
  proceed(run, cursor)
  return closeRun(run)
}

/** Whether `step` would take this input now; other inputs leave the call as it is. */
export function acceptsInput(call: CallState, input: CallInput): boolean {
  const awaiting = call.awaiting
  if (call.outcome !== null || awaiting === null) return false
  switch (input.type) {
    case 'state':
      return (AGENT_STATES as readonly string[]).includes(input.state)
    case 'no-input':
      return awaiting.kind === 'key' || awaiting.kind === 'digits'
    case 'key':
      return (awaiting.kind === 'key' || awaiting.kind === 'digits') && isChoiceKey(input.key)
    case 'digits':
      return awaiting.kind === 'digits' && DIGITS.test(input.digits)
    case 'reply':
    case 'reply-failed':
      return awaiting.kind === 'reply'
    case 'department':
      return (
        awaiting.kind === 'department' &&
        (DEPARTMENT_STATES as readonly string[]).includes(input.state)
      )
  }
}

/**
 * Gives the waiting call one input and runs it until it needs input again or ends. Returns a
 * new state; an input the call does not take now (see `acceptsInput`) returns `call` itself.
 */
export function step(call: CallState, input: CallInput): CallState {
  if (!acceptsInput(call, input)) return call
  const awaiting = call.awaiting as Awaiting
  const at = call.at as EntryPlace
  const run = openRun(call)
  run.awaiting = null
  run.at = null
  let next: Cursor | null = null
  switch (input.type) {
    case 'state':
      changeState(run, at, awaiting, input.state)
      break
    case 'no-input':
      if (awaiting.kind === 'key') missedRound(run, at, awaiting.command, awaiting.round, null)
      else {
        emit(run, at, { kind: 'timeout', round: 1, awaiting: 'digits' })
        end(run, at, { kind: 'no-input' })
      }
      break
    case 'key':
      if (awaiting.kind === 'key')
        next = pressKey(run, at, awaiting.command, awaiting.round, input.key)
      else if (awaiting.kind === 'digits') next = collect(run, at, awaiting, input.key)
      break
    case 'digits':
      if (awaiting.kind === 'digits') next = collect(run, at, awaiting, input.digits)
      break
    case 'reply':
      if (awaiting.kind === 'reply') next = takeReply(run, at, awaiting, input.text)
      break
    case 'reply-failed':
      if (awaiting.kind === 'reply') next = replyFailed(run, at, awaiting)
      break
    case 'department':
      if (awaiting.kind === 'department') {
        next = transferTo(run, at, awaiting.command, awaiting.department, input.state)
      }
      break
  }
  proceed(run, next)
  return closeRun(run)
}

/**
 * The outcome so far: how the call ended, `waiting` while it waits in the queue, or `null` while
 * it waits for input elsewhere.
 */
export function currentOutcome(call: CallState): CallOutcome | null {
  return call.outcome ?? (call.queued ? { kind: 'waiting' } : null)
}

function openRun(call: CallState): Run {
  return {
    scripts: [...call.scripts],
    agents: call.agents,
    department: call.department,
    departments: { ...call.departments },
    queued: call.queued,
    awaiting: call.awaiting,
    at: call.at,
    outcome: call.outcome,
    base: call,
    entries: [],
    visited: [],
    visitedKeys: new Set(call.visited.map(pathKey)),
    passes: new Map(),
  }
}

function closeRun(run: Run): CallState {
  const { base } = run
  return {
    ...base,
    scripts: run.scripts,
    agents: run.agents,
    department: run.department,
    departments: run.departments,
    queued: run.queued,
    transcript: run.entries.length > 0 ? [...base.transcript, ...run.entries] : base.transcript,
    visited: run.visited.length > 0 ? [...base.visited, ...run.visited] : base.visited,
    at: run.outcome === null ? run.at : null,
    awaiting: run.outcome === null ? run.awaiting : null,
    outcome: run.outcome,
  }
}

/** Runs commands from `cursor` until the call waits or ends. */
function proceed(run: Run, cursor: Cursor | null): void {
  let at = cursor
  while (at !== null && run.outcome === null && run.awaiting === null) at = execute(run, at)
}

function lineOf(run: Run, script: number, span: Span): number {
  return toPosition((run.scripts[script] as CallScript).parsed.lines, span.start).line
}

function placeOf(run: Run, script: number, section: string, path: IvrPath, span: Span): EntryPlace {
  return { script, section, path, line: lineOf(run, script, span) }
}

function emit(run: Run, place: EntryPlace, detail: EntryDetail): void {
  run.entries.push({ ...place, ...detail } as TranscriptEntry)
}

function end(run: Run, place: EntryPlace, outcome: CallOutcome): null {
  emit(run, place, { kind: 'end', outcome })
  run.outcome = outcome
  run.awaiting = null
  run.at = null
  return null
}

function hangUp(run: Run, place: EntryPlace, reason: HangUpReason): null {
  return end(run, place, { kind: 'hung-up', reason })
}

function markVisited(run: Run, script: number, path: IvrPath): void {
  if (script !== 0) return
  const key = pathKey(path)
  if (run.visitedKeys.has(key)) return
  run.visitedKeys.add(key)
  run.visited.push(path)
}

/** A section by name as seen from `script`: its own, else those of the scripts that fetched it. */
function resolveSection(run: Run, script: number, name: string): number | null {
  for (let at: number | null = script; at !== null; at = (run.scripts[at] as CallScript).parent) {
    if ((run.scripts[at] as CallScript).sections.has(name)) return at
  }
  return null
}

function sectionCursor(run: Run, script: number, section: SectionNode): Cursor {
  return {
    script,
    section: section.name,
    list: section.commands,
    listPath: section.path,
    listLine: lineOf(run, script, section.keySpan),
    index: 0,
  }
}

/** The phone system starts a section by itself, with an `enter` entry on the section's name. */
function enterSection(
  run: Run,
  script: number,
  name: string,
  reason: 'start' | 'online' | 'offline' | 'reply',
  from: EntryPlace | null,
): Cursor | null {
  const section = (run.scripts[script] as CallScript).sections.get(name)
  if (!section) {
    const place = from ?? { script, section: name, path: [], line: 1 }
    return hangUp(run, place, { code: 'missing-section', section: name })
  }
  emit(run, placeOf(run, script, name, section.path, section.keySpan), { kind: 'enter', reason })
  return sectionCursor(run, script, section)
}

/** `online` when any agent is logged in, `offline` when none is. */
function enterByState(run: Run, from: EntryPlace | null): Cursor | null {
  const name = run.agents === 'offline' ? 'offline' : 'online'
  return enterSection(run, 0, name, name, from)
}

/** Continues at a section named by `goto`, an option or `onError`, as seen from `script`. */
function jump(run: Run, script: number, name: string, place: EntryPlace): Cursor | null {
  const found = resolveSection(run, script, name)
  const section = found === null ? undefined : run.scripts[found]?.sections.get(name)
  if (found === null || !section) {
    return hangUp(run, place, { code: 'missing-section', section: name })
  }
  return sectionCursor(run, found, section)
}

function execute(run: Run, cursor: Cursor): Cursor | null {
  const command = cursor.list[cursor.index]
  if (!command) return listEnd(run, cursor)
  const { script, section } = cursor
  const place = placeOf(run, script, section, command.path, command.keySpan)
  const passKey = `${script}\u0000${pathKey(command.path)}`
  const passes = (run.passes.get(passKey) ?? 0) + 1
  run.passes.set(passKey, passes)
  if (passes >= LOOP_LIMIT) return end(run, place, { kind: 'loop', section, count: passes })
  markVisited(run, script, command.path)
  const next = { ...cursor, index: cursor.index + 1 }
  switch (command.kind) {
    case 'play':
      if (!command.url) return hangUp(run, place, { code: 'cannot-run' })
      emit(run, place, { kind: 'play', url: command.url.value })
      return next
    case 'ring':
      return ring(run, cursor, place)
    case 'voicemail':
      return end(run, place, { kind: 'voicemail' })
    case 'callback':
      return end(run, place, { kind: 'callback-requested' })
    case 'goto':
      if (!command.target) return hangUp(run, place, { code: 'cannot-run' })
      emit(run, place, { kind: 'goto', target: command.target.value, via: 'goto' })
      return jump(run, script, command.target.value, place)
    case 'choice':
      if (command.options.length === 0) return hangUp(run, place, { code: 'cannot-run' })
      playRound(run, place, command, 1)
      return null
    case 'transfer':
      return transfer(run, place, command)
    case 'fetch':
      return request(run, place, command, null)
    case 'dtmf':
      if (!command.url) return hangUp(run, place, { code: 'cannot-run' })
      run.awaiting = { kind: 'digits', command, collected: '' }
      run.at = place
      return null
    case 'unknown':
    case 'malformed':
      return hangUp(run, place, { code: 'cannot-run' })
  }
}

/**
 * The end of a list. The IVR's own `start` hands over to the online/offline decision (§2: start
 * runs "before" it); every other list ends the call.
 */
function listEnd(run: Run, cursor: Cursor): Cursor | null {
  const last = cursor.list[cursor.list.length - 1]
  const place: EntryPlace = {
    script: cursor.script,
    section: cursor.section,
    path: cursor.listPath,
    line: last ? lineOf(run, cursor.script, last.keySpan) : cursor.listLine,
  }
  const isOwnStart =
    cursor.script === 0 &&
    !run.base.asReply &&
    cursor.listPath.length === 1 &&
    cursor.listPath[0] === 'start'
  if (isOwnStart) return enterByState(run, place)
  return hangUp(run, place, { code: 'end-of-list' })
}

function ring(run: Run, cursor: Cursor, place: EntryPlace): Cursor | null {
  const { agents, department } = run
  if (agents === 'available') {
    emit(run, place, { kind: 'ring', result: 'connected', agents, department })
    return end(run, place, { kind: 'connected', department })
  }
  // With no agent logged in there is nobody to ring and nobody free: the caller waits in the
  // queue as when every agent is busy, until an agent logs in.
  emit(run, place, { kind: 'ring', result: 'queued', agents, department })
  run.queued = true
  const script = resolveSection(run, cursor.script, 'queue')
  const queue = script === null ? undefined : run.scripts[script]?.sections.get('queue')
  if (script === null || !queue) {
    return hangUp(run, place, { code: 'missing-section', section: 'queue' })
  }
  emit(run, placeOf(run, script, 'queue', queue.path, queue.keySpan), { kind: 'queue' })
  return sectionCursor(run, script, queue)
}

/** The options of a choice in the order their prompts play: 0–9, then `*`, then `#`. */
export function optionsInKeyOrder(command: ChoiceNode): ChoiceOptionNode[] {
  const rank = (key: string) => {
    const index = (CHOICE_KEYS as readonly string[]).indexOf(key)
    return index === -1 ? CHOICE_KEYS.length : index
  }
  return [...command.options].sort((a, b) => rank(a.key) - rank(b.key))
}

function playRound(run: Run, place: EntryPlace, command: ChoiceNode, round: number): void {
  for (const option of optionsInKeyOrder(command)) {
    const span = option.play ? option.play.span : option.keySpan
    emit(run, placeOf(run, place.script, place.section, option.path, span), {
      kind: 'prompt',
      key: option.key,
      name: option.name?.value ?? null,
      url: option.play?.value ?? null,
      round,
    })
  }
  run.awaiting = { kind: 'key', command, round }
  run.at = place
}

/** A round without a valid key: the prompts play again, or after the third the call ends. */
function missedRound(
  run: Run,
  place: EntryPlace,
  command: ChoiceNode,
  round: number,
  key: string | null,
): void {
  if (key === null) emit(run, place, { kind: 'timeout', round, awaiting: 'key' })
  else emit(run, place, { kind: 'key', key, name: null, matched: false })
  if (round >= PROMPT_ROUNDS) end(run, place, { kind: 'no-input' })
  else playRound(run, place, command, round + 1)
}

function pressKey(
  run: Run,
  place: EntryPlace,
  command: ChoiceNode,
  round: number,
  key: string,
): Cursor | null {
  const option = command.options.find((o) => o.key === key)
  if (!option) {
    missedRound(run, place, command, round, key)
    return null
  }
  const { script, section } = place
  emit(run, placeOf(run, script, section, option.path, option.keySpan), {
    kind: 'key',
    key,
    name: option.name?.value ?? null,
    matched: true,
  })
  markVisited(run, script, option.path)
  if (option.do) {
    const listPath = [...option.path, 'do']
    const listLine = lineOf(run, script, option.keySpan)
    return { script, section, list: option.do, listPath, listLine, index: 0 }
  }
  if (option.goto) {
    const gotoPlace = placeOf(run, script, section, [...option.path, 'goto'], option.goto.span)
    emit(run, gotoPlace, { kind: 'goto', target: option.goto.value, via: 'option' })
    return jump(run, script, option.goto.value, gotoPlace)
  }
  return hangUp(run, place, { code: 'cannot-run' })
}

function transfer(run: Run, place: EntryPlace, command: TransferNode): Cursor | null {
  const department = command.to?.value
  if (!department) return hangUp(run, place, { code: 'cannot-run' })
  const state = Object.prototype.hasOwnProperty.call(run.departments, department)
    ? run.departments[department]
    : undefined
  if (state === undefined && run.base.askDepartments) {
    run.awaiting = { kind: 'department', command, department }
    run.at = place
    return null
  }
  return transferTo(run, place, command, department, state ?? 'online')
}

const AGENTS_OF_DEPARTMENT: Readonly<Record<DepartmentState, AgentState>> = {
  online: 'available',
  busy: 'busy',
  offline: 'offline',
}

const DEPARTMENT_OF_AGENTS: Readonly<Record<AgentState, DepartmentState>> = {
  available: 'online',
  busy: 'busy',
  offline: 'offline',
}

/**
 * Hands the call to a department: its branch for the department's state runs with the call now
 * that department's (a `ring` there rings its agents); without one, the department takes it.
 */
function transferTo(
  run: Run,
  place: EntryPlace,
  command: TransferNode,
  department: string,
  state: DepartmentState,
): Cursor | null {
  run.departments = { ...run.departments, [department]: state }
  const branchState = BRANCH_OF_DEPARTMENT[state]
  const branch = command.branches.find((b) => b.state === branchState) ?? null
  emit(run, place, { kind: 'transfer', department, state, branch: branch ? branchState : null })
  run.queued = false
  if (!branch) return end(run, place, { kind: 'transferred', department })
  run.department = department
  run.agents = AGENTS_OF_DEPARTMENT[state]
  return {
    script: place.script,
    section: place.section,
    list: branch.commands,
    listPath: branch.path,
    listLine: lineOf(run, place.script, branch.keySpan),
    index: 0,
  }
}

function changeState(run: Run, at: EntryPlace, awaiting: Awaiting, state: AgentState): void {
  emit(run, at, { kind: 'state', state, department: run.department })
  run.agents = state
  if (run.department !== null) {
    run.departments = { ...run.departments, [run.department]: DEPARTMENT_OF_AGENTS[state] }
  }
  if (run.queued && state === 'available') {
    end(run, at, { kind: 'connected', department: run.department })
    return
  }
  run.awaiting = awaiting
  run.at = at
}

function collect(
  run: Run,
  at: EntryPlace,
  awaiting: Extract<Awaiting, { kind: 'digits' }>,
  typed: string,
): Cursor | null {
  const hash = typed.indexOf('#')
  const digits = awaiting.collected + (hash === -1 ? typed : typed.slice(0, hash))
  if (hash === -1) {
    run.awaiting = { ...awaiting, collected: digits }
    run.at = at
    return null
  }
  return request(run, at, awaiting.command, digits)
}

/** The parameters as sent: placeholders filled in, and `DTMF_VALUE` for a `dtmf`. */
export function requestParams(
  command: FetchNode,
  context: CallState['context'],
  digits: string | null,
): RequestParam[] {
  return command.params.map(({ name, value }) => {
    let sent = value
      .replaceAll('{$from_number}', context.from)
      .replaceAll('{$to_number}', context.to)
      .replaceAll('{$conv_code}', context.convCode)
    if (digits !== null) sent = sent.replaceAll(DTMF_VALUE, digits)
    return { name, value: sent }
  })
}

/** Calls the URL of a `fetch`, or of a `dtmf` with its digits, and waits for the answer. */
function request(
  run: Run,
  place: EntryPlace,
  command: FetchNode,
  digits: string | null,
): Cursor | null {
  const url = command.url?.value
  if (!url) return hangUp(run, place, { code: 'cannot-run' })
  const params = requestParams(command, run.base.context, digits)
  const ivrs = [...(run.scripts[place.script] as CallScript).sections.keys()]
  if (digits === null) emit(run, place, { kind: 'fetch', url, params, ivrs })
  else emit(run, place, { kind: 'dtmf', url, digits, params, ivrs })
  run.awaiting = { kind: 'reply', command, url }
  run.at = place
  return null
}

function takeReply(
  run: Run,
  at: EntryPlace,
  awaiting: Extract<Awaiting, { kind: 'reply' }>,
  text: string,
): Cursor | null {
  const { url } = awaiting
  const locale = run.base.locale
  const parsed = parseIvr(text, { locale })
  const problem =
    validateIvr(parsed, { reply: true, locale }).find((d) => d.severity === 'error') ??
    unknownTarget(run, parsed, at.script)
  if (problem) {
    emit(run, at, { kind: 'reply', result: 'invalid', url, answered: null })
    return hangUp(run, at, {
      code: 'invalid-reply',
      url,
      messageId: problem.messageId,
      args: problem.args,
    })
  }
  const script = run.scripts.length
  run.scripts.push({ parsed, sections: sectionMap(parsed.model), parent: at.script, url })
  emit(run, at, { kind: 'reply', result: 'ok', url, answered: script })
  return enterSection(run, script, 'start', 'reply', at)
}

/** A section the answer names that neither it nor the scripts that fetched it have. */
function unknownTarget(
  run: Run,
  parsed: ParsedIvr,
  parent: number,
): { messageId: string; args: Readonly<Record<string, string | number>> } | undefined {
  const own = sectionMap(parsed.model)
  for (const section of parsed.model.sections) {
    for (const ref of referencesIn(section.commands)) {
      const target = ref.target.value
      if (!own.has(target) && resolveSection(run, parent, target) === null) {
        return { messageId: 'diag.dangling-goto', args: { target } }
      }
    }
  }
  return undefined
}

function replyFailed(
  run: Run,
  at: EntryPlace,
  awaiting: Extract<Awaiting, { kind: 'reply' }>,
): Cursor | null {
  const { command, url } = awaiting
  emit(run, at, { kind: 'reply', result: 'failed', url, answered: null })
  if (!command.onError) return hangUp(run, at, { code: 'fetch-failed', url })
  const path = [...command.path, command.kind, 'onError']
  const place = placeOf(run, at.script, at.section, path, command.onError.span)
  emit(run, place, { kind: 'goto', target: command.onError.value, via: 'onError' })
  return jump(run, at.script, command.onError.value, place)
}
