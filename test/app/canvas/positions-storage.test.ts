import { describe, expect, it } from 'vitest'
import {
  loadPositions,
  positionsKey,
  savePositions,
} from '../../../src/app/canvas/positions-storage.ts'

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial))
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  }
}

describe('saved card positions', () => {
  it('are kept per IVR name and read back', () => {
    const storage = memoryStorage()
    savePositions(storage, 'support.yaml', { 'section:queue': { x: 10, y: -20 } })
    expect(storage.items.get('ivr-designer.positions.support.yaml')).toBe(
      '{"section:queue":{"x":10,"y":-20}}',
    )
    expect(loadPositions(storage, 'support.yaml')).toEqual({ 'section:queue': { x: 10, y: -20 } })
    expect(loadPositions(storage, 'other.yaml')).toEqual({})
  })

  it('are removed when there are none left', () => {
    const storage = memoryStorage({ [positionsKey('a.yaml')]: '{"section:a":{"x":1,"y":2}}' })
    savePositions(storage, 'a.yaml', {})
    expect(storage.items.size).toBe(0)
  })

  it('drop what is not a point and survive broken or missing storage', () => {
    const storage = memoryStorage({
      [positionsKey('a.yaml')]:
        '{"section:a":{"x":1,"y":2},"section:b":{"x":"1"},"section:c":null}',
      [positionsKey('b.yaml')]: '{not json',
      [positionsKey('c.yaml')]: '[1,2]',
    })
    expect(loadPositions(storage, 'a.yaml')).toEqual({ 'section:a': { x: 1, y: 2 } })
    expect(loadPositions(storage, 'b.yaml')).toEqual({})
    expect(loadPositions(storage, 'c.yaml')).toEqual({})
    expect(loadPositions(undefined, 'a.yaml')).toEqual({})
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    }
    expect(() => savePositions(full, 'a.yaml', { 'section:a': { x: 1, y: 2 } })).not.toThrow()
  })
})
