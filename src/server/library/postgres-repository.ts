import pg from 'pg'
import {
  encodeSource,
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

/** Where the PostgreSQL library lives. */
export interface PostgresOptions extends RepositoryOptions {
  /** `postgres://user:password@host:port/database`. */
  connectionString: string
  /** The most connections this process opens; 10 by default. */
  maxConnections?: number
}

/** Any key for the advisory lock that lets one server at a time migrate the schema. */
const MIGRATION_LOCK_KEY = 0x1f2e_3d4c

type Queryable = Pick<pg.PoolClient, 'query'>

async function inTransaction<T>(
  pool: pg.Pool,
  task: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await task(client)
    await client.query('COMMIT')
    client.release()
    return result
  } catch (error) {
    // A connection whose transaction is in an unknown state is not given back to the pool.
    await client.query('ROLLBACK').catch(() => undefined)
    client.release(true)
    throw error
  }
}

async function migrate(pool: pg.Pool): Promise<number[]> {
  return inTransaction(pool, async (client) => {
    // Servers started together wait here for one another instead of racing on the DDL.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY])
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`,
    )
    const done = new Set(
      (await client.query<{ version: number }>(`SELECT version FROM ${MIGRATIONS_TABLE}`)).rows.map(
        (row) => Number(row.version),
      ),
    )
    const newest = Math.max(0, ...done)
    if (newest > SCHEMA_VERSION) throw new Error(newerSchemaMessage(newest))
    const applied: number[] = []
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue
      await client.query(migration.postgres)
      await client.query(
        `INSERT INTO ${MIGRATIONS_TABLE} (version, name, applied_at) VALUES ($1, $2, now())`,
        [migration.version, migration.name],
      )
      applied.push(migration.version)
    }
    return applied
  })
}

/**
 * Opens the library in the PostgreSQL database at `connectionString` and brings its schema up to
 * date. Any number of server processes may share one database: saves are checked against their
 * base version by a conditional update inside the transaction that stores the version.
 */
export async function openPostgresRepository(options: PostgresOptions): Promise<IvrRepository> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    // A database that does not answer fails the start (or the request) instead of hanging it.
    connectionTimeoutMillis: 10_000,
    application_name: 'ivr-designer',
  })
  // An idle connection that breaks must not take the process down; the next query reconnects.
  pool.on('error', () => undefined)
  try {
    const migrated = await migrate(pool)
    return new PostgresRepository(pool, migrated, options.now ?? (() => new Date()))
  } catch (error) {
    await pool.end().catch(() => undefined)
    throw error
  }
}

async function readHead(db: Queryable, id: string): Promise<IvrWithText | undefined> {
  const { rows } = await db.query<HeadRow>(`${HEAD_SELECT} WHERE i.id = $1`, [id])
  return rows[0] === undefined ? undefined : toIvrWithText(rows[0])
}

async function insertVersion(
  db: Queryable,
  id: string,
  number: number,
  input: CreateInput | SaveInput,
  at: string,
): Promise<void> {
  await db.query(
    `INSERT INTO versions (ivr_id, number, yaml, size, created_at, author, message, source)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      id,
      number,
      input.yaml,
      utf8Length(input.yaml),
      at,
      input.author,
      input.message,
      encodeSource(input.source),
    ],
  )
}

class PostgresRepository implements IvrRepository {
  readonly engine = 'postgres' as const
  readonly migrated: readonly number[]
  private readonly pool: pg.Pool
  private readonly now: () => Date

  constructor(pool: pg.Pool, migrated: number[], now: () => Date) {
    this.pool = pool
    this.migrated = migrated
    this.now = now
  }

  async list(query: ListQuery = {}): Promise<IvrRecord[]> {
    const term = searchTerm(query.q)
    const where = [query.deleted === true ? 'deleted_at IS NOT NULL' : 'deleted_at IS NULL']
    const params: string[] = []
    if (term !== undefined) {
      params.push(term)
      where.push('(strpos(lower(name), $1) > 0 OR strpos(id, $1) > 0)')
    }
    const { rows } = await this.pool.query<IvrRow>(
      `SELECT ${IVR_COLUMNS} FROM ivrs WHERE ${where.join(' AND ')}
       ORDER BY updated_at DESC, id`,
      params,
    )
    return rows.map(toIvrRecord)
  }

  async get(id: string): Promise<IvrRecord | undefined> {
    const { rows } = await this.pool.query<IvrRow>(
      `SELECT ${IVR_COLUMNS} FROM ivrs WHERE id = $1`,
      [id],
    )
    return rows[0] === undefined ? undefined : toIvrRecord(rows[0])
  }

