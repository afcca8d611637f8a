import { describe, expect, it } from 'vitest'
import {
  buildTheme,
  cssColorToHex,
  EDITOR_COLORS,
  TOKEN_COLORS,
} from '../../../src/app/editor/theme-colors.ts'

describe('cssColorToHex', () => {
  it.each([
    ['#abc', '#aabbcc'],
    ['#4B4FE0', '#4b4fe0'],
    ['#4b4fe0ff', '#4b4fe0'],
    ['#4b4fe080', '#4b4fe080'],
    ['rgb(75, 79, 224)', '#4b4fe0'],
    ['rgba(0, 0, 0, 0)', '#00000000'],
    ['rgb(75 79 224 / 50%)', '#4b4fe080'],
    ['color(srgb 0.376471 0.407843 0.94902 / 0.16)', '#6068f229'],
    ['color(srgb 1 1 1)', '#ffffff'],
    ['transparent', '#00000000'],
  ])('reads %s as %s', (css, hex) => {
    expect(cssColorToHex(css)).toBe(hex)
  })

  it.each(['', 'red', 'oklch(0.5 0.1 200)', 'rgb(a, b, c)'])('gives null for %j', (css) => {
    expect(cssColorToHex(css)).toBeNull()
  })
})

describe('buildTheme', () => {
  const theme = buildTheme('vs-dark', (css) =>
    css.includes('--color-code-key') ? '#a1abff' : '#123456',
  )

  it('colours every editor colour id it can resolve', () => {
    expect(Object.keys(theme.colors)).toEqual(Object.keys(EDITOR_COLORS))
    expect(theme.base).toBe('vs-dark')
    expect(theme.inherit).toBe(true)
  })

  it('colours YAML keys like the app’s code keys, also under the grammar’s own token names', () => {
    expect(theme.rules).toContainEqual({ token: 'type', foreground: 'a1abff' })
    expect(theme.rules).toContainEqual({ token: 'type.yaml', foreground: 'a1abff' })
    expect(theme.rules).toContainEqual({
      token: 'comment.yaml',
      foreground: '123456',
      fontStyle: 'italic',
    })
    expect(theme.rules.filter((r) => r.token === '')).toHaveLength(1)
    expect(theme.rules).toHaveLength(TOKEN_COLORS.length * 2 - 1)
  })

  it('leaves out what cannot be resolved', () => {
    const partial = buildTheme('vs', () => null)
    expect(partial.colors).toEqual({})
    expect(partial.rules[0]).toEqual({ token: '' })
  })
})
