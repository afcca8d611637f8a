import { describe, expect, it } from 'vitest'
import { parseCliArgs } from '../../src/cli/args.ts'
import { resolveLocale } from '../../src/cli/locale.ts'

describe('parseCliArgs', () => {
  it('reads files and options in any order', () => {
    expect(
      parseCliArgs(['validate', 'a.yaml', '--format', 'json', '-', '--reply', 'b.yaml']),
    ).toEqual({
      ok: true,
      request: { kind: 'validate', files: ['a.yaml', '-', 'b.yaml'], format: 'json', reply: true },
      lang: null,
    })
  })

  it('takes option values after "=" too', () => {
    expect(parseCliArgs(['validate', '--format=json', '--lang=ja', 'a.yaml'])).toEqual({
      ok: true,
      request: { kind: 'validate', files: ['a.yaml'], format: 'json', reply: false },
      lang: 'ja',
    })
  })

  it('reads everything after "--" as files, even when it looks like an option', () => {
    const parsed = parseCliArgs(['validate', '--', '--reply', '-h'])
    expect(parsed).toEqual({
      ok: true,
      request: { kind: 'validate', files: ['--reply', '-h'], format: 'text', reply: false },
      lang: null,
    })
  })

  it('does not take "--" as the value of an option', () => {
    expect(parseCliArgs(['validate', '--format', '--', 'a.yaml'])).toMatchObject({
      ok: false,
      problem: { kind: 'missing-value', option: '--format' },
    })
  })

  it('keeps a correct --lang when another option is wrong, so the problem is told in it', () => {
    expect(parseCliArgs(['validate', '--lang', 'ja', '--format', 'xml'])).toEqual({
      ok: false,
      problem: { kind: 'bad-value', option: '--format', value: 'xml', allowed: ['text', 'json'] },
      topic: 'validate',
      lang: 'ja',
    })
  })

  it('asks for help when -h or --help comes anywhere before "--"', () => {
    expect(parseCliArgs(['validate', '--bogus', '-h'])).toMatchObject({
      ok: true,
      request: { kind: 'help', topic: 'validate' },
    })
    expect(parseCliArgs(['schema', '--help'])).toMatchObject({
      request: { kind: 'help', topic: 'schema' },
    })
    expect(parseCliArgs(['help', 'schema'])).toMatchObject({
      request: { kind: 'help', topic: 'schema' },
    })
    expect(parseCliArgs(['-h'])).toMatchObject({ request: { kind: 'help', topic: 'main' } })
  })

  it('refuses a --reply with a value and arguments after schema', () => {
    expect(parseCliArgs(['validate', '--reply=yes', 'a.yaml'])).toMatchObject({
      ok: false,
      problem: { kind: 'unknown-option', option: '--reply=yes' },
    })
    expect(parseCliArgs(['schema', 'out.json'])).toMatchObject({
      ok: false,
      problem: { kind: 'unexpected-argument', argument: 'out.json' },
      topic: 'schema',
    })
  })

  it('names the problem when there is no command, an unknown one or an unknown option', () => {
    expect(parseCliArgs([])).toMatchObject({ ok: false, problem: { kind: 'no-command' } })
    expect(parseCliArgs(['check'])).toMatchObject({
      ok: false,
      problem: { kind: 'unknown-command', command: 'check' },
    })
    expect(parseCliArgs(['--verbose'])).toMatchObject({
      ok: false,
      problem: { kind: 'unknown-option', option: '--verbose' },
    })
  })
})

describe('resolveLocale', () => {
  it('prefers --lang, then LC_ALL, LC_MESSAGES and LANG in that order', () => {
    expect(resolveLocale('en', { LANG: 'ja_JP.UTF-8' })).toBe('en')
    expect(resolveLocale(null, { LC_ALL: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' })).toBe('ja')
    expect(resolveLocale(null, { LC_ALL: 'C', LANG: 'ja_JP.UTF-8' })).toBe('en')
    expect(resolveLocale(null, { LC_MESSAGES: 'ja', LANG: 'en_US' })).toBe('ja')
    expect(resolveLocale(null, { LANG: 'ja_JP.UTF-8' })).toBe('ja')
    expect(resolveLocale(null, { LC_ALL: '', LANG: 'ja' })).toBe('ja')
    expect(resolveLocale(null, {})).toBe('en')
  })
})
