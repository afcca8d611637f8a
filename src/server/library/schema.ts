/**
 * One step of the library's schema. Both engines have the same tables and columns; only the
 * types differ where the databases differ (times are `TEXT` in ISO 8601 with SQLite and
 * `TIMESTAMPTZ` with PostgreSQL).
 */
export interface Migration {
  /** Applied in increasing order; never renumber or change a migration once released. */
  version: number
  name: string
  sqlite: string
  postgres: string
}

/** The table that records which migrations a database has had. */
export const MIGRATIONS_TABLE = 'schema_migrations'

function tables(time: string): string {
  return `
    CREATE TABLE ivrs (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      head INTEGER NOT NULL CHECK (head >= 1),
      created_at ${time} NOT NULL,
      updated_at ${time} NOT NULL,
      deleted_at ${time}
    );
    CREATE TABLE versions (
      ivr_id TEXT NOT NULL REFERENCES ivrs (id) ON DELETE CASCADE,
      number INTEGER NOT NULL CHECK (number >= 1),
      yaml TEXT NOT NULL,
      size INTEGER NOT NULL,
      created_at ${time} NOT NULL,
      author TEXT NOT NULL,
      message TEXT,
      source TEXT NOT NULL,
      PRIMARY KEY (ivr_id, number)
    );
    CREATE INDEX ivrs_by_update ON ivrs (updated_at DESC, id);
    CREATE INDEX ivrs_by_deletion ON ivrs (deleted_at) WHERE deleted_at IS NOT NULL;
  `
}

/** Every migration, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'ivrs and versions',
    sqlite: tables('TEXT'),
    postgres: tables('TIMESTAMPTZ'),
  },
]

/** The newest schema this code knows. */
export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((migration) => migration.version))

/** Says that the database was migrated by a newer release, which this one must not touch. */
export function newerSchemaMessage(found: number): string {
  return (
    `The IVR library has schema version ${found}, but this release of IVR Designer knows ` +
    `versions up to ${SCHEMA_VERSION}. It was used by a newer release; run that release or newer.`
  )
}
