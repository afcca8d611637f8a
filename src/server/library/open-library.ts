import { DELETED_RETENTION_DAYS, type IvrRepository, type RepositoryOptions } from './repository.ts'

/** Which database holds the IVR library. */
export type DatabaseConfig = { kind: 'sqlite' } | { kind: 'postgres'; url: string }

/** The database a server with `databaseUrl` (or none) uses. */
export function databaseOf(databaseUrl: string | undefined): DatabaseConfig {
  return databaseUrl === undefined ? { kind: 'sqlite' } : { kind: 'postgres', url: databaseUrl }
}

const DAY_MS = 24 * 60 * 60 * 1000

/** The moment before which deleted IVRs are erased, seen from `now`. */
export function purgeCutoff(now: Date): Date {
  return new Date(now.getTime() - DELETED_RETENTION_DAYS * DAY_MS)
}

/**
 * When an IVR deleted at `deletedAt` may be erased: the first start of a server after this
 * moment erases it.
 */
export function purgeDateOf(deletedAt: string): Date {
  return new Date(new Date(deletedAt).getTime() + DELETED_RETENTION_DAYS * DAY_MS)
}

/**
 * The IVR library `config` asks for, its schema current and IVRs deleted more than
 * {@link DELETED_RETENTION_DAYS} days ago erased: SQLite in `dataDir` (locked to this process), or
 * the PostgreSQL database at its URL. Each driver is loaded only when used.
 */
export async function openLibrary(
  config: DatabaseConfig,
  dataDir: string,
  options: RepositoryOptions = {},
): Promise<IvrRepository> {
  let repository: IvrRepository
  if (config.kind === 'sqlite') {
    const { openSqliteRepository } = await import('./sqlite-repository.ts')
    repository = openSqliteRepository({ ...options, dataDir })
  } else {
    const { openPostgresRepository } = await import('./postgres-repository.ts')
    repository = await openPostgresRepository({ ...options, connectionString: config.url })
  }
  try {
    await repository.purgeDeleted(purgeCutoff(options.now?.() ?? new Date()))
  } catch (error) {
    await repository.close()
    throw error
  }
  return repository
}
