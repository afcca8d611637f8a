import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core'
import type { MessageId } from '../../../src/i18n/en.ts'
import { translate, type Locale } from '../../../src/i18n/translate.ts'

/** How the browser presents itself: its languages and the colour scheme of its system. */
export interface Visitor {
  locale?: string
  colorScheme?: 'light' | 'dark'
}

/** The start page in a fresh browser context, driven the way a person would. */
export interface StartPage {
  page: Page
  context: BrowserContext
  /** Console errors and failed requests seen so far, such as scripts the CSP blocked. */
  problems: string[]
  text(id: MessageId, locale: Locale): string
  heading(): Promise<string>
  /** Whether the page shows `text` somewhere visible. */
  shows(text: string): Promise<boolean>
  chooseLanguage(name: 'English' | '日本語'): Promise<void>
  chooseTheme(label: string): Promise<void>
  htmlLang(): Promise<string>
  htmlTheme(): Promise<string | null>
  /** The computed background colour of the page body, as `rgb(r, g, b)`. */
  background(): Promise<string>
  reload(): Promise<void>
  close(): Promise<void>
}

/** Opens `url` in a new context of `browser` and waits for the app to render. */
export async function openStartPage(
  browser: Browser,
  url: string,
  visitor: Visitor = {},
): Promise<StartPage> {
  const context = await browser.newContext({
    locale: visitor.locale ?? 'en-US',
    colorScheme: visitor.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 },
  })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  page.on('requestfailed', (request) => problems.push(`${request.url()} failed`))

  const ready = () => page.getByRole('heading', { level: 1 }).waitFor()
  await page.goto(url)
  await ready()

  return {
    page,
    context,
    problems,
    text: (id, locale) => translate(locale, id),
    heading: async () => (await page.getByRole('heading', { level: 1 }).textContent()) ?? '',
    shows: (text) => page.getByText(text, { exact: true }).first().isVisible(),
    chooseLanguage: (name) => page.getByRole('radio', { name, exact: true }).check(),
    chooseTheme: (label) => page.getByRole('radio', { name: label, exact: true }).check(),
    htmlLang: () => page.evaluate(() => document.documentElement.lang),
    htmlTheme: () => page.evaluate(() => document.documentElement.getAttribute('data-theme')),
    background: () => page.evaluate(() => getComputedStyle(document.body).backgroundColor),
    reload: async () => {
      await page.reload()
      await ready()
    },
    close: () => context.close(),
  }
}
