/** Which database holds the library. */
export type LibraryEngine = 'sqlite' | 'postgres'

/**
 * Where a version came from, for history views: a save, the first version of a new IVR (from a
 * template, from given text, or blank), a copy of another IVR's version, or an older version of
 * the same IVR saved again.
 */
export type VersionSource =
  | { kind: 'save' }
  | { kind: 'create'; template?: string }
  | { kind: 'duplicate'; id: string; version: number }
  | { kind: 'restore'; version: number }

/** An IVR of the library, without its text. Times are ISO 8601 strings in UTC. */
export interface IvrRecord {
  id: string
  name: string
  /** The number of the newest version; versions are numbered 1, 2, 3, … without gaps. */
  head: number
  createdAt: string
  /** When the IVR last changed: a new version, a rename, a deletion or a recovery. */
  updatedAt: string
  /** When it was deleted, or `null` while it is in the library. */
  deletedAt: string | null
}

/** One saved version of an IVR, without its text. */
export interface VersionRecord {
  number: number
  createdAt: string
  author: string
  /** What the author said about the change, or `null`. */
  message: string | null
  source: VersionSource
  /** The size of the text in UTF-8 bytes. */
  size: number
}

/** An IVR with the text of its newest version. */
export interface IvrWithText {
  ivr: IvrRecord
  version: VersionRecord
  yaml: string
}

/** What a new IVR starts with. */
export interface CreateInput {
  id: string
  name: string
  yaml: string
  author: string
  message: string | null
  source: VersionSource
}

/** A new version based on version `base`. */
export interface SaveInput {
  id: string
  base: number
  yaml: string
  author: string
  message: string | null
  source: VersionSource
}

/**
 * The outcome of a save: `saved` with the new version; `unchanged` when the newest version already
 * holds exactly this text (so repeating a save whose answer was lost is harmless); `conflict` when
 * another save came first, with the newest version; `deleted` and `missing` when there is no IVR
 * to save into.
 */
export type SaveResult =
  | { kind: 'saved'; current: IvrWithText }
  | { kind: 'unchanged'; current: IvrWithText }
  | { kind: 'conflict'; current: IvrWithText }
  | { kind: 'deleted'; ivr: IvrRecord }
  | { kind: 'missing' }

/** The outcome of creating an IVR: created, or the id is taken (by a deleted IVR, too). */
export type CreateResult = { kind: 'created'; current: IvrWithText } | { kind: 'exists' }

/** Which IVRs a listing shows. */
export interface ListQuery {
  /** Only IVRs whose name or id contains this, ignoring case. */
  q?: string
  /** The deleted IVRs instead of the others. */
  deleted?: boolean
}

/**
 * The IVR library: IVRs with immutable, gaplessly numbered versions. A save names the version it
 * was based on and is stored only if that is still the newest one, checked and written in one
 * transaction, so no save ever silently replaces another. Every method is safe to call
 * concurrently; when one resolves, what it wrote is durable.
 */
export interface IvrRepository {
  readonly engine: LibraryEngine
  /** The schema migrations this start applied, oldest first; empty when it was current. */
  readonly migrated: readonly number[]
  /** IVRs matching `query`, most recently changed first. */
  list(query?: ListQuery): Promise<IvrRecord[]>
  /** The IVR `id`, deleted or not. */
  get(id: string): Promise<IvrRecord | undefined>
  /** The IVR `id`, deleted or not, with the text of its newest version. */
  head(id: string): Promise<IvrWithText | undefined>
  /** Creates the IVR with `input.yaml` as version 1, unless the id is taken. */
  create(input: CreateInput): Promise<CreateResult>
  /** Stores `input.yaml` as the next version if `input.base` is still the newest one. */
  save(input: SaveInput): Promise<SaveResult>
  /** Renames a non-deleted IVR; its versions stay as they are. */
  rename(id: string, name: string): Promise<IvrRecord | undefined>
  /** Marks the IVR deleted (once: a second call keeps the first time). */
  remove(id: string): Promise<IvrRecord | undefined>
  /** Brings a deleted IVR back. */
  recover(id: string): Promise<IvrRecord | undefined>
  /** Erases the IVRs deleted before `before`, with all their versions; how many there were. */
  purgeDeleted(before: Date): Promise<number>
  /** Versions of the IVR, newest first: at most `page.limit`, all below `page.before`. */
  versions(id: string, page?: VersionPage): Promise<VersionRecord[] | undefined>
  /** Version `number` of the IVR with its text. */
  version(id: string, number: number): Promise<{ version: VersionRecord; yaml: string } | undefined>
  /** Releases the database and, with SQLite, the data folder's lock. */
  close(): Promise<void>
}

/** A page of a history, newest first. */
export interface VersionPage {
  /** Only versions numbered below this. */
  before?: number
  /** At most this many; {@link MAX_VERSION_PAGE} by default and at most. */
  limit?: number
}

/** The most versions one page of a history holds. */
export const MAX_VERSION_PAGE = 500

/** Options both engines take. */
export interface RepositoryOptions {
  /** The clock, for tests of purging; `new Date()` by default. */
  now?: () => Date
}

/** How long a deleted IVR can be recovered before it is erased. */
export const DELETED_RETENTION_DAYS = 30

/** Raised when the SQLite library is already in use by another server process. */
export class LibraryLockedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LibraryLockedError'
  }
}

/** The stored form of a version's source. */
export function encodeSource(source: VersionSource): string {
  return JSON.stringify(source)
}

/** A stored source back as an object; anything unreadable counts as a plain save. */
export function decodeSource(stored: string): VersionSource {
  try {
    const value = JSON.parse(stored) as VersionSource
    if (typeof value === 'object' && value !== null && typeof value.kind === 'string') return value
  } catch {
    // Fall through: a version is never unreadable because of its bookkeeping.
  }
  return { kind: 'save' }
}
