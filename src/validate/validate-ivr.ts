import type { Node } from 'yaml'
import { isMap, isScalar, isSeq } from 'yaml'
import type { Locale } from '../i18n/translate.ts'
import type { IvrModel } from '../model/ivr.ts'
import { deref, keyText } from '../yaml/nodes.ts'
import { parseIvr, type ParsedIvr } from '../yaml/parse-ivr.ts'
import { compareDiagnostics, type Diagnostic } from './diagnostic.ts'
import { makeDiagnostic, type Finding } from './make-diagnostic.ts'
import type { Rule, RuleContext } from './rule.ts'
import { callbackInOffline } from './rules/callback-in-offline.ts'
import { choiceOptionAction } from './rules/choice-option-action.ts'
import { choiceOptionSilent } from './rules/choice-option-silent.ts'
import { danglingGoto } from './rules/dangling-goto.ts'
import { duplicateKey, duplicateSectionName } from './rules/duplicate-key.ts'
import { emptySection } from './rules/empty-section.ts'
import { gotoLoop } from './rules/goto-loop.ts'
import { invalidChoiceKey } from './rules/invalid-choice-key.ts'
import { invalidCommand } from './rules/invalid-command.ts'
import { invalidSection } from './rules/invalid-section.ts'
import { invalidUrl } from './rules/invalid-url.ts'
import { missingRecording, type KnownRecordings } from './rules/missing-recording.ts'
import { missingSection } from './rules/missing-section.ts'
import { unknownCommand } from './rules/unknown-command.ts'
import { unquotedPlaceholder } from './rules/unquoted-placeholder.ts'
import { unreachableCommand } from './rules/unreachable-command.ts'
import { unreachableSection } from './rules/unreachable-section.ts'
import { sectionFacts, type FactIndex, type SectionFacts } from './section-facts.ts'
import { indexModel, sectionMap, type ModelIndex } from './walk.ts'

/** Rules whose findings in a section depend on that section's text alone. */
export const LOCAL_RULES: readonly Rule[] = [
  emptySection,
  invalidCommand,
  unknownCommand,
  invalidUrl,
  unreachableCommand,
  duplicateKey,
  invalidChoiceKey,
  choiceOptionSilent,
  choiceOptionAction,
  unquotedPlaceholder,
]

/** Rules about the IVR as a whole: required sections, references, reachability, loops. */
export const GLOBAL_RULES: readonly Rule[] = [
  missingSection,
  invalidSection,
  duplicateSectionName,
  unreachableSection,
  danglingGoto,
  callbackInOffline,
  gotoLoop,
  // Global although it looks at one URL at a time: its findings change with the recordings too.
  missingRecording,
]

/** Every rule. */
export const RULES: readonly Rule[] = [...LOCAL_RULES, ...GLOBAL_RULES]

/**
 * What `validateIvr` keeps between validations of successive texts of one document, so that
 * only sections whose text changed are looked at again: the local rules' findings and the facts
 * the global rules use, by section. A section is known by the YAML node of its value, which the
 * incremental parser (`createIvrParser`) reuses for a section whose text is unchanged, wherever
 * it moved; a text read in one piece has new nodes, and every section is looked at again.
 */
export interface ValidationCache {
  readonly sections: WeakMap<Node, CachedSection>
}

interface CachedSection {
  readonly name: string
  /** Where the section started when its local findings were made; their spans are absolute. */
  readonly start: number
  readonly findings: readonly Finding[]
  /** Its facts, once a global rule has asked; their spans are relative to the section's start. */
  facts: SectionFacts | null
}

/** An empty cache for `validateIvr`. */
export function createValidationCache(): ValidationCache {
  return { sections: new WeakMap() }
}

export interface ValidateOptions {
  /** Check the document as the answer of a `fetch` or `dtmf` URL: only `start` is required. */
  readonly reply?: boolean
  readonly locale?: Locale
  /** Reuse findings of unchanged sections from earlier calls (an editor passes one per document). */
  readonly cache?: ValidationCache
  /**
   * The recordings stored on the server the editor runs on: a play URL below
   * `${baseUrl}/recordings/` that names none of them is a `missing-recording` warning.
   */
  readonly recordings?: KnownRecordings
}

