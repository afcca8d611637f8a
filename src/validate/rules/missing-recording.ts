import type { TextValue } from '../../model/ivr.ts'
import type { IvrPath } from '../../model/path.ts'
import type { Finding } from '../make-diagnostic.ts'
import type { Rule } from '../rule.ts'

/**
 * The recordings a server holds, for checking that play URLs pointing at it name one of them.
 * `baseUrl` is the base of the server's play URLs without a trailing slash (`PUBLIC_URL`, such as
 * `https://ivr.example.com`); `files` are the stored file names (`welcome-3fa2c1d0.mp3`).
 */
export interface KnownRecordings {
  readonly baseUrl: string
  readonly files: ReadonlySet<string>
}

/**
 * The file name a play URL names below `${baseUrl}/recordings/`, without query or fragment and
 * percent-decoded; `null` when the URL does not point at that folder of the server.
 */
export function recordingFileOf(url: string, baseUrl: string): string | null {
  const origin = baseUrl.replace(/\/+$/, '')
  const folder = `${origin}/recordings/`
  // The base compares without case, as scheme and host do; the folder and file name do not.
  if (url.length < folder.length) return null
  if (url.slice(0, origin.length).toLowerCase() !== origin.toLowerCase()) return null
  if (url.slice(origin.length, folder.length) !== '/recordings/') return null
  const rest = url.slice(folder.length).replace(/[?#][^]*$/, '')
  try {
    return decodeURIComponent(rest)
  } catch {
    return rest
  }
}

/**
 * Play URLs (commands and choice prompts) that point at this server's `/recordings/` but name no
 * stored recording: the phone system would fetch nothing there and the caller would hear silence.
 * Without known recordings (the command line, a server that could not be asked) it finds nothing.
 */
export const missingRecording: Rule = ({ index, recordings }) => {
  if (!recordings) return []
  const findings: Finding[] = []
  const check = (url: TextValue | null, path: IvrPath) => {
    if (!url) return
    const file = recordingFileOf(url.value.trim(), recordings.baseUrl)
    if (file === null || recordings.files.has(file)) return
    findings.push({
      code: 'missing-recording',
      severity: 'warning',
      messageId: file === '' ? 'diag.missing-recording.no-name' : 'diag.missing-recording',
      args: { name: file, url: url.value },
      path,
      span: url.span,
    })
  }
  for (const { item: command } of index.commands) {
    if (command.kind === 'play') check(command.url, [...command.path, 'play'])
    if (command.kind === 'choice') {
      for (const option of command.options) check(option.play, [...option.path, 'play'])
    }
  }
  return findings
}
