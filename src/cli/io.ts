import { readFile } from 'node:fs/promises'
import type { ReadFailure } from './messages.ts'

/** Where the command line reads and writes; the real process, or a stand-in. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean | undefined }
  readonly stderr: { write(text: string): unknown }
  readonly env: Readonly<Record<string, string | undefined>>
  /** All of standard input, as bytes. */
  readStdin(): Promise<Uint8Array>
  /** The bytes of a file; rejects with a Node system error (`code`) when it cannot. */
  readFile(path: string): Promise<Uint8Array>
}

/** The input of one file: its bytes, or why it could not be read. */
export type ReadResult =
  | { readonly bytes: Uint8Array; readonly failure: null }
  | { readonly bytes: null; readonly failure: ReadFailure }

/** Reads a file, mapping the usual system errors to a reason a user can act on. */
export async function readInput(io: CliIo, path: string): Promise<ReadResult> {
  try {
    return { bytes: await io.readFile(path), failure: null }
  } catch (error) {
    return { bytes: null, failure: readFailure(error) }
  }
}

function readFailure(error: unknown): ReadFailure {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : ''
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'missing'
    case 'EISDIR':
      return 'directory'
    case 'EACCES':
    case 'EPERM':
      return 'denied'
    default:
      return 'other'
  }
}

/** The real process's streams, environment and file system. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    async readStdin() {
      const chunks: Buffer[] = []
      for await (const chunk of process.stdin) {
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer))
      }
      return Buffer.concat(chunks)
    },
    readFile: (path) => readFile(path),
  }
}
