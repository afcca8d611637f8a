import { describe, expect, it } from 'vitest'
import { MARKER_OWNER, toMarkers } from '../../../src/app/editor/markers.ts'
import { quickFixesFor, type ReportedMarker } from '../../../src/app/editor/quick-fixes.ts'
import { translate } from '../../../src/i18n/translate.ts'
import { checkIvr } from '../../../src/validate/validate-ivr.ts'
import { dedent } from '../../helpers/dedent.ts'

const text = dedent`
  online:
    - ring
  offline:
    - goto: nowhere
    - goto: nowhere
  queue:
    - goto: sales
  sale:
    - ring
`

function shownOf(locale: 'en' | 'ja' = 'en') {
  const { diagnostics } = checkIvr(text)
  const markers = toMarkers(diagnostics, text, locale)
  return diagnostics.map((diagnostic, i) => ({ marker: markers[i]!, diagnostic }))
}

/** The markers as Monaco reports them back: with their owner. */
function reported(
  shown: ReturnType<typeof shownOf>,
  code: string,
  owner = MARKER_OWNER,
): ReportedMarker[] {
  return shown.filter((s) => s.diagnostic.code === code).map((s) => ({ ...s.marker, owner }))
}

describe('quickFixesFor', () => {
  it('offers each fix of the diagnostic behind our marker, translated, the first preferred', () => {
    const shown = shownOf()
    const fixes = quickFixesFor(reported(shown, 'dangling-goto').slice(2), shown, 'en')
    expect(fixes.map((f) => [f.title, f.isPreferred])).toEqual([
      [translate('en', 'fix.use-name', { name: 'sale' }), true],
      [translate('en', 'fix.add-section', { name: 'sales' }), false],
    ])
    expect(fixes[0]?.fix.op).toEqual({
      type: 'scalar.set',
      path: ['queue', 0, 'goto'],
      value: 'sale',
    })
  })

  it('offers the same fix of two markers once', () => {
    const shown = shownOf()
    const fixes = quickFixesFor(reported(shown, 'dangling-goto').slice(0, 2), shown, 'en')
    expect(fixes.map((f) => f.title)).toEqual([
      translate('en', 'fix.add-section', { name: 'nowhere' }),
    ])
  })

  it('speaks the current language', () => {
    const shown = shownOf('ja')
    const fixes = quickFixesFor(reported(shown, 'dangling-goto').slice(0, 1), shown, 'ja')
    expect(fixes.map((f) => f.title)).toEqual(['セクション「nowhere」を作成'])
  })

  it('ignores markers of other owners and markers that no diagnostic made', () => {
    const shown = shownOf()
    expect(quickFixesFor(reported(shown, 'dangling-goto', 'yaml'), shown, 'en')).toEqual([])
    const moved = reported(shown, 'dangling-goto').map((m) => ({
      ...m,
      startColumn: m.startColumn + 1,
    }))
    expect(quickFixesFor(moved, shown, 'en')).toEqual([])
  })
})
