import type { Diagnostic } from '../../src/validate/diagnostic.ts'
import { checkIvr, type ValidateOptions } from '../../src/validate/validate-ivr.ts'

/** A diagnostic as one line, `LINE:COL-ENDLINE:ENDCOL severity code`, for exact comparisons. */
export function brief(d: Diagnostic): string {
  return `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.code}`
}

/** The diagnostics of a text, each as a `brief` line. */
export function briefs(text: string, options: ValidateOptions = {}): string[] {
  return checkIvr(text, options).diagnostics.map(brief)
}
