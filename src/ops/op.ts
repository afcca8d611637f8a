import type { IvrPath } from '../model/path.ts'
import type { RawValue } from '../yaml/fragment.ts'

export type { RawValue } from '../yaml/fragment.ts'

/**
 * A command as plain data, as its YAML denotes it: a bare word (`'ring'`) or an object with the
 * command name as its only key (`{ play: 'https://…' }`, `{ choice: { 1: { … } } }`).
 */
export type RawCommand = RawValue

/** A choice option as plain data: a name, a prompt, and one of `do` or `goto`. */
export type RawOption = {
  readonly name?: string
  readonly play?: string
  readonly do?: readonly RawCommand[]
  readonly goto?: string
}

/**
 * A list of commands: `[section]`, `[...optionPath, 'do']` or
 * `[...commandPath, 'transfer', 'if', state]`.
 */
export type ListPath = IvrPath

/** Where pasted text goes: into a list of commands at an index, or as new sections. */
export type PasteTarget =
  { readonly list: ListPath; readonly index: number } | { readonly sections: true }

/**
 * A change to the IVR, as data. Ops are what the UI dispatches and what a diagnostic offers as a
 * fix; applying one computes text edits against the text current at that moment.
 */
export type IvrOp =
  | {
      /**
       * Add section `name` after section `after` (default: after the last section). Without
       * `commands`, `online` gets a `ring`, `offline` a `voicemail`, any other section `[]`.
       */
      readonly type: 'section.add'
      readonly name: string
      readonly commands?: readonly RawCommand[]
      readonly after?: string
    }
  | {
      /** Delete section `name` with the comments directly above it. */
      readonly type: 'section.delete'
      readonly name: string
    }
  | {
      /** Rename section `name` to `to`, and every goto, option goto and onError naming it. */
      readonly type: 'section.rename'
      readonly name: string
      readonly to: string
    }
  | {
      /**
       * Copy section `name` right after it, as `to` or a free name such as `menu_2`; gotos in the
       * copy that name the section itself name the copy.
       */
      readonly type: 'section.duplicate'
      readonly name: string
      readonly to?: string
    }
  | {
      /** Move section `name` before section `before`, or to the end when `null`. */
      readonly type: 'section.move'
      readonly name: string
      readonly before: string | null
    }
  | {
      /** Insert `command` into `list` before the item at `index` (at the end when the length). */
      readonly type: 'command.add'
      readonly list: ListPath
      readonly index: number
      readonly command: RawCommand
    }
  | {
      /** Delete the command at `path`, with its comments. */
      readonly type: 'command.delete'
      readonly path: IvrPath
    }
  | {
      /**
       * Move the command at `path` into `list`, before the item now at `index` there (at the end
       * when `index` is the list's length); `list` may be the command's own list.
       */
      readonly type: 'command.move'
      readonly path: IvrPath
      readonly list: ListPath
      readonly index: number
    }
  | {
      /** Copy the command at `path` right after it. */
      readonly type: 'command.duplicate'
      readonly path: IvrPath
    }
  | {
      /** Add an option to the choice command at `choice`, as `key` or the first free key. */
      readonly type: 'option.add'
      readonly choice: IvrPath
      readonly key?: string
      readonly option: RawOption
    }
  | {
      /** Delete the choice option at `path`. */
      readonly type: 'option.delete'
      readonly path: IvrPath
    }
  | {
      /** Move the choice option at `path` before the option `before` of the same choice, or last. */
      readonly type: 'option.move'
      readonly path: IvrPath
      readonly before: string | null
    }
  | {
      /** Copy the choice option at `path` right after it, under the next free key. */
      readonly type: 'option.duplicate'
      readonly path: IvrPath
    }
  | {
      /** Change the key a caller presses for the option at `path`. */
      readonly type: 'option.setKey'
      readonly path: IvrPath
      readonly key: string
    }
  | {
      /** Replace the scalar at `path` with `value`, keeping its quote style. */
      readonly type: 'scalar.set'
      readonly path: IvrPath
      readonly value: string
    }
  | {
      /**
       * Point a goto command, a choice option or a fetch/dtmf's onError at section `target`. An
       * option that had a `do` list gets `goto` in its place.
       */
      readonly type: 'reference.connect'
      readonly path: IvrPath
      readonly target: string
    }
  | {
      /**
       * Remove a link to a section: an option's `goto` (the option is left without an action,
       * which the `choice-option-action` diagnostic reports), a fetch/dtmf's `onError`, or a goto
       * command as a whole.
       */
      readonly type: 'reference.disconnect'
      readonly path: IvrPath
    }
  | {
      /**
       * Set the text field at `path`, keeping its quote style, or write it where it is missing:
       * a play command's URL, an option's `name` or `play`, a fetch's or dtmf's `url`, a
       * transfer's `to`, or a parameter (`[…, 'fetch', 'params', NAME]`; `params` is created).
       */
      readonly type: 'field.set'
      readonly path: IvrPath
      readonly value: string
    }
  | {
      /** Remove an option's `name` or `play`, or a fetch's or dtmf's parameter, with its comments. */
      readonly type: 'field.remove'
      readonly path: IvrPath
    }
  | {
      /**
       * Rename the mapping key that ends `path` to `name`, keeping its quote style: a misspelt
       * command word, or the name of a fetch's or dtmf's parameter.
       */
      readonly type: 'key.rename'
      readonly path: IvrPath
      readonly name: string
    }
  | {
      /** Turn the unquoted placeholder mapping at `path` into the quoted string `"{$name}"`. */
      readonly type: 'placeholder.quote'
      readonly path: IvrPath
    }
  | {
      /**
       * Paste YAML text: whole sections (they get free names; gotos between them follow) or
       * commands (a list, or a single command) into a list at an index.
       */
      readonly type: 'paste'
      readonly fragment: string
      readonly target: PasteTarget
    }

export type IvrOpType = IvrOp['type']

/** Every op type, for titles and exhaustive tests. */
export const OP_TYPES = [
  'section.add',
  'section.delete',
  'section.rename',
  'section.duplicate',
  'section.move',
  'command.add',
  'command.delete',
  'command.move',
  'command.duplicate',
  'option.add',
  'option.delete',
  'option.move',
  'option.duplicate',
  'option.setKey',
  'scalar.set',
  'reference.connect',
  'reference.disconnect',
  'field.set',
  'field.remove',
  'key.rename',
  'placeholder.quote',
  'paste',
] as const satisfies readonly IvrOpType[]

/** The message catalog id of an op's title, for menus and the undo history: `op.title.*`. */
export function opTitle(op: IvrOp): `op.title.${IvrOpType}` {
  return `op.title.${op.type}`
}
