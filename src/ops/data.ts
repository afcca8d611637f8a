import type { IvrPath } from '../model/path.ts'

/**
 * The plain data of an IVR (`toPlainData`), as ops use it to state what the text must say after
 * an edit. Records keyed by names have no prototype, so that `__proto__` is an ordinary key.
 */
export type Data = string | number | boolean | null | Data[] | DataRecord

/** A record without a prototype. */
export interface DataRecord {
  [key: string]: Data
}

/** Whether a value is a record (not a list, not a scalar). */
export function isRecord(value: Data | undefined): value is DataRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A record without a prototype holding `entries` in order; a repeated key keeps its last value. */
export function record(entries: readonly (readonly [string, Data])[]): DataRecord {
  const out: DataRecord = Object.create(null)
  for (const [key, value] of entries) {
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
  }
  return out
}

/** The entries of a record, in order. */
export function entriesOf(value: DataRecord): [string, Data][] {
  return Object.keys(value).map((key) => [key, value[key] as Data])
}

/** A deep copy, records without a prototype. */
export function cloneData<T extends Data>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => cloneData(v)) as T
  if (isRecord(value)) return record(entriesOf(value).map(([k, v]) => [k, cloneData(v)])) as T
  return value
}

/** Deep equality that also compares the order of keys. */
export function sameData(a: Data | undefined, b: Data | undefined): boolean {
  if (a === b) return true
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    return a.every((v, i) => sameData(v, b[i]))
  }
  if (isRecord(a) || isRecord(b)) {
    if (!isRecord(a) || !isRecord(b)) return false
    const keys = Object.keys(a)
    const other = Object.keys(b)
    if (keys.length !== other.length) return false
    return keys.every((k, i) => k === other[i] && sameData(a[k], b[k]))
  }
  return a === b
}

/** The value at `path`, following own keys and list indices only. */
export function dataAt(root: Data, path: IvrPath): Data | undefined {
  let at: Data | undefined = root
  for (const segment of path) {
    if (Array.isArray(at) && typeof segment === 'number') at = at[segment]
    else if (isRecord(at) && Object.hasOwn(at, String(segment))) at = at[String(segment)]
    else return undefined
  }
  return at
}

/** The list at `path`, when there is one. */
export function listAt(root: Data, path: IvrPath): Data[] | null {
  const found = dataAt(root, path)
  return Array.isArray(found) ? found : null
}

/** The record at `path`, when there is one. */
export function recordAt(root: Data, path: IvrPath): DataRecord | null {
  const found = dataAt(root, path)
  return isRecord(found) ? found : null
}

/**
 * Replaces, in place, the record at `path` by `change(old)`; the parent keeps the record's place.
 * Returns whether there was a record there.
 */
export function replaceRecord(
  root: Data,
  path: IvrPath,
  change: (old: DataRecord) => DataRecord,
): boolean {
  const parent = path.length === 0 ? null : dataAt(root, path.slice(0, -1))
  const old = dataAt(root, path)
  if (!isRecord(old)) return false
  const next = change(old)
  if (path.length === 0) {
    if (!isRecord(root)) return false
    for (const key of Object.keys(root)) delete root[key]
    for (const [key, value] of entriesOf(next)) {
      Object.defineProperty(root, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
    return true
  }
  const last = path[path.length - 1] as string | number
  if (Array.isArray(parent) && typeof last === 'number') parent[last] = next
  else if (isRecord(parent)) parent[String(last)] = next
  else return false
  return true
}

/** `value` with key `from` renamed to `to` in the same place. */
export function renameKey(value: DataRecord, from: string, to: string): DataRecord {
  return record(entriesOf(value).map(([k, v]) => [k === from ? to : k, v]))
}

/** `value` with `key` set to `entry`, placed before `before` (or last when `null` or absent). */
export function insertKey(
  value: DataRecord,
  key: string,
  entry: Data,
  before: string | null,
): DataRecord {
  const entries = entriesOf(value).filter(([k]) => k !== key)
  const at = before === null ? -1 : entries.findIndex(([k]) => k === before)
  entries.splice(at === -1 ? entries.length : at, 0, [key, entry])
  return record(entries)
}

/** `value` without `key`. */
export function removeKey(value: DataRecord, key: string): DataRecord {
  return record(entriesOf(value).filter(([k]) => k !== key))
}

/**
 * Calls `visit` on every command of the lists in `lists`, depth first: commands in choice options'
 * `do` and in transfer branches too.
 */
export function forEachCommand(lists: readonly Data[], visit: (command: Data) => void): void {
  for (const list of lists) {
    if (!Array.isArray(list)) continue
    for (const command of list) {
      visit(command)
      if (!isRecord(command)) continue
      const choice = command['choice']
      if (isRecord(choice)) {
        for (const [, option] of entriesOf(choice)) {
          if (isRecord(option) && Array.isArray(option['do'])) forEachCommand([option['do']], visit)
        }
      }
      const transfer = command['transfer']
      if (isRecord(transfer) && isRecord(transfer['if'])) {
        forEachCommand(Object.values(transfer['if']), visit)
      }
    }
  }
}

/**
 * Points every reference to section `from` (a command's `goto`, an option's `goto`, a fetch's or
 * dtmf's `onError`) in `lists` at `to`, in place.
 */
export function renameReferences(lists: readonly Data[], from: string, to: string): void {
  forEachCommand(lists, (command) => {
    if (!isRecord(command)) return
    if (command['goto'] === from) command['goto'] = to
    for (const kind of ['fetch', 'dtmf']) {
      const value = command[kind]
      if (isRecord(value) && value['onError'] === from) value['onError'] = to
    }
    const choice = command['choice']
    if (isRecord(choice)) {
      for (const [, option] of entriesOf(choice)) {
        if (isRecord(option) && option['goto'] === from) option['goto'] = to
      }
    }
  })
}
