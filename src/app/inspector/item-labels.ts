import { ENTRY_SECTIONS } from '../../model/commands.ts'
import { fileNameOfUrl, hostOfUrl } from '../../graph/labels.ts'
import type { MessageId } from '../../i18n/en.ts'
import type { CommandNode } from '../../model/ivr.ts'
import type { Translate } from '../state/use-locale.ts'
import type { Crumb, InspectedItem } from './inspected.ts'

/** The title of each kind of command, for headers, breadcrumbs and summaries. */
export const KIND_TITLES: Readonly<Record<string, MessageId>> = {
  play: 'inspector.kind.play',
  choice: 'inspector.kind.choice',
  ring: 'inspector.kind.ring',
  voicemail: 'inspector.kind.voicemail',
  callback: 'inspector.kind.callback',
  goto: 'inspector.kind.goto',
  transfer: 'inspector.kind.transfer',
  fetch: 'inspector.kind.fetch',
  dtmf: 'inspector.kind.dtmf',
  unknown: 'inspector.kind.unknown',
  malformed: 'inspector.kind.malformed',
}

/** The title of the inspector for an item: a section's name, an option's name, a command's kind. */
export function itemTitle(item: InspectedItem, t: Translate): string {
  if (item.kind === 'section') return item.node.name
  if (item.kind === 'option') {
    return item.node.name?.value ?? t('inspector.option.unnamed', { key: item.node.key })
  }
  return t(KIND_TITLES[item.node.kind] ?? 'inspector.kind.unknown')
}

/** The line under the title: what kind of item it is, and how many commands a section has. */
export function itemSubtitle(item: InspectedItem, t: Translate): string {
  if (item.kind === 'section') {
    const count = item.node.commands.length
    const kind = isEntry(item.node.name) ? t('inspector.kind.entry') : t('inspector.kind.section')
    const commands = count === 1 ? t('inspector.commands.one') : t('inspector.commands', { count })
    return `${kind} · ${commands}`
  }
  if (item.kind === 'option') return t('inspector.kind.option', { key: item.node.key })
  return t('inspector.kind.command', {
    name: item.node.kind === 'unknown' ? item.node.name : item.node.kind,
  })
}

/** How a step of the breadcrumb reads. */
export function crumbLabel(crumb: Crumb, t: Translate): string {
  switch (crumb.kind) {
    case 'section':
      return crumb.label
    case 'option':
      return t('inspector.crumb.option', { key: crumb.label })
    case 'branch':
      return t(`canvas.row.branch.${crumb.label as 'online' | 'offline' | 'queue'}`)
    case 'command':
      return t(KIND_TITLES[crumb.label] ?? 'inspector.kind.unknown')
  }
}

/** Whether the phone system starts the section called `name` by itself. */
export function isEntry(name: string): boolean {
  return (ENTRY_SECTIONS as readonly string[]).includes(name)
}

/** A command in a few words: its kind, or where it goes. */
export function commandSummary(command: CommandNode, t: Translate): string {
  if (command.kind === 'goto' && command.target) return `→ ${command.target.value}`
  return t(KIND_TITLES[command.kind] ?? 'inspector.kind.unknown')
}

/** The value a command is about, short: a recording's file, a target, a department, a host. */
export function commandDetail(command: CommandNode): string {
  switch (command.kind) {
    case 'play':
      return command.url ? fileNameOfUrl(command.url.value) : ''
    case 'goto':
      return command.target ? `→ ${command.target.value}` : ''
    case 'transfer':
      return command.to ? command.to.value : ''
    case 'fetch':
    case 'dtmf':
      return command.url ? hostOfUrl(command.url.value) : ''
    default:
      return ''
  }
}
