import { describe, expect, it } from 'vitest'
import { findInModel, pathAtOffset, spanOfPath } from '../../src/model/find.ts'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'
import { dedent } from '../helpers/dedent.ts'

const text = dedent`
  queue:
    - play: https://example.com/wait.mp3
    - choice:
        1:
          name: Voicemail
          do:
            - voicemail
        "2":
          goto: callmeback
  callmeback:
    - transfer:
        to: sales
        if:
          offline:
            - callback
`
const { model } = parseIvr(text)

describe('finding things in the model', () => {
  it('finds a choice option by its key, written plain or quoted', () => {
    expect(findInModel(model, ['queue', 1, 'choice', '1'])?.kind).toBe('option')
    expect(findInModel(model, ['queue', 1, 'choice', '2', 'goto'])).toMatchObject({
      kind: 'text',
      node: { value: 'callmeback' },
    })
    expect(findInModel(model, ['queue', 1, 'choice', '3'])).toBeNull()
  })

  it('gives the path of the innermost item at a cursor offset', () => {
    expect(pathAtOffset(model, text.indexOf('wait.mp3'))).toEqual(['queue', 0])
    expect(pathAtOffset(model, text.indexOf('- voicemail') + 3)).toEqual(['queue', 1, 'choice', '1', 'do', 0])
    expect(pathAtOffset(model, text.indexOf('Voicemail'))).toEqual(['queue', 1, 'choice', '1'])
    expect(pathAtOffset(model, text.indexOf('- callback') + 2)).toEqual([
      'callmeback',
      0,
      'transfer',
      'if',
      'offline',
      0,
    ])
    expect(pathAtOffset(model, 0)).toEqual(['queue'])
  })

  it('gives the span to reveal for a path, falling back to its nearest ancestor', () => {
    const span = spanOfPath(model, ['queue', 1, 'choice', '2', 'goto'])!
    expect(text.slice(span.start, span.end)).toBe('callmeback')
    const missing = spanOfPath(model, ['queue', 1, 'choice', '9'])!
    expect(text.slice(missing.start, missing.start + 7)).toBe('choice:')
  })
})
