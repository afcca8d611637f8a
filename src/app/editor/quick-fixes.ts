import { translate, type Locale } from '../../i18n/translate.ts'
import type { Diagnostic, Fix } from '../../validate/diagnostic.ts'
import { MARKER_OWNER, type MarkerData } from './markers.ts'

/**
 * A marker as Monaco reports it back to a code action provider: its own markers carry their
 * owner, and their code may be a string or a link.
 */
export interface ReportedMarker extends Omit<MarkerData, 'code' | 'severity'> {
  readonly owner?: string
  readonly severity: number
  readonly code?: string | { readonly value: string }
}

/** One quick fix to offer: its translated title, the fix itself and the marker it resolves. */
export interface QuickFix {
  readonly title: string
  readonly fix: Fix
  readonly marker: ReportedMarker
  readonly isPreferred: boolean
}

/**
 * The quick fixes for the markers Monaco found in the requested range. Markers are ours when
 * their owner is ours and they equal the marker made from a diagnostic; each such diagnostic's
 * fixes are offered in order, the same fix only once, the very first preferred.
 */
export function quickFixesFor(
  reported: readonly ReportedMarker[],
  shown: readonly { readonly marker: MarkerData; readonly diagnostic: Diagnostic }[],
  locale: Locale,
): QuickFix[] {
  const fixes: QuickFix[] = []
  const seen = new Set<string>()
  for (const marker of reported) {
    if (marker.owner !== MARKER_OWNER) continue
    const match = shown.find((s) => sameMarker(s.marker, marker))
    if (!match) continue
    for (const fix of match.diagnostic.fixes) {
      const title = translate(locale, fix.title, fix.args)
      const key = `${title}\n${JSON.stringify(fix.op)}`
      if (seen.has(key)) continue
      seen.add(key)
      fixes.push({ title, fix, marker, isPreferred: fixes.length === 0 })
    }
  }
  return fixes
}

function sameMarker(a: MarkerData, b: ReportedMarker): boolean {
  const code = typeof b.code === 'string' ? b.code : b.code?.value
  return (
    a.code === code &&
    a.message === b.message &&
    a.startLineNumber === b.startLineNumber &&
    a.startColumn === b.startColumn &&
    a.endLineNumber === b.endLineNumber &&
    a.endColumn === b.endColumn
  )
}
