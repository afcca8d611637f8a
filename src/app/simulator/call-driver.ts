import { acceptsInput, startCall, step } from '../../simulate/engine.ts'
import type { AgentState, CallInput, CallState, DepartmentState } from '../../simulate/call.ts'
import type { Diagnostic } from '../../validate/diagnostic.ts'
import type { ParsedIvr } from '../../yaml/parse-ivr.ts'

/** What the phone system looks like when a test call comes in, as the admin set it. */
export interface CallSetup {
  /** The agents of the number called. */
  readonly agents: AgentState
  /** Departments by id; one not listed is online. */
  readonly departments: Readonly<Record<string, DepartmentState>>
}

/** A call and every input it took, in order, department answers included. */
export interface DrivenCall {
  readonly call: CallState
  readonly inputs: readonly CallInput[]
  /** How many of the inputs given the call took before one did not fit (or all of them). */
  readonly used: number
}

/**
 * One path of "Which paths exist", in the form a replay needs: the agents' state when the call
 * comes in, the departments' states, the caller's keys (`2`, or digits ended by `#` for a `dtmf`)
 * and how many fetches fail before the path ends.
 */
export interface ReplayablePath {
  readonly agents: AgentState
  readonly departments: Readonly<Record<string, DepartmentState>>
  readonly keys: readonly string[]
  readonly failedReplies: number
}

/** More steps than any real walk takes; it only stops a runaway replay. */
const MAX_STEPS = 10_000

/**
 * Starts a test call that asks for every department's state at its transfer, so that the admin
 * can change a department's state up to the moment the call reaches it; the setup answers.
 */
export function startTestCall(
  parsed: ParsedIvr,
  diagnostics: readonly Diagnostic[],
  setup: CallSetup,
): DrivenCall {
  const inputs: CallInput[] = []
  const call = answerDepartments(
    startCall(parsed, { state: setup.agents, askDepartments: true, diagnostics }),
    setup,
    inputs,
  )
  return { call, inputs, used: 0 }
}

/**
 * Gives a running call one input, then answers any transfer it reaches from the setup. Returns
 * `null` when the call does not take the input now.
 */
export function giveInput(
  driven: DrivenCall,
  input: CallInput,
  setup: CallSetup,
): DrivenCall | null {
  if (!acceptsInput(driven.call, input)) return null
  const inputs = [...driven.inputs, input]
  const call = answerDepartments(step(driven.call, input), setup, inputs)
  return { call, inputs, used: driven.used }
}

/**
 * Runs a new call from `setup` with recorded inputs, as far as they fit the IVR as it is now.
 * A transfer with no recorded answer next is answered from the setup.
 */
export function replayInputs(
  parsed: ParsedIvr,
  diagnostics: readonly Diagnostic[],
  setup: CallSetup,
  recorded: readonly CallInput[],
): DrivenCall {
  const inputs: CallInput[] = []
  let call = startCall(parsed, { state: setup.agents, askDepartments: true, diagnostics })
  let used = 0
  for (const input of recorded) {
    if (call.outcome !== null) break
    if (call.awaiting?.kind === 'department' && input.type !== 'department') {
      call = answerDepartments(call, setup, inputs)
    }
    if (!acceptsInput(call, input)) break
    call = step(call, input)
    inputs.push(input)
    used++
  }
  return { call: answerDepartments(call, setup, inputs), inputs, used }
}

/**
 * Runs one listed path: its keys at the choices and `dtmf`s, its failed fetches, silence once
 * the keys run out (a caller in the queue keeps waiting), and stops at a fetch the path leaves
 * for the admin to answer.
 */
export function replayPath(
  parsed: ParsedIvr,
  diagnostics: readonly Diagnostic[],
  path: ReplayablePath,
): DrivenCall {
  const setup: CallSetup = { agents: path.agents, departments: path.departments }
  const inputs: CallInput[] = []
  let call = startCall(parsed, { state: path.agents, askDepartments: true, diagnostics })
  let key = 0
  let failed = 0
  for (let steps = 0; steps < MAX_STEPS && call.outcome === null; steps++) {
    const awaiting = call.awaiting
    if (awaiting === null) break
    let input: CallInput | null = null
    switch (awaiting.kind) {
      case 'department':
        input = { type: 'department', state: departmentState(setup, awaiting.department) }
        break
      case 'reply':
        if (failed < path.failedReplies) {
          failed++
          input = { type: 'reply-failed' }
        }
        break
      case 'key':
      case 'digits': {
        const action = path.keys[key]
        if (action !== undefined) {
          key++
          input =
            action.length === 1 ? { type: 'key', key: action } : { type: 'digits', digits: action }
        } else if (!call.queued) input = { type: 'no-input' }
        break
      }
    }
    if (input === null || !acceptsInput(call, input)) break
    call = step(call, input)
    inputs.push(input)
  }
  return { call, inputs, used: inputs.length }
}

/** The state the setup gives a department: online unless set otherwise. */
export function departmentState(setup: CallSetup, department: string): DepartmentState {
  return Object.prototype.hasOwnProperty.call(setup.departments, department)
    ? (setup.departments[department] as DepartmentState)
    : 'online'
}

/** Answers every transfer the call waits at with the setup's state of its department. */
function answerDepartments(call: CallState, setup: CallSetup, inputs: CallInput[]): CallState {
  let current = call
  while (current.outcome === null && current.awaiting?.kind === 'department') {
    const input: CallInput = {
      type: 'department',
      state: departmentState(setup, current.awaiting.department),
    }
    const next = step(current, input)
    if (next === current) break
    inputs.push(input)
    current = next
  }
  return current
}
