import type { IvrPath } from '../../model/path.ts'
import type { AgentState, CallInput, CallState, DepartmentState } from '../../simulate/call.ts'
import {
  giveInput,
  replayInputs,
  replayPath,
  startTestCall,
  type CallSetup,
  type DrivenCall,
  type ReplayablePath,
} from '../simulator/call-driver.ts'
import type { DocumentState } from './document.ts'

/** One test call: how it started, every input it took, and where it stands. */
export interface CallSession {
  /** Increases with every call, so that views (the audio) can tell one call from the next. */
  readonly id: number
  /** The phone system when the call came in. */
  readonly setup: CallSetup
  /** Every input the call took, department answers included: replaying them repeats the call. */
  readonly inputs: readonly CallInput[]
  readonly call: CallState
  /** The document revision the call runs on; the IVR may have changed since. */
  readonly revision: number
  /** Whether the admin hung up before the call ended by itself. */
  readonly hungUp: boolean
  /** For a replay of a recorded call: how many recorded inputs still fitted the IVR. */
  readonly replay: { readonly given: number; readonly used: number } | null
}

/** The commands and options one call walked, on one revision of the document. */
export interface CallWalk {
  readonly revision: number
  readonly visited: readonly IvrPath[]
}

/** The test call panel: whether it shows, the phone system's setup, and the call. */
export interface CallPanelState {
  /** Whether the side shows the test call instead of the YAML. */
  readonly open: boolean
  /** The phone system for the next call; changes during a call reach the call too. */
  readonly setup: CallSetup
  readonly session: CallSession | null
  /** What earlier calls on this document walked, for marking the commands no call reaches. */
  readonly walks: readonly CallWalk[]
  /** Whether the canvas marks the commands that no listed path and no call walks. */
  readonly coverage: boolean
  /** How many calls were started since the app opened: the next call's id. */
  readonly calls: number
}

/** Every change of the test call panel, as data. */
export type CallAction =
  /** Shows the test call tab, or the YAML again. */
  | { readonly type: 'call.panel'; readonly open: boolean }
  /** The agents of the number; during a call with them, they change state in the call too. */
  | { readonly type: 'call.agents'; readonly state: AgentState }
  /** A department's agents; during a call with them, they change state in the call too. */
  | {
      readonly type: 'call.department'
      readonly department: string
      readonly state: DepartmentState
    }
  /** Calls with the setup: a new call replaces the one before. */
  | { readonly type: 'call.start' }
  /** What the caller or a fetch URL does: a key, digits, silence, a reply. */
  | { readonly type: 'call.input'; readonly input: CallInput }
  | { readonly type: 'call.hang-up' }
  /** Runs the last call again with its setup and inputs, on the IVR as it is now. */
  | { readonly type: 'call.replay' }
  /** Runs one listed path. */
  | { readonly type: 'call.replay-path'; readonly path: ReplayablePath }
  /** Back to the setup, with no call. */
  | { readonly type: 'call.reset' }
  | { readonly type: 'call.coverage'; readonly on: boolean }

/** The panel of a newly opened document: closed or not as before, no call, no departments. */
export const INITIAL_CALL_PANEL: CallPanelState = {
  open: false,
  setup: { agents: 'busy', departments: {} },
  session: null,
  walks: [],
  coverage: false,
  calls: 0,
}

/** At most this many earlier calls are remembered for coverage. */
const MAX_WALKS = 200

const AGENTS_OF_DEPARTMENT: Readonly<Record<DepartmentState, AgentState>> = {
  online: 'available',
  busy: 'busy',
  offline: 'offline',
}

/** Whether the call still waits for the caller, the agents or a fetch URL. */
export function isLive(session: CallSession | null): boolean {
  return session !== null && !session.hungUp && session.call.outcome === null
}

/** The panel for another document: its open state and the number's agents stay. */
export function reopenCallPanel(state: CallPanelState): CallPanelState {
  return {
    ...INITIAL_CALL_PANEL,
    open: state.open,
    setup: { agents: state.setup.agents, departments: {} },
    calls: state.calls,
  }
}

