import type { IvrModel } from '../model/ivr.ts'
import type { IvrPath } from '../model/path.ts'
import { sharedPlainData } from '../model/to-plain-data.ts'
import type { Layout } from '../yaml/fragment.ts'
import type { ParsedIvr } from '../yaml/parse-ivr.ts'
import { cloneData, entriesOf, record, sameData, type DataRecord } from './data.ts'
import { eolOf, lineStart } from './lines.ts'
import type { TextEdit } from './text-edit.ts'

/** What every op plans against: one exact snapshot of the text and what was read from it. */
export interface OpContext {
  readonly parsed: ParsedIvr
  readonly text: string
  readonly model: IvrModel
  /** The line break the text uses. */
  readonly eol: string
  /** How the text indents nested mappings, for new content. */
  readonly layout: Layout
  /** How far `- ` stands right of the key that owns the list. */
  readonly seqIndent: number
  /**
   * A copy of the text's data, to state what an op must lead to: the sections of the `touched`
   * paths (their first segment) copied deeply, the others shared and frozen; every section
   * copied when `touched` is left out. Whatever the op changes must lie in a touched section.
   */
  data(touched?: readonly IvrPath[]): DataRecord
}

/** An op the text cannot take, with a message id (`op.error.*`) saying why. */
export interface Refusal {
  readonly ok: false
  readonly error: string
  readonly args?: Readonly<Record<string, string>>
}

/** The edits an op makes and how to tell that the re-read text says what the op meant. */
export interface Plan {
  readonly edits: readonly TextEdit[]
  readonly check: (model: IvrModel) => boolean
  /** The path of what the op created or moved, to select it afterwards. */
  readonly select?: IvrPath
}

export type Planned = Plan | Refusal

/** A refusal with a message id and its arguments. */
export function refuse(error: string, args?: Readonly<Record<string, string>>): Refusal {
  return args ? { ok: false, error, args } : { ok: false, error }
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false
}

/** A check that the re-read text denotes exactly `intended`. */
export function expectData(intended: DataRecord): (model: IvrModel) => boolean {
  return (model) => sameData(sharedPlainData(model) as unknown as DataRecord, intended)
}

/** The context of `parsed`, with the layout the text already uses. */
export function createContext(parsed: ParsedIvr): OpContext {
  const { text, model } = parsed
  const seqIndent = detectSeqIndent(text, model)
  const document = sharedPlainData(model) as unknown as DataRecord
  return {
    parsed,
    text,
    model,
    eol: eolOf(text),
    layout: { indent: detectIndent(text, model, seqIndent), indentSeq: seqIndent > 0 },
    seqIndent,
    data: (touched) => {
      if (!touched) return cloneData(document)
      const names = new Set(touched.map((path) => String(path[0])))
      return record(entriesOf(document).map(([k, v]) => [k, names.has(k) ? cloneData(v) : v]))
    },
  }
}

/** The column of `offset` on its line. */
export function columnAt(text: string, offset: number): number {
  return offset - lineStart(text, offset)
}

function detectSeqIndent(text: string, model: IvrModel): number {
  for (const section of model.sections) {
    const first = section.commands[0]
    if (!first) continue
    const start = lineStart(text, first.span.start)
    const match = /^( *)- /.exec(text.slice(start, first.span.start))
    if (match && lineStart(text, section.keySpan.start) !== start) {
      return match[1]!.length - columnAt(text, section.keySpan.start)
    }
  }
  return 2
}

function detectIndent(text: string, model: IvrModel, seqIndent: number): number {
  for (const section of model.sections) {
    for (const command of section.commands) {
      if (command.kind !== 'choice') continue
      const option = command.options[0]
      if (
        !option ||
        lineStart(text, option.keySpan.start) === lineStart(text, command.keySpan.start)
      )
        continue
      const step = columnAt(text, option.keySpan.start) - columnAt(text, command.keySpan.start)
      if (step > 0) return step
    }
  }
  return seqIndent > 0 ? seqIndent : 2
}
