/**
 * A copy of a part of the model (plain data) with every span in it moved by `delta`: each object
 * with exactly the numeric keys `start` and `end`. Whatever holds no span (paths, names,
 * arguments) is shared with the original rather than copied. The incremental parser uses it for a
 * section whose text is unchanged but stands elsewhere, which is much cheaper than reading the
 * section again from its YAML.
 */
export function shiftSpans<T>(value: T, delta: number): T {
  return delta === 0 ? value : (shift(value, delta) as T)
}

function shift(value: unknown, delta: number): unknown {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i]
      const moved = shift(item, delta)
      if (moved !== item) {
        copy ??= value.slice()
        copy[i] = moved
      }
    }
    return copy ?? value
  }
  const record = value as Record<string, unknown>
  if (isSpan(record)) return { start: record.start + delta, end: record.end + delta }
  let copy: Record<string, unknown> | null = null
  for (const key in record) {
    const item = record[key]
    const moved = shift(item, delta)
    if (moved !== item) {
      copy ??= { ...record }
      copy[key] = moved
    }
  }
  return copy ?? value
}

function isSpan(record: Record<string, unknown>): record is { start: number; end: number } {
  if (typeof record.start !== 'number' || typeof record.end !== 'number') return false
  let keys = 0
  for (const _ in record) if (++keys > 2) return false
  return true
}