/**
 * All diagnostics of a parsed IVR, sorted by position: those found while reading, then, when the
 * text could be read, those of every rule.
 */
export function validateIvr(parsed: ParsedIvr, options: ValidateOptions = {}): Diagnostic[] {
  if (!parsed.readable) return [...parsed.diagnostics]
  const locale = options.locale ?? 'en'
  const cache = options.cache ?? createValidationCache()
  const sectionYaml = sectionValues(parsed)
  const sections = sectionMap(parsed.model)
  const reply = options.reply ?? false
  const recordings = options.recordings ?? null
  // The local rules' findings come first: they leave each section's entry in the cache.
  const local = localFindings(parsed, cache, { sections, sectionYaml, reply, recordings })
  const facts: FactIndex = {
    of(section) {
      const node = sectionYaml.get(section.name)?.node
      const entry = node ? cache.sections.get(node) : undefined
      if (!entry || entry.name !== section.name) return sectionFacts(section)
      return (entry.facts ??= sectionFacts(section))
    },
  }
  let index: ModelIndex | null = null
  const context: RuleContext = {
    parsed,
    model: parsed.model,
    sections,
    // Only rules that need every command flat pay for the walk; the global rules use `facts`.
    get index() {
      return (index ??= indexModel(parsed.model))
    },
    facts,
    reply,
    sectionYaml,
    recordings,
  }
  const findings: Finding[] = []
  for (const rule of GLOBAL_RULES) findings.push(...rule(context))
  findings.push(...local)
  const diagnostics = [...parsed.diagnostics]
  for (const finding of findings) diagnostics.push(makeDiagnostic(finding, parsed.lines, locale))
  return diagnostics.sort(compareDiagnostics)
}

/** The local rules' findings, section by section, reusing those of unchanged sections. */
function localFindings(
  parsed: ParsedIvr,
  cache: ValidationCache,
  shared: Pick<RuleContext, 'sections' | 'sectionYaml' | 'reply' | 'recordings'>,
): Finding[] {
  const findings: Finding[] = []
  for (const section of parsed.model.sections) {
    const node = shared.sectionYaml.get(section.name)?.node
    let entry = node ? cache.sections.get(node) : undefined
    if (!entry || entry.name !== section.name) {
      const model: IvrModel = { sections: [section], invalidSections: [] }
      const index = indexModel(model)
      const context: RuleContext = {
        ...shared,
        parsed,
        model,
        index,
        facts: { of: sectionFacts },
      }
      entry = {
        name: section.name,
        start: section.span.start,
        findings: LOCAL_RULES.flatMap((rule) => rule(context)),
        facts: null,
      }
      if (node) cache.sections.set(node, entry)
    }
    const delta = section.span.start - entry.start
    for (const finding of entry.findings) {
      findings.push(
        delta === 0
          ? finding
          : { ...finding, span: { start: finding.span.start + delta, end: finding.span.end + delta } },
      )
    }
  }
  return findings
}

/**
 * Each section's YAML value by name: the entry the model reads, which is the last entry of a name
 * whose value is a list (an entry of that name that is no list is an invalid section).
 */
function sectionValues(parsed: ParsedIvr): RuleContext['sectionYaml'] {
  const values = new Map<string, { node: Node; offset: number }>()
  for (const { yaml, offset } of parsed.chunks) {
    const root = yaml.contents
    if (!isMap(root)) continue
    for (const pair of root.items) {
      const key = pair.key as Node
      if (!isScalar(key) || typeof key.value !== 'string' || !pair.value) continue
      if (!isSeq(deref(yaml, pair.value as Node))) continue
      values.set(keyText(key), { node: pair.value as Node, offset })
    }
  }
  return values
}

/** Parses and validates in one step. */
export function checkIvr(
  text: string,
  options: ValidateOptions = {},
): { parsed: ParsedIvr; diagnostics: Diagnostic[] } {
  const parsed = parseIvr(text, options.locale ? { locale: options.locale } : {})
  return { parsed, diagnostics: validateIvr(parsed, options) }
}
