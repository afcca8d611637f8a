import type { IvrModel, SectionNode } from '../model/ivr.ts'
import type { ParsedIvr } from '../yaml/parse-ivr.ts'
import type { Finding } from './make-diagnostic.ts'
import type { ModelIndex } from './walk.ts'

/** What every rule gets: the parsed IVR and how it is checked. */
export interface RuleContext {
  readonly parsed: ParsedIvr
  readonly model: IvrModel
  readonly sections: ReadonlyMap<string, SectionNode>
  /** Every list, command and option of the model, flat. */
  readonly index: ModelIndex
  /** Checked as the answer of a `fetch` or `dtmf` URL: only `start` is required. */
  readonly reply: boolean
}

/** A validation rule: pure, total, one diagnostic code. */
export type Rule = (context: RuleContext) => Finding[]
