import type { CommandKind, CommandNode } from '../model/ivr.ts'
import { pathKey, type IvrPath } from '../model/path.ts'
import type { Diagnostic } from '../validate/diagnostic.ts'
import type { ParsedIvr } from '../yaml/parse-ivr.ts'
import { toPosition } from '../yaml/positions.ts'
import {
  AGENT_STATES,
  DEPARTMENT_STATES,
  type AgentState,
  type CallInput,
  type CallOutcome,
  type CallState,
  type DepartmentState,
  type TranscriptEntry,
} from './call.ts'
import { optionsInKeyOrder, startCall, step } from './engine.ts'

/** How a path ends: an outcome of the call, or the call going on in a script a URL answers. */
export type PathOutcome = CallOutcome | { readonly kind: 'fetched'; readonly url: string }

/** One way through the IVR, from the call coming in to an outcome. */
export interface CallPath {
  /** The agents' state when the call comes in. */
  readonly state: AgentState
  /** The state each department the path transfers to was taken to be in. */
  readonly departments: Readonly<Record<string, DepartmentState>>
  /**
   * The caller's actions in the form `driveCall` and `--keys` take: keys, and digits ended by
   * `#` for a `dtmf`. A path that ends in silence (no-input, or waiting in the queue) ends here.
   */
  readonly keys: readonly string[]
  /** The replies of its fetches, in order; only `failed` (an answered fetch ends the path). */
  readonly replies: readonly 'failed'[]
  readonly outcome: PathOutcome
  /** Commands run and options chosen, as in `CallState.visited`. */
  readonly visited: readonly IvrPath[]
  readonly transcript: readonly TranscriptEntry[]
}

/** The paths found, and whether the search saw all of them. */
export interface PathList {
  readonly paths: readonly CallPath[]
  /** False when the cap on paths or on a path's length cut the search short. */
  readonly complete: boolean
}

/** Bounds of the path search, and the diagnostics when already known. */
export interface PathOptions {
  /** The most paths to return (default 200). */
  readonly maxPaths?: number
  /** The most caller actions and replies on one path (default 60). */
  readonly maxActions?: number
  /** The document's diagnostics, when the caller already has them. */
  readonly diagnostics?: readonly Diagnostic[]
}

/** The digits a path types at a `dtmf`: any will do, the script cannot tell them apart. */
export const SAMPLE_DIGITS = '1234'

interface Walk {
  readonly call: CallState
  readonly state: AgentState
  readonly keys: readonly string[]
  readonly replies: readonly 'failed'[]
  /** Sections of the IVR the path has been in. */
  readonly sections: ReadonlySet<string>
  /** Whether the path came back to a section it had been in: from there the caller is silent. */
  readonly repeating: boolean
}

/**
 * Every distinct path through the IVR from each state the agents can be in when the call comes
 * in (available, busy, offline), and each state of every department a transfer reaches. At each
 * choice a path presses each key not yet pressed on it, or stays silent; at a `dtmf` it types
 * sample digits or stays silent; a fetch either fails or is answered (which ends the path, as
 * the answer is not known). A path that comes back to a section it has been in makes no more
 * choices from there. An IVR with errors has no paths.
 */
