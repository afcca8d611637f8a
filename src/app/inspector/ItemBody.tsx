import { useMemo } from 'react'
import { sectionNodeId } from '../../graph/graph.ts'
import { rowLabel } from '../../graph/labels.ts'
import { ROW_ICONS } from '../../graph/row-icons.ts'
import type { MessageId } from '../../i18n/en.ts'
import { translate } from '../../i18n/translate.ts'
import type { IvrModel } from '../../model/ivr.ts'
import type { IvrPath } from '../../model/path.ts'
import type { Diagnostic } from '../../validate/diagnostic.ts'
import { PathIcon } from '../canvas/PathIcon.tsx'
import { WrenchIcon } from '../components/icons.tsx'
import type { Preview } from '../recordings/use-preview.ts'
import { useAppState } from '../state/store-context.tsx'
import { useLocale } from '../state/use-locale.ts'
import { fieldsOf, inScope, type Field, type ValueField } from './fields.ts'
import { diagnosticText, SeverityIcon } from './FieldMessages.tsx'
import { itemDiagnostics, type InspectedItem } from './inspected.ts'
import styles from './Inspector.module.css'
import { isEntry } from './item-labels.ts'
import { AboutView, BranchesView, DoView, OptionsView } from './ItemSummaries.tsx'
import { KeyField } from './KeyField.tsx'
import { ParamsTable } from './ParamsTable.tsx'
import { RecordingChip, RecordingPicker, recordingOfUrl } from './RecordingPicker.tsx'
import { SectionField } from './SectionField.tsx'
import { TextField } from './TextField.tsx'
import { useFieldDraft } from './use-field-draft.ts'
import type { InspectorEdit } from './use-inspector-edit.ts'

/** The section an item stands in. */
function sectionOf(item: InspectedItem): string {
  return String(item.path[0])
}

/**
 * The fields of an item, with its problems that no field shows above them and, for a section,
 * when it runs and what links to it below.
 */
export function ItemBody(props: {
  item: InspectedItem
  model: IvrModel
  edit: InspectorEdit
  preview: Preview
  disabled: boolean
  onSelect(path: IvrPath): void
}) {
  const { item } = props
  const fields = useMemo(() => fieldsOf(item), [item])
  return (
    <div className={styles.fields} data-testid="inspector-fields">
      <ItemProblems item={item} fields={fields} edit={props.edit} disabled={props.disabled} />
      {fields.map((field) => (
        <FieldView key={field.id} field={field} {...props} />
      ))}
      {item.kind === 'section' && <SectionInfo item={item} onSelect={props.onSelect} />}
    </div>
  )
}

/** The item's problems that no field shows, with their fixes. */
function ItemProblems(props: {
  item: InspectedItem
  fields: readonly Field[]
  edit: InspectorEdit
  disabled: boolean
}) {
  const { t, locale } = useLocale()
  const diagnostics = useAppState((s) => s.document.view.diagnostics)
  const { item, fields } = props
  const shown = useMemo(() => {
    const scopes = fields.flatMap((f) => ('scope' in f ? [f.scope] : []))
    return itemDiagnostics(diagnostics, item).filter(
      (d) => !scopes.some((scope) => inScope(scope, d)),
    )
  }, [diagnostics, item, fields])
  if (shown.length === 0) return null
  return (
    <section
      className={styles.problems}
      data-testid="inspector-problems"
      aria-label={t('inspector.problems')}
    >
      {shown.map((d: Diagnostic, i) => (
        <div
          key={`${d.code}:${i}`}
          className={styles.problem}
          data-severity={d.severity}
          data-code={d.code}
        >
          <p className={styles.message} data-severity={d.severity}>
            <SeverityIcon severity={d.severity} />
            <span>{diagnosticText(d, locale)}</span>
          </p>
          {d.fixes.length > 0 && (
            <div className={styles.fixes}>
              {d.fixes.map((fix) => (
                <button
                  key={`${fix.title}:${JSON.stringify(fix.args ?? {})}`}
                  type="button"
                  className={styles.fixButton}
                  disabled={props.disabled}
                  onClick={() => props.edit.commit(fix.op)}
                >
                  <WrenchIcon size={13} />
                  {translate(locale, fix.title, fix.args)}
                </button>
              ))}
            </div>
          )}
        </div>
      ))}
    </section>
  )
}

