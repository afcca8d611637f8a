import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import {
  encodeSource,
  LibraryLockedError,
  type CreateInput,
  type CreateResult,
  type IvrRecord,
  type IvrRepository,
  type IvrWithText,
  type ListQuery,
  type RepositoryOptions,
  type SaveInput,
  type SaveResult,
  type VersionPage,
  type VersionRecord,
} from './repository.ts'
import {
  HEAD_SELECT,
  IVR_COLUMNS,
  pageLimit,
  searchTerm,
  toIvrRecord,
  toIvrWithText,
  toVersionRecord,
  VERSION_COLUMNS,
  type HeadRow,
  type IvrRow,
  type VersionRow,
} from './rows.ts'
import { MIGRATIONS, MIGRATIONS_TABLE, newerSchemaMessage, SCHEMA_VERSION } from './schema.ts'
import { utf8Length } from '../../yaml/limits.ts'

/** The library's database file inside the data folder. */
export const SQLITE_FILE = 'library.sqlite'

/** The file whose lock says which server process owns the data folder's library. */
export const LOCK_FILE = 'library.lock'

/** Where the SQLite library lives. */
export interface SqliteOptions extends RepositoryOptions {
  /** The data folder; created when missing. */
  dataDir: string
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_'))
}

/**
 * Takes the data folder for this process. The lock is SQLite's own lock on a small database of
 * its own, held exclusively for as long as the process keeps it open: the operating system
 * releases it when the process ends in any way, even `kill -9`, so there are no stale locks.
 * The library file itself keeps ordinary locking, so backup tools can read it meanwhile.
 */
function takeLock(dataDir: string): Database.Database {
  const path = join(dataDir, LOCK_FILE)
  const lock = new Database(path, { timeout: 0 })
  try {
    lock.pragma('locking_mode = EXCLUSIVE')
    // Its content does not matter, so it needs no journal file beside it.
    lock.pragma('journal_mode = MEMORY')
    lock.exec('BEGIN EXCLUSIVE')
    lock.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL)')
    lock.prepare('DELETE FROM holder').run()
    lock.prepare('INSERT INTO holder (pid) VALUES (?)').run(process.pid)
    lock.exec('COMMIT')
    return lock
  } catch (error) {
    lock.close()
    if (isBusy(error)) {
      throw new LibraryLockedError(
        `another IVR Designer server is already using the IVR library in DATA_DIR "${dataDir}" ` +
          `(${path} is locked). Stop that server first, or give this one its own DATA_DIR. ` +
          'To run several servers on one library, set DATABASE_URL to a PostgreSQL database.',
      )
    }
    throw error
  }
}

function migrate(db: Database.Database): number[] {
  const applied: number[] = []
  db.transaction(() => {
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
    )
    const done = new Set(
      db
        .prepare(`SELECT version FROM ${MIGRATIONS_TABLE}`)
        .pluck()
        .all()
        .map((version) => Number(version)),
    )
    const newest = Math.max(0, ...done)
    if (newest > SCHEMA_VERSION) throw new Error(newerSchemaMessage(newest))
    const record = db.prepare(
      `INSERT INTO ${MIGRATIONS_TABLE} (version, name, applied_at) VALUES (?, ?, ?)`,
    )
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue
      db.exec(migration.sqlite)
      record.run(migration.version, migration.name, new Date().toISOString())
      applied.push(migration.version)
    }
  }).immediate()
  return applied
}

/**
 * Opens the library in `DATA_DIR/library.sqlite` for this process alone: takes the lock (or
 * throws {@link LibraryLockedError}), turns on WAL with full sync (a save is on disk when it is
 * acknowledged) and foreign keys, and brings the schema up to date.
 */
export function openSqliteRepository(options: SqliteOptions): IvrRepository {
  mkdirSync(options.dataDir, { recursive: true })
  const lock = takeLock(options.dataDir)
  let db: Database.Database | undefined
  let migrated: number[]
  try {
    db = new Database(join(options.dataDir, SQLITE_FILE), { timeout: 5_000 })
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    // Case-insensitive search beyond ASCII, as PostgreSQL's lower() does.
    db.function('ivr_lower', { deterministic: true }, (value: unknown) =>
      typeof value === 'string' ? value.toLowerCase() : value,
    )
    migrated = migrate(db)
  } catch (error) {
    db?.close()
    lock.close()
    throw error
  }
  return new SqliteRepository(db, lock, migrated, options.now ?? (() => new Date()))
}

class SqliteRepository implements IvrRepository {
  readonly engine = 'sqlite' as const
  readonly migrated: readonly number[]
  private readonly db: Database.Database
  private readonly lock: Database.Database
  private readonly now: () => Date
  private readonly statements

