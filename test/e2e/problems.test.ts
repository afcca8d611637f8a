import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { en } from '../../src/i18n/en.ts'
import { translate } from '../../src/i18n/translate.ts'
import { compareDiagnostics } from '../../src/validate/diagnostic.ts'
import { checkIvr } from '../../src/validate/validate-ivr.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { dedent } from '../helpers/dedent.ts'
import { startServer, type RunningServer } from '../helpers/server.ts'
import { openEditorApp, type EditorApp, type EditorVisitor } from './pages/editor.ts'
import { problemsPanel } from './pages/problems.ts'
import { reloadQuietly, storedDocument, toolbar, watchRequests } from './pages/toolbar.ts'

const CLEAN = dedent`
  online:
    - ring
  offline:
    - voicemail
  queue:
    - play: https://example.com/hold.mp3
`

const BROKEN = dedent`
  online:
    - play: https://example.com/welcome.mp3
    - choice:
        1:
          play: https://example.com/sales.mp3
          goto: slaes
    - rign
  offline:
    - voicemail
  queue:
    - play: not-a-link
  sales:
    - ring
`

/** The diagnostics of `text` in the order the panel lists them. */
const sorted = (text: string) => [...checkIvr(text).diagnostics].sort(compareDiagnostics)

// Each test loads the whole app, Monaco included, which takes a while on a busy machine.
describe('the problems panel', { timeout: 60_000 }, () => {
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
    expect(problems).toEqual([])
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  async function open(text: string | null = BROKEN, visitor?: EditorVisitor): Promise<EditorApp> {
    app = await openEditorApp(browser, `${server.origin}/`, visitor)
    if (text !== null) {
      await app.dispatch({ type: 'document.open', name: 'support-line.yaml', text })
      await app.yaml.waitForText((t) => t === text)
      // The panel shows a change right after the frame that shows it in the YAML.
      const codes = sorted(text).map((d) => d.code)
      await problemsPanel(app.page).waitForList(
        (list) => JSON.stringify(list.map((p) => p.code)) === JSON.stringify(codes),
      )
    }
    return app
  }

  const selection = (a: EditorApp) =>
    a.page.evaluate(() => {
      const s = window.__ivrDesigner!.getState!().selection
      return s && { path: s.path, span: s.span, origin: s.origin }
    })

  test('lists the warnings of a template with counts by severity, in the order of the YAML', async () => {
    const a = await open(null)
    await toolbar(a.page).newFromTemplate(en['template.dynamic-fetch.title'])
    const panel = problemsPanel(a.page)
    const { text } = await storedDocument(a.page)
    const expected = sorted(text)
    const listed = await panel.waitForList((list) => list.length === expected.length)
    expect(await panel.counts()).toEqual({ error: 0, warning: 1, info: 3 })
    expect(listed.map((p) => p.severity)).toEqual(expected.map((d) => d.severity))
    expect(listed.map((p) => p.message)).toEqual(
      expected.map((d) => translate('en', d.messageId, d.args)),
    )
    expect(listed.map((p) => p.location)).toEqual(
      expected.map((d) => `Ln ${d.line}, Col ${d.column}`),
    )
    expect(listed.map((p) => p.code)).toEqual([
      'missing-section',
      ...Array(3).fill('unquoted-placeholder'),
    ])
    expect(await toolbar(a.page).problemSummary.innerText()).toMatch(/0\s+1\s+3/)
  })

  test('selects a clicked problem in every view, with its exact range', async () => {
    const a = await open()
    const panel = problemsPanel(a.page)
    const target = sorted(BROKEN).find((d) => d.code === 'unknown-command')!
    await panel.click('"rign" is not a command')
    expect(await selection(a)).toEqual({ path: target.path, span: target.span, origin: 'problems' })
    expect(
      await panel.row('"rign" is not a command').locator('[aria-current="true"]').count(),
    ).toBe(1)
  })

  test('moves between problems with the arrow keys and selects with Enter', async () => {
    const a = await open()
    const panel = problemsPanel(a.page)
    const ordered = sorted(BROKEN)
    await panel.rows.first().locator('button[data-problem]').focus()
    await a.page.keyboard.press('ArrowDown')
    await a.page.keyboard.press('ArrowDown')
    await a.page.keyboard.press('ArrowUp')
    await a.page.keyboard.press('Enter')
    expect((await selection(a))?.span).toEqual(ordered[1]!.span)
    await a.page.keyboard.press('End')
    await a.page.keyboard.press('Enter')
    expect((await selection(a))?.span).toEqual(ordered[ordered.length - 1]!.span)
  })

  test('F8 and Shift+F8 go to the next and previous problem from anywhere', async () => {
    const a = await open()
    const ordered = sorted(BROKEN)
    await a.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await a.page.keyboard.press('F8')
    expect((await selection(a))?.span).toEqual(ordered[0]!.span)
    await a.page.keyboard.press('F8')
    expect((await selection(a))?.span).toEqual(ordered[1]!.span)
    await a.page.keyboard.press('Shift+F8')
    expect((await selection(a))?.span).toEqual(ordered[0]!.span)
    await a.page.keyboard.press('Shift+F8')
    expect((await selection(a))?.span).toEqual(ordered[ordered.length - 1]!.span)
  })

  test('a fix button applies its fix to the YAML', async () => {
    const a = await open()
    const panel = problemsPanel(a.page)
    const message = en['diag.dangling-goto.suggest']
      .replace('{target}', 'slaes')
      .replace('{suggestion}', 'sales')
    const row = await panel.list()
    expect(row.find((p) => p.message === message)?.fixes).toEqual([
      'Change to "sales"',
      'Create section "slaes"',
    ])
    await panel.fix(message, 'Change to "sales"')
    await a.yaml.waitForText((t) => t.includes('goto: sales\n'))
    expect(await a.storeText()).toBe(BROKEN.replace('goto: slaes', 'goto: sales'))
    await panel.waitForList((list) => !list.some((p) => p.code === 'dangling-goto'))
  })

  test('the counts filter the list by severity', async () => {
    const a = await open()
    const panel = problemsPanel(a.page)
    const before = await panel.list()
    expect(before.some((p) => p.severity === 'error')).toBe(true)
    await panel.toggle('error')
    expect(
      await panel.root.locator('button[data-severity="error"]').getAttribute('aria-pressed'),
    ).toBe('false')
    const after = await panel.list()
    expect(after).toEqual(before.filter((p) => p.severity !== 'error'))
    await panel.toggle('error')
    expect(await panel.list()).toEqual(before)
  })

  test('says the IVR is ready to go live when there is nothing to fix', async () => {
    const a = await open(CLEAN)
    const panel = problemsPanel(a.page)
    await panel.empty.waitFor()
    expect(await panel.empty.innerText()).toBe(en['problems.empty'])
    expect(await panel.empty.locator('svg').count()).toBe(1)
    expect(await toolbar(a.page).problemSummary.innerText()).toBe(en['toolbar.problems.none'])
  })

  test('puts a syntax error first and marks it while the YAML cannot be read', async () => {
    const a = await open()
    const broken = BROKEN.replace('sales:\n', 'sales: [\n')
    await a.dispatch({ type: 'document.text', text: broken })
    const panel = problemsPanel(a.page)
    const list = await panel.waitForList((l) => l[0]?.code === 'yaml-syntax')
    expect(list[0]?.syntax).toBe(true)
    expect(await panel.rows.first().innerText()).toContain(en['problems.syntax.note'])
    const marked = list.filter((p) => p.syntax)
    expect(marked.every((p) => p.code === 'yaml-syntax')).toBe(true)
    expect(list.slice(0, marked.length)).toEqual(marked)
  })

  test('shows messages in Japanese when the app speaks Japanese', async () => {
    const a = await open(BROKEN, { locale: 'ja-JP' })
    const panel = problemsPanel(a.page, 'ja')
    const expected = sorted(BROKEN)
    const listed = await panel.list()
    expect(listed.map((p) => p.message)).toEqual(
      expected.map((d) => translate('ja', d.messageId, d.args)),
    )
    expect(listed[0]?.location).toBe(`${expected[0]!.line} 行、${expected[0]!.column} 列`)
    expect(listed[0]?.fixes[0]).toBe('「sales」に変更')
  })

  test('collapses and stays collapsed; the toolbar counts open it and move focus into it', async () => {
    const a = await open()
    const requests = watchRequests(a.page)
    const panel = problemsPanel(a.page)
    await panel.collapseButton.click()
    expect(await panel.collapseButton.getAttribute('aria-expanded')).toBe('false')
    expect(await panel.rows.count()).toBe(0)
    await reloadQuietly(a.page, requests)
    await a.yaml.waitReady()
    expect(await panel.collapseButton.getAttribute('aria-expanded')).toBe('false')
    await a.dispatch({ type: 'document.open', name: 'support-line.yaml', text: BROKEN })

    await toolbar(a.page).problemSummary.click()
    await panel.rows.first().waitFor()
    expect(await panel.collapseButton.getAttribute('aria-expanded')).toBe('true')
    await expect
      .poll(() => a.page.evaluate(() => document.activeElement?.hasAttribute('data-problem')))
      .toBe(true)
  })
})
