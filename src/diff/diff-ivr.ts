import type { IvrModel } from '../model/ivr.ts'
import type { IvrPath } from '../model/path.ts'
import {
  matchIvrs,
  type BranchMatch,
  type CommandMatch,
  type IvrMatch,
  type OptionMatch,
  type SectionMatch,
} from './match.ts'
import type { DiffMessage } from './message.ts'
import { summarizeMatch } from './summary.ts'

/** What kind of part changed. */
export type DiffPart = 'section' | 'command' | 'option' | 'branch'

/** One change from the older IVR to the newer. */
export interface IvrChange {
  readonly kind: 'added' | 'removed' | 'changed'
  readonly part: DiffPart
  /** The section it is in, by its newer name (by its older one when the section was removed). */
  readonly section: string
  /** Where the part is in the older IVR; `null` when it was added. */
  readonly before: IvrPath | null
  /** Where the part is in the newer IVR; `null` when it was removed. */
  readonly after: IvrPath | null
}

/** How two IVRs differ. */
export interface IvrDiff {
  /** The two IVRs matched part by part, for views that show both. */
  readonly match: IvrMatch
  /**
   * Every change, in the order of the newer IVR. A part added or removed as a whole is one
   * change; what it contains is not listed again.
   */
  readonly changes: readonly IvrChange[]
  /** What changes for callers, as catalog messages (see `diffMessageText`). */
  readonly summary: readonly DiffMessage[]
}

/** The difference between two IVRs, `before` being the older. */
export function diffIvrs(before: IvrModel, after: IvrModel): IvrDiff {
  const match = matchIvrs(before, after)
  const changes: IvrChange[] = []
  for (const section of match.sections) collectSection(section, changes)
  return { match, changes, summary: summarizeMatch(match) }
}

function collectSection(section: SectionMatch, changes: IvrChange[]): void {
  const name = section.name
  if (section.status !== 'same') {
    changes.push({
      kind: section.status,
      part: 'section',
      section: name,
      before: section.before?.path ?? null,
      after: section.after?.path ?? null,
    })
  }
  if (section.status === 'added' || section.status === 'removed') return
  for (const command of section.commands) collectPart(command, name, changes)
}

function collectPart(
  part: CommandMatch | OptionMatch | BranchMatch,
  section: string,
  changes: IvrChange[],
): void {
  if (part.status !== 'same') {
    changes.push({
      kind: part.status,
      part: 'options' in part ? 'command' : 'key' in part ? 'option' : 'branch',
      section,
      before: part.before?.path ?? null,
      after: part.after?.path ?? null,
    })
  }
  if (part.status === 'added' || part.status === 'removed') return
  const children = 'options' in part ? [...part.options, ...part.branches] : part.commands
  for (const child of children) collectPart(child, section, changes)
}
