import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ja } from '../../src/i18n/ja.ts'
import { translate } from '../../src/i18n/translate.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { dedent } from '../helpers/dedent.ts'
import { startServer, type RunningServer } from '../helpers/server.ts'
import { canvasPane, type CanvasPane } from './pages/canvas.ts'
import { openEditorApp, type EditorApp } from './pages/editor.ts'
import { problemsPanel } from './pages/problems.ts'
import { storedDocument, toolbar } from './pages/toolbar.ts'

/*
 * The editor end to end, the way an admin uses it: typing in the YAML, reading the canvas and the
 * problems list, fixing, importing and exporting, in English and Japanese. One browser page
 * serves every test; each test opens its own IVR first.
 */

const BASE = dedent`
  online:
    - play: https://example.com/welcome.mp3
    - ring
  offline:
    - voicemail
  queue:
    - play: https://example.com/hold.mp3
`

const DANGLING = dedent`
  online:
    - play: https://example.com/welcome.mp3
    - choice:
        1:
          name: Sales
          play: https://example.com/press-1.mp3
          goto: sales
        2:
          name: Support
          play: https://example.com/press-2.mp3
          goto: suport
  offline:
    - voicemail
  queue:
    - ring
  sales:
    - ring
`

/** Where the value of `goto: suport` is in DANGLING: 1-based, end exclusive, like Monaco. */
const GOTO_LINE = DANGLING.split('\n').findIndex((l) => l.endsWith('goto: suport')) + 1
const GOTO_VALUE = {
  column: DANGLING.split('\n')[GOTO_LINE - 1]!.indexOf('suport') + 1,
  endColumn: DANGLING.split('\n')[GOTO_LINE - 1]!.indexOf('suport') + 1 + 'suport'.length,
}
/** The option whose goto dangles, and its row on the canvas. */
const SUPPORT_OPTION = ['online', 1, 'choice', '2'] as const

/** How long to wait for the views to catch up: a loaded machine can take seconds. */
const SETTLE = { timeout: 10_000 }

const ADD_SECTION = translate('en', 'fix.add-section', { name: 'suport' })
const DANGLING_MESSAGE = translate('en', 'diag.dangling-goto', { target: 'suport' })

