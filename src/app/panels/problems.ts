import type { Span } from '../../model/span.ts'
import { compareDiagnostics, type Diagnostic, type Severity } from '../../validate/diagnostic.ts'

/** How many problems there are of each severity. */
export type ProblemCounts = Readonly<Record<Severity, number>>

/** Which severities the list shows. */
export type SeverityFilter = Readonly<Record<Severity, boolean>>

/** Every severity shown. */
export const SHOW_ALL: SeverityFilter = { error: true, warning: true, info: true }

/** The severities in the order the panel lists their counts, worst first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info']

/** Counts problems by severity. */
export function countProblems(diagnostics: readonly Diagnostic[]): ProblemCounts {
  const counts = { error: 0, warning: 0, info: 0 }
  for (const d of diagnostics) counts[d.severity]++
  return counts
}

/** Whether a diagnostic says the text cannot be read at all (so the canvas shows an older one). */
export function isSyntaxProblem(d: Diagnostic): boolean {
  return d.code === 'yaml-syntax' || d.code === 'too-large' || d.code === 'too-deep'
}

/**
 * The problems in the order the panel lists them: by position, except that while the text cannot
 * be read (`stale`), what stops it from being read comes first.
 */
export function orderProblems(diagnostics: readonly Diagnostic[], stale: boolean): Diagnostic[] {
  const sorted = [...diagnostics].sort(compareDiagnostics)
  if (!stale) return sorted
  return [...sorted.filter(isSyntaxProblem), ...sorted.filter((d) => !isSyntaxProblem(d))]
}

/** The problems `filter` lets through, in the same order. */
export function filterProblems(
  problems: readonly Diagnostic[],
  filter: SeverityFilter,
): Diagnostic[] {
  return problems.filter((d) => filter[d.severity])
}

/**
 * A key that tells problems apart in one list and stays the same while the item it is about
 * does: by its YAML path, so that text typed above a problem keeps its row (and keeps it the
 * problem gone to). Problems of the whole text (no path), such as syntax errors, go by place.
 */
export function problemKey(d: Diagnostic): string {
  const where = d.path.length > 0 ? JSON.stringify(d.path) : `@${d.span.start}-${d.span.end}`
  return `${d.code}:${where}:${d.messageId}:${JSON.stringify(d.args)}`
}

/**
 * The index of the problem to go to from `current` (the index of the problem gone to last, or
 * -1) in `direction`, wrapping around at either end. Without a current problem, the first problem
 * after `caret` (an offset of the selection) in that direction is chosen. -1 for an empty list.
 */
export function stepProblem(
  problems: readonly Diagnostic[],
  current: number,
  direction: 1 | -1,
  caret: Span | null = null,
): number {
  const n = problems.length
  if (n === 0) return -1
  if (current >= 0 && current < n) return (current + direction + n) % n
  if (caret === null) return direction === 1 ? 0 : n - 1
  if (direction === 1) {
    const next = problems.findIndex((d) => d.span.start > caret.start)
    return next === -1 ? 0 : next
  }
  for (let i = n - 1; i >= 0; i--)
    if ((problems[i] as Diagnostic).span.start < caret.start) return i
  return n - 1
}
