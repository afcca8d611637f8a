import { describe, expect, it } from 'vitest'
import {
  fieldsOf,
  inScope,
  opForField,
  paramFields,
  scopeAfter,
  type ValueField,
} from '../../../src/app/inspector/fields.ts'
import {
  breadcrumb,
  inspectedItem,
  itemDiagnostics,
  keySlots,
  newDiagnostics,
  sectionChoices,
  takenKeys,
  transferBranches,
} from '../../../src/app/inspector/inspected.ts'
import {
  loadInspectorLayout,
  saveInspectorLayout,
} from '../../../src/app/inspector/inspector-layout.ts'
import { spanningEdit, wouldBe } from '../../../src/app/inspector/would-be.ts'
import { EMPTY_CANVAS, reduceCanvas } from '../../../src/app/state/canvas.ts'
import type { ChoiceNode } from '../../../src/model/ivr.ts'
import { validateIvr } from '../../../src/validate/validate-ivr.ts'
import { parseIvr } from '../../../src/yaml/parse-ivr.ts'
import { dedent } from '../../helpers/dedent.ts'

const ivr = dedent`
  online:
    - play: https://example.com/welcome.mp3   # greeting
    - choice:
        1:
          name: Sales
          play: https://example.com/1.mp3
          goto: sales
        "2":
          name: Support
          do:
            - transfer:
                to: support
                if:
                  offline:
                    - voicemail
  sales:
    - fetch:
        url: https://example.com/next
        onError: offline
        params:
          from: "{$from_number}"
    - ring
  offline: [voicemail]
  queue:
    - goto: online
`
const parsed = parseIvr(ivr)
const { model } = parsed

function item(path: (string | number)[]) {
  const found = inspectedItem(model, path)
  if (!found) throw new Error(`nothing at ${JSON.stringify(path)}`)
  return found
}

function valueField(path: (string | number)[], id: string): ValueField {
  const field = fieldsOf(item(path)).find((f) => f.id === id)
  if (!field || !('value' in field)) throw new Error(`no field ${id}`)
  return field
}

describe('what the inspector shows', () => {
  it('shows the section, command or option a path names, or its nearest such ancestor', () => {
    expect(item(['sales']).kind).toBe('section')
    expect(item(['online', 0]).kind).toBe('command')
    expect(item(['online', 0, 'play']).path).toEqual(['online', 0])
    expect(item(['online', 1, 'choice', '1', 'goto']).path).toEqual(['online', 1, 'choice', '1'])
    expect(item(['online', 1, 'choice', '2', 'do', 0, 'transfer', 'if', 'offline']).path).toEqual([
      'online',
      1,
      'choice',
      '2',
      'do',
      0,
    ])
    expect(item(['sales', 0, 'fetch', 'params', 'from']).path).toEqual(['sales', 0])
    expect(inspectedItem(model, [])).toBeNull()
    expect(inspectedItem(model, ['nowhere'])).toBeNull()
  })

  it('leads the breadcrumb from the section down to the item', () => {
    const path = ['online', 1, 'choice', '2', 'do', 0, 'transfer', 'if', 'offline', 0]
    expect(breadcrumb(model, path).map((c) => [c.kind, c.label])).toEqual([
      ['section', 'online'],
      ['command', 'choice'],
      ['option', '2'],
      ['command', 'transfer'],
      ['branch', 'offline'],
      ['command', 'voicemail'],
    ])
    // The branch selects its transfer.
    expect(breadcrumb(model, path)[4]!.path).toEqual(['online', 1, 'choice', '2', 'do', 0])
  })
})

