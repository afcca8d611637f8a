import type { Browser, BrowserContext, ConsoleMessage, Locator, Page } from 'playwright-core'
import type { AppAction } from '../../../src/app/state/app-store.ts'
import type { IvrPath } from '../../../src/model/path.ts'
import { pathKey } from '../../../src/model/path.ts'

/** A card's problems as the canvas shows them: its worst severity and how many there are. */
export interface CardBadge {
  severity: 'error' | 'warning' | 'info'
  count: number
}

/** An edge as drawn: its id (`SOURCE_ROW->TARGET`) and its kind. */
export interface DrawnEdge {
  id: string
  kind: 'goto' | 'option' | 'onError' | 'dangling'
  highlighted: boolean
}

/** The canvas of the editor, driven the way a person would, read the way a test needs. */
export interface CanvasPane {
  root: Locator
  /** Waits until the layout has placed the cards (or the canvas says the IVR is empty). */
  waitReady(): Promise<void>
  /** The names of the section cards drawn, in the order of the YAML. */
  cards(): Promise<string[]>
  /** The card of section `name`. */
  card(name: string): Locator
  /** React Flow's wrapper of the card of section `name`: the focusable, draggable element. */
  node(name: string): Locator
  /** The row of the command, option or branch at `path`. */
  row(path: IvrPath): Locator
  /** Clicks the header of the card of section `name`, selecting the section. */
  clickCard(name: string): Promise<void>
  /** Clicks the row at `path`, selecting it. */
  clickRow(path: IvrPath): Promise<void>
  /** The problem badge of section `name`, or `null` when it has no problems. */
  badge(name: string): Promise<CardBadge | null>
  /** Whether the card of section `name` carries the entry badge. */
  isEntry(name: string): Promise<boolean>
  /** The stub drawn for the missing section `name`. */
  stub(name: string): Locator
  /** The edges drawn, in the order of the graph. */
  edges(): Promise<DrawnEdge[]>
  /** Whether the canvas shows the last good graph because the YAML cannot be read. */
  isStale(): Promise<boolean>
  /** The text of the banner shown while the YAML cannot be read, or `null`. */
  staleText(): Promise<string | null>
  /** Types `text` into the canvas search and returns the titles of the matches listed. */
  search(text: string): Promise<string[]>
  /** The top-left corner of the card of section `name`, in canvas coordinates. */
  position(name: string): Promise<{ x: number; y: number }>
  /** Drags the card of section `name` by (`dx`, `dy`) screen pixels by its header. */
  drag(name: string, dx: number, dy: number): Promise<void>
  /** Presses "Tidy up". */
  tidy(): Promise<void>
  /** The command palette docked at the left of the canvas. */
  palette: Locator
  /**
   * Drags the palette item `item` (a command name such as `ring`, or a block id such as `menu`)
   * onto `target` with the mouse and drops it there. Resolves with the place the drop indicator
   * showed just before the drop.
   */
  dropCommand(item: string, target: DropPoint): Promise<ShownDrop>
  /** Drags the row at `path` by its text onto `target`, like `dropCommand`. */
  dragRow(path: IvrPath, target: DropPoint): Promise<ShownDrop>
  /** A point of the canvas, in page pixels, with room around it and no card or panel on it. */
  emptySpot(): Promise<{ x: number; y: number }>
  /** Clicks the edge `id` (`SOURCE_ROW->TARGET`) at a point of its line that nothing covers. */
  clickEdge(id: string): Promise<void>
  /** The handle on the right of the row at `path`, that connections are dragged from. */
  handle(path: IvrPath): Locator
  /** A point of the card of section `name` that nothing covers, in page pixels. */
  visiblePoint(name: string): Promise<{ x: number; y: number }>
  /**
   * Drags a connection from the handle of the row at `from` and drops it on the card of section
   * `to`, or (`to` a point) on that point of the page. With `hold`, runs it before letting go.
   */
  connect(
    from: IvrPath,
    to: string | { x: number; y: number },
    hold?: () => Promise<void>,
  ): Promise<void>
}

