import type { Node } from 'yaml'
import { isMap } from 'yaml'
import type { Locale } from '../i18n/translate.ts'
import type { IvrModel } from '../model/ivr.ts'
import { keyText } from '../yaml/nodes.ts'
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
import { indexModel, sectionMap } from './walk.ts'

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
 * Findings of the local rules by section text, kept between validations of successive texts of
 * one document so that only sections whose text changed are checked again.
 */
export interface ValidationCache {
  sections: Map<string, { readonly start: number; readonly findings: readonly Finding[] }>
}

/** An empty cache for `validateIvr`. */
export function createValidationCache(): ValidationCache {
  return { sections: new Map() }
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
  const context: RuleContext = {
    parsed,
    model: parsed.model,
    sections: sectionMap(parsed.model),
    index: indexModel(parsed.model),
    reply: options.reply ?? false,
    sectionYaml: sectionValues(parsed),
    recordings: options.recordings ?? null,
  }
  const findings: Finding[] = []
  for (const rule of GLOBAL_RULES) findings.push(...rule(context))
  findings.push(...localFindings(context, options.cache ?? createValidationCache()))
  const diagnostics = [...parsed.diagnostics]
  for (const finding of findings) diagnostics.push(makeDiagnostic(finding, parsed.lines, locale))
  return diagnostics.sort(compareDiagnostics)
}

/** The local rules' findings, section by section, reusing those of unchanged sections. */
function localFindings(context: RuleContext, cache: ValidationCache): Finding[] {
  const { parsed } = context
  const next: ValidationCache['sections'] = new Map()
  const findings: Finding[] = []
  for (const section of parsed.model.sections) {
    const key = `${section.name}\u0000${parsed.text.slice(section.span.start, section.span.end)}`
    let entry = next.get(key) ?? cache.sections.get(key)
    if (!entry) {
      const model: IvrModel = { sections: [section], invalidSections: [] }
      const local: RuleContext = { ...context, model, index: indexModel(model) }
      entry = { start: section.span.start, findings: LOCAL_RULES.flatMap((rule) => rule(local)) }
    }
    next.set(key, entry)
    const delta = section.span.start - entry.start
    for (const finding of entry.findings) {
      findings.push(
        delta === 0
          ? finding
          : { ...finding, span: { start: finding.span.start + delta, end: finding.span.end + delta } },
      )
    }
  }
  cache.sections = next
  return findings
}

/** Each section's YAML value by name; the last entry of a name, as in the model. */
function sectionValues(parsed: ParsedIvr): RuleContext['sectionYaml'] {
  const values = new Map<string, { node: Node; offset: number }>()
  for (const { yaml, offset } of parsed.chunks) {
    const root = yaml.contents
    if (!isMap(root)) continue
    for (const pair of root.items) {
      if (pair.value) values.set(keyText(pair.key), { node: pair.value as Node, offset })
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
