import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { en } from '../../src/i18n/en.ts'
import { ja } from '../../src/i18n/ja.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { MINIMAL_IVR } from '../helpers/ivr.ts'
import { startServer, type RunningServer } from '../helpers/server.ts'
import { openEditorApp, type EditorApp, type EditorVisitor } from './pages/editor.ts'
import { reloadQuietly, storedDocument, toolbar, watchRequests } from './pages/toolbar.ts'

// The page background of each scheme: --grey-25 and --grey-950 in src/app/theme/tokens.css.
const LIGHT_BACKGROUND = 'rgb(250, 251, 252)'
const DARK_BACKGROUND = 'rgb(14, 15, 19)'

const IVR = MINIMAL_IVR

// Each test loads the whole app, Monaco included, which takes a while on a busy machine.
describe('the editor shell', { timeout: 60_000 }, () => {
  let server: RunningServer
  let browser: Browser
  let app: EditorApp | null = null

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterEach(async () => {
    const problems = app?.problems ?? []
    await app?.close()
    app = null
    // Every test also checks that the page logged no errors and no request failed.
    expect(problems).toEqual([])
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  const requests = new WeakMap<Page, ReturnType<typeof watchRequests>>()

  async function open(visitor?: EditorVisitor): Promise<EditorApp> {
    app = await openEditorApp(browser, `${server.origin}/`, visitor)
    requests.set(app.page, watchRequests(app.page))
    return app
  }

  const htmlLang = (a: EditorApp) => a.page.evaluate(() => document.documentElement.lang)
  const htmlTheme = (a: EditorApp) =>
    a.page.evaluate(() => document.documentElement.getAttribute('data-theme'))
  const background = (a: EditorApp) =>
    a.page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  const reload = async (a: EditorApp) => {
    await reloadQuietly(a.page, requests.get(a.page)!)
    await a.yaml.waitReady()
  }

  test('is an app bar over the canvas, the YAML and the problems, in English', async () => {
    const a = await open({ locale: 'en-US' })
    const bar = toolbar(a.page)
    expect(await a.page.title()).toBe('IVR Designer')
    expect(await htmlLang(a)).toBe('en')
    expect(await bar.root.getByText(en['app.title']).isVisible()).toBe(true)
    for (const label of [
      'toolbar.open',
      'toolbar.new',
      'toolbar.export',
      'toolbar.help',
    ] as const) {
      expect(await bar.button(label).isVisible()).toBe(true)
    }
    for (const region of [
      'editor.region.canvas',
      'editor.region.yaml',
      'editor.region.problems',
    ] as const) {
      expect(await a.page.getByRole('region', { name: en[region] }).isVisible()).toBe(true)
    }
    expect(await bar.documentName()).toBe((await storedDocument(a.page)).name)
    // The app fills the window and never scrolls as a whole.
    const overflow = await a.page.evaluate(() => ({
      x: document.documentElement.scrollWidth - window.innerWidth,
      y: document.documentElement.scrollHeight - window.innerHeight,
    }))
    expect(overflow).toEqual({ x: 0, y: 0 })
  })

  test('speaks Japanese after choosing 日本語, sets <html lang="ja"> and keeps the choice', async () => {
    const a = await open({ locale: 'en-US' })
    const bar = toolbar(a.page)
    await bar.chooseLanguage('日本語')
    const barJa = toolbar(a.page, 'ja')
    for (const label of [
      'toolbar.open',
      'toolbar.new',
      'toolbar.export',
      'toolbar.help',
    ] as const) {
      expect(await barJa.button(label).isVisible()).toBe(true)
    }
    expect(await barJa.button('toolbar.open').textContent()).toBe('開く')
    expect(await htmlLang(a)).toBe('ja')
    expect(await a.page.getByRole('region', { name: ja['editor.region.problems'] }).count()).toBe(1)

    await reload(a)
    expect(await htmlLang(a)).toBe('ja')
    expect(await barJa.button('toolbar.export').isVisible()).toBe(true)
    expect(await a.page.getByRole('radio', { name: '日本語' }).isChecked()).toBe(true)

    await barJa.chooseLanguage('English')
    await reload(a)
    expect(await htmlLang(a)).toBe('en')
    expect(await bar.button('toolbar.export').isVisible()).toBe(true)
  })

  test('speaks Japanese to a browser that prefers it', async () => {
    const a = await open({ locale: 'ja-JP' })
    expect(await htmlLang(a)).toBe('ja')
    expect(await toolbar(a.page, 'ja').button('toolbar.new').isVisible()).toBe(true)
  })

  test('is dark when the system prefers dark', async () => {
    const a = await open({ colorScheme: 'dark' })
    expect(await background(a)).toBe(DARK_BACKGROUND)
    expect(await htmlTheme(a)).toBeNull()
  })

  test('the theme switch overrides the system, is kept, and can follow the system again', async () => {
    const a = await open({ colorScheme: 'light' })
    const bar = toolbar(a.page)
    expect(await background(a)).toBe(LIGHT_BACKGROUND)
    await bar.chooseTheme('app.theme.dark')
    expect(await htmlTheme(a)).toBe('dark')
    expect(await background(a)).toBe(DARK_BACKGROUND)
    await reload(a)
    expect(await htmlTheme(a)).toBe('dark')
    expect(await background(a)).toBe(DARK_BACKGROUND)
    await bar.chooseTheme('app.theme.system')
    expect(await htmlTheme(a)).toBeNull()
    expect(await background(a)).toBe(LIGHT_BACKGROUND)
  })

  test('help lists every keyboard shortcut; ? opens it, Escape closes it and focus returns', async () => {
    const a = await open()
    const bar = toolbar(a.page)
    const help = await bar.openHelp()
    const shortcuts = await help.getByTestId('shortcuts').innerText()
    for (const [key, label] of [
      ['Ctrl+O', 'help.shortcut.open'],
      ['Ctrl+Shift+S', 'help.shortcut.export'],
      ['Ctrl+F', 'help.shortcut.search'],
      ['Ctrl+.', 'help.shortcut.quick-fix'],
      ['F8', 'help.shortcut.problems'],
      ['Shift+F8', 'help.shortcut.problems'],
      ['?', 'help.shortcut.help'],
    ] as const) {
      expect(shortcuts).toContain(key)
      expect(shortcuts).toContain(en[label])
    }
    expect(await help.innerText()).toContain(en['help.howto.1'])
    await a.page.keyboard.press('Escape')
    await help.waitFor({ state: 'detached' })
    expect(await a.page.evaluate(() => document.activeElement?.textContent)).toBe(
      en['toolbar.help'],
    )

    await a.page.locator('body').click({ position: { x: 5, y: 200 } })
    await a.page.keyboard.press('?')
    await help.waitFor()
    await a.page.keyboard.press('?')
    await help.waitFor({ state: 'detached' })
  })

  test('menus open with the arrow keys, move with them and close with Escape', async () => {
    const a = await open()
    const bar = toolbar(a.page)
    await bar.button('toolbar.new').focus()
    await a.page.keyboard.press('ArrowDown')
    const menu = a.page.getByRole('menu')
    await menu.waitFor()
    const focused = () => a.page.evaluate(() => document.activeElement?.getAttribute('data-item'))
    expect(await focused()).toBe('empty')
    await a.page.keyboard.press('ArrowUp')
    expect(await focused()).toBe('fetch-reply')
    await a.page.keyboard.press('Home')
    await a.page.keyboard.press('ArrowDown')
    expect(await focused()).toBe('basic')
    expect(await bar.button('toolbar.new').getAttribute('aria-expanded')).toBe('true')
    await a.page.keyboard.press('Escape')
    await menu.waitFor({ state: 'detached' })
    expect(await a.page.evaluate(() => document.activeElement?.getAttribute('aria-haspopup'))).toBe(
      'menu',
    )
    expect(await bar.button('toolbar.new').getAttribute('aria-expanded')).toBe('false')

    // A click outside closes a menu, too.
    await bar.button('toolbar.export').click()
    await menu.waitFor()
    expect(await menu.getByRole('menuitem').count()).toBe(4)
    await a.page.mouse.click(300, 400)
    await menu.waitFor({ state: 'detached' })
  })

  test('shows a dot while the IVR has changes not exported, and drops it after export', async () => {
    const a = await open()
    const bar = toolbar(a.page)
    await a.dispatch({ type: 'document.open', name: 'support.yaml', text: IVR })
    expect(await bar.isModified()).toBe(false)
    await a.dispatch({ type: 'document.text', text: IVR + '# changed\n' })
    expect(await bar.isModified()).toBe(true)
    expect(
      await bar.root.locator('[title]').filter({ hasText: 'support.yaml' }).getAttribute('title'),
    ).toBe(en['toolbar.modified'])
    await bar.download(() => bar.exportItem('toolbar.export.yaml'))
    expect(await bar.isModified()).toBe(false)
  })

  test('the split between the canvas and the side moves by keyboard and mouse and is kept', async () => {
    const a = await open({ viewport: { width: 1280, height: 800 } })
    const separator = a.page.getByRole('separator', { name: en['shell.resize.side'] })
    const sideWidth = () =>
      a.page
        .getByRole('region', { name: en['editor.region.yaml'] })
        .evaluate((e) => e.getBoundingClientRect().width)
    const before = await sideWidth()
    await separator.focus()
    await a.page.keyboard.press('Shift+ArrowLeft')
    const wider = await sideWidth()
    expect(wider).toBeGreaterThan(before + 100)

    const box = (await separator.boundingBox())!
    await a.page.mouse.move(box.x + box.width / 2, box.y + 300)
    await a.page.mouse.down()
    await a.page.mouse.move(700, box.y + 300, { steps: 5 })
    await a.page.mouse.up()
    const dragged = await sideWidth()
    expect(Math.abs(dragged - (1280 - 700))).toBeLessThan(4)

    await reload(a)
    expect(Math.abs((await sideWidth()) - dragged)).toBeLessThan(2)
    // Never narrower than the side's minimum.
    await separator.focus()
    await a.page.keyboard.press('End')
    expect(await sideWidth()).toBeGreaterThanOrEqual(339)
  })

  test('toasts show at the bottom centre, as alerts when something failed, and go away', async () => {
    const a = await open()
    const bar = toolbar(a.page)
    await a.dispatch({ type: 'toast.show', tone: 'success', messageId: 'export.copied' })
    await a.dispatch({
      type: 'toast.show',
      tone: 'error',
      messageId: 'open.read-failed',
      args: { name: 'x.yaml' },
    })
    const success = await bar.waitForToast('export.copied')
    expect(await success.getAttribute('role')).toBe('status')
    const failure = await bar.waitForToast('open.read-failed', { name: 'x.yaml' })
    expect(await failure.getAttribute('role')).toBe('alert')
    const box = (await failure.boundingBox())!
    expect(Math.abs(box.x + box.width / 2 - 720)).toBeLessThan(2)
    expect(box.y + box.height).toBeGreaterThan(800)

    await failure.getByRole('button', { name: en['toast.dismiss'] }).click()
    await failure.waitFor({ state: 'detached' })
    // The other one goes by itself after five seconds, once the pointer no longer rests on it.
    await a.page.mouse.move(10, 300)
    await success.waitFor({ state: 'detached', timeout: 7000 })
  })

  test('stays usable 900 pixels wide: every command reachable, nothing scrolls sideways', async () => {
    const a = await open({ viewport: { width: 900, height: 700 } })
    const bar = toolbar(a.page)
    for (const label of [
      'toolbar.open',
      'toolbar.new',
      'toolbar.export',
      'toolbar.help',
    ] as const) {
      expect(await bar.button(label).isVisible()).toBe(true)
    }
    expect(await a.page.getByRole('radio', { name: '日本語' }).isVisible()).toBe(true)
    expect(await a.page.evaluate(() => document.documentElement.scrollWidth)).toBe(900)
    const right = await bar.root.evaluate((root) =>
      Math.max(
        ...[...root.querySelectorAll('button, fieldset')].map(
          (e) => e.getBoundingClientRect().right,
        ),
      ),
    )
    expect(right).toBeLessThanOrEqual(900)
  })
})
