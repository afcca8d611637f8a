import { readFileSync } from 'node:fs'
import type { CallState, StartOptions } from '../../src/simulate/call.ts'
import { compactEntry, compactOutcome } from '../../src/simulate/describe.ts'
import {
  driveCall,
  parseAction,
  type CallAction,
  type DriveResult,
  type ScriptedReply,
} from '../../src/simulate/drive.ts'
import { parseIvr, type ParsedIvr } from '../../src/yaml/parse-ivr.ts'

/** The text of an example IVR of test/fixtures/examples. */
export function example(name: string): string {
  return readFileSync(new URL(`../fixtures/examples/${name}`, import.meta.url), 'utf8')
}

/** The long prompt links of the vendor's examples, shortened in expected transcripts. */
const LADESK = 'https://mycompany.ladesk.com/scripts/file.php?view=Y&file='

/** A call's transcript as compact lines, with the vendor's link prefix shortened to `L/`. */
export function lines(call: CallState): string[] {
  return call.transcript.map((entry) => compactEntry(entry).replaceAll(LADESK, 'L/'))
}

/** Actions from their written form (`['1', '1234#', 'state=available']`). */
export function actions(tokens: readonly string[]): CallAction[] {
  return tokens.map((token) => {
    const action = parseAction(token)
    if (!action) throw new Error(`Not an action: ${token}`)
    return action
  })
}

/** A scripted call: its result, compact transcript and compact outcome. */
export function walk(
  ivr: string | ParsedIvr,
  options: StartOptions,
  tokens: readonly string[] = [],
  replies: readonly ScriptedReply[] = [],
): DriveResult & { lines: string[]; end: string | null } {
  const parsed = typeof ivr === 'string' ? parseIvr(ivr) : ivr
  const result = driveCall(parsed, options, actions(tokens), replies)
  return {
    ...result,
    lines: lines(result.call),
    end: result.outcome ? compactOutcome(result.outcome) : null,
  }
}

/** A fetch answer with the given text. */
export function answer(text: string): ScriptedReply {
  return { kind: 'text', text, name: 'answer.yaml' }
}

/** A fetch that is not answered. */
export const FAILED: ScriptedReply = { kind: 'failed' }
