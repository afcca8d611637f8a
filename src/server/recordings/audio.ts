import { fileTypeFromFile } from 'file-type'
import { parseFile } from 'music-metadata'
import { ApiProblem } from '../problem.ts'
import type { AudioExtension } from './names.ts'

/** What the bytes of an accepted recording are. */
export interface AudioInfo {
  extension: AudioExtension
  contentType: 'audio/mpeg' | 'audio/wav'
  /** Playing time in seconds, to the millisecond. */
  durationSeconds: number
}

/** The formats phone systems play, by what `file-type` calls them. */
const ACCEPTED: Record<string, Omit<AudioInfo, 'durationSeconds'>> = {
  mp3: { extension: 'mp3', contentType: 'audio/mpeg' },
  wav: { extension: 'wav', contentType: 'audio/wav' },
}

/** The refusal of a file whose bytes are not MP3 or WAV audio. */
function notAudio(displayName: string, detected?: string): ApiProblem {
  const what = detected === undefined ? '' : ` (it looks like ${detected.toUpperCase()})`
  return new ApiProblem(
    415,
    'not-audio',
    `“${displayName}” is not an MP3 or WAV recording${what}. Upload MP3 or WAV audio.`,
  )
}

/** The refusal of a file that claims to be audio but cannot be played. */
function unreadable(displayName: string, reason: string): ApiProblem {
  return new ApiProblem(
    422,
    'unreadable-audio',
    `“${displayName}” cannot be played: ${reason}. Export it again from your audio editor.`,
  )
}

/**
 * The format and playing time of the file at `path`, judged by its bytes alone (never by the
 * name or the type the browser claimed). Refuses empty files, files that are not MP3 or WAV
 * (415) and audio whose frames or header cannot be read or that was cut short (422).
 */
export async function inspectAudio(
  path: string,
  size: number,
  displayName: string,
): Promise<AudioInfo> {
  if (size === 0) {
    throw new ApiProblem(
      422,
      'empty-file',
      `“${displayName}” is empty. Choose a recording with sound in it.`,
    )
  }
  const type = await fileTypeFromFile(path)
  const accepted = type === undefined ? undefined : ACCEPTED[type.ext]
  if (accepted === undefined) throw notAudio(displayName, type?.ext)

  let format
  let warnings: string[]
  try {
    const metadata = await parseFile(path, { duration: true, skipCovers: true })
    format = metadata.format
    warnings = metadata.quality.warnings.map((warning) => warning.message)
  } catch {
    throw unreadable(displayName, 'its audio data is damaged')
  }
  const duration = format.duration
  if (
    duration === undefined ||
    !Number.isFinite(duration) ||
    duration <= 0 ||
    !format.sampleRate ||
    !format.numberOfChannels
  ) {
    throw unreadable(displayName, 'no playable sound was found in it')
  }
  // The one sign music-metadata gives of a WAV whose data stops before its header says it ends.
  if (warnings.some((warning) => /exceeding file length/i.test(warning))) {
    throw unreadable(displayName, 'the file is cut short')
  }
  return { ...accepted, durationSeconds: Math.round(duration * 1000) / 1000 }
}
