import { readFile } from 'node:fs/promises'
import type { Locator, Page } from 'playwright-core'
import type { MessageId } from '../../../src/i18n/en.ts'
import { translate, type Locale, type MessageArgs } from '../../../src/i18n/translate.ts'

/** A file to open, as the file picker or a drop hands it over. */
export interface FileToOpen {
  name: string
  buffer: Buffer
  mimeType?: string
}

/** A file the app downloaded. */
export interface Downloaded {
  fileName: string
  bytes: Buffer
}

/** The app bar, driven through its buttons and menus the way a person would. */
export interface Toolbar {
  root: Locator
  /** The open IVR's name as shown. */
  documentName(): Promise<string>
  /** Whether the "modified" dot shows. */
  isModified(): Promise<boolean>
  /** Opens `file` through the Open button and the browser's file picker. */
  openFile(file: FileToOpen): Promise<void>
  /** Picks the template titled `title` from the New menu. */
  newFromTemplate(title: string): Promise<void>
  /** Opens the Export menu and clicks `item`, a message id such as `toolbar.export.yaml`. */
  exportItem(item: MessageId): Promise<void>
  /** Runs `act` and returns the file it downloads. */
  download(act: () => Promise<void>): Promise<Downloaded>
  /** The dialog shown now (a question the app asks). */
  dialog: Locator
  /** Answers the open dialog with the button labelled by `answer`. */
  answer(answer: MessageId): Promise<void>
  /** The texts of the toasts shown now. */
  toasts(): Promise<string[]>
  /** Waits for a toast that reads `id` with `args`. */
  waitForToast(id: MessageId, args?: MessageArgs): Promise<Locator>
  /** The problem counts button. */
  problemSummary: Locator
  /** Opens the help popover with its button and returns it. */
  openHelp(): Promise<Locator>
  /** A toolbar button or menu button by its label (a message id). */
  button(label: MessageId): Locator
  chooseLanguage(name: 'English' | '日本語'): Promise<void>
  chooseTheme(label: MessageId): Promise<void>
  /** The message `id` in the language the toolbar is driven in. */
  text(id: MessageId, args?: MessageArgs): string
}

/** The toolbar of `page`, whose texts are looked up in `locale`. */
export function toolbar(page: Page, locale: Locale = 'en'): Toolbar {
  const t = (id: MessageId, args?: MessageArgs) => translate(locale, id, args)
  const root = page.getByTestId('toolbar')
  const button = (label: MessageId) => root.getByRole('button', { name: t(label), exact: true })
  const dialog = page.getByRole('dialog')

  const bar: Toolbar = {
    root,
    documentName: async () => (await root.getByTestId('document-name').textContent()) ?? '',
    isModified: async () => (await root.getByTestId('modified').count()) > 0,
    async openFile(file) {
      const chooser = page.waitForEvent('filechooser')
      // A round trip so that file-chooser interception is on before the click.
      await page.evaluate(() => 0)
      await button('toolbar.open').click()
      await (
        await chooser
      ).setFiles({
        name: file.name,
        mimeType: file.mimeType ?? 'application/yaml',
        buffer: file.buffer,
      })
    },
    async newFromTemplate(title) {
      await button('toolbar.new').click()
      await page.getByRole('menuitem', { name: title, exact: true }).click()
    },
    async exportItem(item) {
      await button('toolbar.export').click()
      await page.getByRole('menuitem', { name: t(item), exact: true }).click()
    },
    async download(act) {
      const download = page.waitForEvent('download')
      await act()
      const done = await download
      const path = await done.path()
      return { fileName: done.suggestedFilename(), bytes: await readFile(path) }
    },
    dialog,
    async answer(answer) {
      await dialog.getByRole('button', { name: t(answer), exact: true }).click()
      await dialog.waitFor({ state: 'detached' })
    },
    toasts: () =>
      page.getByTestId('toasts').locator('[role="status"], [role="alert"]').allInnerTexts(),
    async waitForToast(id, args) {
      const toast = page
        .getByTestId('toasts')
        .locator('[role="status"], [role="alert"]')
        .filter({ hasText: t(id, args) })
      await toast.first().waitFor()
      return toast.first()
    },
    problemSummary: root.getByTestId('problem-summary'),
    async openHelp() {
      await button('toolbar.help').click()
      const help = page.getByRole('dialog', { name: t('help.title') })
      await help.waitFor()
      return help
    },
    button,
    chooseLanguage: (name) => root.getByRole('radio', { name, exact: true }).check(),
    chooseTheme: (label) => root.getByRole('radio', { name: t(label), exact: true }).check(),
    text: t,
  }
  return bar
}

/** What the store holds of the open IVR, read through the test hooks. */
export async function storedDocument(
  page: Page,
): Promise<{ name: string; text: string; savedText: string; sections: string[] }> {
  return page.evaluate(() => {
    const { document } = window.__ivrDesigner!.getState!()
    return {
      name: document.name,
      text: document.view.text,
      savedText: document.savedText,
      sections: document.view.good.graph.sections.map((s) => s.name),
    }
  })
}

/** Tells when `page` has no request in flight, so that a reload cancels nothing. */
export function watchRequests(page: Page): { quiet(): Promise<void> } {
  const pending = new Set<unknown>()
  page.on('request', (request) => pending.add(request))
  page.on('requestfinished', (request) => pending.delete(request))
  page.on('requestfailed', (request) => pending.delete(request))
  return {
    async quiet() {
      const deadline = Date.now() + 10_000
      let calmSince = Date.now()
      while (Date.now() < deadline) {
        if (pending.size > 0) calmSince = Date.now()
        else if (Date.now() - calmSince >= 250) return
        await page.waitForTimeout(50)
      }
    },
  }
}

/** Reloads `page` once nothing is loading; a request cut off by the reload would count as failed. */
export async function reloadQuietly(
  page: Page,
  requests: { quiet(): Promise<void> },
): Promise<void> {
  await requests.quiet()
  await page.reload()
}
