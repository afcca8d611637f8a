import type { Browser, BrowserContext, ConsoleMessage, Locator, Page } from 'playwright-core'
import type { AppAction } from '../../../src/app/state/app-store.ts'
import type { Selection } from '../../../src/app/state/document.ts'
import type { TestMarker } from '../../../src/app/editor/test-hooks.ts'
import type { TextEdit } from '../../../src/ops/text-edit.ts'

export type { TestMarker }

/** How the browser presents itself: its languages and the colour scheme of its system. */
export interface EditorVisitor {
  locale?: string
  colorScheme?: 'light' | 'dark'
  viewport?: { width: number; height: number }
}

/** The app opened with test hooks, and what went wrong on the page so far. */
export interface EditorApp {
  page: Page
  context: BrowserContext
  /** Console errors, page errors and failed requests seen so far, such as styles the CSP blocked. */
  problems: string[]
  yaml: YamlPane
  /** What is selected in the app, read through the test hooks. */
  selection(): Promise<Pick<Selection, 'path' | 'origin'> | null>
  /** The document text the store holds. */
  storeText(): Promise<string>
  /** Applies text edits the way other views do (`applyTextEdits`, through the edit sink). */
  applyEdits(edits: readonly TextEdit[]): Promise<void>
  /** Sends an action to the store, as another view would. */
  dispatch(action: AppAction): Promise<void>
  close(): Promise<void>
}

/** The YAML pane, driven through the keyboard and mouse like a person would. */
export interface YamlPane {
  /** The pane's root element. */
  root: Locator
  /** Waits until Monaco has loaded and shows the document. */
  waitReady(): Promise<void>
  /** The text in the editor. */
  text(): Promise<string>
  /** Waits until the text satisfies `accept`, and returns it. */
  waitForText(accept: (text: string) => boolean): Promise<string>
  /** Markers on the model; only the app's own unless `owner` says otherwise (`null`: all). */
  markers(owner?: string | null): Promise<TestMarker[]>
  /** Waits until the app's markers satisfy `accept`, and returns them. */
  waitForMarkers(accept: (markers: TestMarker[]) => boolean): Promise<TestMarker[]>
  /** The 1-based cursor position. */
  cursor(): Promise<{ line: number; column: number }>
  /** How far the text is scrolled, in pixels. */
  scroll(): Promise<{ top: number; left: number }>
  /** Clicks the 1-based position, scrolling it into view first. */
  clickAt(line: number, column: number): Promise<void>
  /** Moves the mouse over the 1-based position and returns the hover's text once it shows. */
  hoverAt(line: number, column: number): Promise<string>
  /**
   * Clicks the position and types `text`; a line break is typed as Escape (closing suggestions)
   * then Enter, so Monaco indents the new line like the one before.
   */
  typeAt(line: number, column: number, text: string): Promise<void>
  /** Selects everything and puts `text` in its place as one input. */
  replaceAll(text: string): Promise<void>
  /** Opens the quick fixes at the cursor (Ctrl+.) and returns their titles. */
  quickFixes(): Promise<string[]>
  /** Opens the quick fixes at the cursor and applies the one titled `title`. */
  quickFix(title: string): Promise<void>
  /** Opens completion at the cursor (Ctrl+Space) and returns the labels offered. */
  suggestions(): Promise<string[]>
  /** Whether the editor itself has the keyboard focus. */
  focused(): Promise<boolean>
}

/** Opens `url` (the app's root) with test hooks in a new context and waits for the YAML pane. */
export async function openEditorApp(
  browser: Browser,
  url: string,
  visitor: EditorVisitor = {},
): Promise<EditorApp> {
  const context = await browser.newContext({
    locale: visitor.locale ?? 'en-US',
    colorScheme: visitor.colorScheme ?? 'light',
    viewport: visitor.viewport ?? { width: 1440, height: 900 },
  })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  page.on('requestfailed', (request) => problems.push(`${request.url()} failed`))
  const target = new URL(url)
  target.searchParams.set('testHooks', '')
  await page.goto(target.href)
  const yaml = yamlPane(page)
  await yaml.waitReady()
  return {
    page,
    context,
    problems,
    yaml,
    selection: () =>
      page.evaluate(() => {
        const selection = window.__ivrDesigner!.getState!().selection
        return selection && { path: selection.path, origin: selection.origin }
      }),
    storeText: () => page.evaluate(() => window.__ivrDesigner!.getState!().document.view.text),
    applyEdits: (edits) => page.evaluate((e) => window.__ivrDesigner!.applyEdits!(e), edits),
    dispatch: (action) => page.evaluate((a) => window.__ivrDesigner!.dispatch!(a), action),
    close: () => context.close(),
  }
}