/**
 * Where a drag ends: on the line just above or below the row at a path (`x` from the row's left
 * edge, 150 px unless given), or at a point of the page.
 */
export type DropPoint =
  | { readonly before: IvrPath; readonly x?: number }
  | { readonly after: IvrPath; readonly x?: number }
  | { readonly at: { x: number; y: number } }

/** What the canvas showed just before a drop: a line in a list, a new card, or nothing. */
export type ShownDrop =
  { readonly line: { list: IvrPath; index: number } } | { readonly newSection: string } | null

/** The canvas of `page`, which shows the editor. */
export function canvasPane(page: Page): CanvasPane {
  const root = page.getByTestId('canvas')
  const node = (name: string) =>
    root.locator(`.react-flow__node[data-id="${cssString(`section:${name}`)}"]`)
  const card = (name: string) => root.locator(`[data-section="${cssString(name)}"]`).first()
  const row = (path: IvrPath) => root.locator(`button[data-row="${cssString(pathKey(path))}"]`)

  const pane: CanvasPane = {
    root,
    async waitReady() {
      await page
        .locator('[data-testid="canvas"]:is([data-state="ready"], [data-state="empty"])')
        .waitFor({
          timeout: 20_000,
        })
    },
    cards: () =>
      root
        .locator('.react-flow__node-section [data-section]')
        .evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.section ?? '')),
    card,
    node,
    row,
    clickCard: (name) => card(name).locator('[data-part="header"]').click(),
    clickRow: (path) => row(path).click(),
    async badge(name) {
      const value = await card(name).getAttribute('data-problems')
      if (!value) return null
      const [severity, count] = value.split(':')
      return { severity: severity as CardBadge['severity'], count: Number(count) }
    },
    isEntry: async (name) => (await card(name).getAttribute('class'))?.includes('entry') === true,
    stub: (name) => root.locator(`[data-stub="${cssString(name)}"]`),
    edges: () =>
      root.locator('.react-flow__edge').evaluateAll((edges) =>
        edges.map((edge) => ({
          id: edge.getAttribute('data-id') ?? '',
          kind: (/ivr-edge-(\w+)/.exec(edge.getAttribute('class') ?? '')?.[1] ??
            'goto') as DrawnEdge['kind'],
          highlighted: edge.classList.contains('selected'),
        })),
      ),
    isStale: () => root.getByTestId('canvas-stale').isVisible(),
    async staleText() {
      const banner = root.getByTestId('canvas-stale')
      return (await banner.isVisible()) ? ((await banner.textContent()) ?? '') : null
    },
    async search(text) {
      const box = root.getByRole('combobox')
      await box.fill(text)
      return root.getByRole('option').allTextContents()
    },
    async position(name) {
      return node(name).evaluate((element) => {
        const match = /translate\(\s*([-\d.]+)px,\s*([-\d.]+)px\)/.exec(
          (element as HTMLElement).style.transform,
        )
        return { x: Number(match?.[1] ?? NaN), y: Number(match?.[2] ?? NaN) }
      })
    },
    async drag(name, dx, dy) {
      const header = card(name).locator('[data-part="header"]')
      const box = await header.boundingBox()
      if (!box) throw new Error(`The card of section ${name} is not on screen.`)
      const x = box.x + 40
      const y = box.y + box.height / 2
      await page.mouse.move(x, y)
      await page.mouse.down()
      const steps = 8
      for (let i = 1; i <= steps; i++)
        await page.mouse.move(x + (dx * i) / steps, y + (dy * i) / steps)
      await page.mouse.up()
    },
    tidy: () => root.getByRole('button', { name: /Tidy up|整列/ }).click(),
    palette: root.getByTestId('palette'),
    dropCommand: (item, target) =>
      dragTo(root.getByTestId('palette').locator(`button[data-item="${cssString(item)}"]`), target),
    dragRow: (path, target) => dragTo(row(path), target),
    emptySpot: () =>
      root.locator('.react-flow').evaluate((flow) => {
        const box = flow.getBoundingClientRect()
        // The point and points round it, as far as a new card reaches, all on the bare pane.
        const around = [0, -30, 100, 200].flatMap((dx) => [0, -40, 100].map((dy) => [dx, dy]))
        for (let y = box.top + 100; y < box.bottom - 120; y += 20) {
          for (let x = box.left + 60; x < box.right - 220; x += 20) {
            const bare = around.every(([dx, dy]) =>
              document.elementFromPoint(x + dx!, y + dy!)?.classList.contains('react-flow__pane'),
            )
            if (bare) return { x, y }
          }
        }
        throw new Error('The canvas has no empty spot in view.')
      }),
    async clickEdge(id) {
      const point = await root
        .locator(`.react-flow__edge[data-id="${cssString(id)}"] .react-flow__edge-interaction`)
        .evaluate((path) => {
          const line = path as SVGPathElement
          const length = line.getTotalLength()
          const matrix = line.getScreenCTM()
          if (!matrix) throw new Error('The edge is not drawn.')
          // An edge drawn over a card takes clicks on its line only, not on the wider band.
          const edge = line.closest('.react-flow__edge')
          for (const f of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
            const at = line.getPointAtLength(length * f).matrixTransform(matrix)
            const hit = document.elementFromPoint(at.x, at.y)
            if (hit !== null && edge?.contains(hit)) return { x: at.x, y: at.y }
          }
          throw new Error('The edge is covered or out of view.')
        })
      await page.mouse.move(point.x, point.y)
      await page.mouse.click(point.x, point.y)
    },
    handle: (path) =>
      root.locator(`.react-flow__handle.source[data-handleid="${cssString(pathKey(path))}"]`),
    visiblePoint: (name) =>
      card(name).evaluate((element) => {
        const box = element.getBoundingClientRect()
        for (const fy of [0.2, 0.5, 0.8, 0.35, 0.65]) {
          for (const fx of [0.3, 0.5, 0.7, 0.15, 0.85]) {
            const x = box.left + box.width * fx
            const y = box.top + box.height * fy
            if (element.contains(document.elementFromPoint(x, y))) return { x, y }
          }
        }
        throw new Error('The card is covered or out of view.')
      }),
    async connect(from, to, hold) {
      const box = await pane.handle(from).boundingBox()
      if (!box) throw new Error(`The row ${pathKey(from)} has no handle on screen.`)
      const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
      const end = typeof to === 'string' ? await pane.visiblePoint(to) : to
      await page.mouse.move(start.x, start.y)
      await page.mouse.down()
      const steps = 12
      for (let i = 1; i <= steps; i++) {
        await page.mouse.move(
          start.x + ((end.x - start.x) * i) / steps,
          start.y + ((end.y - start.y) * i) / steps,
        )
      }
      await hold?.()
      await page.mouse.up()
    },
  }

  async function pointOf(target: DropPoint): Promise<{ x: number; y: number }> {
    if ('at' in target) return target.at
    const path = 'before' in target ? target.before : target.after
    const box = await row(path).boundingBox()
    if (!box) throw new Error(`The row ${pathKey(path)} is not on screen.`)
    const y = 'before' in target ? box.y + 3 : box.y + box.height - 3
    return { x: box.x + (target.x ?? 150), y }
  }

  /**
   * Where to press on `handle`: a point that has stood still for a moment with the handle on top
   * there, as a person looks before pressing (a card may still be moving into place).
   */
  async function pressPoint(handle: Locator): Promise<{ x: number; y: number }> {
    const deadline = Date.now() + 5_000
    let last = ''
    for (;;) {
      const box = await handle.boundingBox()
      if (!box) throw new Error('What should be dragged is not on screen.')
      const point = { x: box.x + Math.min(box.width / 2, 20), y: box.y + box.height / 2 }
      const onTop = await handle.evaluate(
        (element, p) => element.contains(document.elementFromPoint(p.x, p.y)),
        point,
      )
      const key = JSON.stringify(box)
      if (onTop && key === last) return point
      if (Date.now() > deadline) {
        throw new Error(`What should be dragged is not on top at ${JSON.stringify(point)}.`)
      }
      last = key
      await page.waitForTimeout(50)
    }
  }

  async function dragTo(handle: Locator, target: DropPoint): Promise<ShownDrop> {
    const start = await pressPoint(handle)
    const end = await pointOf(target)
    await page.mouse.move(start.x, start.y)
    await page.mouse.down()
    const steps = 10
    for (let i = 1; i <= steps; i++) {
      await page.mouse.move(
        start.x + ((end.x - start.x) * i) / steps,
        start.y + ((end.y - start.y) * i) / steps,
      )
    }
    await page
      .getByTestId('drag-ghost')
      .waitFor({ timeout: 10_000 })
      .catch(async () => {
        const under = await page.evaluate(
          (p) => document.elementFromPoint(p.x, p.y)?.outerHTML.slice(0, 200) ?? 'nothing',
          start,
        )
        throw new Error(`No drag started from ${JSON.stringify(start)}, where there is: ${under}`)
      })
    const shown = await page.evaluate((): ShownDrop => {
      const line = document.querySelector<HTMLElement>('[data-testid="drop-indicator"]')
      if (line) {
        return {
          line: { list: JSON.parse(line.dataset.list ?? '[]'), index: Number(line.dataset.index) },
        }
      }
      const card = document.querySelector('[data-testid="drop-new-section"]')
      return card ? { newSection: card.textContent ?? '' } : null
    })
    await page.mouse.up()
    return shown
  }
  return pane
}

