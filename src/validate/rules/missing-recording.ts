import type { Finding } from '../make-diagnostic.ts'
import type { Rule } from '../rule.ts'
import { at, type SectionFacts } from '../section-facts.ts'

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
export const missingRecording: Rule = ({ model, facts, recordings }) => {
  if (!recordings) return []
  const findings: Finding[] = []
  for (const section of model.sections) {
    const sectionFacts = facts.of(section)
    const files = recordingFiles(sectionFacts, recordings.baseUrl)
    sectionFacts.plays.forEach((play, i) => {
      const file = files[i] ?? null
      if (file === null || recordings.files.has(file)) return
      findings.push({
        code: 'missing-recording',
        severity: 'warning',
        messageId: file === '' ? 'diag.missing-recording.no-name' : 'diag.missing-recording',
        args: { name: file, url: play.url },
        path: play.path,
        span: at(play.span, section.span.start),
      })
    })
  }
  return findings
}

/** The recording file each play URL of a section names, kept with the section's facts. */
const filesByFacts = new WeakMap<SectionFacts, { baseUrl: string; files: (string | null)[] }>()

function recordingFiles(facts: SectionFacts, baseUrl: string): readonly (string | null)[] {
  const known = filesByFacts.get(facts)
  if (known?.baseUrl === baseUrl) return known.files
  const files = facts.plays.map((play) => recordingFileOf(play.url.trim(), baseUrl))
  filesByFacts.set(facts, { baseUrl, files })
  return files
}
