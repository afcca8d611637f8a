import type { IvrPath } from '../model/path.ts'

/**
 * A change to the IVR, as data. Ops are what the UI dispatches and what a diagnostic offers as a
 * fix; applying one computes text edits against the text current at that moment.
 */
export type IvrOp =
  | {
      /** Append a new section `name` with the given commands (defaults to a lone `play`). */
      readonly type: 'section.add'
      readonly name: string
    }
  | {
      /** Replace the scalar at `path` with `value`, keeping its quote style. */
      readonly type: 'scalar.set'
      readonly path: IvrPath
      readonly value: string
    }
  | {
      /** Rename the mapping key that ends `path` to `name`, keeping its quote style. */
      readonly type: 'key.rename'
      readonly path: IvrPath
      readonly name: string
    }
  | {
      /** Turn the unquoted placeholder mapping at `path` into the quoted string `"{$name}"`. */
      readonly type: 'placeholder.quote'
      readonly path: IvrPath
    }

export type IvrOpType = IvrOp['type']
