import type { RecordingStorage, StoredRecording } from '../storage/storage.ts'
import type { StagedUpload } from './intake.ts'
import { recordingNameOf } from './names.ts'

/** A stored recording, as the API shows it. */
export interface RecordingJson {
  /** The stored file name, e.g. `welcome-3fa2c1d0.mp3`; also the last segment of `url`. */
  id: string
  /** The name it was uploaded as. */
  name: string
  /** Where phone systems and browsers fetch it. */
  url: string
  size: number
  durationSeconds: number
  contentType: string
  createdAt: string
}

/** The outcome of storing a batch: every record, and whether any of them is new. */
export interface CommitResult {
  recordings: StoredRecording[]
  created: boolean
}

/** Hash lengths tried in turn when another recording with the same slug shares a hash prefix. */
const HASH_LENGTHS = [8, 16, 64]

/** The API's view of `record`, its URL below `baseUrl` (no trailing slash). */
export function toRecordingJson(record: StoredRecording, baseUrl: string): RecordingJson {
  return {
    id: record.name,
    name: record.originalName,
    url: `${baseUrl}/recordings/${record.name}`,
    size: record.size,
    durationSeconds: record.durationSeconds,
    contentType: record.contentType,
    createdAt: record.createdAt,
  }
}

/**
 * Stores checked uploads in `storage`. The same bytes under the same name give the same stored
 * name, so uploading a file again returns the recording already there. Writes of one name are
 * serialised in this process, so concurrent uploads of the same file store it once.
 */
export class RecordingLibrary {
  readonly storage: RecordingStorage
  private readonly locks = new Map<string, Promise<unknown>>()

  constructor(storage: RecordingStorage) {
    this.storage = storage
  }

  /** Runs `task` once every earlier task for `key` has settled. */
  private async withLock<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(key) ?? Promise.resolve()
    const run = previous.then(task, task)
    const settled = run.then(
      () => undefined,
      () => undefined,
    )
    this.locks.set(key, settled)
    try {
      return await run
    } finally {
      if (this.locks.get(key) === settled) this.locks.delete(key)
    }
  }

  /** Stores one upload, or finds the same bytes already stored under its name. */
  private async commitOne(
    upload: StagedUpload,
  ): Promise<{ record: StoredRecording; created: boolean }> {
    for (const hashLength of HASH_LENGTHS) {
      const name = recordingNameOf(
        upload.originalName,
        upload.sha256,
        upload.audio.extension,
        hashLength,
      )
      const outcome = await this.withLock(name, async () => {
        const existing = await this.storage.stat(name)
        if (existing !== undefined) {
          return existing.sha256 === upload.sha256
            ? { record: existing, created: false }
            : undefined
        }
        const record = await this.storage.put(name, upload.tempPath, {
          originalName: upload.originalName,
          contentType: upload.audio.contentType,
          size: upload.size,
          durationSeconds: upload.audio.durationSeconds,
          sha256: upload.sha256,
          createdAt: new Date().toISOString(),
        })
        return { record, created: true }
      })
      if (outcome !== undefined) return outcome
    }
    throw new Error(`no free name for a recording with SHA-256 ${upload.sha256}`)
  }

  /**
   * Stores every upload, in order. When one fails, the recordings this call created are removed
   * again, so a batch is stored whole or not at all.
   */
  async commit(uploads: readonly StagedUpload[]): Promise<CommitResult> {
    const recordings: StoredRecording[] = []
    const createdNames: string[] = []
    try {
      for (const upload of uploads) {
        const { record, created } = await this.commitOne(upload)
        recordings.push(record)
        if (created) createdNames.push(record.name)
      }
    } catch (error) {
      await Promise.allSettled(createdNames.map((name) => this.storage.delete(name)))
      throw error
    }
    return { recordings, created: createdNames.length > 0 }
  }

  /** Removes the recording `name`, after any write of the same name; whether it was there. */
  async remove(name: string): Promise<boolean> {
    return this.withLock(name, () => this.storage.delete(name))
  }
}