/** The app opened with test hooks, its canvas, and what went wrong on the page so far. */
export interface CanvasApp {
  page: Page
  context: BrowserContext
  canvas: CanvasPane
  /** Console errors, page errors and failed requests seen so far. */
  problems: string[]
  /** Sends an action to the store, as another view would. */
  dispatch(action: AppAction): Promise<void>
  /** Opens `text` as the IVR called `name` and waits for its layout. */
  open(name: string, text: string): Promise<void>
  /** Replaces the text of the open IVR, as typing in the YAML would. */
  setText(text: string): Promise<void>
  /** What is selected, through the test hooks. */
  selection(): Promise<{ path: IvrPath; origin: string } | null>
  reload(): Promise<void>
  close(): Promise<void>
}

/** How the browser presents itself. */
export interface CanvasVisitor {
  locale?: string
  colorScheme?: 'light' | 'dark'
  viewport?: { width: number; height: number }
}

/** Opens the app at `url` with test hooks in a new browser context and waits for the canvas. */
export async function openCanvasApp(
  browser: Browser,
  url: string,
  visitor: CanvasVisitor = {},
): Promise<CanvasApp> {
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
  await page.waitForFunction(() => window.__ivrDesigner?.dispatch !== undefined)
  const canvas = canvasPane(page)
  await canvas.waitReady()

  const dispatch = (action: AppAction) =>
    page.evaluate((a) => window.__ivrDesigner!.dispatch!(a), action)
  return {
    page,
    context,
    canvas,
    problems,
    dispatch,
    async open(name, text) {
      await dispatch({ type: 'document.open', name, text })
      // The store drops the old layout on open; wait for the new one.
      await page.waitForFunction(() => window.__ivrDesigner!.getState!().canvas.layoutKey !== null)
      await canvas.waitReady()
    },
    setText: (text) => dispatch({ type: 'document.text', text }),
    selection: () =>
      page.evaluate(() => {
        const selection = window.__ivrDesigner!.getState!().selection
        return selection && { path: [...selection.path], origin: selection.origin }
      }),
    async reload() {
      await page.reload()
      await page.waitForFunction(() => window.__ivrDesigner?.dispatch !== undefined)
      await canvas.waitReady()
    },
    close: () => context.close(),
  }
}

/** `value` escaped for a double-quoted CSS attribute selector. */
function cssString(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')
}