describe('the editor, end to end', { timeout: 60_000 }, () => {
  let server: RunningServer
  let browser: Browser
  let app: EditorApp
  let canvas: CanvasPane

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
    app = await openEditorApp(browser, `${server.origin}/`)
    canvas = canvasPane(app.page)
    await canvas.waitReady()
  })

  afterAll(async () => {
    // Whatever the tests did, the page logged no errors: no blocked style, worker or request.
    const problems = app?.problems ?? []
    await app?.close()
    await browser?.close()
    await server?.close()
    expect(problems).toEqual([])
  })

  /** Opens `text` as a new IVR and waits until Monaco shows it and the canvas has laid it out. */
  async function load(text: string, name = 'support-line.yaml'): Promise<void> {
    await app.dispatch({ type: 'document.open', name, text })
    await app.yaml.waitForText((t) => t === text)
    await app.page.waitForFunction(
      () => window.__ivrDesigner!.getState!().canvas.layoutKey !== null,
    )
    await canvas.waitReady()
  }

  const selectedRows = () =>
    canvas.root
      .locator('button[data-row][aria-current="true"]')
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.row))

  test('typing a new section at the end of the YAML adds its card to the canvas', async () => {
    await load(BASE)
    expect(await canvas.cards()).toEqual(['online', 'offline', 'queue'])
    const lastLine = BASE.split('\n').length
    await app.yaml.typeAt(lastLine, 1, 'help:\n')
    // Monaco keeps the indentation of the line before; the command goes one level deeper.
    const indent = (await app.yaml.cursor()).column === 1 ? '  ' : ''
    await app.page.keyboard.type(`${indent}- play: https://example.com/help.mp3`)
    await app.page.keyboard.press('Escape')
    const typed = `${BASE}help:\n  - play: https://example.com/help.mp3`
    await app.yaml.waitForText((t) => t === typed)
    await expect.poll(() => canvas.cards(), SETTLE).toEqual(['online', 'offline', 'queue', 'help'])
    await expect.poll(() => canvas.row(['help', 0]).textContent(), SETTLE).toContain('help.mp3')
    expect(await app.storeText()).toBe(typed)
  })

  test('a dangling goto is marked in Monaco, on the canvas and in the problems list; clicking the problem reveals it everywhere', async () => {
    await load(DANGLING)
    const markers = await app.yaml.waitForMarkers((m) => m.some((x) => x.code === 'dangling-goto'))
    expect(markers.find((m) => m.code === 'dangling-goto')).toMatchObject({
      message: DANGLING_MESSAGE,
      severity: 8,
      line: GOTO_LINE,
      column: GOTO_VALUE.column,
      endLine: GOTO_LINE,
      endColumn: GOTO_VALUE.endColumn,
    })

    expect(await canvas.badge('online')).toEqual({ severity: 'error', count: 1 })
    const stub = canvas.stub('suport')
    await stub.waitFor()
    expect(await stub.innerText()).toContain(
      translate('en', 'canvas.stub.title', { name: 'suport' }),
    )
    expect((await canvas.edges()).filter((e) => e.kind === 'dangling')).toHaveLength(1)

    const panel = problemsPanel(app.page)
    const listed = await panel.waitForList((l) => l.some((p) => p.code === 'dangling-goto'))
    expect(listed.find((p) => p.code === 'dangling-goto')).toMatchObject({
      severity: 'error',
      message: DANGLING_MESSAGE,
      location: `Ln ${GOTO_LINE}, Col ${GOTO_VALUE.column}`,
      fixes: [ADD_SECTION],
    })

    await panel.click(DANGLING_MESSAGE)
    // Monaco: the goto's value highlighted for a moment, and the cursor on it.
    await expect.poll(() => app.yaml.root.locator('.ivr-reveal').count(), SETTLE).toBeGreaterThan(0)
    expect(await app.yaml.cursor()).toEqual({ line: GOTO_LINE, column: GOTO_VALUE.column })
    // The canvas: the option's row is the selected one.
    await expect.poll(selectedRows, SETTLE).toEqual([JSON.stringify(SUPPORT_OPTION)])
    expect(await app.selection()).toMatchObject({
      path: [...SUPPORT_OPTION, 'goto'],
      origin: 'problems',
    })
  })

  test('"Create section" from the problems list adds the section and the problem goes', async () => {
    await load(DANGLING)
    const panel = problemsPanel(app.page)
    await panel.waitForList((l) => l.some((p) => p.code === 'dangling-goto'))
    await panel.fix(DANGLING_MESSAGE, ADD_SECTION)
    const fixed = await app.yaml.waitForText((t) => /^suport:/m.test(t))
    expect(fixed.startsWith(DANGLING)).toBe(true)
    await panel.waitForList((l) => !l.some((p) => p.code === 'dangling-goto'))
    await app.yaml.waitForMarkers((m) => !m.some((x) => x.code === 'dangling-goto'))
    await expect.poll(() => canvas.cards(), SETTLE).toContain('suport')
    expect(await canvas.stub('suport').count()).toBe(0)
    expect(await canvas.badge('online')).toBeNull()
  })

  test('"Create section" from Monaco (Ctrl+.) adds the section and the problem goes', async () => {
    await load(DANGLING)
    await app.yaml.waitForMarkers((m) => m.some((x) => x.code === 'dangling-goto'))
    await app.yaml.clickAt(GOTO_LINE, GOTO_VALUE.column + 2)
    await app.yaml.quickFix(ADD_SECTION)
    const fixed = await app.yaml.waitForText((t) => /^suport:/m.test(t))
    expect(fixed.startsWith(DANGLING)).toBe(true)
    await app.yaml.waitForMarkers((m) => !m.some((x) => x.code === 'dangling-goto'))
    await problemsPanel(app.page).waitForList((l) => !l.some((p) => p.code === 'dangling-goto'))
    await expect.poll(() => canvas.cards(), SETTLE).toContain('suport')
    expect(await canvas.stub('suport').count()).toBe(0)
  })

  test('a syntax error keeps the last good canvas, greyed, with a banner naming its line; fixing it brings the canvas back', async () => {
    await load(BASE)
    const cards = await canvas.cards()
    const viewport = canvas.root.locator('.react-flow__viewport')
    const look = () =>
      viewport.evaluate((element) => {
        const style = getComputedStyle(element)
        return { filter: style.filter, opacity: style.opacity }
      })
    const clear = await look()

    // Line 3, "  - ring", becomes "  - ring x: y: z": a mapping nested in a compact one.
    await app.yaml.typeAt(3, 9, ' x: y: z')
    await app.yaml.waitForText((t) => t.includes('  - ring x: y: z\n'))
    await expect.poll(() => canvas.isStale(), SETTLE).toBe(true)
    const banner = await canvas.staleText()
    // The parser's own words, once: not "…on line 3: The YAML is not valid here: …".
    expect(banner).toMatch(/^The YAML has an error on line 3: Nested mappings are not allowed/)
    expect(banner).toContain('The canvas shows the last version that worked.')
    expect(await canvas.cards()).toEqual(cards)
    const greyed = await look()
    expect(greyed.filter).toContain('grayscale')
    expect(Number(greyed.opacity)).toBeLessThan(1)

    for (let i = 0; i < ' x: y: z'.length; i++) await app.page.keyboard.press('Backspace')
    await app.yaml.waitForText((t) => t === BASE)
    await expect.poll(() => canvas.isStale(), SETTLE).toBe(false)
    expect(await canvas.staleText()).toBeNull()
    expect(await canvas.cards()).toEqual(cards)
    expect(await look()).toEqual(clear)
  })

  test('importing a file and exporting it gives back the same bytes', async () => {
    await load(BASE)
    const bar = toolbar(app.page)
    // Comments, Japanese text, CRLF line breaks, trailing spaces and no final line break.
    const file = {
      name: 'after-hours.yaml',
      buffer: Buffer.from(
        '# 営業時間外のご案内\r\nonline:   \r\n  - play: https://example.com/ようこそ.mp3  # greeting\r\n' +
          '  - ring\r\noffline:\r\n  - voicemail\r\nqueue:\r\n  - play: https://example.com/hold.mp3',
        'utf8',
      ),
    }
    await bar.openFile(file)
    await expect.poll(() => bar.documentName(), SETTLE).toBe(file.name)
    await app.yaml.waitForText((t) => t.includes('ようこそ'))
    expect((await storedDocument(app.page)).text).toBe(file.buffer.toString('utf8'))
    await canvas.waitReady()
    expect(await canvas.cards()).toEqual(['online', 'offline', 'queue'])

    const exported = await bar.download(() => bar.exportItem('toolbar.export.yaml'))
    expect(exported.fileName).toBe(file.name)
    expect(exported.bytes.equals(file.buffer)).toBe(true)
  })

  test('in Japanese, the toolbar, the canvas and the problems list speak Japanese', async () => {
    await load(DANGLING)
    const bar = toolbar(app.page, 'ja')
    await toolbar(app.page).chooseLanguage('日本語')
    try {
      for (const id of ['toolbar.open', 'toolbar.export', 'toolbar.new'] as const) {
        await bar.button(id).waitFor()
      }
      expect(await bar.button('toolbar.open').innerText()).toBe(ja['toolbar.open'])

      await expect
        .poll(() => canvas.card('online').innerText(), SETTLE)
        .toContain(ja['canvas.card.entry'])
      expect(await canvas.stub('suport').innerText()).toContain(
        translate('ja', 'canvas.stub.title', { name: 'suport' }),
      )
      expect(
        await canvas.root.getByRole('button', { name: ja['canvas.tidy'], exact: true }).count(),
      ).toBe(1)

      const panel = problemsPanel(app.page, 'ja')
      await panel.root.getByRole('heading', { name: ja['problems.title'] }).waitFor()
      const message = translate('ja', 'diag.dangling-goto', { target: 'suport' })
      const listed = await panel.waitForList((l) => l.some((p) => p.message === message))
      expect(listed.find((p) => p.code === 'dangling-goto')).toMatchObject({
        message,
        fixes: [translate('ja', 'fix.add-section', { name: 'suport' })],
      })
      const markers = await app.yaml.waitForMarkers((m) => m.some((x) => x.message === message))
      expect(markers.some((m) => m.code === 'dangling-goto')).toBe(true)
    } finally {
      await bar.chooseLanguage('English')
    }
    await toolbar(app.page).button('toolbar.open').waitFor()
  })

  test('selecting a card on the canvas moves the Monaco cursor to its section', async () => {
    await load(DANGLING)
    const line = DANGLING.split('\n').indexOf('queue:') + 1
    await canvas.clickCard('queue')
    await expect.poll(() => app.yaml.cursor(), SETTLE).toEqual({ line, column: 1 })
    expect(await app.selection()).toMatchObject({ path: ['queue'], origin: 'canvas' })

    await canvas.clickCard('sales')
    await expect
      .poll(() => app.yaml.cursor(), SETTLE)
      .toEqual({ line: DANGLING.split('\n').indexOf('sales:') + 1, column: 1 })
  })
})
