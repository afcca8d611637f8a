import type { IvrPath } from '../model/path.ts'
import type { Span } from '../model/span.ts'
import { translate, type Locale, type MessageArgs } from '../i18n/translate.ts'
import { toRange, type LineIndex } from '../yaml/positions.ts'
import type { Diagnostic, DiagnosticCode, Fix, Severity } from './diagnostic.ts'

/** What a rule says about one problem; the position and the message text are filled in for it. */
export interface Finding {
  readonly code: DiagnosticCode
  readonly severity: Severity
  readonly messageId: string
  readonly args?: MessageArgs
  readonly path: IvrPath
  readonly span: Span
  readonly fixes?: readonly Fix[]
}

/** Turns a finding into a diagnostic with its 1-based range and its message in `locale`. */
export function makeDiagnostic(finding: Finding, lines: LineIndex, locale: Locale): Diagnostic {
  const args = finding.args ?? {}
  return {
    code: finding.code,
    severity: finding.severity,
    message: translate(locale, finding.messageId, args),
    messageId: finding.messageId,
    args,
    path: finding.path,
    span: finding.span,
    ...toRange(lines, finding.span),
    fixes: finding.fixes ?? [],
  }
}
