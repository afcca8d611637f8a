import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { en } from '../../src/i18n/en.ts'
import { ja } from '../../src/i18n/ja.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { startServer, type RunningServer } from '../helpers/server.ts'
import { openStartPage, type StartPage, type Visitor } from './pages/start-page.ts'

// The page background of each scheme: --grey-25 and --grey-950 in src/app/theme/tokens.css.
const LIGHT_BACKGROUND = 'rgb(250, 251, 252)'
const DARK_BACKGROUND = 'rgb(14, 15, 19)'

describe('the start page', () => {
  let server: RunningServer
  let browser: Browser
  const opened: StartPage[] = []

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((page) => page.close()))
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  async function open(visitor?: Visitor): Promise<StartPage> {
    const page = await openStartPage(browser, `${server.origin}/`, visitor)
    opened.push(page)
    return page
  }

  test('shows the product name, tagline and command line in English', async () => {
    const start = await open({ locale: 'en-US' })
    expect(await start.heading()).toBe('IVR Designer')
    expect(await start.page.title()).toBe('IVR Designer')
    expect(await start.shows(en['app.tagline'])).toBe(true)
    expect(await start.shows(en['app.coming'])).toBe(true)
    expect(await start.page.getByRole('group', { name: 'Terminal' }).textContent()).toContain(
      'npx ivr-designer validate my-ivr.yaml',
    )
    expect(await start.htmlLang()).toBe('en')
  })

  test('loads without console errors or blocked requests', async () => {
    const start = await open()
    await start.chooseTheme(en['app.theme.dark'])
    await start.chooseLanguage('日本語')
    expect(start.problems).toEqual([])
  })

  test('has a banner, main content, a footer and a skip link as the first stop', async () => {
    const start = await open()
    expect(await start.page.getByRole('banner').count()).toBe(1)
    expect(await start.page.getByRole('main').count()).toBe(1)
    expect(await start.page.getByRole('contentinfo').count()).toBe(1)
    await start.page.keyboard.press('Tab')
    const focused = start.page.locator(':focus')
    expect(await focused.textContent()).toBe(en['app.skip-to-content'])
    // Hidden above the top edge until focused, then slides into view.
    await expect.poll(async () => (await focused.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0)
  })

  test('switches to Japanese from the language switch and sets <html lang="ja">', async () => {
    const start = await open({ locale: 'en-US' })
    await start.chooseLanguage('日本語')
    expect(await start.shows(ja['app.tagline'])).toBe(true)
    expect(await start.shows(ja['app.coming'])).toBe(true)
    expect(await start.shows(ja['app.feature.simulate.title'])).toBe(true)
    expect(await start.shows(en['app.tagline'])).toBe(false)
    expect(await start.htmlLang()).toBe('ja')
    expect(await start.page.getByRole('radio', { name: '日本語' }).isChecked()).toBe(true)
  })

  test('keeps the chosen language after a reload and back to English', async () => {
    const start = await open({ locale: 'en-US' })
    await start.chooseLanguage('日本語')
    await start.reload()
    expect(await start.shows(ja['app.tagline'])).toBe(true)
    expect(await start.htmlLang()).toBe('ja')

    await start.chooseLanguage('English')
    await start.reload()
    expect(await start.shows(en['app.tagline'])).toBe(true)
    expect(await start.htmlLang()).toBe('en')
  })

  test('speaks Japanese to a browser that prefers it', async () => {
    const start = await open({ locale: 'ja-JP' })
    expect(await start.shows(ja['app.tagline'])).toBe(true)
    expect(await start.htmlLang()).toBe('ja')
  })

  test('is dark when the system prefers dark and light when it prefers light', async () => {
    const dark = await open({ colorScheme: 'dark' })
    expect(await dark.background()).toBe(DARK_BACKGROUND)
    expect(await dark.htmlTheme()).toBeNull()
    const light = await open({ colorScheme: 'light' })
    expect(await light.background()).toBe(LIGHT_BACKGROUND)
  })

  test('the theme switch overrides the system, is kept after a reload, and can follow it again', async () => {
    const start = await open({ colorScheme: 'light' })
    await start.chooseTheme(en['app.theme.dark'])
    expect(await start.htmlTheme()).toBe('dark')
    expect(await start.background()).toBe(DARK_BACKGROUND)

    await start.reload()
    expect(await start.htmlTheme()).toBe('dark')
    expect(await start.background()).toBe(DARK_BACKGROUND)

    await start.chooseTheme(en['app.theme.system'])
    expect(await start.htmlTheme()).toBeNull()
    expect(await start.background()).toBe(LIGHT_BACKGROUND)
  })

  test('copies the command to the clipboard and says so', async () => {
    const start = await open()
    await start.context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await start.page.getByRole('button', { name: en['app.copy-command'] }).click()
    expect(await start.page.getByRole('status').textContent()).toBe(en['app.copied'])
    expect(await start.page.evaluate(() => navigator.clipboard.readText())).toBe(
      'npx ivr-designer validate my-ivr.yaml',
    )
  })
})
