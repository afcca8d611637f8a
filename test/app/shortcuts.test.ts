import { describe, expect, it } from 'vitest'
import {
  formatShortcut,
  isApplePlatform,
  matchesShortcut,
  SHORTCUTS,
  type KeyPress,
} from '../../src/app/panels/shortcuts.ts'

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
})

describe('keyboard shortcuts', () => {
  it('are written the way each platform writes them', () => {
    expect(formatShortcut(SHORTCUTS.exportYaml, false)).toBe('Ctrl+Shift+S')
    expect(formatShortcut(SHORTCUTS.exportYaml, true)).toBe('⇧⌘S')
    expect(formatShortcut(SHORTCUTS.previousProblem, false)).toBe('Shift+F8')
    expect(formatShortcut(SHORTCUTS.help, false)).toBe('?')
  })

  it('use Ctrl on Windows and Linux and ⌘ on Apple systems', () => {
    expect(matchesShortcut(press('o', { ctrlKey: true }), SHORTCUTS.open, false)).toBe(true)
    expect(matchesShortcut(press('o', { metaKey: true }), SHORTCUTS.open, false)).toBe(false)
    expect(matchesShortcut(press('o', { metaKey: true }), SHORTCUTS.open, true)).toBe(true)
    expect(isApplePlatform('MacIntel')).toBe(true)
    expect(isApplePlatform('Linux x86_64')).toBe(false)
  })

  it('tell Shift apart where it matters', () => {
    expect(
      matchesShortcut(press('S', { ctrlKey: true, shiftKey: true }), SHORTCUTS.exportYaml, false),
    ).toBe(true)
    expect(matchesShortcut(press('s', { ctrlKey: true }), SHORTCUTS.exportYaml, false)).toBe(false)
    expect(
      matchesShortcut(press('o', { ctrlKey: true, shiftKey: true }), SHORTCUTS.open, false),
    ).toBe(false)
    expect(matchesShortcut(press('F8'), SHORTCUTS.nextProblem, false)).toBe(true)
    expect(matchesShortcut(press('F8', { shiftKey: true }), SHORTCUTS.nextProblem, false)).toBe(
      false,
    )
    expect(matchesShortcut(press('F8', { shiftKey: true }), SHORTCUTS.previousProblem, false)).toBe(
      true,
    )
    expect(matchesShortcut(press('?', { shiftKey: true }), SHORTCUTS.help, false)).toBe(true)
    expect(matchesShortcut(press('?', { ctrlKey: true }), SHORTCUTS.help, false)).toBe(false)
  })
})
