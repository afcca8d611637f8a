import type { Node } from 'yaml'
import type { IvrModel, SectionNode } from '../model/ivr.ts'
import type { ParsedIvr } from '../yaml/parse-ivr.ts'
import type { KnownRecordings } from './rules/missing-recording.ts'
import type { Finding } from './make-diagnostic.ts'
import type { FactIndex } from './section-facts.ts'
import type { ModelIndex } from './walk.ts'

/** What every rule gets: the parsed IVR and how it is checked. */
export interface RuleContext {
  readonly parsed: ParsedIvr
  readonly model: IvrModel
  readonly sections: ReadonlyMap<string, SectionNode>
  /** Every list, command and option of the model, flat. */
  readonly index: ModelIndex
  /**
   * What each section holds that the global rules look at (references, callbacks, play URLs),
   * kept from one validation to the next for sections whose text did not change.
   */
  readonly facts: FactIndex
  /** Checked as the answer of a `fetch` or `dtmf` URL: only `start` is required. */
  readonly reply: boolean
  /** Each section's YAML value, and the offset of the document it belongs to. */
  readonly sectionYaml: ReadonlyMap<string, { readonly node: Node; readonly offset: number }>
  /** The recordings stored on the editor's server, when known; `null` skips the check. */
  readonly recordings: KnownRecordings | null
}

/**
 * A validation rule: pure, total, one diagnostic code. A rule is local when what it finds in a
 * section depends on that section's text alone; the validator may then run it one section at a
 * time and reuse its findings while the section's text does not change.
 */
export type Rule = (context: RuleContext) => Finding[]
