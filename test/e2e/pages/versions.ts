import type { Locator, Page } from 'playwright-core'

/** A version as the history lists it. */
export interface ListedVersion {
  number: number
  message: string
  /** Whether the row says the editor shows this version. */
  open: boolean
  selected: boolean
}

/** A card of the comparison canvas: its section and its status. */
export interface ComparedCard {
  section: string
  status: string
}

/** The history tab of the side and its comparison, driven as a person would. */
export interface VersionsPane {
  root: Locator
  /** Shows the history tab and waits for its list (or its empty state). */
  open(): Promise<void>
  /** The versions listed, newest first. */
  versions(): Promise<ListedVersion[]>
  /** Waits until the versions listed satisfy `accept`, and returns them. */
  waitForVersions(accept: (versions: ListedVersion[]) => boolean): Promise<ListedVersion[]>
  /** The row of version `number`. */
  row(number: number): Locator
  /** Ticks (or unticks) version `number` for comparison. */
  select(number: number): Promise<void>
  /** Presses Compare and waits for the comparison's summary. */
  compare(): Promise<void>
  /** The comparison dialog. */
  dialog: Locator
  /** The sentences of the comparison's summary. */
  summary(): Promise<string[]>
  /** The cards of the comparison canvas, once laid out. */
  cards(): Promise<ComparedCard[]>
  /** Switches the comparison to the YAML view and returns how many blocks Monaco marks changed. */
  showYamlDiff(): Promise<number>
  /** Presses the restore button of version `number` in the list. */
  restore(number: number): Promise<void>
  /** Presses the download button of version `number` and returns the file's name and text. */
  download(number: number): Promise<{ name: string; text: string }>
}

/** The history tab of `page`. */
export function versionsPane(page: Page): VersionsPane {
  const root = page.getByTestId('history-panel')
  const dialog = page.getByTestId('compare-dialog')
  const row = (number: number) =>
    root.locator(`[data-testid="history-version"][data-number="${number}"]`)
  const versions = () =>
    root.locator('[data-testid="history-version"]').evaluateAll((rows) =>
      rows.map((element) => ({
        number: Number(element.getAttribute('data-number')),
        message: element.querySelector('p')?.textContent ?? '',
        open: element.hasAttribute('data-open'),
        selected: element.hasAttribute('data-selected'),
      })),
    )

  async function poll<T>(read: () => Promise<T>, accept: (value: T) => boolean): Promise<T> {
    const deadline = Date.now() + 20_000
    for (;;) {
      const value = await read()
      if (accept(value)) return value
      if (Date.now() > deadline) {
        throw new Error(`The history did not change as expected:\n${JSON.stringify(value)}`)
      }
      await page.waitForTimeout(50)
    }
  }

  return {
    root,
    dialog,
    async open() {
      await page.getByTestId('history-tab').click()
      await root.waitFor()
      await root
        .locator('[data-testid="history-version"], [data-testid="history-empty"]')
        .first()
        .waitFor({ timeout: 20_000 })
    },
    versions,
    waitForVersions: (accept) => poll(versions, accept),
    row,
    async select(number) {
      await row(number).getByTestId('history-select').click()
    },
    async compare() {
      await root.getByTestId('history-compare').click()
      await dialog.waitFor()
      await dialog
        .locator('[data-testid="compare-summary"], [data-testid="compare-summary-none"]')
        .first()
        .waitFor({ timeout: 20_000 })
    },
    summary: () =>
      dialog
        .getByTestId('compare-summary-line')
        .evaluateAll((lines) => lines.map((line) => line.textContent ?? '')),
    async cards() {
      await dialog
        .locator('[data-testid="compare-canvas"][data-ready]')
        .waitFor({ timeout: 20_000 })
      await dialog.getByTestId('compare-card').first().waitFor({ timeout: 20_000 })
      return dialog.getByTestId('compare-card').evaluateAll((cards) =>
        cards.map((card) => ({
          section: card.getAttribute('data-section') ?? '',
          status: card.getAttribute('data-status') ?? '',
        })),
      )
    },
    async showYamlDiff() {
      await dialog.getByRole('radio', { name: 'YAML' }).check()
      const editor = dialog.locator('[data-testid="compare-yaml"][data-changes]')
      await editor.waitFor({ timeout: 30_000 })
      return Number(await editor.getAttribute('data-changes'))
    },
    async restore(number) {
      await row(number).hover()
      await row(number).getByTestId('history-restore').click()
    },
    async download(number) {
      await row(number).hover()
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        row(number).getByTestId('history-download').click(),
      ])
      const stream = await download.createReadStream()
      const chunks: Buffer[] = []
      for await (const chunk of stream) chunks.push(chunk as Buffer)
      return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') }
    },
  }
}
