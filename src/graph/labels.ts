import type { MessageId } from '../i18n/en.ts'
import type { MessageArgs } from '../i18n/translate.ts'
import { assertNever } from '../model/ivr.ts'
import type { GraphRow, GraphSection, RowKind } from './graph.ts'

/** Turns a message id into text in one language: the app's `t`, or `translate` bound to a locale. */
export type LabelTranslate = (id: MessageId, args?: MessageArgs) => string

/** How a row reads on a card: the same on the canvas, in exported diagrams and to screen readers. */
export interface RowLabel {
  /** The icon drawn before the text; an option draws its key chip instead. */
  readonly icon: RowKind
  /** The main text, short enough for a card row (ellipsised when it is not). */
  readonly text: string
  /** Muted text after the main text, such as the host a script is fetched from. */
  readonly detail: string | null
  /** The key of a choice option, drawn as a keypad chip. */
  readonly key: string | null
  /** Where the call ends up after the row, drawn as a chip at the end of the row. */
  readonly chip: string | null
  /** The whole story for a tooltip or a screen reader: full URLs, the target of an edge. */
  readonly title: string
  /** `error` for commands the phone system cannot run. */
  readonly tone: 'default' | 'error'
}

const ENTRY_CAPTIONS = {
  start: 'canvas.card.caption.start',
  online: 'canvas.card.caption.online',
  offline: 'canvas.card.caption.offline',
  queue: 'canvas.card.caption.queue',
} as const satisfies Record<string, MessageId>

const BRANCH_LABELS: Readonly<Record<string, MessageId>> = {
  online: 'canvas.row.branch.online',
  offline: 'canvas.row.branch.offline',
  queue: 'canvas.row.branch.queue',
}

/** The line under a card's name: when the phone system runs the section. */
export function cardCaption(section: GraphSection, t: LabelTranslate): string {
  return t(section.entry ? ENTRY_CAPTIONS[section.entry] : 'canvas.card.caption.section')
}

/**
 * What a screen reader says for a card, such as "Section queue, entry point, 5 rows, 1 error".
 * `mark` is the card's worst problem and the number of problems, when it has any.
 */
export function cardAriaLabel(
  section: GraphSection,
  mark: { readonly severity: 'error' | 'warning' | 'info'; readonly count: number } | null,
  t: LabelTranslate,
): string {
  const parts = [t('canvas.card.label', { name: section.name })]
  if (section.entry) parts.push(t('canvas.card.label.entry'))
  const rows = section.rows.length
  parts.push(
    rows === 1 ? t('canvas.card.label.rows.one') : t('canvas.card.label.rows', { count: rows }),
  )
  if (mark) {
    parts.push(
      mark.count === 1
        ? t(`canvas.card.label.${mark.severity}.one`)
        : t('canvas.card.label.problems', { count: mark.count }),
    )
  }
  return parts.join(t('canvas.list-separator'))
}

/** The label of a row of a card. */
export function rowLabel(row: GraphRow, t: LabelTranslate): RowLabel {
  const plain = (text: string, title = text): RowLabel => ({
    icon: row.kind,
    text,
    detail: null,
    key: null,
    chip: null,
    title,
    tone: 'default',
  })
  switch (row.kind) {
    case 'play': {
      if (row.detail === null || row.detail === '') return plain(t('canvas.row.play.none'))
      const text = t('canvas.row.play', { file: fileNameOfUrl(row.detail) })
      return plain(text, `${text}\n${row.detail}`)
    }
    case 'choice':
      return plain(t('canvas.row.choice'))
    case 'option': {
      const key = row.key ?? ''
      const name = row.detail ?? t('canvas.row.option.unnamed', { key })
      const title = t('canvas.row.option.title', { key, name })
      return {
        ...plain(
          name,
          row.target ? `${title}\n${t('canvas.row.goto', { section: row.target })}` : title,
        ),
        key,
      }
    }
    case 'goto':
      return row.detail
        ? plain(t('canvas.row.goto', { section: row.detail }))
        : plain(t('canvas.row.goto.none'))
    case 'transfer':
      return row.detail
        ? plain(t('canvas.row.transfer', { department: row.detail }))
        : plain(t('canvas.row.transfer.none'))
    case 'branch':
      return plain(t(BRANCH_LABELS[row.key ?? ''] ?? 'canvas.row.branch.online'))
    case 'ring':
      return { ...plain(t('canvas.row.ring')), chip: t('canvas.chip.agents') }
    case 'voicemail':
      return { ...plain(t('canvas.row.voicemail')), chip: t('canvas.chip.voicemail') }
    case 'callback':
      return { ...plain(t('canvas.row.callback')), chip: t('canvas.chip.callback') }
    case 'fetch':
    case 'dtmf': {
      const text = t(row.kind === 'fetch' ? 'canvas.row.fetch' : 'canvas.row.dtmf')
      const lines = [text]
      if (row.detail) lines.push(row.detail)
      if (row.target) lines.push(t('canvas.row.on-error', { section: row.target }))
      return { ...plain(text, lines.join('\n')), detail: row.detail ? hostOfUrl(row.detail) : null }
    }
    case 'unknown':
      return { ...plain(t('canvas.row.unknown', { name: row.detail ?? '' })), tone: 'error' }
    case 'malformed':
      return { ...plain(t('canvas.row.malformed')), tone: 'error' }
    default:
      return assertNever(row.kind)
  }
}

/** The title of the stub drawn for a section that a goto names but that does not exist. */
export function stubLabel(name: string, t: LabelTranslate): string {
  return t('canvas.stub.title', { name })
}

const URL_PATTERN = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?/i
const SCRIPT_PATH = /\.(php|aspx?|jsp|cgi|pl|py)$/i
const FILE_NAME = /[^/\\]\.[a-z0-9]{2,5}$/i

/**
 * The name of the recording a URL points to: the last part of its path, or, for a script that
 * serves files (`file.php?file=hello.mp3`), the file named in its query. Falls back to the host,
 * then to the text itself when it is no URL.
 */
export function fileNameOfUrl(url: string): string {
  const match = URL_PATTERN.exec(url.trim())
  if (!match) return url
  const host = match[2] ?? ''
  const segments = (match[3] ?? '').split('/').filter((s) => s !== '')
  const last = segments.length > 0 ? decode(segments[segments.length - 1]!) : null
  if (last === null || SCRIPT_PATH.test(last)) {
    for (const pair of (match[4] ?? '').slice(1).split('&')) {
      const value = decode(pair.slice(pair.indexOf('=') + 1).replace(/\+/g, ' '))
      if (pair.includes('=') && FILE_NAME.test(value)) return value.split(/[/\\]/).pop() ?? value
    }
  }
  return last ?? (host || url)
}

/** The host of a URL (`api.example.com`), or the text itself when it is no URL. */
export function hostOfUrl(url: string): string {
  const match = URL_PATTERN.exec(url.trim())
  const host = match?.[2]?.replace(/^[^@]*@/, '')
  return host ? host : url
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
