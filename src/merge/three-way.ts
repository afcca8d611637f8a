import { matchLines, splitLines } from './line-diff.ts'

/**
 * A three-way merge of IVR texts: the changes from `base` to `mine` and from `base` to `theirs`,
 * line by line, combined into one text. Where both changed the same lines differently there is a
 * conflict; the merged text then holds both, between conflict markers, and the conflict names
 * the section it is in. Pure: no DOM, no YAML parsing, every byte outside the changes kept.
 */

/** One place where both sides changed the same lines differently. */
export interface MergeConflict {
  /** The lines of the base there, joined (with their line breaks). */
  readonly base: string
  readonly mine: string
  readonly theirs: string
  /** The top-level section the conflict is in, when it is inside one. */
  readonly section: string | null
  /** The 0-based line of the merged text where its `<<<<<<<` marker is. */
  readonly line: number
}

/** The outcome of a merge. */
export interface MergeResult {
  /** The merged text; with conflict markers around each conflict, when there are any. */
  readonly text: string
  readonly conflicts: readonly MergeConflict[]
  /** The sections changed on my side only, on theirs only, and on both (merged or not). */
  readonly changed: {
    readonly mine: readonly string[]
    readonly theirs: readonly string[]
    readonly both: readonly string[]
  }
}

/** How conflict markers are labelled. */
export interface MergeLabels {
  readonly mine: string
  readonly theirs: string
}

const DEFAULT_LABELS: MergeLabels = { mine: 'mine', theirs: 'theirs' }

/** The markers that open, divide and close a conflict in merged text. */
export const CONFLICT_MARKERS = { open: '<<<<<<<', middle: '=======', close: '>>>>>>>' } as const

/** A stretch of the merge: lines all three agree on, or a change of one side or both. */
type Chunk =
  | { readonly kind: 'stable'; readonly lines: readonly string[]; readonly baseStart: number }
  | {
      readonly kind: 'change'
      readonly base: readonly string[]
      readonly mine: readonly string[]
      readonly theirs: readonly string[]
      readonly baseStart: number
    }

/** Whether two line lists are the same. */
function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, index) => line === b[index])
}

/** The stretches of the merge, in order (the diff3 walk over the two matchings of the base). */
function chunksOf(
  base: readonly string[],
  mine: readonly string[],
  theirs: readonly string[],
): Chunk[] {
  const toMine = matchLines(base, mine)
  const toTheirs = matchLines(base, theirs)
  const chunks: Chunk[] = []
  let i = 0
  let a = 0
  let b = 0
  for (;;) {
    let run = 0
    while (i + run < base.length && toMine[i + run] === a + run && toTheirs[i + run] === b + run) {
      run++
    }
    if (run > 0) {
      chunks.push({ kind: 'stable', lines: base.slice(i, i + run), baseStart: i })
      i += run
      a += run
      b += run
      continue
    }
    // The next base line both sides kept ends this change.
    let next = i
    while (next < base.length && (toMine[next] === -1 || toTheirs[next] === -1)) next++
    const mineEnd = next < base.length ? (toMine[next] as number) : mine.length
    const theirsEnd = next < base.length ? (toTheirs[next] as number) : theirs.length
    if (next === i && mineEnd === a && theirsEnd === b) break
    chunks.push({
      kind: 'change',
      base: base.slice(i, next),
      mine: mine.slice(a, mineEnd),
      theirs: theirs.slice(b, theirsEnd),
      baseStart: i,
    })
    i = next
    a = mineEnd
    b = theirsEnd
  }
  return chunks
}

/**
 * The name of the top-level key a line belongs to: the nearest line at or above it that starts
 * a mapping key at column 0. Comments, blank lines and document markers belong to no key of
 * their own.
 */
export function topLevelKeys(lines: readonly string[]): (string | null)[] {
  const keys: (string | null)[] = []
  let current: string | null = null
  for (const line of lines) {
    const key = /^(?:"([^"]*)"|'([^']*)'|([^\s#'"\-?:][^:#]*?|-[^\s:#][^:#]*?))\s*:(?:\s|$)/.exec(
      line,
    )
    if (key !== null) current = key[1] ?? key[2] ?? (key[3] as string)
    keys.push(current)
  }
  return keys
}

function ensureBreak(lines: readonly string[], lineBreak: string): string[] {
  const copy = [...lines]
  const last = copy[copy.length - 1]
  if (last !== undefined && !/[\r\n]$/.test(last)) copy[copy.length - 1] = last + lineBreak
  return copy
}

/** The line break the text uses most: `\n` unless it has `\r\n` lines. */
function lineBreakOf(lines: readonly string[]): string {
  return lines.some((line) => line.endsWith('\r\n')) ? '\r\n' : '\n'
}

/**
 * Merges the changes `mine` and `theirs` made to `base`. A change of one side only is taken; the
 * same change on both sides is taken once; different changes to the same lines (or insertions at
 * the same place) are a conflict, written with markers as
 * `<<<<<<< mine` … `=======` … `>>>>>>> theirs`.
 */