/**
 * The panel after an action. Calls run on the document's current parse and diagnostics; an IVR
 * with errors comes back refused (the engine never runs it). Returns `state` itself when nothing
 * changes, such as an input the call does not take now.
 */
export function reduceCall(
  state: CallPanelState,
  action: CallAction,
  document: DocumentState,
): CallPanelState {
  switch (action.type) {
    case 'call.panel':
      return state.open === action.open ? state : { ...state, open: action.open }
    case 'call.coverage':
      return state.coverage === action.on ? state : { ...state, coverage: action.on }
    case 'call.agents': {
      const setup = { ...state.setup, agents: action.state }
      const session = state.session
      if (isLive(session) && session!.call.department === null) {
        return changeAgents({ ...state, setup }, action.state)
      }
      return state.setup.agents === action.state ? state : { ...state, setup }
    }
    case 'call.department': {
      const departments = { ...state.setup.departments, [action.department]: action.state }
      const next = { ...state, setup: { ...state.setup, departments } }
      const session = state.session
      if (isLive(session) && session!.call.department === action.department) {
        return changeAgents(next, AGENTS_OF_DEPARTMENT[action.state])
      }
      return next
    }
    case 'call.start': {
      const driven = startTestCall(document.view.parsed, document.view.diagnostics, state.setup)
      return begin(state, driven, state.setup, document.revision, null)
    }
    case 'call.input': {
      const session = state.session
      if (!isLive(session)) return state
      const driven = giveInput(drivenOf(session!), action.input, state.setup)
      if (driven === null) return state
      return { ...state, session: { ...session!, call: driven.call, inputs: driven.inputs } }
    }
    case 'call.hang-up': {
      const session = state.session
      if (!isLive(session)) return state
      return { ...state, session: { ...session!, hungUp: true } }
    }
    case 'call.replay': {
      const session = state.session
      if (session === null) return state
      const driven = replayInputs(
        document.view.parsed,
        document.view.diagnostics,
        session.setup,
        session.inputs,
      )
      const replay = { given: session.inputs.length, used: driven.used }
      return begin(state, driven, session.setup, document.revision, replay)
    }
    case 'call.replay-path': {
      const { path } = action
      const driven = replayPath(document.view.parsed, document.view.diagnostics, path)
      const setup: CallSetup = {
        agents: path.agents,
        departments: { ...state.setup.departments, ...path.departments },
      }
      return begin({ ...state, setup }, driven, setup, document.revision, null)
    }
    case 'call.reset':
      return state.session === null ? state : { ...remember(state), session: null }
  }
}

function drivenOf(session: CallSession): DrivenCall {
  return { call: session.call, inputs: session.inputs, used: session.inputs.length }
}

/** The agents the call is with change state: an agent frees up while the caller waits. */
function changeAgents(state: CallPanelState, agents: AgentState): CallPanelState {
  const session = state.session!
  const driven = giveInput(drivenOf(session), { type: 'state', state: agents }, state.setup)
  if (driven === null) return state
  return { ...state, session: { ...session, call: driven.call, inputs: driven.inputs } }
}

/** A new call in place of the last one, whose walk is remembered. */
function begin(
  state: CallPanelState,
  driven: DrivenCall,
  setup: CallSetup,
  revision: number,
  replay: CallSession['replay'],
): CallPanelState {
  const remembered = remember(state)
  const id = state.calls + 1
  return {
    ...remembered,
    calls: id,
    session: {
      id,
      setup,
      inputs: driven.inputs,
      call: driven.call,
      revision,
      hungUp: false,
      replay,
    },
  }
}

function remember(state: CallPanelState): CallPanelState {
  const session = state.session
  if (session === null || session.call.visited.length === 0) return state
  const walk = { revision: session.revision, visited: session.call.visited }
  return { ...state, walks: [...state.walks, walk].slice(-MAX_WALKS) }
}
