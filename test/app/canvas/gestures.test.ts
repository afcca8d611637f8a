import { describe, expect, it } from 'vitest'
import {
  isLinkRow,
  itemAt,
  linkPathOf,
  selectedItems,
  selectedPaths,
  toggleInSelection,
} from '../../../src/app/canvas/gestures/items.ts'
import { placeCards } from '../../../src/app/canvas/gestures/placement.ts'
import {
  asName,
  commandPasteTarget,
  newSectionName,
  planCopy,
  planDeletion,
  planDuplication,
  shiftedDown,
} from '../../../src/app/canvas/gestures/plans.ts'
import type { Selection } from '../../../src/app/state/document.ts'
import { reduceSelection } from '../../../src/app/state/document.ts'
import { applyOps } from '../../../src/ops/apply-ops.ts'
import { parseIvr } from '../../../src/yaml/parse-ivr.ts'
import { dedent } from '../../helpers/dedent.ts'
import { expectUndoRedo } from '../../ops/helpers.ts'

const IVR = dedent`
  online:
    - play: https://example.com/welcome.mp3
    - choice:
        1:
          name: Leave a message
          play: https://example.com/1.mp3
          goto: sales
        "*":
          do:
            - ring
    - fetch: { url: https://example.com/next, onError: sales }
  offline: [voicemail]
  queue: [ring]
  sales:
    # Sales team
    - play: https://example.com/sales.mp3
    - ring
`

const parsed = parseIvr(IVR)
const model = parsed.model

const selection = (path: Selection['path'], extra?: Selection['path'][]): Selection => ({
  path,
  span: null,
  origin: 'canvas',
  ...(extra ? { extra } : {}),
})

describe('the selection of several items', () => {
  it('keeps the extra paths of selection.set, and drops them on the next plain set', () => {
    const several = reduceSelection(null, {
      type: 'selection.set',
      path: ['sales'],
      extra: [['queue']],
      origin: 'canvas',
    })
    expect(selectedPaths(several)).toEqual([['sales'], ['queue']])
    const one = reduceSelection(several, {
      type: 'selection.set',
      path: ['queue'],
      origin: 'editor',
    })
    expect(one).not.toHaveProperty('extra')
    expect(selectedPaths(one)).toEqual([['queue']])
  })

  it('adds a clicked item as the primary one and takes out an item clicked again', () => {
    expect(toggleInSelection(selection(['sales']), ['queue'])).toEqual({
      path: ['queue'],
      extra: [['sales']],
    })
    expect(toggleInSelection(selection(['queue'], [['sales']]), ['queue'])).toEqual({
      path: ['sales'],
      extra: [],
    })
    expect(toggleInSelection(selection(['queue']), ['queue'])).toBeNull()
    expect(toggleInSelection(null, ['queue'])).toEqual({ path: ['queue'], extra: [] })
  })
})

describe('canvas items', () => {
  it('tells links from the rows they leave and walks a value up to its row', () => {
    expect(itemAt(model, ['online', 1, 'choice', '1', 'goto'])).toMatchObject({
      kind: 'link',
      owner: ['online', 1, 'choice', '1'],
      ownerKind: 'option',
    })
    expect(itemAt(model, ['online', 2, 'fetch', 'onError'])).toMatchObject({
      kind: 'link',
      ownerKind: 'fetch',
    })
    expect(itemAt(model, ['online', 0, 'play'])).toMatchObject({
      kind: 'command',
      path: ['online', 0],
    })
    expect(itemAt(model, ['online', 1, 'choice', '*'])).toMatchObject({ kind: 'option' })
    expect(itemAt(model, ['nowhere'])).toBeNull()
  })

  it('gives the link path of the rows a connection can leave', () => {
    expect(linkPathOf({ kind: 'option', path: ['a', 0, 'choice', '1'] })).toEqual([
      'a',
      0,
      'choice',
      '1',
      'goto',
    ])
    expect(linkPathOf({ kind: 'dtmf', path: ['a', 2] })).toEqual(['a', 2, 'dtmf', 'onError'])
    expect(linkPathOf({ kind: 'ring', path: ['a', 1] })).toBeNull()
    expect(isLinkRow({ kind: 'goto' })).toBe(true)
    expect(isLinkRow({ kind: 'branch' })).toBe(false)
  })

  it('orders items as the text does and leaves out those inside another selected one', () => {
    const items = selectedItems(model, [
      ['sales', 1],
      ['online', 1, 'choice', '1', 'goto'],
      ['sales'],
      ['online', 1, 'choice', '1'],
      ['online', 0],
      ['online', 0],
    ])
    expect(items.map((i) => i.path)).toEqual([
      ['online', 0],
      ['online', 1, 'choice', '1'],
      ['sales'],
    ])
  })
})

