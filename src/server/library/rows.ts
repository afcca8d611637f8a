import {
  decodeSource,
  MAX_VERSION_PAGE,
  type IvrRecord,
  type IvrWithText,
  type VersionRecord,
} from './repository.ts'

/** A time as either engine returns it: ISO text from SQLite, a `Date` from PostgreSQL. */
export type StoredTime = string | Date

/** A row of `ivrs`. */
export interface IvrRow {
  id: string
  name: string
  head: number
  created_at: StoredTime
  updated_at: StoredTime
  deleted_at: StoredTime | null
}

/** A row of `versions` without the text. */
export interface VersionRow {
  number: number
  created_at: StoredTime
  author: string
  message: string | null
  source: string
  size: number
}

/** An IVR joined with its newest version, as {@link HEAD_SELECT} reads it. */
export interface HeadRow extends IvrRow {
  v_number: number
  v_created_at: StoredTime
  v_author: string
  v_message: string | null
  v_source: string
  v_size: number
  yaml: string
}

/** The columns of {@link HeadRow}; the IVR is `i`, its newest version `v`. */
export const HEAD_SELECT = `SELECT i.id, i.name, i.head, i.created_at, i.updated_at, i.deleted_at,
  v.number AS v_number, v.created_at AS v_created_at, v.author AS v_author,
  v.message AS v_message, v.source AS v_source, v.size AS v_size, v.yaml
  FROM ivrs i JOIN versions v ON v.ivr_id = i.id AND v.number = i.head`

/** The columns of {@link IvrRow}. */
export const IVR_COLUMNS = 'id, name, head, created_at, updated_at, deleted_at'

/** The columns of {@link VersionRow}. */
export const VERSION_COLUMNS = 'number, created_at, author, message, source, size'

/** The same instant, always as ISO text, so both engines answer alike. */
export function isoTime(value: StoredTime): string {
  return typeof value === 'string' ? value : value.toISOString()
}

/** `row` as the repository shows it. */
export function toIvrRecord(row: IvrRow): IvrRecord {
  return {
    id: row.id,
    name: row.name,
    head: Number(row.head),
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
    deletedAt: row.deleted_at === null ? null : isoTime(row.deleted_at),
  }
}

/** `row` as the repository shows it. */
export function toVersionRecord(row: VersionRow): VersionRecord {
  return {
    number: Number(row.number),
    createdAt: isoTime(row.created_at),
    author: row.author,
    message: row.message,
    source: decodeSource(row.source),
    size: Number(row.size),
  }
}

/** `row` as the repository shows it. */
export function toIvrWithText(row: HeadRow): IvrWithText {
  return {
    ivr: toIvrRecord(row),
    version: toVersionRecord({
      number: row.v_number,
      created_at: row.v_created_at,
      author: row.v_author,
      message: row.v_message,
      source: row.v_source,
      size: row.v_size,
    }),
    yaml: row.yaml,
  }
}

/** The page size to use for `limit`: whole, at least 1, at most {@link MAX_VERSION_PAGE}. */
export function pageLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return MAX_VERSION_PAGE
  return Math.min(MAX_VERSION_PAGE, Math.max(1, Math.floor(limit)))
}

/** A search term as both engines compare it: lower case, or `undefined` for no filter. */
export function searchTerm(q: string | undefined): string | undefined {
  const term = q?.trim().toLowerCase()
  return term === undefined || term === '' ? undefined : term
}
