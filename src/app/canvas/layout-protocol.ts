import type { ElkInput, ElkOutput } from '../../graph/layout.ts'

/** What the page asks the layout worker: lay out `graph`, answering with the same `id`. */
export interface LayoutRequest {
  readonly id: number
  readonly graph: ElkInput
}

/** The worker's answer: ELK's output, or why it failed. */
export type LayoutResponse =
  | { readonly id: number; readonly ok: true; readonly output: ElkOutput }
  | { readonly id: number; readonly ok: false; readonly error: string }
