import { useMemo } from 'react'
import type { MessageId } from '../../i18n/en.ts'
import { translate, type MessageArgs } from '../../i18n/translate.ts'
import { compareDiagnostics, type Diagnostic } from '../../validate/diagnostic.ts'
import { renderDiagram, type DiagramFormat } from '../canvas/export-diagram.ts'
import { useAsk, type Ask } from '../components/Dialog.tsx'
import type { AppStore } from '../state/app-store.ts'
import { fileText } from '../state/document.ts'
import { useAppStore } from '../state/store-context.tsx'
import type { Template } from '../templates/templates.ts'
import { downloadBlob, yamlBlob } from './download.ts'
import { ErrorSummary } from './ErrorSummary.tsx'
import { diagramFileName, yamlFileName } from './file-names.ts'
import { readIvrFile } from './open-file.ts'

/** What the toolbar, the shortcuts and the drop zone can do with files. */
export interface FileActions {
  /** Opens the one file of `files`; refuses several at once, and files that are no IVR. */
  openFiles(files: readonly File[]): Promise<void>
  /** Opens a template as a new IVR. */
  openTemplate(template: Template): Promise<void>
  /** Downloads the YAML exactly as it is, after asking when it has errors. */
  downloadYaml(): Promise<void>
  /** Copies the YAML to the clipboard, after asking when it has errors. */
  copyYaml(): Promise<void>
  /** Downloads the diagram as drawn on the canvas. */
  downloadDiagram(format: DiagramFormat): Promise<void>
}

/** Opening, exporting and copying IVRs, with the questions and messages that go with them. */
export function useFileActions(): FileActions {
  const store = useAppStore()
  const ask = useAsk()
  return useMemo(() => createFileActions(store, ask), [store, ask])
}

function createFileActions(store: AppStore, ask: Ask): FileActions {
  const t = (id: MessageId, args?: MessageArgs) =>
    translate(store.getState().preferences.locale, id, args)

  const saveYaml = () => {
    const { document } = store.getState()
    const fileName = yamlFileName(document.name)
    downloadBlob(yamlBlob(fileText(document)), fileName)
    store.dispatch({ type: 'document.saved' })
    store.dispatch({
      type: 'toast.show',
      tone: 'success',
      messageId: 'export.downloaded',
      args: { name: fileName },
    })
  }

  /** Whether to go on exporting: yes without errors, else what the person answers. */
  const confirmErrors = async (): Promise<boolean> => {
    const errors = store
      .getState()
      .document.view.diagnostics.filter((d: Diagnostic) => d.severity === 'error')
      .sort(compareDiagnostics)
    if (errors.length === 0) return true
    const answer = await ask({
      title: t(errors.length === 1 ? 'export-errors.title.one' : 'export-errors.title.other', {
        count: errors.length,
      }),
      body: <ErrorSummary errors={errors} locale={store.getState().preferences.locale} />,
      choices: [
        { value: 'cancel', label: t('dialog.cancel'), tone: 'secondary' },
        { value: 'export', label: t('export-errors.confirm'), tone: 'danger' },
      ],
      cancel: 'cancel',
      tone: 'danger',
    })
    return answer === 'export'
  }

  /** Whether the open IVR may be replaced by `next`: yes when it has no unexported changes. */
  const confirmReplace = async (next: string): Promise<boolean> => {
    const { document } = store.getState()
    if (document.view.text === document.savedText) return true
    const answer = await ask({
      title: t('unsaved.title', { name: document.name }),
      body: <p>{t('unsaved.body', { next })}</p>,
      choices: [
        { value: 'cancel', label: t('dialog.cancel'), tone: 'secondary' },
        { value: 'discard', label: t('unsaved.discard'), tone: 'danger' },
        { value: 'export', label: t('unsaved.export'), tone: 'primary' },
      ],
      cancel: 'cancel',
      initial: 'export',
      tone: 'warning',
    })
    if (answer === 'export') saveYaml()
    return answer !== 'cancel'
  }

  const toastError = (messageId: MessageId, args: MessageArgs = {}) =>
    store.dispatch({ type: 'toast.show', tone: 'error', messageId, args })

  return {
    async openFiles(files) {
      if (files.length === 0) return
      if (files.length > 1) return toastError('open.one-at-a-time', { count: files.length })
      const result = await readIvrFile(files[0] as File)
      if (!result.ok) return toastError(result.messageId, result.args)
      if (!(await confirmReplace(result.name))) return
      store.dispatch({ type: 'document.open', name: result.name, text: result.text })
    },
    async openTemplate(template) {
      if (!(await confirmReplace(template.fileName))) return
      store.dispatch({ type: 'document.open', name: template.fileName, text: template.text })
    },
    async downloadYaml() {
      if (await confirmErrors()) saveYaml()
    },
    async copyYaml() {
      if (!(await confirmErrors())) return
      try {
        await navigator.clipboard.writeText(store.getState().document.view.text)
        store.dispatch({ type: 'toast.show', tone: 'success', messageId: 'export.copied' })
      } catch {
        toastError('export.copy-failed')
      }
    },
    async downloadDiagram(format) {
      try {
        const blob = await renderDiagram(store.getState(), format)
        downloadBlob(blob, diagramFileName(store.getState().document.name, format))
      } catch {
        toastError('export.diagram-failed')
      }
    },
  }
}