describe('planning gestures', () => {
  it('deletes in reverse text order and names the entry sections to ask about', () => {
    const plan = planDeletion(
      selectedItems(model, [
        ['queue'],
        ['online', 0],
        ['online', 2, 'fetch', 'onError'],
        ['sales', 1],
      ]),
    )
    expect(plan.ops).toEqual([
      { type: 'command.delete', path: ['sales', 1] },
      { type: 'section.delete', name: 'queue' },
      { type: 'reference.disconnect', path: ['online', 2, 'fetch', 'onError'] },
      { type: 'command.delete', path: ['online', 0] },
    ])
    expect(plan.entries).toEqual(['queue'])
  })

  it('deletes several items as one change, each byte outside them kept', () => {
    const plan = planDeletion(
      selectedItems(model, [
        ['online', 0],
        ['sales', 0],
        ['online', 1, 'choice', '*'],
      ]),
    )
    const result = applyOps(parsed, plan.ops)
    if (!result.ok) throw new Error(result.error)
    expect(result.text).toBe(dedent`
      online:
        - choice:
            1:
              name: Leave a message
              play: https://example.com/1.mp3
              goto: sales
        - fetch: { url: https://example.com/next, onError: sales }
      offline: [voicemail]
      queue: [ring]
      sales:
        - ring
    `)
    expectUndoRedo(IVR, { ok: true, edits: result.edits, text: result.text })
  })

  it('refuses the whole gesture when one of its ops is refused', () => {
    const result = applyOps(parsed, [
      { type: 'command.delete', path: ['sales', 1] },
      { type: 'reference.connect', path: ['online', 0], target: 'sales' },
    ])
    expect(result).toMatchObject({ ok: false, error: 'op.error.not-a-reference' })
  })

  it('finds where duplicated commands end up once every copy is made', () => {
    const plan = planDuplication(selectedItems(model, [['online', 0], ['online', 2], ['sales']]))
    const result = applyOps(parsed, plan.ops)
    if (!result.ok) throw new Error(result.error)
    const copies = plan.copies(result.selects)
    expect(copies).toEqual([['online', 1], ['online', 4], ['sales_2']])
    const after = result.parsed.model
    expect(itemAt(after, copies[0]!)?.kind).toBe('command')
    expect(plan.sections).toEqual(['sales'])
    expect(shiftedDown(['online', 3, 'choice'], ['online'], 1)).toEqual(['online', 4, 'choice'])
    expect(shiftedDown(['sales', 0], ['online'], 0)).toEqual(['sales', 0])
  })

  it('copies sections when any is selected, else commands, and says why options are not', () => {
    const sections = planCopy(parsed, selectedItems(model, [['sales'], ['online', 0]]))
    expect(sections).toMatchObject({ ok: true, kind: 'sections', count: 1 })
    if (sections.ok) {
      expect(sections.text).toBe(
        'sales:\n  # Sales team\n  - play: https://example.com/sales.mp3\n  - ring\n',
      )
    }
    const commands = planCopy(
      parsed,
      selectedItems(model, [
        ['sales', 1],
        ['online', 2, 'fetch', 'onError'],
      ]),
    )
    expect(commands).toMatchObject({ ok: true, kind: 'commands', count: 2 })
    if (commands.ok) {
      expect(commands.text).toBe(
        '- fetch: { url: https://example.com/next, onError: sales }\n- ring\n',
      )
    }
    expect(planCopy(parsed, selectedItems(model, [['online', 1, 'choice', '1']]))).toEqual({
      ok: false,
      reason: 'options',
    })
  })

  it('pastes commands after the selected command, or at the end of a section or branch', () => {
    expect(commandPasteTarget(model, ['online', 0])).toEqual({ list: ['online'], index: 1 })
    expect(commandPasteTarget(model, ['sales'])).toEqual({ list: ['sales'], index: 2 })
    expect(commandPasteTarget(model, ['online', 1, 'choice', '*', 'do', 0])).toEqual({
      list: ['online', 1, 'choice', '*', 'do'],
      index: 1,
    })
    // A menu option stands for its menu.
    expect(commandPasteTarget(model, ['online', 1, 'choice', '1', 'goto'])).toEqual({
      list: ['online'],
      index: 2,
    })
    expect(commandPasteTarget(model, null)).toBeNull()
  })

  it('names a new section after the option, else after where it comes from, never an entry', () => {
    expect(
      newSectionName(model, { kind: 'option', key: '1', detail: 'Leave a message' }, 'online'),
    ).toBe('leave_a_message')
    expect(newSectionName(model, { kind: 'option', key: '1', detail: 'Sales' }, 'online')).toBe(
      'sales_2',
    )
    expect(newSectionName(model, { kind: 'option', key: '*', detail: null }, 'online')).toBe(
      'online_key_star',
    )
    expect(newSectionName(model, { kind: 'option', key: '2', detail: 'Online' }, 'queue')).toBe(
      'online_2',
    )
    expect(newSectionName(model, { kind: 'goto', key: null, detail: null }, 'sales')).toBe(
      'sales_next',
    )
    expect(newSectionName(model, { kind: 'fetch', key: null, detail: null }, 'online')).toBe(
      'online_error',
    )
    expect(asName('  営業 チーム! ')).toBe('営業_チーム')
  })

  it('places new cards below each other, or as they stood relative to each other', () => {
    expect(placeCards({ x: 10, y: 20 }, [100, 50, 70])).toEqual([
      { x: 10, y: 20 },
      { x: 10, y: 160 },
      { x: 10, y: 250 },
    ])
    expect(
      placeCards(
        { x: 0, y: 0 },
        [100, 100],
        [
          { x: 300, y: 400 },
          { x: 700, y: 380 },
        ],
      ),
    ).toEqual([
      { x: 0, y: 0 },
      { x: 400, y: -20 },
    ])
  })
})
