import { describe, expect, it } from 'vitest'
import { searchGraph } from '../../../src/app/canvas/search-graph.ts'
import { createDocumentSession } from '../../../src/app/state/document-session.ts'
import { translate } from '../../../src/i18n/translate.ts'
import { dedent } from '../../helpers/dedent.ts'

const t = (id: Parameters<typeof translate>[1], args?: Parameters<typeof translate>[2]) =>
  translate('en', id, args)

const { graph } = createDocumentSession().view(dedent`
  online:
    - play: https://cdn.example.com/welcome.mp3
    - choice:
        1:
          name: Sales team
          play: https://cdn.example.com/press-1.mp3
          goto: sales
  offline: [voicemail]
  queue:
    - goto: hold_music
  hold_music: [ring]
  sales: [ring]
  presales: [voicemail]
`).good

describe('the canvas search', () => {
  it('finds sections first, those starting with the query before the others, then rows', () => {
    expect(searchGraph(graph, 'SALES', t).map((m) => [m.title, m.section])).toEqual([
      ['sales', null],
      ['presales', null],
      ['1 · Sales team', 'online'],
    ])
  })

  it('finds rows by label, URL and target, and selects their path', () => {
    expect(searchGraph(graph, 'welcome', t).map((m) => m.path)).toEqual([['online', 0]])
    expect(searchGraph(graph, 'hold_', t).map((m) => [m.title, m.section])).toEqual([
      ['hold_music', null],
      ['Go to hold_music', 'queue'],
    ])
    expect(searchGraph(graph, 'ring agents', t).map((m) => m.section)).toEqual([
      'hold_music',
      'sales',
    ])
  })

  it('finds nothing for an empty query and stops at the limit', () => {
    expect(searchGraph(graph, '  ', t)).toEqual([])
    expect(searchGraph(graph, 'e', t, 2)).toHaveLength(2)
  })
})
