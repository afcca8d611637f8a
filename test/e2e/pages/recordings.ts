import type { Locator, Page } from 'playwright-core'
import type { Recording } from '../../../src/app/recordings/recording.ts'
import type { MessageId } from '../../../src/i18n/en.ts'
import { translate, type Locale, type MessageArgs } from '../../../src/i18n/translate.ts'

/** A file to upload or drop, made in the test. */
export interface AudioFile {
  name: string
  mimeType: string
  buffer: Buffer
}

/** A file of the panel's upload list: on its way, or refused with the server's reason. */
export interface ListedUpload {
  name: string
  phase: string
  reason: string | null
}

/** The recordings tab of the side, driven the way a person would, read the way a test needs. */
export interface RecordingsPane {
  root: Locator
  /** Shows the recordings tab and waits for the list (or its empty state). */
  open(): Promise<void>
  /** Picks `files` with the "Choose files" button. */
  upload(files: readonly AudioFile[]): Promise<void>
  /** The names of the recordings listed, top to bottom. */
  names(): Promise<string[]>
  /** Waits until the names listed satisfy `accept`, and returns them. */
  waitForNames(accept: (names: string[]) => boolean): Promise<string[]>
  /** The row of the recording uploaded as `name`. */
  item(name: string): Locator
  /** The playing time shown for `name`. */
  duration(name: string): Promise<string>
  /** The files being uploaded or refused. */
  uploads(): Promise<ListedUpload[]>
  /** Waits until the uploads listed satisfy `accept`, and returns them. */
  waitForUploads(accept: (uploads: ListedUpload[]) => boolean): Promise<ListedUpload[]>
  /** Types into the search box. */
  search(text: string): Promise<void>
  /** Presses the play (or pause) button of `name`. */
  togglePlay(name: string): Promise<void>
  /** The text of the "used" chip of `name`. */
  uses(name: string): Promise<string>
  /** Opens the places that play `name` and returns their labels. */
  usages(name: string): Promise<string[]>
  /** Clicks the place of `name` whose label contains `text`. */
  reveal(name: string, text: string): Promise<void>
  /** Presses the delete button of `name`; the question that follows is `dialog`. */
  startDelete(name: string): Promise<void>
  /** The open question (delete) of the page. */
  dialog: Locator
  /** The access token dialog. */
  tokenDialog: Locator
  /** What the recordings API listed, through the test hooks. */
  stored(): Promise<Recording[]>
  /**
   * Drags `files` over `target` and drops them there, as the system does for files dragged from
   * a folder (`drop: false` stops while hovering).
   */
  dropFiles(target: Locator, files: readonly AudioFile[], drop?: boolean): Promise<void>
  /** Drags the row of recording `name` onto `target` and drops it. */
  dragRecording(name: string, target: Locator): Promise<void>
  /** The message `id` in the language the pane is driven in. */
  text(id: MessageId, args?: MessageArgs): string
}

/** The recordings tab of `page`, whose texts are looked up in `locale`. */
export function recordingsPane(page: Page, locale: Locale = 'en'): RecordingsPane {
  const t = (id: MessageId, args?: MessageArgs) => translate(locale, id, args)
  const root = page.getByTestId('recordings-panel')
  const item = (name: string) =>
    root.locator(`[data-testid="recording"][data-name="${name.replace(/["\\]/g, '\\$&')}"]`)
  const names = () =>
    root
      .locator('[data-testid="recording"]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-name') ?? ''))
  const uploads = () =>
    root.locator('[data-testid="recording-upload"]').evaluateAll((rows) =>
      rows.map((row) => ({
        name: row.getAttribute('data-name') ?? '',
        phase: row.getAttribute('data-phase') ?? '',
        reason: row.querySelector('[data-testid="recording-upload-reason"]')?.textContent ?? null,
      })),
    )

  async function poll<T>(read: () => Promise<T>, accept: (value: T) => boolean): Promise<T> {
    const deadline = Date.now() + 15_000
    for (;;) {
      const value = await read()
      if (accept(value)) return value
      if (Date.now() > deadline) {
        throw new Error(`The recordings did not change as expected:\n${JSON.stringify(value)}`)
      }
      await page.waitForTimeout(50)
    }
  }

  return {
    root,
    async open() {
      await page.getByTestId('recordings-tab').click()
      await root.waitFor()
      await page.waitForFunction(
        () => window.__ivrDesigner!.getState!().recordings.status === 'ready',
      )
    },
    async upload(files) {
      await root.getByTestId('recordings-file').setInputFiles(files.map((file) => ({ ...file })))
    },
    names,
    waitForNames: (accept) => poll(names, accept),
    item,
    duration: async (name) =>
      (await item(name).getByTestId('recording-duration').textContent()) ?? '',
    uploads,
    waitForUploads: (accept) => poll(uploads, accept),
    search: (text) => root.getByRole('searchbox').fill(text),
    togglePlay: (name) => item(name).getByTestId('recording-play').click(),
    uses: async (name) => (await item(name).getByTestId('recording-uses').textContent()) ?? '',
    async usages(name) {
      const chip = item(name).getByTestId('recording-uses')
      if ((await chip.getAttribute('aria-expanded')) !== 'true') await chip.click()
      return item(name).getByTestId('recording-usage').allTextContents()
    },
    async reveal(name, text) {
      const chip = item(name).getByTestId('recording-uses')
      if ((await chip.getAttribute('aria-expanded')) !== 'true') await chip.click()
      await item(name).getByTestId('recording-usage').filter({ hasText: text }).click()
    },
    startDelete: (name) => item(name).getByTestId('recording-delete').click(),
    dialog: page.locator('dialog[open]'),
    tokenDialog: page.getByTestId('recordings-token-dialog'),
    stored: () => page.evaluate(() => [...window.__ivrDesigner!.getState!().recordings.items]),
    async dropFiles(target, files, drop = true) {
      const payload = files.map((f) => ({
        name: f.name,
        type: f.mimeType,
        base64: f.buffer.toString('base64'),
      }))
      await target.evaluate(
        (element, { payload, drop }) => {
          const data = new DataTransfer()
          for (const file of payload) {
            const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))
            data.items.add(new File([bytes], file.name, { type: file.type }))
          }
          const box = element.getBoundingClientRect()
          const init = {
            bubbles: true,
            cancelable: true,
            composed: true,
            dataTransfer: data,
            clientX: box.x + box.width / 2,
            clientY: box.y + box.height / 2,
          }
          element.dispatchEvent(new DragEvent('dragenter', init))
          element.dispatchEvent(new DragEvent('dragover', init))
          if (drop) element.dispatchEvent(new DragEvent('drop', init))
        },
        { payload, drop },
      )
    },
    async dragRecording(name, target) {
      await item(name).dragTo(target)
    },
    text: t,
  }
}