  async head(id: string): Promise<IvrWithText | undefined> {
    return readHead(this.pool, id)
  }

  async create(input: CreateInput): Promise<CreateResult> {
    const at = this.now().toISOString()
    const current = await inTransaction(this.pool, async (client) => {
      const inserted = await client.query(
        `INSERT INTO ivrs (id, name, head, created_at, updated_at) VALUES ($1, $2, 1, $3, $3)
         ON CONFLICT (id) DO NOTHING`,
        [input.id, input.name, at],
      )
      if (inserted.rowCount !== 1) return undefined
      await insertVersion(client, input.id, 1, input, at)
      return readHead(client, input.id)
    })
    return current === undefined ? { kind: 'exists' } : { kind: 'created', current }
  }

  async save(input: SaveInput): Promise<SaveResult> {
    const at = this.now().toISOString()
    const outcome = await inTransaction(
      this.pool,
      async (client): Promise<SaveResult | 'raced'> => {
        const current = await readHead(client, input.id)
        if (current === undefined) return { kind: 'missing' }
        if (current.ivr.deletedAt !== null) return { kind: 'deleted', ivr: current.ivr }
        if (current.yaml === input.yaml) return { kind: 'unchanged', current }
        if (current.ivr.head !== input.base) return { kind: 'conflict', current }
        // The one place a head moves: only from the version the save was based on. A concurrent
        // save of the same IVR waits here for the other to commit, then finds the head moved.
        const bumped = await client.query(
          `UPDATE ivrs SET head = head + 1, updated_at = $1
         WHERE id = $2 AND head = $3 AND deleted_at IS NULL`,
          [at, input.id, input.base],
        )
        if (bumped.rowCount !== 1) return 'raced'
        await insertVersion(client, input.id, input.base + 1, input, at)
        return { kind: 'saved', current: (await readHead(client, input.id)) as IvrWithText }
      },
    )
    if (outcome !== 'raced') return outcome
    // Another save (or a deletion) committed between the read and the update: say what is there.
    const current = await readHead(this.pool, input.id)
    if (current === undefined) return { kind: 'missing' }
    if (current.ivr.deletedAt !== null) return { kind: 'deleted', ivr: current.ivr }
    if (current.yaml === input.yaml) return { kind: 'unchanged', current }
    return { kind: 'conflict', current }
  }

  async rename(id: string, name: string): Promise<IvrRecord | undefined> {
    const { rows } = await this.pool.query<IvrRow>(
      `UPDATE ivrs SET name = $1, updated_at = $2 WHERE id = $3 AND deleted_at IS NULL
       RETURNING ${IVR_COLUMNS}`,
      [name, this.now().toISOString(), id],
    )
    return rows[0] === undefined ? undefined : toIvrRecord(rows[0])
  }

  async remove(id: string): Promise<IvrRecord | undefined> {
    const at = this.now().toISOString()
    await this.pool.query(
      'UPDATE ivrs SET deleted_at = $1, updated_at = $1 WHERE id = $2 AND deleted_at IS NULL',
      [at, id],
    )
    return this.get(id)
  }

  async recover(id: string): Promise<IvrRecord | undefined> {
    await this.pool.query(
      'UPDATE ivrs SET deleted_at = NULL, updated_at = $1 WHERE id = $2 AND deleted_at IS NOT NULL',
      [this.now().toISOString(), id],
    )
    return this.get(id)
  }

  async purgeDeleted(before: Date): Promise<number> {
    const result = await this.pool.query(
      'DELETE FROM ivrs WHERE deleted_at IS NOT NULL AND deleted_at < $1',
      [before.toISOString()],
    )
    return result.rowCount ?? 0
  }

  async versions(id: string, page: VersionPage = {}): Promise<VersionRecord[] | undefined> {
    if ((await this.get(id)) === undefined) return undefined
    const { rows } = await this.pool.query<VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM versions WHERE ivr_id = $1 AND number < $2
       ORDER BY number DESC LIMIT $3`,
      [id, page.before ?? 2_147_483_647, pageLimit(page.limit)],
    )
    return rows.map(toVersionRecord)
  }

  async version(
    id: string,
    number: number,
  ): Promise<{ version: VersionRecord; yaml: string } | undefined> {
    const { rows } = await this.pool.query<VersionRow & { yaml: string }>(
      `SELECT ${VERSION_COLUMNS}, yaml FROM versions WHERE ivr_id = $1 AND number = $2`,
      [id, number],
    )
    return rows[0] === undefined
      ? undefined
      : { version: toVersionRecord(rows[0]), yaml: rows[0].yaml }
  }

  async close(): Promise<void> {
    await this.pool.end()
  }
}