describe('the fields of an item', () => {
  const ids = (path: (string | number)[]) => fieldsOf(item(path)).map((f) => f.kind)

  it('gives each kind of item its own fields', () => {
    expect(ids(['sales'])).toEqual(['section-name'])
    expect(ids(['online', 0])).toEqual(['url'])
    expect(ids(['online', 1])).toEqual(['options'])
    expect(ids(['online', 1, 'choice', '1'])).toEqual(['key', 'text', 'url', 'section'])
    expect(ids(['online', 1, 'choice', '2'])).toEqual(['key', 'text', 'url', 'do', 'section'])
    expect(ids(['online', 1, 'choice', '2', 'do', 0])).toEqual(['text', 'branches'])
    expect(ids(['sales', 0])).toEqual(['url', 'section', 'params'])
    expect(ids(['sales', 1])).toEqual(['about'])
    expect(ids(['queue', 0])).toEqual(['section'])
  })

  it('reads the values of the fields from the model', () => {
    expect(valueField(['online', 0], 'play').value).toBe('https://example.com/welcome.mp3')
    expect(valueField(['online', 1, 'choice', '2'], 'play').value).toBe('')
    expect(valueField(['online', 1, 'choice', '1'], 'goto').value).toBe('sales')
    expect(valueField(['sales', 0], 'onError').value).toBe('offline')
  })

  it('turns a typed value into the op that sets it', () => {
    expect(opForField(valueField(['sales'], 'name'), 'leads')).toEqual({
      type: 'section.rename',
      name: 'sales',
      to: 'leads',
    })
    expect(opForField(valueField(['online', 0], 'play'), 'https://x/y.mp3')).toEqual({
      type: 'field.set',
      path: ['online', 0, 'play'],
      value: 'https://x/y.mp3',
    })
    expect(opForField(valueField(['online', 1, 'choice', '1'], 'key'), '5')).toEqual({
      type: 'option.setKey',
      path: ['online', 1, 'choice', '1'],
      key: '5',
    })
    expect(opForField(valueField(['online', 1, 'choice', '1'], 'name'), '')).toEqual({
      type: 'field.remove',
      path: ['online', 1, 'choice', '1', 'name'],
    })
    expect(opForField(valueField(['queue', 0], 'goto'), 'sales')).toEqual({
      type: 'reference.connect',
      path: ['queue', 0],
      target: 'sales',
    })
    expect(opForField(valueField(['sales', 0], 'onError'), '')).toEqual({
      type: 'reference.disconnect',
      path: ['sales', 0, 'onError'],
    })
    expect(opForField(valueField(['sales'], 'name'), 'sales')).toBeNull()
  })

  it('gives each parameter a name and a value field', () => {
    const found = item(['sales', 0])
    if (found.kind !== 'command' || found.node.kind !== 'fetch') throw new Error('no fetch')
    const [from] = paramFields(found.node, found.path)
    expect(from!.name.value).toBe('from')
    expect(from!.value.value).toBe('{$from_number}')
    expect(opForField(from!.name, 'caller')).toEqual({
      type: 'key.rename',
      path: ['sales', 0, 'fetch', 'params', 'from'],
      name: 'caller',
    })
  })

  it('moves the scope of a renamed section or a changed key with it', () => {
    expect(scopeAfter(valueField(['sales'], 'name'), 'leads').path).toEqual(['leads'])
    expect(scopeAfter(valueField(['online', 1, 'choice', '1'], 'key'), '7').path).toEqual([
      'online',
      1,
      'choice',
      '7',
    ])
    const scope = valueField(['online', 0], 'play').scope
    expect(inScope(scope, { path: ['online', 0, 'play'], code: 'invalid-url' })).toBe(true)
    expect(inScope(scope, { path: ['online', 0], code: 'unreachable-command' })).toBe(false)
    const name = valueField(['sales'], 'name').scope
    expect(inScope(name, { path: ['sales'], code: 'unreachable-section' })).toBe(true)
    expect(inScope(name, { path: ['sales', 0], code: 'invalid-url' })).toBe(false)
  })
})

describe('keys and sections to pick from', () => {
  const choice = item(['online', 1]).node as ChoiceNode

  it('marks the keys other options of the choice use', () => {
    const slots = keySlots(choice, '1')
    expect(slots.map((s) => s.key)).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '*',
      '#',
    ])
    expect(slots.find((s) => s.key === '1')).toMatchObject({
      current: true,
      taken: false,
      name: 'Sales',
    })
    expect(slots.find((s) => s.key === '2')).toMatchObject({
      current: false,
      taken: true,
      name: 'Support',
    })
    expect(slots.filter((s) => s.taken).map((s) => s.key)).toEqual(['2'])
    expect([...takenKeys(choice, '2')]).toEqual(['1'])
  })

  it('lists every section once, in the order of the YAML, filtered by what was typed', () => {
    expect(sectionChoices(model, 'online').map((s) => [s.name, s.entry, s.own])).toEqual([
      ['online', 'online', true],
      ['sales', null, false],
      ['offline', 'offline', false],
      ['queue', 'queue', false],
    ])
    expect(sectionChoices(model, null, 'LINE').map((s) => s.name)).toEqual(['online', 'offline'])
  })

  it('summarises the branches of a transfer', () => {
    const found = item(['online', 1, 'choice', '2', 'do', 0])
    if (found.kind !== 'command' || found.node.kind !== 'transfer') throw new Error('no transfer')
    const transfer = found.node
    expect(
      transferBranches(transfer).map((b) => [b.state, b.written, b.commands.map((c) => c.kind)]),
    ).toEqual([
      ['online', false, []],
      ['offline', true, ['voicemail']],
      ['queue', false, []],
    ])
  })
})