/** When a section runs, and which gotos lead to it. */
function SectionInfo({
  item,
  onSelect,
}: {
  item: Extract<InspectedItem, { kind: 'section' }>
  onSelect(path: IvrPath): void
}) {
  const { t } = useLocale()
  const graph = useAppState((s) => s.document.view.good.graph)
  const name = item.node.name
  const referrers = useMemo(() => {
    const id = sectionNodeId(name)
    return graph.edges
      .filter((e) => e.target === id)
      .flatMap((edge) => {
        const section = graph.sections.find((s) => s.id === edge.source)
        const row = section?.rows.find((r) => r.id === edge.sourceHandle)
        return section && row ? [{ id: edge.id, section: section.name, row }] : []
      })
  }, [graph, name])
  const caption: MessageId = isEntry(name)
    ? (`canvas.card.caption.${name}` as MessageId)
    : 'canvas.card.caption.section'
  return (
    <div className={styles.info}>
      <p className={styles.infoText}>{t(caption)}</p>
      <div className={styles.labelRow}>
        <span className={styles.label}>{t('inspector.section.linked')}</span>
        <span className={styles.labelNote}>{referrers.length}</span>
      </div>
      {referrers.length === 0 ? (
        <p className={styles.muted}>
          {isEntry(name) ? t('inspector.section.linked.entry') : t('inspector.section.linked.none')}
        </p>
      ) : (
        <ul className={styles.linkList}>
          {referrers.map((ref) => (
            <li key={ref.id}>
              <button
                type="button"
                className={styles.linkRow}
                onClick={() => onSelect(ref.row.path)}
              >
                <PathIcon paths={ROW_ICONS[ref.row.kind]} size={14} />
                <span className={styles.linkSection}>{ref.section}</span>
                <span className={styles.linkText}>{rowLabel(ref.row, t).text}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

function FieldView(props: {
  field: Field
  item: InspectedItem
  model: IvrModel
  edit: InspectorEdit
  preview: Preview
  disabled: boolean
  onSelect(path: IvrPath): void
}) {
  const { field } = props
  switch (field.kind) {
    case 'section-name':
    case 'url':
    case 'text':
    case 'key':
    case 'section':
    case 'param-name':
      return <ValueFieldView {...props} field={field} />
    case 'params':
      return (
        <ParamsTable
          command={field.command}
          commandPath={props.item.path}
          edit={props.edit}
          disabled={props.disabled}
        />
      )
    case 'branches':
      return <BranchesView field={field} onSelect={props.onSelect} />
    case 'options':
      return (
        <OptionsView
          item={field.item}
          edit={props.edit}
          disabled={props.disabled}
          onSelect={props.onSelect}
        />
      )
    case 'do':
      return <DoView item={field.item} onSelect={props.onSelect} />
    case 'about':
      return <AboutView command={field.command} />
  }
}

const URL_LABELS = {
  play: 'inspector.play.url',
  prompt: 'inspector.option.play',
  script: 'inspector.fetch.url',
} as const

function ValueFieldView(props: {
  field: ValueField
  item: InspectedItem
  model: IvrModel
  edit: InspectorEdit
  preview: Preview
  disabled: boolean
  onSelect(path: IvrPath): void
}) {
  const { t } = useLocale()
  const { field, edit, preview, disabled } = props
  const draft = useFieldDraft(field, edit)
  const items = useAppState((s) => s.recordings.items)
  const baseUrl = useAppState((s) => s.recordings.baseUrl)
  switch (field.kind) {
    case 'section-name':
      return (
        <TextField
          field={field}
          draft={draft}
          label={t('inspector.section.name')}
          hint={t('inspector.section.name.hint')}
          disabled={disabled}
          testId="inspector-field-name"
        />
      )
    case 'url': {
      const audio = field.role !== 'script'
      const recording = audio ? recordingOfUrl(draft.draft, items, baseUrl) : null
      return (
        <TextField
          field={field}
          draft={draft}
          label={t(URL_LABELS[field.role])}
          placeholder={audio ? 'https://…/welcome.mp3' : 'https://…/ivr-script'}
          hint={
            field.role === 'play'
              ? t('inspector.play.hint')
              : field.role === 'prompt'
                ? t('inspector.option.play.hint')
                : t('inspector.fetch.url.hint')
          }
          mono
          disabled={disabled}
          trailing={
            audio ? (
              <RecordingPicker
                currentUrl={draft.draft}
                preview={preview}
                disabled={disabled}
                onPick={(picked) => draft.commit(picked.url)}
              />
            ) : undefined
          }
          below={recording ? <RecordingChip recording={recording} preview={preview} /> : undefined}
          testId={`inspector-field-${field.id}`}
        />
      )
    }
    case 'text':
      return (
        <TextField
          field={field}
          draft={draft}
          label={t(field.role === 'department' ? 'inspector.transfer.to' : 'inspector.option.name')}
          placeholder={
            field.role === 'department'
              ? 'salesDepartmentID'
              : t('inspector.option.name.placeholder')
          }
          hint={t(
            field.role === 'department'
              ? 'inspector.transfer.to.hint'
              : 'inspector.option.name.hint',
          )}
          mono={field.role === 'department'}
          disabled={disabled}
          testId={`inspector-field-${field.id}`}
        />
      )
    case 'key':
      return props.item.kind === 'option' ? (
        <KeyField field={field} draft={draft} choice={props.item.choice} disabled={disabled} />
      ) : null
    case 'section':
      return (
        <SectionField
          field={field}
          draft={draft}
          model={props.model}
          ownSection={sectionOf(props.item)}
          label={t(
            field.role === 'on-error'
              ? 'inspector.fetch.on-error'
              : field.role === 'option-goto'
                ? 'inspector.option.goto'
                : 'inspector.goto.target',
          )}
          hint={
            field.role === 'on-error'
              ? t('inspector.fetch.on-error.hint')
              : field.replacesDo
                ? t('inspector.option.goto.replaces')
                : field.role === 'option-goto'
                  ? t('inspector.option.goto.hint')
                  : t('inspector.goto.hint')
          }
          disabled={disabled}
          onShow={(name) => props.onSelect([name])}
          testId={`inspector-field-${field.id}`}
        />
      )
    case 'param-name':
      return null
  }
}
