import type { Locator, Page } from 'playwright-core'

/** What a field says under it: the reason an op refused the value, and its problems. */
export interface FieldMessages {
  refusal: string | null
  diagnostics: { code: string; severity: string; text: string }[]
}

/** The inspector docked on the canvas, driven the way a person would. */
export interface InspectorPane {
  root: Locator
  /** Waits until the inspector shows an item (or its empty state) whose title is `title`. */
  waitForTitle(title: string | RegExp): Promise<void>
  title(): Promise<string>
  /** The steps of the breadcrumb, from the section down to what holds the item. */
  breadcrumb(): Promise<string[]>
  /** Clicks the breadcrumb's step `label`. */
  clickCrumb(label: string): Promise<void>
  /** Whether it says that nothing is selected. */
  isEmpty(): Promise<boolean>
  /** The field `id` (`play`, `name`, `key`, `goto`, `onError`, `url`, `to`, `params`, …). */
  field(id: string): Locator
  /** The text input of field `id`. */
  input(id: string): Locator
  /** Puts `value` in field `id` as typed, without applying it. */
  type(id: string, value: string): Promise<void>
  /** Types `value` into field `id` and applies it with Enter. */
  set(id: string, value: string): Promise<void>
  /** What field `id` says under it, once it says something that `accept` takes. */
  messages(id: string, accept?: (messages: FieldMessages) => boolean): Promise<FieldMessages>
  /** Clicks key `key` of the keypad of a menu option. */
  pickKey(key: string): Promise<void>
  /** Each key of the keypad and whether it is this option's, another's, or free. */
  keys(): Promise<Record<string, 'current' | 'taken' | 'free'>>
  /** Opens the list of uploaded recordings of field `id` and returns the names listed. */
  recordings(id: string): Promise<string[]>
  /** Opens the list of uploaded recordings of field `id` and chooses `name`. */
  pickRecording(id: string, name: string): Promise<void>
  /** Types into the section picker of field `id` and chooses the entry whose text is `label`. */
  pickSection(id: string, label: string | RegExp, typed?: string): Promise<void>
  close(): Promise<void>
  reopen(): Promise<void>
}

/** The inspector of `page`, which shows the editor. */
export function inspectorPane(page: Page): InspectorPane {
  const root = page.getByTestId('inspector')
  const field = (id: string) => root.getByTestId(`inspector-field-${id}`)
  const input = (id: string) => field(id).locator('input').first()

  const readMessages = (id: string): Promise<FieldMessages> =>
    field(id).evaluate((element) => {
      const refusal = element.querySelector('[data-testid="field-refusal"]')
      return {
        refusal: refusal ? (refusal.textContent ?? '').trim() : null,
        diagnostics: [...element.querySelectorAll('[data-testid="field-diagnostic"]')].map((d) => ({
          code: d.getAttribute('data-code') ?? '',
          severity: d.getAttribute('data-severity') ?? '',
          text: (d.textContent ?? '').trim(),
        })),
      }
    })

  const pane: InspectorPane = {
    root,
    async waitForTitle(title) {
      // The inspector follows a new selection right after the frame that shows it on the canvas:
      // wait until it shows the current one, not the one before (both may be a "Play").
      await page.waitForFunction(
        () => {
          const shown = document
            .querySelector('[data-testid="inspector"]')
            ?.getAttribute('data-selection')
          const path = window.__ivrDesigner!.getState!().selection?.path
          return shown === (path ? JSON.stringify(path) : '')
        },
        undefined,
        { timeout: 10_000 },
      )
      const heading = root.getByTestId('inspector-title')
      await heading.filter({ hasText: title }).waitFor({ timeout: 10_000 })
    },
    title: async () => ((await root.getByTestId('inspector-title').textContent()) ?? '').trim(),
    breadcrumb: () =>
      root
        .getByTestId('inspector-breadcrumb')
        .locator('li')
        .evaluateAll((items) => items.map((li) => (li.textContent ?? '').trim())),
    clickCrumb: (label) =>
      root
        .getByTestId('inspector-breadcrumb')
        .getByRole('button', { name: label, exact: true })
        .click(),
    isEmpty: () => root.getByTestId('inspector-empty').isVisible(),
    field,
    input,
    async type(id, value) {
      await input(id).fill(value)
    },
    async set(id, value) {
      await input(id).fill(value)
      await input(id).press('Enter')
    },
    async messages(id, accept = () => true) {
      const deadline = Date.now() + 10_000
      for (;;) {
        const messages = await readMessages(id)
        if (accept(messages)) return messages
        if (Date.now() > deadline) {
          throw new Error(`Field ${id} did not say what was expected: ${JSON.stringify(messages)}`)
        }
        await page.waitForTimeout(50)
      }
    },
    pickKey: (key) => field('key').locator(`[data-key="${key}"]`).click(),
    keys: () =>
      field('key')
        .locator('[data-key]')
        .evaluateAll((keys) =>
          Object.fromEntries(
            keys.map((k) => [k.getAttribute('data-key') ?? '', k.getAttribute('data-state') ?? '']),
          ),
        ) as Promise<Record<string, 'current' | 'taken' | 'free'>>,
    async recordings(id) {
      // The list floats above the page, outside the panel.
      const list = page.getByTestId('inspector-recordings')
      if (!(await list.isVisible()))
        await field(id).getByTestId('inspector-recordings-button').click()
      await list.waitFor()
      return list
        .locator('[data-recording]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-recording') ?? ''))
    },
    async pickRecording(id, name) {
      await pane.recordings(id)
      await page
        .getByTestId('inspector-recordings')
        .locator(`[data-recording="${name.replace(/"/g, '\\"')}"]`)
        .click()
    },
    async pickSection(id, label, typed) {
      const box = input(id)
      await box.click()
      if (typed !== undefined) await box.fill(typed)
      const list = await box.getAttribute('aria-controls')
      await page.locator(`[id="${list}"]`).getByRole('option', { name: label }).click()
    },
    close: () => root.getByTestId('inspector-close').click(),
    reopen: () => page.getByTestId('inspector-open').click(),
  }
  return pane
}