export function mergeThreeWay(
  base: string,
  mine: string,
  theirs: string,
  labels: MergeLabels = DEFAULT_LABELS,
): MergeResult {
  // Quick answers that are also exact: an unchanged side gives the other side, byte for byte.
  if (mine === base || mine === theirs) return quick(theirs, base, mine, theirs)
  if (theirs === base) return quick(mine, base, mine, theirs)

  const baseLines = splitLines(base)
  const mineLines = splitLines(mine)
  const theirsLines = splitLines(theirs)
  const baseKeys = topLevelKeys(baseLines)
  const mineKeys = topLevelKeys(mineLines)
  const theirsKeys = topLevelKeys(theirsLines)
  const lineBreak = lineBreakOf(mineLines.length > 0 ? mineLines : theirsLines)
  const out: string[] = []
  const conflicts: MergeConflict[] = []
  const changedMine = new Set<string>()
  const changedTheirs = new Set<string>()
  let a = 0
  let b = 0

  const sectionsOf = (
    keys: readonly (string | null)[],
    start: number,
    count: number,
    baseStart: number,
  ): string[] => {
    const names = keys.slice(start, start + count).filter((key): key is string => key !== null)
    // An insertion or deletion with no key line of its own is in the section it lands in.
    const around = baseKeys[Math.max(0, Math.min(baseStart, baseKeys.length - 1))]
    if (names.length === 0 && around !== undefined && around !== null) names.push(around)
    return names
  }

  for (const chunk of chunksOf(baseLines, mineLines, theirsLines)) {
    if (chunk.kind === 'stable') {
      out.push(...chunk.lines)
      a += chunk.lines.length
      b += chunk.lines.length
      continue
    }
    const mineChanged = !sameLines(chunk.mine, chunk.base)
    const theirsChanged = !sameLines(chunk.theirs, chunk.base)
    const inBase = baseKeys.slice(chunk.baseStart, chunk.baseStart + chunk.base.length)
    const mineSections = [
      ...inBase.filter((key): key is string => key !== null),
      ...sectionsOf(mineKeys, a, chunk.mine.length, chunk.baseStart),
    ]
    const theirsSections = [
      ...inBase.filter((key): key is string => key !== null),
      ...sectionsOf(theirsKeys, b, chunk.theirs.length, chunk.baseStart),
    ]
    if (mineChanged) for (const name of mineSections) changedMine.add(name)
    if (theirsChanged) for (const name of theirsSections) changedTheirs.add(name)
    a += chunk.mine.length
    b += chunk.theirs.length

    if (!mineChanged) out.push(...chunk.theirs)
    else if (!theirsChanged || sameLines(chunk.mine, chunk.theirs)) out.push(...chunk.mine)
    else {
      const section = mineSections[0] ?? theirsSections[0] ?? baseKeys[chunk.baseStart - 1] ?? null
      const at = out.length
      // A side whose last line has no break would run into the marker after it.
      const breakBefore = out.length > 0 && !/[\r\n]$/.test(out[out.length - 1] as string)
      if (breakBefore) out[out.length - 1] += lineBreak
      out.push(
        `${CONFLICT_MARKERS.open} ${labels.mine}${lineBreak}`,
        ...ensureBreak(chunk.mine, lineBreak),
        `${CONFLICT_MARKERS.middle}${lineBreak}`,
        ...ensureBreak(chunk.theirs, lineBreak),
        `${CONFLICT_MARKERS.close} ${labels.theirs}${lineBreak}`,
      )
      conflicts.push({
        base: chunk.base.join(''),
        mine: chunk.mine.join(''),
        theirs: chunk.theirs.join(''),
        section,
        line: at,
      })
    }
  }

  const both = [...changedMine].filter((name) => changedTheirs.has(name))
  return {
    text: out.join(''),
    conflicts,
    changed: {
      mine: [...changedMine].filter((name) => !changedTheirs.has(name)),
      theirs: [...changedTheirs].filter((name) => !changedMine.has(name)),
      both,
    },
  }
}

/** The merge when one side did not change, or both made the same change. */
function quick(text: string, base: string, mine: string, theirs: string): MergeResult {
  const changed = (side: string) =>
    side === base ? [] : changedSections(splitLines(base), splitLines(side))
  const mineChanged = changed(mine)
  const theirsChanged = changed(theirs)
  return {
    text,
    conflicts: [],
    changed: {
      mine: mineChanged.filter((name) => !theirsChanged.includes(name)),
      theirs: theirsChanged.filter((name) => !mineChanged.includes(name)),
      both: mineChanged.filter((name) => theirsChanged.includes(name)),
    },
  }
}

/** The top-level sections whose lines differ between `base` and `side`. */
function changedSections(base: readonly string[], side: readonly string[]): string[] {
  const baseKeys = topLevelKeys(base)
  const sideKeys = topLevelKeys(side)
  const toSide = matchLines(base, side)
  const names = new Set<string>()
  const kept = new Set<number>()
  toSide.forEach((j, i) => {
    if (j === -1) {
      const key = baseKeys[i]
      if (key !== undefined && key !== null) names.add(key)
    } else kept.add(j)
  })
  side.forEach((_, j) => {
    if (kept.has(j)) return
    const key = sideKeys[j]
    if (key !== undefined && key !== null) names.add(key)
  })
  return [...names]
}

/** Whether `text` still holds a conflict marker line, so it is not resolved yet. */
export function hasConflictMarkers(text: string): boolean {
  return /^(?:<{7}|={7}|>{7})(?: |\r?$)/m.test(text)
}
