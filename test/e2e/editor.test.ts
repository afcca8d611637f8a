import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { en } from '../../src/i18n/en.ts'
import { translate } from '../../src/i18n/translate.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { dedent } from '../helpers/dedent.ts'
import { startServer, WEB_ROOT, type RunningServer } from '../helpers/server.ts'
import { openEditorApp, type EditorApp, type EditorVisitor } from './pages/editor.ts'

const IVR = dedent`
  online:
    - play: https://example.com/welcome.mp3
    - ring
  offline:
    - play: https://example.com/closed.mp3
    - voicemail
  queue:
    - play: https://example.com/hold.mp3
`

const DANGLING = IVR.replace('  - ring\n', '  - ring\n  - goto: nowhere\n')

describe('the YAML editor', () => {
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
    // Every test also checks that the page logged no errors (a blocked style or worker, say).
    expect(problems).toEqual([])
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  async function open(text = IVR, visitor?: EditorVisitor): Promise<EditorApp> {
    app = await openEditorApp(browser, `${server.origin}/`, visitor)
    await app.dispatch({ type: 'document.open', name: 'support-line.yaml', text })
    await app.yaml.waitForText((t) => t === text)
    return app
  }

  test('keeps Monaco out of the first chunk the page loads', () => {
    const html = readFileSync(join(WEB_ROOT, 'index.html'), 'utf8')
    const entry = /<script type="module"[^>]*src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1]
    expect(entry).toBeDefined()
    const main = readFileSync(join(WEB_ROOT, entry!), 'utf8')
    expect(main).not.toContain('MonacoEnvironment')
    expect(main).not.toContain('codeEditorWidget')
    expect(main).toContain('yaml-editor')
  })

  test('loads Monaco and shows the document with the file name', async () => {
    const { yaml, page } = await open()
    expect(await yaml.text()).toBe(IVR)
    await expect.poll(() => yaml.root.innerText()).toContain('support-line.yaml')
    // The model takes the text at once; the view draws it in the next frame.
    await expect.poll(() => page.locator('.view-line').first().innerText()).toBe('online:')
    expect(await yaml.markers(null)).toEqual([])
  })

  test('typing a goto to a missing section marks it with our message and only ours', async () => {
    const { yaml } = await open()
    await yaml.typeAt(3, 9, '\n- goto: nowhere')
    await yaml.waitForText((t) => t === DANGLING)
    const message = translate('en', 'diag.dangling-goto', { target: 'nowhere' })
    const markers = await yaml.waitForMarkers((m) => m.some((x) => x.message === message))
    expect(markers.find((m) => m.code === 'dangling-goto')).toEqual({
      owner: 'ivr-designer',
      severity: 8,
      message,
      code: 'dangling-goto',
      line: 4,
      column: 11,
      endLine: 4,
      endColumn: 18,
    })
    // monaco-yaml's own validation is off: every marker is the app's.
    expect((await yaml.markers(null)).every((m) => m.owner === 'ivr-designer')).toBe(true)
  })

  test('the quick fix creates the section, the marker goes, and Ctrl+Z takes it back', async () => {
    const { yaml, page } = await open(DANGLING)
    await yaml.waitForMarkers((m) => m.some((x) => x.code === 'dangling-goto'))
    await yaml.clickAt(4, 13)
    const title = translate('en', 'fix.add-section', { name: 'nowhere' })
    expect(await yaml.quickFixes()).toContain(title)
    await page.keyboard.press('Escape')

    await yaml.quickFix(title)
    const fixed = await yaml.waitForText((t) => t !== DANGLING)
    expect(fixed.startsWith(DANGLING)).toBe(true)
    expect(fixed).toMatch(/\nnowhere:/)
    await yaml.waitForMarkers((m) => !m.some((x) => x.code === 'dangling-goto'))
    expect(await app!.storeText()).toBe(fixed)
    // The cursor stays where it was.
    expect(await yaml.cursor()).toEqual({ line: 4, column: 13 })

    await page.keyboard.press('Control+z')
    await yaml.waitForText((t) => t === DANGLING)
    await yaml.waitForMarkers((m) => m.some((x) => x.code === 'dangling-goto'))
    expect(await app!.storeText()).toBe(DANGLING)
  })

  test('moving the cursor selects what it is in', async () => {
    const { yaml, page } = await open()
    await yaml.clickAt(5, 12)
    await expect
      .poll(() => app!.selection())
      .toMatchObject({ path: ['offline', 0], origin: 'editor' })
    await page.keyboard.press('ArrowDown')
    await expect
      .poll(() => app!.selection())
      .toMatchObject({ path: ['offline', 1], origin: 'editor' })
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => app!.selection()).toMatchObject({ path: ['queue'], origin: 'editor' })
    // The header follows the cursor too.
    const { line, column } = await yaml.cursor()
    await expect
      .poll(() => page.getByTestId('yaml-cursor').innerText())
      .toBe(`Ln ${line}, Col ${column}`)
  })

  test('a selection from the canvas or search is revealed without taking the focus; from problems, with it', async () => {
    const { yaml } = await open()
    await app!.dispatch({ type: 'selection.set', path: ['queue', 0], origin: 'canvas' })
    await expect.poll(() => yaml.cursor()).toEqual({ line: 8, column: 5 })
    expect(await yaml.focused()).toBe(false)

    await app!.dispatch({ type: 'selection.set', path: ['offline'], origin: 'search' })
    await expect.poll(() => yaml.cursor()).toEqual({ line: 4, column: 1 })
    expect(await yaml.focused()).toBe(false)

    await app!.dispatch({ type: 'selection.set', path: ['queue'], origin: 'canvas' })
    await app!.dispatch({ type: 'selection.set', path: ['offline'], origin: 'problems' })
    await expect.poll(() => yaml.cursor()).toEqual({ line: 4, column: 1 })
    expect(await yaml.focused()).toBe(true)
    // The editor does not answer a selection it was given with one of its own.
    expect((await app!.selection())?.origin).toBe('problems')
  })

  test('a long line selected from the canvas is shown from its start, not scrolled sideways', async () => {
    const long = `https://example.com/recordings/${'x'.repeat(30)}.mp3`
    const { yaml } = await open(IVR.replace('https://example.com/hold.mp3', long))
    await app!.dispatch({ type: 'selection.set', path: ['queue', 0], origin: 'canvas' })
    await expect.poll(() => yaml.cursor()).toEqual({ line: 8, column: 5 })
    // The URL runs past the right edge of the editor; the indentation stays in view.
    expect(await yaml.scroll()).toEqual({ top: 0, left: 0 })
  })

  test('opening another IVR replaces the text and starts a fresh undo history', async () => {
    const { yaml, page } = await open()
    await yaml.typeAt(1, 8, ' # main hours')
    await yaml.waitForText((t) => t.startsWith('online: # main hours\n'))
    await app!.dispatch({ type: 'document.open', name: 'other.yaml', text: DANGLING })
    await yaml.waitForText((t) => t === DANGLING)
    await yaml.waitForMarkers((m) => m.some((x) => x.code === 'dangling-goto'))
    await yaml.clickAt(1, 1)
    await page.keyboard.press('Control+z')
    await page.waitForTimeout(100)
    expect(await yaml.text()).toBe(DANGLING)
    await expect.poll(() => yaml.root.innerText()).toContain('other.yaml')
  })

  test('text set by other code arrives as one undoable edit and the cursor stays', async () => {
    const { yaml, page } = await open()
    await yaml.clickAt(8, 5)
    const changed = IVR.replace('welcome.mp3', 'hello.mp3')
    await app!.dispatch({ type: 'document.text', text: changed })
    await yaml.waitForText((t) => t === changed)
    expect(await yaml.cursor()).toEqual({ line: 8, column: 5 })
    await page.keyboard.press('Control+z')
    await yaml.waitForText((t) => t === IVR)
    await expect.poll(() => app!.storeText()).toBe(IVR)
  })

  test('edits from other views go through Monaco: one undo step, cursor and scroll kept', async () => {
    const long = IVR + Array.from({ length: 60 }, (_, i) => `extra${i}:\n  - ring\n`).join('')
    const { yaml, page } = await open(long)
    await yaml.clickAt(100, 5)
    const topLine = () =>
      page.evaluate(() => {
        const numbers = [
          ...document.querySelectorAll<HTMLElement>('.margin-view-overlays .line-numbers'),
        ]
        const top = numbers.sort(
          (a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top,
        )[0]
        return Number(top?.textContent)
      })
    const before = { cursor: await yaml.cursor(), top: await topLine() }
    expect(before.top).toBeGreaterThan(20)
    await app!.applyEdits([{ offset: 0, length: 0, text: '# Support line\n' }])
    const edited = await yaml.waitForText((t) => t.startsWith('# Support line\n'))
    expect(await app!.storeText()).toBe(edited)
    // The cursor stays on the same text, one line further down; the view does not jump.
    expect(await yaml.cursor()).toEqual({
      line: before.cursor.line + 1,
      column: before.cursor.column,
    })
    expect(await topLine()).toBe(before.top)
    await page.keyboard.press('Control+z')
    await yaml.waitForText((t) => t === long)
    await expect.poll(() => app!.storeText()).toBe(long)
  })

  test('shows marker messages and quick fixes in Japanese', async () => {
    const { yaml } = await open(DANGLING, { locale: 'ja-JP' })
    const markers = await yaml.waitForMarkers((m) => m.some((x) => x.code === 'dangling-goto'))
    expect(markers.find((m) => m.code === 'dangling-goto')?.message).toBe(
      translate('ja', 'diag.dangling-goto', { target: 'nowhere' }),
    )
    await yaml.clickAt(4, 13)
    expect(await yaml.quickFixes()).toContain(
      translate('ja', 'fix.add-section', { name: 'nowhere' }),
    )

    await app!.dispatch({ type: 'locale.set', locale: 'en' })
    await yaml.waitForMarkers((m) =>
      m.some((x) => x.message === translate('en', 'diag.dangling-goto', { target: 'nowhere' })),
    )
  })

  test('completion offers the commands and hover describes them from the schema', async () => {
    const { yaml, page } = await open()
    await yaml.typeAt(3, 9, '\n- ')
    const labels = await yaml.suggestions()
    for (const command of ['goto', 'choice', 'ring', 'voicemail', 'transfer']) {
      expect(labels).toContain(command)
    }
    await page.keyboard.press('Escape')
    await page.keyboard.type('p')
    expect(await yaml.suggestions()).toContain('play')
    await page.keyboard.press('Escape')
    const hover = await yaml.hoverAt(2, 6)
    expect(hover.length).toBeGreaterThan(10)
    expect(hover.toLowerCase()).toContain('play')
  })

  test('the pane header names the file and the language', async () => {
    const { yaml } = await open()
    const header = await yaml.root.innerText()
    expect(header).toContain('support-line.yaml')
    expect(header).toContain(en['editor.yaml.language'])
  })
})
