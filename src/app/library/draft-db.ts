import { createMemoryDraftStore, isDraft, type Draft, type DraftStore } from './drafts.ts'

/** The IndexedDB database of the editor's drafts. */
export const DRAFT_DB_NAME = 'ivr-designer'
const DB_VERSION = 1
const DRAFTS = 'drafts'
const META = 'meta'
const CURRENT = 'current'

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'))
  })
}

/**
 * Asks the browser to commit `transaction` as soon as its requests are done, rather than once
 * their results have come back to the page: a draft written while the page unloads (a reload,
 * the tab closed) is then kept although the page is gone before those results arrive.
 */
function commitNow(transaction: IDBTransaction): void {
  // Browsers without `commit` commit on their own once the requests are done.
  if (typeof transaction.commit === 'function') transaction.commit()
}

function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve()
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'))
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB write aborted'))
  })
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DRAFT_DB_NAME, DB_VERSION)
    request.onupgradeneeded = () => {
      const db = request.result
      if (!db.objectStoreNames.contains(DRAFTS)) db.createObjectStore(DRAFTS, { keyPath: 'key' })
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META)
    }
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error('IndexedDB did not open'))
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'))
  })
}

/**
 * Drafts in the browser's IndexedDB. Every write is a `strict` transaction, which the browser
 * flushes to disk before it reports success, so a draft written survives the browser process
 * being killed a moment later. Where IndexedDB is missing or refuses to open (some private
 * modes), drafts are kept in memory for the visit.
 */
export async function openDraftDb(
  factory: IDBFactory | undefined = globalThis.indexedDB,
): Promise<DraftStore> {
  if (factory === undefined) return createMemoryDraftStore()
  let db: IDBDatabase
  try {
    db = await openDatabase(factory)
  } catch {
    return createMemoryDraftStore()
  }
  // Another tab upgrading the database asks this one to let go.
  db.onversionchange = () => db.close()

  const write = (mode: 'strict' | 'default') =>
    db.transaction([DRAFTS, META], 'readwrite', { durability: mode })

  return {
    async put(draft) {
      const transaction = write('strict')
      transaction.objectStore(DRAFTS).put(draft)
      transaction.objectStore(META).put(draft.key, CURRENT)
      const done = committed(transaction)
      commitNow(transaction)
      await done
    },
    async get(key) {
      const value: unknown = await promised(
        db.transaction(DRAFTS, 'readonly').objectStore(DRAFTS).get(key),
      )
      return isDraft(value) ? value : undefined
    },
    async delete(key) {
      const transaction = write('strict')
      transaction.objectStore(DRAFTS).delete(key)
      const done = committed(transaction)
      commitNow(transaction)
      await done
    },
    async current() {
      const transaction = db.transaction([DRAFTS, META], 'readonly')
      const key: unknown = await promised(transaction.objectStore(META).get(CURRENT))
      if (typeof key !== 'string') return undefined
      const value: unknown = await promised(transaction.objectStore(DRAFTS).get(key))
      return isDraft(value) ? (value as Draft) : undefined
    },
  }
}
