import { isMap, parseDocument, type Document } from 'yaml'
import type { IvrModel, SectionNode, InvalidSection } from '../model/ivr.ts'
import type { Locale } from '../i18n/translate.ts'
import { samePlainData } from '../model/to-plain-data.ts'
import { buildModel } from './build-model.ts'
import {
  isParseable,
  isWithinLimits,
  parseIvr,
  type DocumentChunk,
  type ParsedIvr,
} from './parse-ivr.ts'
import { createLineIndex } from './positions.ts'
import { shiftSpans } from './shift-spans.ts'

/** A top-level section's text and where it starts. */
export interface SectionChunk {
  readonly offset: number
  readonly text: string
}

/** A line at column 0 that starts a mapping key: the start of a top-level section. */
const KEY_LINE =
  /^(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^\s#\-?:,[\]{}&*!|>'"%@`][^\n]*?):(?:[ \t]|\r?$)/
/** A line at column 0 that is neither blank, a comment, nor a key: the split would be unsafe. */
const OTHER_TOP_LEVEL = /^(?:[^\s#]|-|\?)/
/** Anchors and aliases tie sections together; such text is read in one piece. */
const ANCHOR_OR_ALIAS = /(?:^|[\s,[{])[&*][^\s,[\]{}]/

/**
 * Splits the text into one chunk per top-level section, each running from its key line to the
 * next key line, or `null` when the text has anything that makes that unsafe: top-level content
 * that is no key, a second document, directives, anchors or aliases, or a prelude with content.
 */
export function splitSections(text: string): SectionChunk[] | null {
  if (ANCHOR_OR_ALIAS.test(text)) return null
  const starts: number[] = []
  let at = 0
  while (at <= text.length) {
    const end = text.indexOf('\n', at)
    const lineEnd = end === -1 ? text.length : end
    const first = text.charCodeAt(at)
    const line = text.slice(at, lineEnd)
    if (starts.length === 0) {
      // Before the first section only blank lines, comments and a document marker may stand.
      if (KEY_LINE.test(line)) starts.push(at)
      else if (!/^\s*(?:#.*)?\r?$/.test(line) && !/^---\s*$/.test(line)) return null
    } else if (
      at < lineEnd &&
      first !== 0x20 &&
      first !== 0x23 &&
      first !== 0x0d &&
      first !== 0x09
    ) {
      if (KEY_LINE.test(line)) starts.push(at)
      else if (OTHER_TOP_LEVEL.test(line)) return null
    }
    if (end === -1) break
    at = end + 1
  }
  if (starts.length === 0) return null
  return starts.map((start, i) => {
    const end = i + 1 < starts.length ? (starts[i + 1] as number) : text.length
    return { offset: start, text: text.slice(start, end) }
  })
}

interface ChunkParse {
  readonly yaml: Document.Parsed
  /** Whether the chunk reads as one clean mapping; otherwise the whole text is read at once. */
  readonly clean: boolean
}

interface ChunkModel {
  readonly offset: number
  readonly sections: readonly SectionNode[]
  readonly invalidSections: readonly InvalidSection[]
}

/** Reads IVR text again and again as it is edited. */
export interface IvrParser {
  /** The same result as `parseIvr(text)`, computed from the sections that changed. */
  parse(text: string): ParsedIvr
}

/**
 * An IVR parser for an editor: it re-parses only the top-level sections whose text changed
 * since the last call, and reuses the model of sections that did not move. Whenever the text is
 * unusual (anchors, top-level lists, several documents) or a section does not read cleanly on
 * its own, it reads the whole text with `parseIvr`, so its results always equal `parseIvr`'s.
 */
export function createIvrParser(options: { locale?: Locale } = {}): IvrParser {
  const locale = options.locale ?? 'en'
  let documents = new Map<string, ChunkParse>()
  let models = new Map<string, ChunkModel>()
  const full = (text: string) => parseIvr(text, { locale })

  return {
    parse(text) {
      const chunks = splitSections(text)
      if (!chunks || !isWithinLimits(text)) return full(text)
      const nextDocuments = new Map<string, ChunkParse>()
      const nextModels = new Map<string, ChunkModel>()
      const documentChunks: DocumentChunk[] = []
      const sections = new Map<string, SectionNode>()
      const invalidSections: InvalidSection[] = []
      for (const chunk of chunks) {
        let parsed = nextDocuments.get(chunk.text) ?? documents.get(chunk.text)
        if (!parsed) {
          // Hostile parts never reach the parser here: the full parse refuses them with a reason.
          if (!isParseable(chunk.text)) return full(text)
          const yaml = parseDocument(chunk.text, { keepSourceTokens: true, uniqueKeys: false })
          parsed = { yaml, clean: yaml.errors.length === 0 && isMap(yaml.contents) }
        }
        if (!parsed.clean) return full(text)
        nextDocuments.set(chunk.text, parsed)
        documentChunks.push({ offset: chunk.offset, yaml: parsed.yaml })
        let model = nextModels.get(chunk.text) ?? models.get(chunk.text)
        if (!model) {
          const built = buildModel(parsed.yaml, parsed.yaml.contents as never, chunk.offset)
          model = { offset: chunk.offset, ...built }
        } else if (model.offset !== chunk.offset) {
          // The same text elsewhere: the same model, its spans moved.
          const delta = chunk.offset - model.offset
          const original = model.sections
          const sections = shiftSpans(original, delta)
          sections.forEach((section, i) => samePlainData(section, original[i]!))
          model = {
            offset: chunk.offset,
            sections,
            invalidSections: shiftSpans(model.invalidSections, delta),
          }
        }
        nextModels.set(chunk.text, model)
        for (const section of model.sections) {
          sections.delete(section.name)
          sections.set(section.name, section)
        }
        invalidSections.push(...model.invalidSections)
      }
      documents = nextDocuments
      models = nextModels
      const model: IvrModel = { sections: [...sections.values()], invalidSections }
      return {
        text,
        document: null,
        lines: createLineIndex(text),
        model,
        diagnostics: [],
        readable: true,
        chunks: documentChunks,
      }
    },
  }
}
