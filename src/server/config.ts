import { isAbsolute, resolve } from 'node:path'
import { readAddress } from './address.ts'

/** Where recordings are kept. */
export type StorageConfig =
  | { kind: 'fs' }
  | {
      kind: 's3'
      endpoint?: string
      bucket: string
      region: string
      accessKeyId?: string
      secretAccessKey?: string
      forcePathStyle: boolean
    }

/** Everything the server reads from its environment. */
export interface ServerConfig {
  host: string
  port: number
  /** Absolute path of the data folder: recordings (with `fs`) and temporary uploads. */
  dataDir: string
  /** Base of play URLs without a trailing slash, e.g. `https://ivr.example.com`. */
  publicUrl?: string
  storage: StorageConfig
  /** The largest recording accepted, in bytes. */
  maxUploadBytes: number
  /** The secret every write must present as `Authorization: Bearer …`. */
  authToken?: string
  /**
   * The PostgreSQL database of the IVR library, `postgres://…`; without it the library is the
   * SQLite file `library.sqlite` in `dataDir`.
   */
  databaseUrl?: string
}

/** The settings, with warnings to show at start, or a message saying what is wrong. */
export type ConfigResult = { config: ServerConfig; warnings: string[] } | { error: string }

/** 20 MiB: minutes of telephone-quality MP3, far more than any prompt needs. */
export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024

const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }

function read(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim()
  return value === undefined || value === '' ? undefined : value
}

/** Whether connections to `host` can only come from this machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase()
  return bare === 'localhost' || bare === '::1' || /^127(?:\.\d{1,3}){3}$/.test(bare)
}

function readBoolean(value: string | undefined, fallback: boolean): boolean | undefined {
  if (value === undefined) return fallback
  const lower = value.toLowerCase()
  if (['1', 'true', 'yes', 'on'].includes(lower)) return true
  if (['0', 'false', 'no', 'off'].includes(lower)) return false
  return undefined
}

function readHttpUrl(value: string): URL | undefined {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined
  } catch {
    return undefined
  }
}

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'postgres:' || url.protocol === 'postgresql:'
  } catch {
    return false
  }
}

function readStorage(env: NodeJS.ProcessEnv): StorageConfig | { error: string } {
  const kind = (read(env, 'STORAGE') ?? 'fs').toLowerCase()
  if (kind === 'fs') return { kind: 'fs' }
  if (kind !== 's3') return { error: `STORAGE must be "fs" or "s3", but it is "${kind}".` }

  const bucket = read(env, 'S3_BUCKET')
  if (bucket === undefined) return { error: 'STORAGE is "s3", so S3_BUCKET must be set.' }
  const endpoint = read(env, 'S3_ENDPOINT')
  if (endpoint !== undefined && readHttpUrl(endpoint) === undefined) {
    return { error: `S3_ENDPOINT must be an http:// or https:// URL, but it is "${endpoint}".` }
  }
  const accessKeyId = read(env, 'S3_ACCESS_KEY_ID')
  const secretAccessKey = read(env, 'S3_SECRET_ACCESS_KEY')
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    return { error: 'Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither.' }
  }
  const rawPathStyle = read(env, 'S3_FORCE_PATH_STYLE')
  const forcePathStyle = readBoolean(rawPathStyle, true)
  if (forcePathStyle === undefined) {
    return { error: `S3_FORCE_PATH_STYLE must be "true" or "false", but it is "${rawPathStyle}".` }
  }
  return {
    kind: 's3',
    bucket,
    region: read(env, 'S3_REGION') ?? 'us-east-1',
    forcePathStyle,
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(accessKeyId === undefined || secretAccessKey === undefined
      ? {}
      : { accessKeyId, secretAccessKey }),
  }
}

/**
 * The server's settings from the environment (see the Configuration section of the README), or
 * the first thing that is wrong. Refuses to listen on an address other machines can reach without
 * `AUTH_TOKEN`, since anyone could then upload and delete recordings.
 */
export function readConfig(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): ConfigResult {
  const address = readAddress(env)
  if ('error' in address) return address
  const warnings: string[] = []

  const rawDataDir = read(env, 'DATA_DIR') ?? './data'
  const dataDir = isAbsolute(rawDataDir) ? rawDataDir : resolve(cwd, rawDataDir)

  const rawPublicUrl = read(env, 'PUBLIC_URL')
  let publicUrl: string | undefined
  if (rawPublicUrl !== undefined) {
    const url = readHttpUrl(rawPublicUrl)
    if (url === undefined || url.search !== '' || url.hash !== '' || url.username !== '') {
      return {
        error:
          `PUBLIC_URL must be an absolute http:// or https:// URL without query or credentials, ` +
          `such as https://ivr.example.com, but it is "${rawPublicUrl}".`,
      }
    }
    publicUrl = url.href.replace(/\/+$/, '')
  } else if (isLoopbackHost(address.host)) {
    warnings.push(
      'PUBLIC_URL is not set, so play URLs of recordings use the address the browser used, ' +
        `such as http://${address.host}:${address.port}, which phone systems cannot reach. ` +
        'Set PUBLIC_URL to the address your phone system can fetch, such as https://ivr.example.com.',
    )
  }

  const storage = readStorage(env)
  if ('error' in storage) return storage

  const rawMax = read(env, 'MAX_UPLOAD_BYTES')
  let maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES
  if (rawMax !== undefined) {
    const match = /^(\d+)\s*([kmg]?b?)$/i.exec(rawMax)
    const factor = UNITS[match?.[2]?.toLowerCase() ?? ''] ?? 0
    const value = match === null ? NaN : Number(match[1]) * factor
    if (!Number.isSafeInteger(value) || value < 1) {
      return {
        error:
          'MAX_UPLOAD_BYTES must be a whole number of bytes, optionally with KB, MB or GB ' +
          `(1024-based), such as 20MB, but it is "${rawMax}".`,
      }
    }
    maxUploadBytes = value
  }

  const databaseUrl = read(env, 'DATABASE_URL')
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
    // The value is not shown: it may hold a password.
    return {
      error:
        'DATABASE_URL must be a PostgreSQL URL such as ' +
        'postgres://user:password@db.example.com:5432/ivr, but it is not one.',
    }
  }

  const authToken = read(env, 'AUTH_TOKEN')
  if (authToken === undefined && !isLoopbackHost(address.host)) {
    return {
      error:
        `HOST is "${address.host}", which other machines can reach, but AUTH_TOKEN is not set, ` +
        'so anyone could change IVRs and upload and delete recordings. ' +
        'Set AUTH_TOKEN to a long random secret ' +
        '(for example the output of "openssl rand -hex 32"), or set HOST=127.0.0.1.',
    }
  }
  if (authToken !== undefined && authToken.length < 16) {
    warnings.push('AUTH_TOKEN is shorter than 16 characters and easy to guess; use a longer one.')
  }

  return {
    config: {
      host: address.host,
      port: address.port,
      dataDir,
      storage,
      maxUploadBytes,
      ...(publicUrl === undefined ? {} : { publicUrl }),
      ...(authToken === undefined ? {} : { authToken }),
      ...(databaseUrl === undefined ? {} : { databaseUrl }),
    },
    warnings,
  }
}
