import { describe, expect, it } from 'vitest'
import { buildGraph } from '../../src/graph/build-graph.ts'
import { edgeBounds, edgePath, sourceAnchor, targetAnchor } from '../../src/graph/card-geometry.ts'
import {
  cardAriaLabel,
  cardCaption,
  fileNameOfUrl,
  hostOfUrl,
  rowLabel,
} from '../../src/graph/labels.ts'
import { CARD } from '../../src/graph/layout.ts'
import { translate } from '../../src/i18n/translate.ts'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'
import { dedent } from '../helpers/dedent.ts'

const en = (id: Parameters<typeof translate>[1], args?: Parameters<typeof translate>[2]) =>
  translate('en', id, args)
const ja = (id: Parameters<typeof translate>[1], args?: Parameters<typeof translate>[2]) =>
  translate('ja', id, args)

function sectionsOf(text: string) {
  const parsed = parseIvr(text)
  return buildGraph(parsed.model, parsed.text).sections
}

describe('row labels', () => {
  const [start] = sectionsOf(dedent`
    start:
      - play: https://cdn.example.com/audio/welcome.mp3?v=2
      - choice:
          1:
            name: Sales
            play: https://cdn.example.com/audio/press-1.mp3
            goto: sales
          "*":
            play: https://cdn.example.com/audio/star.mp3
            do:
              - transfer:
                  to: support
                  if:
                    online: [ring]
                    offline: [voicemail]
                    queue: [callback]
      - goto: sales
      - fetch:
          url: https://api.example.com/ivr/next?x=1
          onError: sales
      - dtmf:
          url: https://digits.example.com/collect
      - plya: x
      - 42
    sales: [ring]
  `)

  it('reads every kind of row the way an admin would say it', () => {
    expect(start!.rows.map((row) => [row.depth, rowLabel(row, en).text])).toEqual([
      [0, 'Play welcome.mp3'],
      [0, 'Menu'],
      [1, 'Sales'],
      [1, 'Option *'],
      [2, 'Transfer to support'],
      [3, 'If online'],
      [4, 'Ring agents'],
      [3, 'If offline'],
      [4, 'Record a message'],
      [3, 'If busy'],
      [4, 'Call back later'],
      [0, 'Go to sales'],
      [0, 'Fetch script'],
      [0, 'Collect digits'],
      [0, 'Unknown command “plya”'],
      [0, 'Not a command'],
    ])
  })

  it('gives options their key, outcomes a chip, scripts their host and bad commands the error tone', () => {
    const byText = new Map(start!.rows.map((row) => [rowLabel(row, en).text, rowLabel(row, en)]))
    expect(byText.get('Sales')).toMatchObject({ key: '1', chip: null })
    expect(byText.get('Ring agents')).toMatchObject({ chip: 'Agents', key: null })
    expect(byText.get('Record a message')).toMatchObject({ chip: 'Voicemail' })
    expect(byText.get('Call back later')).toMatchObject({ chip: 'Callback request' })
    expect(byText.get('Fetch script')).toMatchObject({ detail: 'api.example.com' })
    expect(byText.get('Fetch script')!.title).toBe(
      'Fetch script\nhttps://api.example.com/ivr/next?x=1\nIf it fails: go to sales',
    )
    expect(byText.get('Collect digits')).toMatchObject({ detail: 'digits.example.com' })
    expect(byText.get('Unknown command “plya”')).toMatchObject({ tone: 'error' })
    expect(byText.get('Not a command')).toMatchObject({ tone: 'error' })
    expect(byText.get('Play welcome.mp3')!.title).toBe(
      'Play welcome.mp3\nhttps://cdn.example.com/audio/welcome.mp3?v=2',
    )
  })

  it('speaks Japanese from the same catalog', () => {
    expect(start!.rows.slice(0, 3).map((row) => rowLabel(row, ja).text)).toEqual([
      '再生: welcome.mp3',
      'メニュー',
      'Sales',
    ])
  })
})

describe('file names of recordings', () => {
  it.each([
    ['https://example.com/audio/hello.mp3', 'hello.mp3'],
    ['https://example.com/audio/hello%20world.mp3?token=abc#t=1', 'hello world.mp3'],
    [
      'https://mycompany.ladesk.com/scripts/file.php?view=Y&file=next-in-queue.mp3',
      'next-in-queue.mp3',
    ],
    ['https://example.com/play.php?id=7', 'play.php'],
    ['http://welcome.to.our.support', 'welcome.to.our.support'],
    ['not a url', 'not a url'],
    ['https://example.com/bad%E0%A4%A.mp3', 'bad%E0%A4%A.mp3'],
  ])('%s is %s', (url, name) => {
    expect(fileNameOfUrl(url)).toBe(name)
  })

  it('finds the host of a URL, without credentials', () => {
    expect(hostOfUrl('https://user:secret@api.example.com:8443/x')).toBe('api.example.com:8443')
    expect(hostOfUrl('nothing')).toBe('nothing')
  })
})

describe('cards', () => {
  const sections = sectionsOf(
    'online: [ring]\noffline: [voicemail]\nqueue:\n  - play: https://a.example/h.mp3\n  - ring\nmenu: [ring]\n',
  )

  it('say when the phone system runs them', () => {
    expect(sections.map((s) => cardCaption(s, en))).toEqual([
      'Runs when a call comes in and an agent is available',
      'Runs when a call comes in and no agent is logged in',
      'Plays while callers wait for a busy agent',
      'Runs when a goto leads here',
    ])
  })

  it('describe themselves to screen readers with their rows and problems', () => {
    expect(cardAriaLabel(sections[2]!, { severity: 'error', count: 1 }, en)).toBe(
      'Section queue, entry point, 2 rows, 1 error',
    )
    expect(cardAriaLabel(sections[3]!, { severity: 'warning', count: 3 }, en)).toBe(
      'Section menu, 1 row, 3 problems',
    )
    expect(cardAriaLabel(sections[0]!, null, ja)).toBe(
      'セクション online、エントリーポイント、1 行',
    )
  })
})

describe('card geometry', () => {
  it('attaches edges to the middle of a row on the right and of the header on the left', () => {
    expect(sourceAnchor({ x: 10, y: 20 }, 2)).toEqual({
      x: 10 + CARD.width,
      y: 20 + CARD.header + CARD.padding + 2 * CARD.row + CARD.row / 2,
    })
    expect(targetAnchor({ x: 10, y: 20 })).toEqual({ x: 10, y: 20 + CARD.header / 2 })
    expect(targetAnchor({ x: 10, y: 20 }, true)).toEqual({ x: 10, y: 20 + CARD.stubHeight / 2 })
  })

  it('draws an S-curve forwards, and loops over the card back into itself', () => {
    expect(edgePath({ x: 0, y: 0 }, { x: 100, y: 50 })).toBe('M0,0 C50,0 50,50 100,50')
    expect(edgePath({ x: 300, y: 100 }, { x: 0, y: 29 }, 0)).toBe(
      'M300,100 L312,100 Q322,100 322,90 L322,-16 Q322,-26 312,-26 L-12,-26 Q-22,-26 -22,-16 ' +
        'L-22,19 Q-22,29 -12,29 L0,29',
    )
    expect(edgeBounds({ x: 300, y: 100 }, { x: 0, y: 29 }, 0)).toEqual({
      x: -22,
      y: -26,
      width: 344,
      height: 126,
    })
  })
})