/** The YAML pane of `page`, which must have been opened with `?testHooks`. */
export function yamlPane(page: Page): YamlPane {
  const root = page.getByTestId('yaml-editor')
  const editor = root.locator('.monaco-editor').first()
  const isMac = process.platform === 'darwin'
  const mod = isMac ? 'Meta' : 'Control'

  const pane: YamlPane = {
    root,
    async waitReady() {
      await page
        .locator('[data-testid="yaml-editor"][data-state="ready"]')
        .waitFor({ timeout: 30_000 })
      await editor.locator('.view-lines').waitFor()
      await page.waitForFunction(() => window.__ivrDesigner?.yaml !== undefined)
    },
    text: () => page.evaluate(() => window.__ivrDesigner!.yaml!.text()),
    async waitForText(accept) {
      const deadline = Date.now() + 10_000
      for (;;) {
        const text = await pane.text()
        if (accept(text)) return text
        if (Date.now() > deadline) throw new Error(`The YAML did not change as expected:\n${text}`)
        await page.waitForTimeout(50)
      }
    },
    async markers(owner = 'ivr-designer') {
      const all = await page.evaluate(() => window.__ivrDesigner!.yaml!.markers())
      return owner === null ? all : all.filter((m) => m.owner === owner)
    },
    async waitForMarkers(accept) {
      const deadline = Date.now() + 10_000
      for (;;) {
        const markers = await pane.markers()
        if (accept(markers)) return markers
        if (Date.now() > deadline) {
          throw new Error(
            `The markers did not change as expected:\n${JSON.stringify(markers, null, 2)}`,
          )
        }
        await page.waitForTimeout(50)
      }
    },
    cursor: () => page.evaluate(() => window.__ivrDesigner!.yaml!.cursor()),
    scroll: () => page.evaluate(() => window.__ivrDesigner!.yaml!.scroll()),
    async clickAt(line, column) {
      const point = await page.evaluate(([l, c]) => window.__ivrDesigner!.yaml!.pointAt(l, c), [
        line,
        column,
      ] as const)
      if (!point) throw new Error(`Line ${line}, column ${column} is not on screen.`)
      await page.mouse.click(point.x, point.y)
    },
    async hoverAt(line, column) {
      const point = await page.evaluate(([l, c]) => window.__ivrDesigner!.yaml!.pointAt(l, c), [
        line,
        column,
      ] as const)
      if (!point) throw new Error(`Line ${line}, column ${column} is not on screen.`)
      await page.mouse.move(point.x - 8, point.y - 8)
      await page.mouse.move(point.x, point.y, { steps: 4 })
      const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first()
      await hover.waitFor({ timeout: 10_000 })
      return (await hover.innerText()).trim()
    },
    async typeAt(line, column, text) {
      await pane.clickAt(line, column)
      const lines = text.split('\n')
      for (const [i, part] of lines.entries()) {
        if (i > 0) {
          await page.keyboard.press('Escape')
          await page.keyboard.press('Enter')
        }
        if (part !== '') await page.keyboard.type(part)
      }
      await page.keyboard.press('Escape')
    },
    async replaceAll(text) {
      await editor.locator('.view-lines').click()
      await page.keyboard.press(`${mod}+a`)
      await page.keyboard.insertText(text)
    },
    async quickFixes() {
      // Monaco looks for fixes by itself shortly after the cursor moves and shows a light bulb;
      // asking before it has done so races with it, so wait for the bulb when there is one.
      await editor
        .locator('.lightBulbWidget')
        .waitFor({ state: 'visible', timeout: 2_000 })
        .catch(() => {})
      const rows = page.locator('.action-widget .monaco-list-row.action')
      for (let attempt = 1; ; attempt++) {
        await page.keyboard.press(`${mod}+.`)
        try {
          await rows.first().waitFor({ timeout: 3_000 })
          break
        } catch (error) {
          if (attempt === 3) throw error
        }
      }
      return (await rows.allInnerTexts()).map((t) => t.trim())
    },
    async quickFix(title) {
      const titles = await pane.quickFixes()
      if (!titles.includes(title)) {
        throw new Error(`No quick fix "${title}"; offered: ${JSON.stringify(titles)}`)
      }
      const row = page
        .locator('.action-widget .monaco-list-row.action')
        .filter({ hasText: title })
        .first()
      const box = await row.boundingBox()
      if (!box) throw new Error(`The quick fix "${title}" is not on screen.`)
      // Monaco lays a pointer block over the page until the mouse moves, as a person's would.
      const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
      await page.mouse.move(at.x, at.y, { steps: 2 })
      await page.mouse.click(at.x, at.y)
    },
    async suggestions() {
      await page.keyboard.press('Control+Space')
      const rows = page.locator('.suggest-widget.visible .monaco-list-row')
      await rows.first().waitFor({ timeout: 10_000 })
      return rows.evaluateAll((elements) =>
        elements.map((e) => e.querySelector('.label-name')?.textContent?.trim() ?? ''),
      )
    },
    focused: () => page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null),
  }
  return pane
}
