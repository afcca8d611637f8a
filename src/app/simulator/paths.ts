import type { IvrPath } from '../../model/path.ts'
import { AGENT_STATES, type AgentState } from '../../simulate/call.ts'
import {
  enumeratePaths,
  unvisitedSteps,
  type CallPath,
  type IvrStep,
  type PathList,
} from '../../simulate/coverage.ts'
import type { Diagnostic } from '../../validate/diagnostic.ts'
import type { ParsedIvr } from '../../yaml/parse-ivr.ts'
import type { CallWalk } from '../state/call.ts'
import type { ReplayablePath } from './call-driver.ts'

const listed = new WeakMap<ParsedIvr, PathList>()

/**
 * Every distinct path through the IVR (see `enumeratePaths`), computed once per parse however
 * many views ask. `diagnostics` must be those of `parsed`.
 */
export function pathsOf(parsed: ParsedIvr, diagnostics: readonly Diagnostic[]): PathList {
  let list = listed.get(parsed)
  if (!list) {
    list = enumeratePaths(parsed, { diagnostics })
    listed.set(parsed, list)
  }
  return list
}

/** The paths that start with the agents in one state. */
export interface PathGroup {
  readonly agents: AgentState
  readonly paths: readonly CallPath[]
}

/** The paths by the agents' state when the call comes in, in the order of `AGENT_STATES`. */
export function groupPaths(paths: readonly CallPath[]): PathGroup[] {
  return AGENT_STATES.map((agents) => ({
    agents,
    paths: paths.filter((p) => p.state === agents),
  })).filter((group) => group.paths.length > 0)
}

/**
 * The sections of the IVR a path goes through, in order, each stay once (`online → queue →
 * callmeback`); a section entered again after another counts again.
 */
export function sectionsWalked(path: CallPath): string[] {
  const names: string[] = []
  for (const entry of path.transcript) {
    if (entry.script !== 0) continue
    const name =
      entry.kind === 'enter' || entry.kind === 'queue'
        ? entry.section
        : entry.kind === 'goto'
          ? entry.target
          : null
    if (name !== null && names[names.length - 1] !== name) names.push(name)
  }
  return names
}

/** What a replay of a listed path needs. */
export function replayableOf(path: CallPath): ReplayablePath {
  return {
    agents: path.state,
    departments: path.departments,
    keys: path.keys,
    failedReplies: path.replies.length,
  }
}

/** A stable key of a listed path for lists and tests: state, departments, keys, outcome. */
export function pathId(path: CallPath): string {
  const departments = Object.entries(path.departments)
    .map(([id, state]) => `${id}=${state}`)
    .join(',')
  return [
    path.state,
    departments,
    path.keys.join(' '),
    path.replies.length,
    path.outcome.kind,
  ].join('|')
}

let lastCoverage: {
  parsed: ParsedIvr
  walks: readonly CallWalk[]
  revision: number
  extra: readonly IvrPath[] | null
  steps: IvrStep[]
} | null = null

/**
 * The commands and options that no listed path and no call walked on this revision (earlier
 * revisions' walks may name other commands at the same places, so they do not count). Computed
 * again only when one of the inputs changes.
 */
export function unwalkedSteps(
  parsed: ParsedIvr,
  diagnostics: readonly Diagnostic[],
  walks: readonly CallWalk[],
  revision: number,
  current: readonly IvrPath[] | null,
): IvrStep[] {
  const last = lastCoverage
  if (
    last &&
    last.parsed === parsed &&
    last.walks === walks &&
    last.revision === revision &&
    last.extra === current
  ) {
    return last.steps
  }
  const visited: (readonly IvrPath[])[] = pathsOf(parsed, diagnostics).paths.map((p) => p.visited)
  for (const walk of walks) if (walk.revision === revision) visited.push(walk.visited)
  if (current) visited.push(current)
  const steps = unvisitedSteps(parsed, visited)
  lastCoverage = { parsed, walks, revision, extra: current, steps }
  return steps
}
