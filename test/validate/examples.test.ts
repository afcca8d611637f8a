import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { briefs } from '../helpers/diagnostics.ts'

const example = (name: string) =>
  readFileSync(new URL(`../fixtures/examples/${name}`, import.meta.url), 'utf8')

describe('the example IVRs give exactly the diagnostics their README lists', () => {
  it.each(['basic.yaml', 'callback-direct.yaml', 'callback-from-queue.yaml'])(
    '%s has no diagnostics',
    (name) => {
      expect(briefs(example(name))).toEqual([])
    },
  )

  it('departments-transfer.yaml warns that online is missing, as start is present', () => {
    expect(briefs(example('departments-transfer.yaml'))).toEqual([
      '1:1-1:7 warning missing-section',
    ])
  })

  it('dynamic-fetch.yaml also notes each of its three unquoted placeholders', () => {
    expect(briefs(example('dynamic-fetch.yaml'))).toEqual([
      '1:1-1:7 warning missing-section',
      '6:15-6:29 info unquoted-placeholder',
      '7:13-7:25 info unquoted-placeholder',
      '8:17-8:29 info unquoted-placeholder',
    ])
  })

  it('dtmf-input.yaml also notes its unquoted {$conv_code}', () => {
    expect(briefs(example('dtmf-input.yaml'))).toEqual([
      '1:1-1:7 warning missing-section',
      '7:17-7:29 info unquoted-placeholder',
    ])
  })

  it('fetch-reply.yaml is valid as a fetch reply', () => {
    expect(briefs(example('fetch-reply.yaml'), { reply: true })).toEqual([])
  })

  it('fetch-reply.yaml as a per-number IVR misses offline and queue, and warns about online', () => {
    expect(briefs(example('fetch-reply.yaml'))).toEqual([
      '1:1-1:7 error missing-section',
      '1:1-1:7 error missing-section',
      '1:1-1:7 warning missing-section',
    ])
  })
})
