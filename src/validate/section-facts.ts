import type { CommandNode, SectionNode, TextValue } from '../model/ivr.ts'
import type { IvrPath } from '../model/path.ts'
import type { Span } from '../model/span.ts'
import { childLists, referencesOf, type SectionReference } from './walk.ts'

/*
 * What the global rules need to know of each section, gathered in one walk of the section and
 * kept while its text does not change. Spans are relative to the section's start (its
 * `span.start`), so that the facts of a section stay the same when an edit above moves it; a
 * rule adds the start back with `at` when it reports one.
 */

/** A reference to a section by name (goto, option goto, onError). */
export interface FactReference {
  /** The section name, as written. */
  readonly target: string
  /** The scalar that names the section, relative to the section's start. */
  readonly span: Span
  /** The path of that scalar. */
  readonly path: IvrPath
  readonly via: SectionReference['via']
  /** Whether it stands inside a `transfer` branch, which runs in another department's state. */
  readonly inBranch: boolean
}

/** A `callback` command: its path and its command word, relative to the section's start. */
export interface FactCallback {
  readonly path: IvrPath
  readonly keySpan: Span
}

/** A play URL of a `play` command or a choice option, relative to the section's start. */
export interface FactPlay {
  readonly url: string
  readonly span: Span
  /** The path of the `play` key's value. */
  readonly path: IvrPath
}

export interface SectionFacts {
  /** Every reference in the section, nested lists and transfer branches included, in source order. */
  readonly references: readonly FactReference[]
  /**
   * The references the section's list reaches before anything that plays, waits or ends the
   * call: a leading goto, a fetch's onError, and the same in each branch of a leading transfer.
   */
  readonly silent: readonly FactReference[]
  /** The callbacks in the section's list and its options' `do` lists, not in transfer branches. */
  readonly callbacks: readonly FactCallback[]
  /**
   * The callbacks in the `offline` branches of the section's transfers (wherever the transfer
   * stands), with the transfer's department; in source order of the transfers.
   */
  readonly offlineCallbacks: readonly (FactCallback & { readonly department: string })[]
  /** Play URLs of play commands and choice options, in source order. */
  readonly plays: readonly FactPlay[]
}

/** A span of the section moved to where the section stands now. */
export function at(span: Span, start: number): Span {
  return { start: span.start + start, end: span.end + start }
}

/** Gathers the facts of a section in one walk. */
export function sectionFacts(section: SectionNode): SectionFacts {
  const base = section.span.start
  const relative = (span: Span): Span => ({ start: span.start - base, end: span.end - base })
  const reference = (ref: SectionReference, inBranch: boolean): FactReference => ({
    target: ref.target.value,
    span: relative(ref.target.span),
    path: ref.path,
    via: ref.via,
    inBranch,
  })
  const references: FactReference[] = []
  const offlineCallbacks: (FactCallback & { department: string })[] = []
  const plays: FactPlay[] = []
  const play = (url: TextValue | null, path: IvrPath) => {
    if (url) plays.push({ url: url.value, span: relative(url.span), path })
  }
  // Pre-order, as the model index lists commands: a command, then the lists inside it.
  const walk = (list: readonly CommandNode[], inBranch: boolean) => {
    for (const command of list) {
      for (const ref of referencesOf(command)) references.push(reference(ref, inBranch))
      if (command.kind === 'play') play(command.url, [...command.path, 'play'])
      if (command.kind === 'choice') {
        for (const option of command.options) play(option.play, [...option.path, 'play'])
      }
      if (command.kind === 'transfer') {
        const department = command.to?.value ?? ''
        for (const branch of command.branches) {
          if (branch.state !== 'offline') continue
          for (const callback of callbacksIn(branch.commands)) {
            offlineCallbacks.push({
              path: callback.path,
              keySpan: relative(callback.keySpan),
              department,
            })
          }
        }
      }
      for (const child of childLists(command))
        walk(child.commands, inBranch || child.branch !== null)
    }
  }
  walk(section.commands, false)
  return {
    references,
    silent: silentReferences(section.commands).map((ref) => reference(ref, false)),
    callbacks: callbacksIn(section.commands).map((c) => ({
      path: c.path,
      keySpan: relative(c.keySpan),
    })),
    offlineCallbacks,
    plays,
  }
}

/** The callbacks in a list and in option `do` lists; transfer branches are left out. */
function callbacksIn(list: readonly CommandNode[]): CommandNode[] {
  const found: CommandNode[] = []
  for (const command of list) {
    if (command.kind === 'callback') found.push(command)
    for (const child of childLists(command)) {
      if (!child.branch) found.push(...callbacksIn(child.commands))
    }
  }
  return found
}

/** References reached before anything that plays, waits or ends the call. */
function silentReferences(list: readonly CommandNode[]): SectionReference[] {
  for (const command of list) {
    switch (command.kind) {
      case 'goto':
        return referencesOf(command)
      case 'fetch':
        // A fetch that keeps failing goes on at onError without a sound.
        return referencesOf(command)
      case 'transfer':
        return command.branches.flatMap((b) => silentReferences(b.commands))
      default:
        return []
    }
  }
  return []
}

/** Where rules get the facts of the model's sections: gathered once, or reused from a cache. */
export interface FactIndex {
  of(section: SectionNode): SectionFacts
}

/**
 * The sections reachable from `from` by references, each with the section it was first reached
 * from (`null` for the starting ones). Breadth first, so `chainTo` gives shortest chains. With
 * `skipBranches`, references inside `transfer` branches are not followed.
 */
export function reachableByFacts(
  sections: ReadonlyMap<string, SectionNode>,
  facts: FactIndex,
  from: readonly string[],
  skipBranches = false,
): Map<string, string | null> {
  const parents = new Map<string, string | null>()
  const queue: string[] = []
  for (const name of from) {
    if (sections.has(name) && !parents.has(name)) {
      parents.set(name, null)
      queue.push(name)
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const name = queue[i] as string
    for (const ref of facts.of(sections.get(name) as SectionNode).references) {
      if (skipBranches && ref.inBranch) continue
      if (sections.has(ref.target) && !parents.has(ref.target)) {
        parents.set(ref.target, name)
        queue.push(ref.target)
      }
    }
  }
  return parents
}
