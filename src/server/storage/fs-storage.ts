import { randomUUID } from 'node:crypto'
import { copyFile, mkdir, open, readdir, readFile, rename, rm, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { assertRecordingName, isRecordingName } from '../recordings/names.ts'
import {
  byNewestFirst,
  isRecordingMeta,
  pickMeta,
  type ByteRange,
  type RecordingMeta,
  type RecordingStorage,
  type StoredRecording,
} from './storage.ts'

/** Where the `fs` driver keeps recordings. */
export interface FsStorageOptions {
  /** The folder of recordings: `audio/` holds the bytes, `meta/` one JSON file per recording. */
  root: string
}

/** The folder below `root` where files are written before they are renamed into place. */
export const FS_STAGING_FOLDER = '.staging'

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT'
}

/** Flushes a folder's entries to disk, so a rename into it survives a power cut. */
async function syncFolder(path: string): Promise<void> {
  const handle = await open(path, 'r')
  try {
    await handle.sync()
  } catch (error) {
    // Some file systems (and Windows) cannot sync a folder; the rename is still atomic there.
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM') throw error
  } finally {
    await handle.close()
  }
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Recordings in a folder: each write goes to a staging file in the same tree, is synced to disk
 * and renamed into place, bytes first and metadata last, so a recording is listed and served only
 * once both are whole. Opening the folder removes what an interrupted write left behind.
 */
export async function createFsStorage(options: FsStorageOptions): Promise<RecordingStorage> {
  const audioDir = join(options.root, 'audio')
  const metaDir = join(options.root, 'meta')
  const stagingDir = join(options.root, FS_STAGING_FOLDER)
  await mkdir(audioDir, { recursive: true })
  await mkdir(metaDir, { recursive: true })
  await rm(stagingDir, { recursive: true, force: true })
  await mkdir(stagingDir, { recursive: true })

  const audioPath = (name: string): string => join(audioDir, name)
  const metaPath = (name: string): string => join(metaDir, `${name}.json`)
  const stagingPath = (): string => join(stagingDir, randomUUID())

  async function readMeta(name: string): Promise<StoredRecording | undefined> {
    let text: string
    try {
      text = await readFile(metaPath(name), 'utf8')
    } catch (error) {
      if (isNotFound(error)) return undefined
      throw error
    }
    let meta: unknown
    try {
      meta = JSON.parse(text)
    } catch {
      return undefined
    }
    return isRecordingMeta(meta) ? { ...pickMeta(meta), name } : undefined
  }

  /** Writes `write`'s file to a staging path, syncs it and renames it to `target`. */
  async function placeAtomically(
    target: string,
    write: (staging: string) => Promise<void>,
  ): Promise<void> {
    const staging = stagingPath()
    try {
      await write(staging)
      await syncFile(staging)
      await rename(staging, target)
    } catch (error) {
      await rm(staging, { force: true })
      throw error
    }
  }

  // Bytes whose metadata never got written belong to a write that was cut short.
  const metaNames = new Set(
    (await readdir(metaDir)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)),
  )
  for (const file of await readdir(audioDir)) {
    if (!metaNames.has(file)) await rm(join(audioDir, file), { force: true, recursive: true })
  }

  return {
    kind: 'fs',

    async put(name: string, tempFilePath: string, meta: RecordingMeta): Promise<StoredRecording> {
      assertRecordingName(name)
      const record = pickMeta(meta)
      await placeAtomically(audioPath(name), (staging) => copyFile(tempFilePath, staging))
      await syncFolder(audioDir)
      await placeAtomically(metaPath(name), async (staging) => {
        const handle = await open(staging, 'wx')
        try {
          await handle.writeFile(`${JSON.stringify(record, null, 2)}\n`, 'utf8')
        } finally {
          await handle.close()
        }
      })
      await syncFolder(metaDir)
      return { ...record, name }
    },

    async stat(name: string): Promise<StoredRecording | undefined> {
      assertRecordingName(name)
      return readMeta(name)
    },

    async exists(name: string): Promise<boolean> {
      assertRecordingName(name)
      return (await readMeta(name)) !== undefined
    },

    async stream(name: string, range?: ByteRange): Promise<Readable | undefined> {
      assertRecordingName(name)
      if ((await readMeta(name)) === undefined) return undefined
      try {
        // Opened before returning, so a file deleted meanwhile reads as missing, not as an error.
        const handle = await open(audioPath(name), 'r')
        return handle.createReadStream(
          range === undefined ? {} : { start: range.start, end: range.end },
        )
      } catch (error) {
        if (isNotFound(error)) return undefined
        throw error
      }
    },

    async list(): Promise<StoredRecording[]> {
      const files = await readdir(metaDir)
      const names = files
        .filter((file) => file.endsWith('.json'))
        .map((file) => file.slice(0, -5))
        .filter(isRecordingName)
      const records = await Promise.all(names.map(readMeta))
      return records.filter((r): r is StoredRecording => r !== undefined).sort(byNewestFirst)
    },

    async delete(name: string): Promise<boolean> {
      assertRecordingName(name)
      // Metadata first: from then on the recording is neither listed nor served.
      let existed = true
      try {
        await unlink(metaPath(name))
      } catch (error) {
        if (!isNotFound(error)) throw error
        existed = false
      }
      await rm(audioPath(name), { force: true })
      if (existed) await syncFolder(metaDir)
      return existed
    },

    async close(): Promise<void> {},
  }
}
