import { readdirSync, readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { en } from '../../src/i18n/en.ts'
import { translate } from '../../src/i18n/translate.ts'
import type { IvrOp } from '../../src/ops/op.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { dedent } from '../helpers/dedent.ts'
import { editSequence } from '../helpers/edit-sequence.ts'
import { startServer, type RunningServer } from '../helpers/server.ts'
import { canvasPane } from './pages/canvas.ts'
import { openEditorApp, type EditorApp } from './pages/editor.ts'
import { problemsPanel } from './pages/problems.ts'
import { toolbar } from './pages/toolbar.ts'

const DANGLING = dedent`
  online:
    - play: https://example.com/welcome.mp3
    - ring
    - goto: nowhere
  offline:
    - voicemail
  queue:
    - play: https://example.com/hold.mp3
`

const TEMPLATES = new URL('../../src/app/templates/', import.meta.url)
const TEMPLATE_NAMES = readdirSync(TEMPLATES).filter(
  (name) => name.endsWith('.yaml') && name !== 'empty.yaml',
)

/** The app's one undo history, driven through the gesture path, its buttons and shortcuts. */
function history(page: Page) {
  const bar = page.getByTestId('toolbar')
  return {
    undoButton: bar.getByTestId('undo'),
    redoButton: bar.getByTestId('redo'),
    /** Applies `op` exactly as a canvas gesture does. */
    applyOp: (op: IvrOp): Promise<boolean> =>
      // As JSON: the op's type is too deep for Playwright's typing of arguments.
      page.evaluate(
        (json) => window.__ivrDesigner!.applyOp!(JSON.parse(json) as IvrOp),
        JSON.stringify(op),
      ),
    labels: () => page.evaluate(() => window.__ivrDesigner!.history!()),
    manual: () => page.evaluate(() => window.__ivrDesigner!.getState!().canvas.manual),
    /** Moves the keyboard focus out of every field and editor, onto the page itself. */
    blur: () =>
      page.evaluate(() => {
        ;(document.activeElement as HTMLElement | null)?.blur()
      }),
  }
}

/** The number of the line at the top of the YAML editor's view. */
const topLine = (page: Page) =>
  page.evaluate(() => {
    const numbers = [
      ...document.querySelectorAll<HTMLElement>('.margin-view-overlays .line-numbers'),
    ]
    const top = numbers.sort(
      (a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top,
    )[0]
    return Number(top?.textContent)
  })

describe('one undo history for the canvas and the YAML', () => {
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

  async function open(text: string): Promise<EditorApp> {
    app = await openEditorApp(browser, `${server.origin}/`)
    await app.dispatch({ type: 'document.open', name: 'support-line.yaml', text })
    await app.yaml.waitForText((t) => t === text)
    return app
  }

  /** Waits until the editor and the store both hold exactly `text`. */
  async function expectText(a: EditorApp, text: string) {
    await a.yaml.waitForText((t) => t === text)
    await expect.poll(() => a.storeText()).toBe(text)
  }

  test('typing, a fix from the problems list and a gesture undo and redo across both views', async () => {
    const a = await open(DANGLING)
    const { page, yaml } = a
    const h = history(page)
    expect(await h.undoButton.isDisabled()).toBe(true)
    expect(await h.undoButton.getAttribute('title')).toBe(en['toolbar.undo.none'])

    await yaml.typeAt(1, 8, ' # main hours')
    const typed = DANGLING.replace('online:', 'online: # main hours')
    await expectText(a, typed)

    const panel = problemsPanel(page)
    const dangling = translate('en', 'diag.dangling-goto', { target: 'nowhere' })
    await panel.fix(dangling, translate('en', 'fix.add-section', { name: 'nowhere' }))
    const fixed = await yaml.waitForText((t) => t.includes('\nnowhere:'))
    expect(fixed.startsWith(typed)).toBe(true)

    expect(await h.applyOp({ type: 'section.rename', name: 'offline', to: 'closed' })).toBe(true)
    const renamed = fixed.replace('offline:', 'closed:')
    await expectText(a, renamed)
    const { done } = await h.labels()
    expect(done).toHaveLength(3)
    expect(done[0]).toBe('undo.typing')
    expect(done[2]).toBe('op.title.section.rename')
    await expect.poll(() => h.undoButton.getAttribute('title')).toBe('Undo Rename section (Ctrl+Z)')
    expect(await h.redoButton.getAttribute('title')).toBe(en['toolbar.redo.none'])

    // Monaco's Ctrl+Z undoes the gesture, then the fix, then the typing.
    await yaml.clickAt(6, 3)
    await page.keyboard.press('Control+z')
    await expectText(a, fixed)
    await page.keyboard.press('Control+z')
    await expectText(a, typed)
    await page.keyboard.press('Control+z')
    await expectText(a, DANGLING)
    // Undoing typing puts the cursor where it was typed.
    expect(await yaml.cursor()).toEqual({ line: 1, column: 8 })
    expect(await h.labels()).toEqual({ done: [], undone: [...done].reverse() })
    await page.keyboard.press('Control+z')
    expect(await yaml.text()).toBe(DANGLING)

    // Redo in Monaco with both of its keys, then elsewhere on the page.
    await page.keyboard.press('Control+Shift+z')
    await expectText(a, typed)
    await page.keyboard.press('Control+y')
    await expectText(a, fixed)
    await h.blur()
    expect(await h.redoButton.getAttribute('title')).toBe('Redo Rename section (Ctrl+Shift+Z)')
    await page.keyboard.press('Control+Shift+z')
    await expectText(a, renamed)
    expect(await h.redoButton.isDisabled()).toBe(true)

    // Anywhere in the app: the toolbar, then the shortcut with the focus on the canvas.
    await h.undoButton.click()
    await expectText(a, fixed)
    await canvasPane(page).node('queue').focus()
    await page.keyboard.press('Control+z')
    await expectText(a, typed)
    await page.keyboard.press('Control+y')
    await expectText(a, fixed)
    await h.redoButton.click()
    await expectText(a, renamed)
    expect((await h.labels()).done).toEqual(done)
  })

  test('undo and redo are not recorded and keep the editor’s scroll and cursor', async () => {
    const long = DANGLING + Array.from({ length: 60 }, (_, i) => `extra${i}:\n  - ring\n`).join('')
    const a = await open(long)
    const { page, yaml } = a
    const h = history(page)
    await yaml.clickAt(100, 5)
    await expect.poll(async () => (await a.selection())?.origin).toBe('editor')
    const selected = await a.selection()

    await h.applyOp({ type: 'section.delete', name: 'queue' })
    const deleted = await yaml.waitForText((t) => !t.includes('queue:'))
    const cursor = await yaml.cursor()
    const top = await topLine(page)
    expect(top).toBeGreaterThan(20)

    await h.undoButton.click()
    await expectText(a, long)
    expect(await h.labels()).toEqual({ done: [], undone: ['op.title.section.delete'] })
    // The view stays; the cursor stays on its text; the selection was the same.
    expect(await topLine(page)).toBe(top)
    expect(await yaml.cursor()).toEqual({ line: cursor.line + 2, column: cursor.column })
    expect(await a.selection()).toEqual(selected)

    await h.redoButton.click()
    await expectText(a, deleted)
    expect(await h.labels()).toEqual({ done: ['op.title.section.delete'], undone: [] })
    expect(await topLine(page)).toBe(top)
    expect(await yaml.cursor()).toEqual(cursor)
  })

  test('undo restores the selection from before the change, redo the one undo left', async () => {
    const a = await open(DANGLING)
    const h = history(a.page)
    await a.dispatch({ type: 'selection.set', path: ['queue'], origin: 'canvas' })
    await h.applyOp({ type: 'section.delete', name: 'queue' })
    await a.yaml.waitForText((t) => !t.includes('queue:'))
    await a.dispatch({ type: 'selection.set', path: ['offline'], origin: 'canvas' })

    await h.undoButton.click()
    await expectText(a, DANGLING)
    expect((await a.selection())?.path).toEqual(['queue'])
    await h.redoButton.click()
    await a.yaml.waitForText((t) => !t.includes('queue:'))
    expect((await a.selection())?.path).toEqual(['offline'])
  })

  test('Monaco’s undo and redo commands and the browser’s Edit menu take the app’s history', async () => {
    const a = await open(DANGLING)
    const h = history(a.page)
    await h.applyOp({ type: 'section.rename', name: 'queue', to: 'waiting' })
    const renamed = await a.yaml.waitForText((t) => t.includes('waiting:'))
    await a.page.evaluate(() => window.__ivrDesigner!.yaml!.command('undo'))
    await expectText(a, DANGLING)
    await a.page.evaluate(() => window.__ivrDesigner!.yaml!.command('redo'))
    await expectText(a, renamed)
    // What the Edit menu sends to the focused text field, here Monaco's hidden input.
    await a.yaml.clickAt(1, 1)
    const editMenu = (inputType: string) =>
      a.page.evaluate((type) => {
        const input = document.querySelector('[data-testid="yaml-editor"] textarea.inputarea')!
        input.dispatchEvent(
          new InputEvent('beforeinput', { inputType: type, bubbles: true, cancelable: true }),
        )
      }, inputType)
    await editMenu('historyUndo')
    await expectText(a, DANGLING)
    await editMenu('historyRedo')
    await expectText(a, renamed)
    expect(await h.labels()).toEqual({ done: ['op.title.section.rename'], undone: [] })
  })

  test('a field keeps the browser’s own undo', async () => {
    const a = await open(DANGLING)
    const h = history(a.page)
    await h.applyOp({ type: 'section.rename', name: 'queue', to: 'waiting' })
    const renamed = await a.yaml.waitForText((t) => t.includes('waiting:'))
    const search = canvasPane(a.page).root.getByRole('combobox')
    await search.click()
    await a.page.keyboard.type('ring')
    await a.page.keyboard.press('Control+z')
    await expect.poll(() => search.inputValue()).not.toBe('ring')
    expect(await a.yaml.text()).toBe(renamed)
    expect((await h.labels()).done).toEqual(['op.title.section.rename'])
  })

  test('card drags and "Tidy up" undo and redo, putting the cards back', async () => {
    const a = await open(DANGLING)
    const h = history(a.page)
    const canvas = canvasPane(a.page)
    await canvas.waitReady()
    const laidOut = await canvas.position('queue')
    await canvas.drag('queue', 160, 90)
    await expect.poll(() => h.manual()).toHaveProperty(['section:queue'])
    const dragged = await canvas.position('queue')
    expect(dragged).not.toEqual(laidOut)
    expect((await h.labels()).done).toEqual(['undo.move-cards'])

    await canvas.tidy()
    await expect.poll(() => h.manual()).toEqual({})
    await expect.poll(() => canvas.position('queue')).toEqual(laidOut)
    expect((await h.labels()).done).toEqual(['undo.move-cards', 'canvas.tidy'])
    expect(await h.undoButton.getAttribute('title')).toBe('Undo Tidy up (Ctrl+Z)')

    await h.blur()
    await a.page.keyboard.press('Control+z')
    await expect.poll(() => canvas.position('queue')).toEqual(dragged)
    await a.page.keyboard.press('Control+z')
    await expect.poll(() => canvas.position('queue')).toEqual(laidOut)
    expect(await h.manual()).toEqual({})
    await a.page.keyboard.press('Control+Shift+z')
    await expect.poll(() => canvas.position('queue')).toEqual(dragged)
    await a.page.keyboard.press('Control+Shift+z')
    await expect.poll(() => canvas.position('queue')).toEqual(laidOut)
    expect(await a.yaml.text()).toBe(DANGLING)
  })

  test('opening another IVR starts a fresh history', async () => {
    const a = await open(DANGLING)
    const h = history(a.page)
    await h.applyOp({ type: 'section.delete', name: 'queue' })
    await a.yaml.waitForText((t) => !t.includes('queue:'))
    await a.dispatch({ type: 'document.open', name: 'other.yaml', text: 'online:\n  - ring\n' })
    await a.yaml.waitForText((t) => t === 'online:\n  - ring\n')
    expect(await h.labels()).toEqual({ done: [], undone: [] })
    expect(await h.undoButton.isDisabled()).toBe(true)
  })

  test('the help lists undo and redo', async () => {
    const a = await open(DANGLING)
    const help = await toolbar(a.page).openHelp()
    const shortcuts = await help.getByTestId('shortcuts').innerText()
    for (const text of [
      en['help.shortcut.undo'],
      en['help.shortcut.redo'],
      'Ctrl+Z',
      'Ctrl+Shift+Z',
      'Ctrl+Y',
    ]) {
      expect(shortcuts).toContain(text)
    }
  })

  describe('every template', () => {
    let shared: EditorApp

    beforeAll(async () => {
      shared = await openEditorApp(browser, `${server.origin}/`)
    })

    afterAll(async () => {
      const problems = shared?.problems ?? []
      await shared?.close()
      expect(problems).toEqual([])
    })

    test.each(TEMPLATE_NAMES)(
      '%s comes back byte for byte after its ops are undone, and redoes',
      async (name) => {
        const original = readFileSync(new URL(name, TEMPLATES), 'utf8')
        const a = shared
        const h = history(a.page)
        await a.dispatch({ type: 'document.open', name, text: original })
        await expectText(a, original)
        const ops = editSequence(original)!
        expect(ops.length).toBeGreaterThanOrEqual(8)
        const texts = [original]
        for (const op of ops) {
          expect(await h.applyOp(op), JSON.stringify(op)).toBe(true)
          const text = await a.storeText()
          expect(text).not.toBe(texts[texts.length - 1])
          texts.push(text)
        }
        await expectText(a, texts[texts.length - 1]!)
        expect((await h.labels()).done).toHaveLength(ops.length)

        // Half the undos in the YAML editor, half from elsewhere on the page.
        await a.yaml.clickAt(1, 1)
        for (let i = ops.length - 1; i >= 0; i--) {
          if (i === Math.floor(ops.length / 2)) await h.blur()
          await a.page.keyboard.press('Control+z')
          await expectText(a, texts[i]!)
        }
        expect(await a.yaml.text()).toBe(original)
        expect(await a.storeText()).toBe(original)
        expect(await h.undoButton.isDisabled()).toBe(true)

        for (let i = 1; i <= ops.length; i++) {
          await a.page.keyboard.press(i % 2 === 0 ? 'Control+y' : 'Control+Shift+z')
          await expectText(a, texts[i]!)
        }
        expect(await h.redoButton.isDisabled()).toBe(true)
      },
    )
  })
})