export function enumeratePaths(parsed: ParsedIvr, options: PathOptions = {}): PathList {
  const maxPaths = options.maxPaths ?? 200
  const maxActions = options.maxActions ?? 60
  const paths: CallPath[] = []
  let complete = true

  const finish = (walk: Walk, outcome: PathOutcome) => {
    if (paths.length >= maxPaths) {
      complete = false
      return
    }
    paths.push({
      state: walk.state,
      departments: walk.call.departments,
      keys: walk.keys,
      replies: walk.replies,
      outcome,
      visited: walk.call.visited,
      transcript: walk.call.transcript,
    })
  }

  const advance = (walk: Walk, input: CallInput, key: string | null, failed = false): Walk => {
    const call = step(walk.call, input)
    const sections = new Set(walk.sections)
    let repeating = walk.repeating
    for (const name of enteredSections(call.transcript.slice(walk.call.transcript.length))) {
      if (sections.has(name)) repeating = true
      sections.add(name)
    }
    return {
      call,
      state: walk.state,
      keys: key === null ? walk.keys : [...walk.keys, key],
      replies: failed ? [...walk.replies, 'failed'] : walk.replies,
      sections,
      repeating,
    }
  }

  /** The caller stays silent: rounds time out until the call ends, or it waits in the queue. */
  const silence = (walk: Walk) => {
    let at = walk
    while (at.call.outcome === null && !at.call.queued) {
      const kind = at.call.awaiting?.kind
      if (kind !== 'key' && kind !== 'digits') break
      at = advance(at, { type: 'no-input' }, null)
    }
    if (at.call.outcome !== null) finish(at, at.call.outcome)
    else if (at.call.queued) finish(at, { kind: 'waiting' })
    else explore(at)
  }

  const explore = (walk: Walk): void => {
    if (paths.length >= maxPaths) {
      complete = false
      return
    }
    const { call } = walk
    if (call.outcome !== null) return finish(walk, call.outcome)
    const awaiting = call.awaiting
    if (awaiting === null) return
    if (walk.keys.length + walk.replies.length > maxActions) {
      complete = false
      return
    }
    const choosing = !walk.repeating
    switch (awaiting.kind) {
      case 'key': {
        if (choosing) {
          const pressed = new Set(call.visited.map(pathKey))
          for (const option of optionsInKeyOrder(awaiting.command)) {
            if (pressed.has(pathKey(option.path))) continue
            explore(advance(walk, { type: 'key', key: option.key }, option.key))
          }
        }
        return silence(walk)
      }
      case 'digits':
        if (choosing) {
          const typed = `${SAMPLE_DIGITS}#`
          explore(advance(walk, { type: 'digits', digits: typed }, typed))
        }
        return silence(walk)
      case 'reply':
        if (choosing) explore(advance(walk, { type: 'reply-failed' }, null, true))
        return finish(walk, { kind: 'fetched', url: awaiting.url })
      case 'department':
        for (const state of DEPARTMENT_STATES) {
          explore(advance(walk, { type: 'department', state }, null))
        }
        return
    }
  }

  for (const state of AGENT_STATES) {
    const call = startCall(parsed, {
      state,
      askDepartments: true,
      ...(options.diagnostics ? { diagnostics: options.diagnostics } : {}),
    })
    if (call.outcome?.kind === 'refused') return { paths: [], complete: true }
    const sections = new Set<string>()
    for (const name of enteredSections(call.transcript)) sections.add(name)
    explore({ call, state, keys: [], replies: [], sections, repeating: false })
  }
  return { paths, complete }
}

/** Sections of the IVR under test that these entries enter. */
function enteredSections(entries: readonly TranscriptEntry[]): string[] {
  const names: string[] = []
  for (const entry of entries) {
    if (entry.script !== 0) continue
    if (entry.kind === 'enter' || entry.kind === 'queue') names.push(entry.section)
    else if (entry.kind === 'goto') names.push(entry.target)
  }
  return names
}

/** A command or choice option of the IVR, for coverage reports. */
export interface IvrStep {
  readonly path: IvrPath
  readonly section: string
  readonly line: number
  readonly kind: CommandKind | 'option'
  /** The key of an option. */
  readonly key: string | null
}

/** Every command and choice option of the IVR, nested ones included, in source order. */
export function allSteps(parsed: ParsedIvr): IvrStep[] {
  const steps: IvrStep[] = []
  const line = (offset: number) => toPosition(parsed.lines, offset).line
  const walk = (section: string, list: readonly CommandNode[]) => {
    for (const command of list) {
      steps.push({
        path: command.path,
        section,
        line: line(command.keySpan.start),
        kind: command.kind,
        key: null,
      })
      if (command.kind === 'choice') {
        for (const option of command.options) {
          steps.push({
            path: option.path,
            section,
            line: line(option.keySpan.start),
            kind: 'option',
            key: option.key,
          })
          if (option.do) walk(section, option.do)
        }
      } else if (command.kind === 'transfer') {
        for (const branch of command.branches) walk(section, branch.commands)
      }
    }
  }
  for (const section of parsed.model.sections) walk(section.name, section.commands)
  return steps
}

/**
 * The commands and options no walk visited, given the `visited` lists of the walks (test calls,
 * or the paths of `enumeratePaths`). Commands after one that ends their list are included: no
 * call can reach them.
 */
export function unvisitedSteps(
  parsed: ParsedIvr,
  walks: readonly (readonly IvrPath[])[],
): IvrStep[] {
  const seen = new Set<string>()
  for (const visited of walks) for (const path of visited) seen.add(pathKey(path))
  return allSteps(parsed).filter((s) => !seen.has(pathKey(s.path)))
}
