import type { Locale } from '../i18n/translate.ts'
import { parseIvr, type ParsedIvr } from '../yaml/parse-ivr.ts'
import { compareDiagnostics, type Diagnostic } from './diagnostic.ts'
import { makeDiagnostic } from './make-diagnostic.ts'
import type { Rule, RuleContext } from './rule.ts'
import { callbackInOffline } from './rules/callback-in-offline.ts'
import { choiceOptionAction } from './rules/choice-option-action.ts'
import { choiceOptionSilent } from './rules/choice-option-silent.ts'
import { danglingGoto } from './rules/dangling-goto.ts'
import { duplicateKey } from './rules/duplicate-key.ts'
import { emptySection } from './rules/empty-section.ts'
import { gotoLoop } from './rules/goto-loop.ts'
import { invalidChoiceKey } from './rules/invalid-choice-key.ts'
import { invalidCommand } from './rules/invalid-command.ts'
import { invalidSection } from './rules/invalid-section.ts'
import { invalidUrl } from './rules/invalid-url.ts'
import { missingSection } from './rules/missing-section.ts'
import { unknownCommand } from './rules/unknown-command.ts'
import { unquotedPlaceholder } from './rules/unquoted-placeholder.ts'
import { unreachableCommand } from './rules/unreachable-command.ts'
import { unreachableSection } from './rules/unreachable-section.ts'
import { indexModel, sectionMap } from './walk.ts'

/** Every rule, in no particular order: results are sorted by position. */
export const RULES: readonly Rule[] = [
  missingSection,
  invalidSection,
  emptySection,
  unreachableSection,
  invalidCommand,
  unknownCommand,
  invalidUrl,
  unreachableCommand,
  duplicateKey,
  invalidChoiceKey,
  choiceOptionSilent,
  choiceOptionAction,
  unquotedPlaceholder,
  danglingGoto,
  callbackInOffline,
  gotoLoop,
]

export interface ValidateOptions {
  /** Check the document as the answer of a `fetch` or `dtmf` URL: only `start` is required. */
  readonly reply?: boolean
  readonly locale?: Locale
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
  }
  const diagnostics = [...parsed.diagnostics]
  for (const rule of RULES) {
    for (const finding of rule(context)) diagnostics.push(makeDiagnostic(finding, parsed.lines, locale))
  }
  return diagnostics.sort(compareDiagnostics)
}

/** Parses and validates in one step. */
export function checkIvr(
  text: string,
  options: ValidateOptions = {},
): { parsed: ParsedIvr; diagnostics: Diagnostic[] } {
  const parsed = parseIvr(text, options.locale ? { locale: options.locale } : {})
  return { parsed, diagnostics: validateIvr(parsed, options) }
}
