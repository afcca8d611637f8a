import type { Locator, Page } from 'playwright-core'
import type { MessageId } from '../../../src/i18n/en.ts'
import { translate, type Locale, type MessageArgs } from '../../../src/i18n/translate.ts'
import type { Severity } from '../../../src/validate/diagnostic.ts'

/** One problem as the panel lists it. */
export interface ListedProblem {
  severity: Severity
  message: string
  location: string
  code: string
  fixes: string[]
  syntax: boolean
}

/** The problems panel, driven through its list and buttons the way a person would. */
export interface ProblemsPanel {
  root: Locator
  /** The rows of the list. */
  rows: Locator
  /** The row whose message contains `text`. */
  row(text: string): Locator
  /** Every problem listed, top to bottom. */
  list(): Promise<ListedProblem[]>
  /** Waits until the list satisfies `accept` and returns it. */
  waitForList(accept: (problems: ListedProblem[]) => boolean): Promise<ListedProblem[]>
  /** The counts in the header, by severity. */
  counts(): Promise<Record<Severity, number>>
  /** Clicks the problem whose message contains `text`. */
  click(text: string): Promise<void>
  /** Clicks the fix titled `title` (a translated title) of the problem whose message contains `text`. */
  fix(text: string, title: string): Promise<void>
  /** Turns showing the severity on or off with its count button. */
  toggle(severity: Severity): Promise<void>
  /** The collapse and expand button in the header. */
  collapseButton: Locator
  /** The "no problems" message, when shown. */
  empty: Locator
  /** The message `id` in the language the panel is driven in. */
  text(id: MessageId, args?: MessageArgs): string
}

/** The problems panel of `page`, whose texts are looked up in `locale`. */
export function problemsPanel(page: Page, locale: Locale = 'en'): ProblemsPanel {
  const t = (id: MessageId, args?: MessageArgs) => translate(locale, id, args)
  const root = page.getByTestId('problems')
  const rows = root.locator('li[data-severity]')
  const row = (text: string) => rows.filter({ hasText: text }).first()

  const list = () =>
    rows.evaluateAll((items) =>
      items.map((item) => ({
        severity: item.getAttribute('data-severity') as Severity,
        message: item.querySelector('[data-part="message"]')?.textContent ?? '',
        location: item.querySelector('[data-part="location"]')?.textContent ?? '',
        code: item.querySelector('code')?.textContent ?? '',
        fixes: [...item.querySelectorAll('[data-fix]')].map((b) => b.textContent ?? ''),
        syntax: item.querySelector('[data-part="syntax"]') !== null,
      })),
    )

  return {
    root,
    rows,
    row,
    list,
    async waitForList(accept) {
      const deadline = Date.now() + 10_000
      for (;;) {
        const problems = await list()
        if (accept(problems)) return problems
        if (Date.now() > deadline) {
          throw new Error(
            `The problems did not change as expected:\n${JSON.stringify(problems, null, 2)}`,
          )
        }
        await page.waitForTimeout(50)
      }
    },
    async counts() {
      const read = async (severity: Severity) =>
        Number(await root.locator(`button[data-severity="${severity}"] span`).first().textContent())
      return {
        error: await read('error'),
        warning: await read('warning'),
        info: await read('info'),
      }
    },
    click: (text) => row(text).locator('button[data-problem]').click(),
    fix: (text, title) => row(text).getByRole('button', { name: title }).click(),
    toggle: (severity) => root.locator(`button[data-severity="${severity}"]`).click(),
    collapseButton: root.getByRole('heading', { name: t('problems.title') }).getByRole('button'),
    empty: root.getByTestId('problems-empty'),
    text: t,
  }
}