describe('would-be diagnostics', () => {
  it('gives the diagnostics of the text an op would make, without changing anything', () => {
    const result = wouldBe(parsed, {
      type: 'field.set',
      path: ['online', 0, 'play'],
      value: 'ftp://x',
    })
    if (!result.ok) throw new Error(result.error)
    expect(result.text).toBe(ivr.replace('https://example.com/welcome.mp3   #', 'ftp://x   #'))
    const mine = result.diagnostics.filter((d) =>
      inScope(valueField(['online', 0], 'play').scope, d),
    )
    expect(mine.map((d) => d.code)).toEqual(['invalid-url'])
    // The same as the core finds in that text.
    expect(result.diagnostics).toEqual(validateIvr(parseIvr(result.text)))
  })

  it('gives the reason when the op is refused', () => {
    expect(wouldBe(parsed, { type: 'section.rename', name: 'sales', to: 'queue' })).toEqual({
      ok: false,
      error: 'op.error.section-exists',
      args: { name: 'queue' },
    })
  })

  it('makes one edit of several ops, such as a new section and a goto to it', () => {
    const result = wouldBe(parsed, [
      { type: 'section.add', name: 'help', after: 'queue' },
      { type: 'reference.connect', path: ['queue', 0], target: 'help' },
    ])
    if (!result.ok) throw new Error(result.error)
    expect(result.edits).toHaveLength(1)
    expect(result.text).toContain('  - goto: help\n')
    expect(result.text).toContain('help: []\n')
    expect(result.select).toEqual(['queue', 0])
  })

  it('tells which problems a change newly causes, by what they say', () => {
    const before = validateIvr(parsed)
    const result = wouldBe(parsed, { type: 'section.rename', name: 'offline', to: 'closed' })
    if (!result.ok) throw new Error(result.error)
    const added = newDiagnostics(before, result.diagnostics)
    expect(added.map((d) => d.code)).toContain('missing-section')
    expect(newDiagnostics(before, before)).toEqual([])
  })

  it('finds the one edit between two texts', () => {
    expect(spanningEdit('abcdef', 'abXYef')).toEqual({ offset: 2, length: 2, text: 'XY' })
    expect(spanningEdit('aaa', 'aaaa')).toEqual({ offset: 3, length: 0, text: 'a' })
    expect(spanningEdit('same', 'same')).toBeNull()
  })
})

describe('the item diagnostics', () => {
  it('lists the item’s own problems, not those of the commands nested in it', () => {
    const text = dedent`
      online:
        - choice:
            1:
              play: ftp://x
              do:
                - play: ftp://y
      offline: [voicemail]
      queue: []
    `
    const p = parseIvr(text)
    const diagnostics = validateIvr(p)
    const option = inspectedItem(p.model, ['online', 0, 'choice', '1'])!
    expect(itemDiagnostics(diagnostics, option).map((d) => d.path)).toEqual([
      ['online', 0, 'choice', '1', 'play'],
    ])
    const section = inspectedItem(p.model, ['queue'])!
    expect(itemDiagnostics(diagnostics, section).map((d) => d.code)).toEqual(['empty-section'])
  })
})

describe('positions of a renamed section', () => {
  it('moves a card’s positions to the new name', () => {
    const canvas = {
      manual: { 'section:a': { x: 5, y: 6 } },
      auto: { 'section:a': { x: 1, y: 2 }, 'section:b': { x: 3, y: 4 } },
      layoutKey: 'k1',
    }
    const after = reduceCanvas(canvas, {
      type: 'canvas.rename',
      from: 'section:a',
      to: 'section:c',
      at: null,
    })
    expect(after).toEqual({
      manual: { 'section:c': { x: 5, y: 6 } },
      auto: { 'section:c': { x: 1, y: 2 }, 'section:b': { x: 3, y: 4 } },
      layoutKey: 'k1',
    })
  })

  it('pins the card where it stood, over where the edit placed the new name', () => {
    const canvas = {
      ...EMPTY_CANVAS,
      manual: { 'section:c': { x: 700, y: 0 }, 'section:b': { x: 3, y: 4 } },
      layoutKey: 'k2',
    }
    const after = reduceCanvas(canvas, {
      type: 'canvas.rename',
      from: 'section:a',
      to: 'section:c',
      at: { x: 1, y: 2 },
    })
    expect(after.manual).toEqual({ 'section:c': { x: 1, y: 2 }, 'section:b': { x: 3, y: 4 } })
    expect(after.layoutKey).toBe('k2')
  })
})

describe('the inspector layout', () => {
  it('is kept across visits, and starts open when nothing was kept', () => {
    const store = new Map<string, string>()
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    }
    expect(loadInspectorLayout(storage)).toEqual({ open: true, collapsed: false })
    saveInspectorLayout({ open: false, collapsed: true }, storage)
    expect(loadInspectorLayout(storage)).toEqual({ open: false, collapsed: true })
    store.set('ivr-designer.inspector', 'not json')
    expect(loadInspectorLayout(storage)).toEqual({ open: true, collapsed: false })
  })
})
