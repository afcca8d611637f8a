import type { RowKind } from '../../../graph/graph.ts'
import type { MessageId } from '../../../i18n/en.ts'
import { COMMAND_NAMES, type CommandName } from '../../../model/commands.ts'
import type { IvrModel } from '../../../model/ivr.ts'
import type { RawCommand } from '../../../ops/op.ts'

/** The ready-made blocks of the palette: a few commands that belong together. */
export const BLOCK_IDS = ['menu', 'request-callback', 'leave-voicemail'] as const
export type BlockId = (typeof BLOCK_IDS)[number]

/** What the palette offers: every command, and the blocks. */
export type PaletteItemId = CommandName | BlockId

/** How the palette shows an item, and what a section made of it alone is called. */
export interface PaletteItem {
  readonly id: PaletteItemId
  readonly icon: RowKind
  readonly label: MessageId
  readonly hint: MessageId
  /** The name a new section made from this item starts from (`menu`, then `menu_2`, …). */
  readonly stem: string
}

const COMMAND_ITEMS: Readonly<Record<CommandName, Omit<PaletteItem, 'id' | 'icon'>>> = {
  play: { label: 'palette.play', hint: 'palette.play.hint', stem: 'message' },
  choice: { label: 'palette.choice', hint: 'palette.choice.hint', stem: 'menu' },
  ring: { label: 'palette.ring', hint: 'palette.ring.hint', stem: 'agents' },
  voicemail: { label: 'palette.voicemail', hint: 'palette.voicemail.hint', stem: 'voicemail' },
  callback: { label: 'palette.callback', hint: 'palette.callback.hint', stem: 'callback' },
  goto: { label: 'palette.goto', hint: 'palette.goto.hint', stem: 'section' },
  transfer: { label: 'palette.transfer', hint: 'palette.transfer.hint', stem: 'transfer' },
  fetch: { label: 'palette.fetch', hint: 'palette.fetch.hint', stem: 'script' },
  dtmf: { label: 'palette.dtmf', hint: 'palette.dtmf.hint', stem: 'digits' },
}

/** The commands, in the order the language reference lists them. */
export const COMMAND_ITEM_LIST: readonly PaletteItem[] = COMMAND_NAMES.map((name) => ({
  id: name,
  icon: name,
  ...COMMAND_ITEMS[name],
}))

/** The blocks, most asked-for first. */
export const BLOCK_ITEM_LIST: readonly PaletteItem[] = [
  {
    id: 'menu',
    icon: 'choice',
    label: 'palette.block.menu',
    hint: 'palette.block.menu.hint',
    stem: 'menu',
  },
  {
    id: 'request-callback',
    icon: 'callback',
    label: 'palette.block.callback',
    hint: 'palette.block.callback.hint',
    stem: 'callback',
  },
  {
    id: 'leave-voicemail',
    icon: 'voicemail',
    label: 'palette.block.voicemail',
    hint: 'palette.block.voicemail.hint',
    stem: 'voicemail',
  },
]

/** The item with id `id`. */
export function paletteItem(id: PaletteItemId): PaletteItem {
  return (
    COMMAND_ITEM_LIST.find((item) => item.id === id) ??
    BLOCK_ITEM_LIST.find((item) => item.id === id)!
  )
}

/** Whether `value` is the id of a palette item. */
export function isPaletteItemId(value: string): value is PaletteItemId {
  return [...COMMAND_NAMES, ...BLOCK_IDS].includes(value as PaletteItemId)
}

/**
 * Where the new commands go, as far as their default arguments care: the sections there are, and
 * the section they are added to (`null` for a new section).
 */
export interface ItemContext {
  readonly model: IvrModel
  readonly into: string | null
  /** The names of menu options, in the admin's language. */
  readonly optionNames: { readonly agent: string; readonly message: string }
}

/**
 * A link that plays nothing yet, on a reserved domain: valid, so it adds no error while the
 * admin records the real prompt, and easy to spot in the YAML as the thing to replace.
 */
const EXAMPLE = 'https://example.com'

/**
 * The commands an item adds, with default arguments that read as what they are and leave the
 * IVR without new errors: example links to replace, a goto to a section that exists.
 */
export function itemCommands(id: PaletteItemId, context: ItemContext): RawCommand[] {
  const agentOption = (key: number) => ({
    name: context.optionNames.agent,
    play: `${EXAMPLE}/press-${key}.mp3`,
    do: ['ring'],
  })
  switch (id) {
    case 'play':
      return [{ play: `${EXAMPLE}/recording.mp3` }]
    case 'choice':
      return [{ choice: { 1: agentOption(1) } }]
    case 'ring':
    case 'voicemail':
    case 'callback':
      return [id]
    case 'goto':
      return [{ goto: gotoTarget(context) }]
    case 'transfer':
      return [{ transfer: { to: departmentOf(context.model) } }]
    case 'fetch':
      return [{ fetch: { url: `${EXAMPLE}/next-step` } }]
    case 'dtmf':
      return [{ dtmf: { url: `${EXAMPLE}/digits`, params: { digits: 'DTMF_VALUE' } } }]
    case 'menu':
      return [
        {
          choice: {
            1: agentOption(1),
            2: {
              name: context.optionNames.message,
              play: `${EXAMPLE}/press-2.mp3`,
              do: ['voicemail'],
            },
          },
        },
      ]
    case 'request-callback':
      return [{ play: `${EXAMPLE}/callback.mp3` }, 'callback']
    case 'leave-voicemail':
      return [{ play: `${EXAMPLE}/leave-a-message.mp3` }, 'voicemail']
  }
}

/**
 * The section a new goto names: the first section that no entry point is and that it is not in,
 * else any other section, so that the goto neither dangles nor loops.
 */
export function gotoTarget(context: Pick<ItemContext, 'model' | 'into'>): string {
  const names = context.model.sections.map((s) => s.name).filter((name) => name !== context.into)
  const entries = new Set(['start', 'online', 'offline', 'queue'])
  return names.find((name) => !entries.has(name)) ?? names[0] ?? 'online'
}

/** The department a new transfer names: the first one the IVR transfers to, else a placeholder. */
function departmentOf(model: IvrModel): string {
  for (const section of model.sections) {
    for (const command of section.commands) {
      if (command.kind === 'transfer' && command.to) return command.to.value
    }
  }
  return 'department-id'
}