  constructor(db: Database.Database, lock: Database.Database, migrated: number[], now: () => Date) {
    this.db = db
    this.lock = lock
    this.migrated = migrated
    this.now = now
    this.statements = {
      getIvr: db.prepare<[string], IvrRow>(`SELECT ${IVR_COLUMNS} FROM ivrs WHERE id = ?`),
      head: db.prepare<[string], HeadRow>(`${HEAD_SELECT} WHERE i.id = ?`),
      insertIvr: db.prepare<[string, string, string, string], unknown>(
        `INSERT INTO ivrs (id, name, head, created_at, updated_at) VALUES (?, ?, 1, ?, ?)
         ON CONFLICT (id) DO NOTHING`,
      ),
      insertVersion: db.prepare<
        [string, number, string, number, string, string, string | null, string],
        unknown
      >(
        `INSERT INTO versions (ivr_id, number, yaml, size, created_at, author, message, source)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      bump: db.prepare<[string, string, number], unknown>(
        `UPDATE ivrs SET head = head + 1, updated_at = ?
         WHERE id = ? AND head = ? AND deleted_at IS NULL`,
      ),
      rename: db.prepare<[string, string, string], IvrRow>(
        `UPDATE ivrs SET name = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL
         RETURNING ${IVR_COLUMNS}`,
      ),
      remove: db.prepare<[string, string, string], unknown>(
        `UPDATE ivrs SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL`,
      ),
      recover: db.prepare<[string, string], unknown>(
        `UPDATE ivrs SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL`,
      ),
      purge: db.prepare<[string], unknown>(
        'DELETE FROM ivrs WHERE deleted_at IS NOT NULL AND deleted_at < ?',
      ),
      versions: db.prepare<[string, number, number], VersionRow>(
        `SELECT ${VERSION_COLUMNS} FROM versions
         WHERE ivr_id = ? AND number < ? ORDER BY number DESC LIMIT ?`,
      ),
      version: db.prepare<[string, number], VersionRow & { yaml: string }>(
        `SELECT ${VERSION_COLUMNS}, yaml FROM versions WHERE ivr_id = ? AND number = ?`,
      ),
    }
  }

  private readHead(id: string): IvrWithText | undefined {
    const row = this.statements.head.get(id)
    return row === undefined ? undefined : toIvrWithText(row)
  }

  async list(query: ListQuery = {}): Promise<IvrRecord[]> {
    const term = searchTerm(query.q)
    const where = [query.deleted === true ? 'deleted_at IS NOT NULL' : 'deleted_at IS NULL']
    const params: string[] = []
    if (term !== undefined) {
      where.push('(instr(ivr_lower(name), ?) > 0 OR instr(id, ?) > 0)')
      params.push(term, term)
    }
    const rows = this.db
      .prepare<string[], IvrRow>(
        `SELECT ${IVR_COLUMNS} FROM ivrs
         WHERE ${where.join(' AND ')} ORDER BY updated_at DESC, id`,
      )
      .all(...params)
    return rows.map(toIvrRecord)
  }

  async get(id: string): Promise<IvrRecord | undefined> {
    const row = this.statements.getIvr.get(id)
    return row === undefined ? undefined : toIvrRecord(row)
  }

  async head(id: string): Promise<IvrWithText | undefined> {
    return this.readHead(id)
  }

  async create(input: CreateInput): Promise<CreateResult> {
    const at = this.now().toISOString()
    const created = this.db
      .transaction((): boolean => {
        const inserted = this.statements.insertIvr.run(input.id, input.name, at, at)
        if (inserted.changes !== 1) return false
        this.statements.insertVersion.run(
          input.id,
          1,
          input.yaml,
          utf8Length(input.yaml),
          at,
          input.author,
          input.message,
          encodeSource(input.source),
        )
        return true
      })
      .immediate()
    if (!created) return { kind: 'exists' }
    return { kind: 'created', current: this.readHead(input.id) as IvrWithText }
  }

  async save(input: SaveInput): Promise<SaveResult> {
    const at = this.now().toISOString()
    return this.db
      .transaction((): SaveResult => {
        const current = this.readHead(input.id)
        if (current === undefined) return { kind: 'missing' }
        if (current.ivr.deletedAt !== null) return { kind: 'deleted', ivr: current.ivr }
        if (current.yaml === input.yaml) return { kind: 'unchanged', current }
        if (current.ivr.head !== input.base) return { kind: 'conflict', current }
        // The one place a head moves: only from the version the save was based on.
        const bumped = this.statements.bump.run(at, input.id, input.base)
        if (bumped.changes !== 1) return { kind: 'conflict', current }
        this.statements.insertVersion.run(
          input.id,
          input.base + 1,
          input.yaml,
          utf8Length(input.yaml),
          at,
          input.author,
          input.message,
          encodeSource(input.source),
        )
        return { kind: 'saved', current: this.readHead(input.id) as IvrWithText }
      })
      .immediate()
  }

  async rename(id: string, name: string): Promise<IvrRecord | undefined> {
    const row = this.statements.rename.get(name, this.now().toISOString(), id)
    return row === undefined ? undefined : toIvrRecord(row)
  }

  async remove(id: string): Promise<IvrRecord | undefined> {
    const at = this.now().toISOString()
    this.statements.remove.run(at, at, id)
    return this.get(id)
  }

  async recover(id: string): Promise<IvrRecord | undefined> {
    this.statements.recover.run(this.now().toISOString(), id)
    return this.get(id)
  }

  async purgeDeleted(before: Date): Promise<number> {
    return this.statements.purge.run(before.toISOString()).changes
  }

  async versions(id: string, page: VersionPage = {}): Promise<VersionRecord[] | undefined> {
    if (this.statements.getIvr.get(id) === undefined) return undefined
    const before = page.before ?? Number.MAX_SAFE_INTEGER
    return this.statements.versions.all(id, before, pageLimit(page.limit)).map(toVersionRecord)
  }

  async version(
    id: string,
    number: number,
  ): Promise<{ version: VersionRecord; yaml: string } | undefined> {
    const row = this.statements.version.get(id, number)
    return row === undefined ? undefined : { version: toVersionRecord(row), yaml: row.yaml }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close()
    if (this.lock.open) this.lock.close()
  }
}
