import { ROW_ICONS } from '../../graph/row-icons.ts'
import type { MessageId } from '../../i18n/en.ts'
import { pathKey, type IvrPath } from '../../model/path.ts'
import { freeKey } from '../../ops/names.ts'
import { PathIcon } from '../canvas/PathIcon.tsx'
import { PlusIcon } from '../components/icons.tsx'
import { useLocale } from '../state/use-locale.ts'
import type { Field } from './fields.ts'
import { transferBranches, type InspectedItem } from './inspected.ts'
import styles from './Inspector.module.css'
import { commandDetail, commandSummary, KIND_TITLES } from './item-labels.ts'
import type { InspectorEdit } from './use-inspector-edit.ts'

/** The three branches of a transfer, each selecting its first command. */
export function BranchesView(props: {
  field: Extract<Field, { kind: 'branches' }>
  onSelect(path: IvrPath): void
}) {
  const { t } = useLocale()
  const branches = transferBranches(props.field.command)
  return (
    <div className={styles.field} data-testid="inspector-field-branches">
      <div className={styles.labelRow}>
        <span className={styles.label}>{t('inspector.transfer.branches')}</span>
      </div>
      <ul className={styles.summaryList}>
        {branches.map((branch) => {
          const label = t(`canvas.row.branch.${branch.state}` as MessageId)
          const body = branch.written
            ? branch.commands.length === 0
              ? t('inspector.transfer.branch.empty')
              : branch.commands.map((c) => commandSummary(c, t)).join(' → ')
            : branch.state === 'online'
              ? t('inspector.transfer.branch.default.online')
              : t('inspector.transfer.branch.default')
          const content = (
            <>
              <PathIcon paths={ROW_ICONS.branch} size={14} />
              <span className={styles.summaryLabel}>{label}</span>
              <span className={styles.summaryText} data-muted={!branch.written || undefined}>
                {body}
              </span>
            </>
          )
          return (
            <li key={branch.state} data-branch={branch.state}>
              {branch.first ? (
                <button
                  type="button"
                  className={styles.summaryRow}
                  onClick={() => props.onSelect(branch.first!)}
                >
                  {content}
                </button>
              ) : (
                <div className={styles.summaryRow} data-static="">
                  {content}
                </div>
              )}
            </li>
          )
        })}
      </ul>
      <div className={styles.hint}>{t('inspector.transfer.branches.hint')}</div>
    </div>
  )
}

/** The options of a menu in keypad order, each selecting the option. */
export function OptionsView(props: {
  item: Extract<InspectedItem, { kind: 'command' }>
  edit: InspectorEdit
  disabled: boolean
  onSelect(path: IvrPath): void
}) {
  const { t } = useLocale()
  const node = props.item.node
  if (node.kind !== 'choice') return null
  const options = [...node.options].sort((a, b) => keyOrder(a.key) - keyOrder(b.key))
  const next = freeKey(new Set(node.options.map((o) => o.key)))
  // A new option reads as what it is and adds no error: a prompt to record, then the agents.
  const add = (key: string) =>
    props.edit.commit({
      type: 'option.add',
      choice: props.item.path,
      key,
      option: {
        name: t('inspector.choice.new-option', { key }),
        play: `https://example.com/press-${key}.mp3`,
        do: ['ring'],
      },
    })
  return (
    <div className={styles.field} data-testid="inspector-field-options">
      <div className={styles.labelRow}>
        <span className={styles.label}>{t('inspector.choice.options')}</span>
        <span className={styles.labelNote}>
          {t('inspector.key.used', { count: node.options.length })}
        </span>
      </div>
      <ul className={styles.summaryList}>
        {options.map((option) => (
          <li key={option.key}>
            <button
              type="button"
              className={styles.summaryRow}
              onClick={() => props.onSelect(option.path)}
            >
              <span className={styles.keyChip}>{option.key}</span>
              <span className={styles.summaryLabel}>
                {option.name?.value ?? t('inspector.option.unnamed', { key: option.key })}
              </span>
              <span className={styles.summaryText}>
                {option.goto
                  ? `→ ${option.goto.value}`
                  : option.do
                    ? t(option.do.length === 1 ? 'inspector.do.count.one' : 'inspector.do.count', {
                        count: option.do.length,
                      })
                    : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className={styles.addButton}
        data-testid="inspector-add-option"
        disabled={props.disabled || next === null}
        title={next === null ? t('inspector.choice.keys-full') : undefined}
        onClick={() => next !== null && add(next)}
      >
        <PlusIcon size={14} />
        {next === null ? t('inspector.choice.keys-full') : t('inspector.choice.add', { key: next })}
      </button>
      <div className={styles.hint}>{t('inspector.choice.hint')}</div>
    </div>
  )
}

function keyOrder(key: string): number {
  const order = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#']
  const at = order.indexOf(key)
  return at === -1 ? order.length : at
}

/** The commands an option runs, each selecting the command. */
export function DoView(props: {
  item: Extract<InspectedItem, { kind: 'option' }>
  onSelect(path: IvrPath): void
}) {
  const { t } = useLocale()
  const commands = props.item.node.do ?? []
  return (
    <div className={styles.field} data-testid="inspector-field-do">
      <div className={styles.labelRow}>
        <span className={styles.label}>{t('inspector.option.do')}</span>
        <span className={styles.labelNote}>{commands.length}</span>
      </div>
      <ul className={styles.summaryList}>
        {commands.map((command) => (
          <li key={pathKey(command.path)}>
            <button
              type="button"
              className={styles.summaryRow}
              onClick={() => props.onSelect(command.path)}
            >
              <PathIcon paths={ROW_ICONS[command.kind]} size={14} />
              <span className={styles.summaryLabel}>
                {t(KIND_TITLES[command.kind] ?? 'inspector.kind.unknown')}
              </span>
              <span className={styles.summaryText}>{commandDetail(command)}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}

const ABOUT: Readonly<Record<string, MessageId>> = {
  ring: 'inspector.about.ring',
  voicemail: 'inspector.about.voicemail',
  callback: 'inspector.about.callback',
  unknown: 'inspector.about.unknown',
  malformed: 'inspector.about.malformed',
}

/** What a command without arguments does, in words. */
export function AboutView({ command }: { command: string }) {
  const { t } = useLocale()
  return (
    <div className={styles.field} data-testid="inspector-about">
      <div className={styles.labelRow}>
        <span className={styles.label}>{t('inspector.about')}</span>
      </div>
      <p className={styles.about}>{t(ABOUT[command] ?? 'inspector.about.unknown')}</p>
      {(command === 'ring' || command === 'voicemail' || command === 'callback') && (
        <p className={styles.hint}>{t('inspector.about.ends')}</p>
      )}
    </div>
  )
}
