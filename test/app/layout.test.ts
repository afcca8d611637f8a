import { describe, expect, it } from 'vitest'
import {
  clampProblems,
  clampSide,
  DEFAULT_LAYOUT,
  LAYOUT_KEY,
  loadLayout,
  saveLayout,
} from '../../src/app/shell/layout.ts'
import { baseName, diagramFileName, yamlFileName } from '../../src/app/panels/file-names.ts'

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial))
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  }
}

describe('the pane layout', () => {
  it('keeps both panes at least their minimum width', () => {
    expect(clampSide(0.4, 1280)).toBe(0.4)
    expect(clampSide(0.05, 1280)).toBeCloseTo(340 / 1280)
    expect(clampSide(0.99, 1280)).toBeCloseTo(1 - 320 / 1280)
    expect(clampSide(Number.NaN, 1280)).toBe(DEFAULT_LAYOUT.side)
  })

  it('leaves the YAML room above the problems panel', () => {
    expect(clampProblems(240, 700)).toBe(240)
    expect(clampProblems(680, 700)).toBe(560)
    expect(clampProblems(10, 700)).toBe(96)
  })

  it('is kept across visits and falls back to the default for anything unreadable', () => {
    const storage = memoryStorage()
    const layout = { side: 0.55, problems: 300, problemsCollapsed: true }
    saveLayout(storage, layout)
    expect(loadLayout(storage)).toEqual(layout)
    expect(loadLayout(memoryStorage({ [LAYOUT_KEY]: '{nope' }))).toEqual(DEFAULT_LAYOUT)
    expect(loadLayout(memoryStorage({ [LAYOUT_KEY]: '{"side": 7}' }))).toEqual(DEFAULT_LAYOUT)
    expect(loadLayout(undefined)).toEqual(DEFAULT_LAYOUT)
  })
})

describe('export file names', () => {
  it('name the diagram after the IVR', () => {
    expect(diagramFileName('support-line.yaml', 'svg')).toBe('support-line.svg')
    expect(diagramFileName('menu.YML', 'png')).toBe('menu.png')
    expect(diagramFileName('notes.txt', 'png')).toBe('notes.png')
    expect(baseName('.yaml')).toBe('ivr')
  })

  it('keep the YAML file name as it was opened', () => {
    expect(yamlFileName('support.yml')).toBe('support.yml')
    expect(yamlFileName('from-ticket.txt')).toBe('from-ticket.txt')
    expect(yamlFileName('untitled')).toBe('untitled.yaml')
  })
})
