import type { IvrPath } from '../model/path.ts'
import type { Range, Span } from '../model/span.ts'
import type { IvrOp } from '../ops/op.ts'

/** Every diagnostic code, stable and kebab-case. */
export const DIAGNOSTIC_CODES = [
  'yaml-syntax',
  'too-large',
  'too-deep',
  'not-a-mapping',
  'invalid-section',
  'missing-section',
  'empty-section',
  'unreachable-section',
  'invalid-command',
  'unknown-command',
  'invalid-url',
  'unreachable-command',
  'duplicate-key',
  'invalid-choice-key',
  'choice-option-silent',
  'choice-option-action',
  'unquoted-placeholder',
  'dangling-goto',
  'callback-in-offline',
  'goto-loop',
  'missing-recording',
] as const

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number]

export type Severity = 'error' | 'warning' | 'info'

/** A mechanical fix the editor can offer as a quick fix. */
export interface Fix {
  /** Message catalog id of the fix's title, `fix.*`. */
  readonly title: string
  readonly args?: Readonly<Record<string, string | number>>
  readonly op: IvrOp
}

/**
 * One problem of an IVR, computed once and shown in three places: the path maps it to a canvas
 * node, the range to a Monaco marker, and the problems list shows the message.
 */
export interface Diagnostic extends Range {
  readonly code: DiagnosticCode
  readonly severity: Severity
  /** For an admin: what is wrong and what to do. English unless a locale was asked for. */
  readonly message: string
  /** Message catalog id and arguments, so that a view can show the message in another language. */
  readonly messageId: string
  readonly args: Readonly<Record<string, string | number>>
  readonly path: IvrPath
  /** The same range as 0-based UTF-16 offsets into the text. */
  readonly span: Span
  readonly fixes: readonly Fix[]
}

/** The order in which severities are listed, worst first. */
export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 }

/** Whether the diagnostics allow the IVR to go live: warnings and infos do. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error')
}

/** Sorts by position, then severity, then code; a stable order for lists and tests. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.span.start - b.span.start ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.code.localeCompare(b.code)
  )
}
