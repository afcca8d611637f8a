import { readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { generateIvr } from '../../scripts/bench/generate-ivr.mjs'
import { buildGraph } from '../../src/graph/build-graph.ts'
import { CARD, cardSize } from '../../src/graph/layout.ts'
import { en } from '../../src/i18n/en.ts'
import { ja } from '../../src/i18n/ja.ts'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { dedent } from '../helpers/dedent.ts'
import { startServer, type RunningServer } from '../helpers/server.ts'
import { openCanvasApp, type CanvasApp, type CanvasVisitor } from './pages/canvas.ts'
import { yamlPane } from './pages/editor.ts'

const template = (name: string) =>
  readFileSync(new URL(`../../src/app/templates/${name}.yaml`, import.meta.url), 'utf8')

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
  offline: [voicemail]
  queue: [ring]
  sales: [ring]
`

describe('the canvas', () => {
  let server: RunningServer
  let browser: Browser
  const opened: CanvasApp[] = []

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((app) => app.close()))
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  async function open(visitor?: CanvasVisitor): Promise<CanvasApp> {
    const app = await openCanvasApp(browser, `${server.origin}/`, visitor)
    opened.push(app)
    return app
  }

  test('draws a card for every section of a template, entry sections with their badge', async () => {
    const app = await open()
    await app.open('departments.yaml', template('departments-transfer'))
    const { canvas } = app
    expect(await canvas.cards()).toEqual(['start', 'voicemail', 'offline', 'queue'])
    expect(await canvas.isEntry('start')).toBe(true)
    expect(await canvas.isEntry('queue')).toBe(true)
    expect(await canvas.isEntry('voicemail')).toBe(false)
    await expect
      .poll(() => canvas.card('start').textContent())
      .toContain(en['canvas.card.caption.start'])
    expect(await canvas.node('queue').getAttribute('aria-label')).toBe(
      'Section queue, entry point, 4 rows',
    )
    expect(
      await canvas
        .row(['start', 1, 'choice', '1', 'do', 0, 'transfer', 'if', 'online'])
        .textContent(),
    ).toBe('If online')
    expect(app.problems).toEqual([])
  })

  test('sizes cards and rows exactly as the layout does', async () => {
    const app = await open()
    await app.open('departments.yaml', template('departments-transfer'))
    const boxes = await app.canvas.root.locator('[data-section]').evaluateAll((cards) =>
      cards.map((card) => {
        const rows = [...card.querySelectorAll<HTMLElement>('button[data-row]')]
        const header = card.querySelector<HTMLElement>('[data-part="header"]')!
        return {
          name: (card as HTMLElement).dataset.section,
          height: (card as HTMLElement).offsetHeight,
          width: (card as HTMLElement).offsetWidth,
          header: header.offsetHeight,
          rows: rows.map((row) => [row.offsetTop, row.offsetHeight]),
        }
      }),
    )
    const parsed = parseIvr(template('departments-transfer'))
    const graph = buildGraph(parsed.model, parsed.text)
    expect(boxes).toEqual(
      graph.sections.map((section) => ({
        name: section.name,
        ...cardSize(section),
        header: CARD.header,
        rows: section.rows.map((_, i) => [CARD.header + CARD.padding + i * CARD.row, CARD.row]),
      })),
    )
  })

  test('draws an edge from every option goto to its section', async () => {
    const app = await open()
    await app.open('callback.yaml', template('callback-from-queue'))
    const edges = await app.canvas.edges()
    expect(edges.map((e) => [e.id, e.kind])).toEqual([
      ['["queue",1,"choice","0"]->section:queue', 'option'],
      ['["queue",1,"choice","1"]->section:voicemail', 'option'],
      ['["queue",1,"choice","2"]->section:callmeback', 'option'],
    ])
    // Each edge starts at the handle of its row.
    const handles = await app.canvas.card('queue').locator('.react-flow__handle.source').count()
    expect(handles).toBe(3)
  })

  test('shows a dangling goto as a red stub and the card with a red badge', async () => {
    const app = await open()
    await app.open('dangling.yaml', DANGLING)
    const { canvas } = app
    await expect.poll(() => canvas.stub('suport').textContent()).toBe('Missing section “suport”')
    expect(await canvas.badge('online')).toEqual({ severity: 'error', count: 1 })
    expect(await canvas.badge('sales')).toBeNull()
    expect(await canvas.row(['online', 1, 'choice', '2']).getAttribute('data-severity')).toBe(
      'error',
    )
    const edges = await canvas.edges()
    expect(edges.find((e) => e.id.endsWith('->missing:suport'))?.kind).toBe('dangling')
    const border = await canvas.stub('suport').evaluate((el) => getComputedStyle(el).borderStyle)
    expect(border).toBe('dashed')
  })

  test('selects a row when it is clicked, and the card when its header is', async () => {
    const app = await open()
    await app.open('callback.yaml', template('callback-from-queue'))
    const { canvas } = app
    await canvas.clickRow(['queue', 1, 'choice', '2'])
    expect(await app.selection()).toMatchObject({
      path: ['queue', 1, 'choice', '2'],
      origin: 'canvas',
    })
    expect(await canvas.row(['queue', 1, 'choice', '2']).getAttribute('aria-current')).toBe('true')
    await expect.poll(() => canvas.node('queue').getAttribute('class')).toContain('selected')
    const highlighted = (await canvas.edges()).filter((e) => e.highlighted).map((e) => e.id)
    expect(highlighted).toEqual(['["queue",1,"choice","2"]->section:callmeback'])

    // The inspector now shows the option over the right of the canvas; folded, it frees the cards.
    await app.page.getByTestId('inspector-collapse').click()
    await canvas.clickCard('voicemail')
    expect(await app.selection()).toMatchObject({ path: ['voicemail'], origin: 'canvas' })
    expect(await canvas.row(['queue', 1, 'choice', '2']).getAttribute('aria-current')).toBeNull()
  })

  test('selects a card from the keyboard: Tab to it, Enter', async () => {
    const app = await open()
    await app.open('callback.yaml', template('callback-from-queue'))
    await app.canvas.node('offline').focus()
    await app.page.keyboard.press('Enter')
    expect(await app.selection()).toMatchObject({ path: ['offline'], origin: 'canvas' })
    // The focus ring is drawn around the focused card.
    const ring = await app.canvas
      .card('offline')
      .evaluate((el) => [getComputedStyle(el).outlineStyle, getComputedStyle(el).outlineWidth])
    expect(ring).toEqual(['solid', '2px'])
    // The selected card's rows are next in the tab order.
    await app.page.keyboard.press('Tab')
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('data-row'))).toBe(
      '["offline",0]',
    )
  })

  test('keeps a dragged card where it was put after a reload, and tidies it back', async () => {
    const app = await open()
    await app.open('drag.yaml', template('callback-from-queue'))
    const { canvas } = app
    const before = await canvas.position('voicemail')
    await canvas.drag('voicemail', 120, 90)
    const moved = await canvas.position('voicemail')
    expect(moved.x - before.x).toBeGreaterThan(40)
    expect(moved.y - before.y).toBeGreaterThan(30)
    await expect
      .poll(() => app.page.evaluate(() => localStorage.getItem('ivr-designer.positions.drag.yaml')))
      .toBe(JSON.stringify({ 'section:voicemail': moved }))
    // The YAML carries no positions.
    expect(
      await app.page.evaluate(() => window.__ivrDesigner!.getState!().document.view.text),
    ).toBe(template('callback-from-queue'))

    // The IVR open before the reload is open after it, its card where it was put.
    await app.reload()
    await expect.poll(() => canvas.position('voicemail')).toEqual(moved)

    await canvas.tidy()
    await expect.poll(() => canvas.position('voicemail')).toEqual(before)
    await expect
      .poll(() => app.page.evaluate(() => localStorage.getItem('ivr-designer.positions.drag.yaml')))
      .toBeNull()
  })

  test('keeps every card in place while the YAML changes, a new section beside the card leading to it', async () => {
    const app = await open()
    const text = template('callback-from-queue')
    await app.open('follow.yaml', text)
    const { canvas } = app
    const names = ['online', 'offline', 'queue', 'callmeback', 'voicemail']
    const before = new Map<string, { x: number; y: number }>()
    for (const name of names) before.set(name, await canvas.position(name))

    // offline's one command becomes a goto to a section typed at the end.
    const changed = `${text.replace(/offline:\n {2}- play: [^\n]+\n/, 'offline:\n  - goto: closed\n')}closed:\n  - voicemail\n`
    expect(changed).toContain('- goto: closed')
    await app.setText(changed)
    await expect.poll(() => canvas.cards()).toContain('closed')
    for (const name of names) expect(await canvas.position(name)).toEqual(before.get(name))
    const offline = before.get('offline')!
    const closed = await canvas.position('closed')
    expect(closed.x).toBe(offline.x + CARD.width + 90)
    expect(closed.y).toBeGreaterThanOrEqual(offline.y)
    // Clear of every other card.
    const box = (await canvas.card('closed').boundingBox())!
    for (const name of names) {
      const other = (await canvas.card(name).boundingBox())!
      const apart =
        box.x + box.width <= other.x ||
        other.x + other.width <= box.x ||
        box.y + box.height <= other.y ||
        other.y + other.height <= box.y
      expect(apart, `closed overlaps ${name}`).toBe(true)
    }
  })

  test('keeps the elements of the rows below a command added above them, and of a row renamed', async () => {
    const app = await open()
    const text = template('callback-from-queue')
    await app.open('rows.yaml', text)
    const { canvas } = app
    // The menu's option rows, marked in the page: the marks stay only on elements kept.
    const option = (key: string) => canvas.row(['queue', 1, 'choice', key])
    for (const key of ['0', '1', '2']) {
      await option(key).evaluate((row, mark) => row.setAttribute('data-kept', mark), key)
    }
    await app.setText(text.replace('queue:\n', 'queue:\n  - ring\n'))
    await expect.poll(() => canvas.row(['queue', 2, 'choice', '2']).count()).toBe(1)
    for (const key of ['0', '1', '2']) {
      const moved = canvas.row(['queue', 2, 'choice', key])
      expect(await moved.getAttribute('data-kept')).toBe(key)
    }
    // The new row is a new element.
    expect(await canvas.row(['queue', 0]).getAttribute('data-kept')).toBeNull()

    // A name typed into changes the row's text in its own element.
    const added = text.replace('queue:\n', 'queue:\n  - ring\n')
    await app.setText(added.replace('name: Leave voicemail', 'name: Leave a message'))
    await expect
      .poll(() => canvas.row(['queue', 2, 'choice', '1']).textContent())
      .toContain('Leave a message')
    for (const key of ['0', '1', '2']) {
      expect(await canvas.row(['queue', 2, 'choice', key]).getAttribute('data-kept')).toBe(key)
    }
  })

  test('greys out the last good graph and names the line while the YAML has a syntax error', async () => {
    const app = await open()
    const text = template('callback-from-queue')
    await app.open('stale.yaml', text)
    const { canvas } = app
    expect(await canvas.isStale()).toBe(false)
    await app.setText(`${text}broken: [\n`)
    await expect.poll(() => canvas.isStale()).toBe(true)
    const banner = (await canvas.staleText()) ?? ''
    expect(banner).toMatch(
      /^The YAML has an error on line 28: .+\. The canvas shows the last version that worked\.$/,
    )
    // Its text keeps clear of the inspector floating over the canvas, open or closed.
    const words = app.page.getByTestId('canvas-stale').locator('p')
    for (const inspector of ['inspector', 'inspector-open']) {
      if (inspector === 'inspector-open') await app.page.getByTestId('inspector-close').click()
      const a = (await words.boundingBox())!
      const b = (await app.page.getByTestId(inspector).boundingBox())!
      expect(a.x + a.width <= b.x || a.y + a.height <= b.y, `banner under ${inspector}`).toBe(true)
    }
    expect(await canvas.cards()).toEqual(['online', 'offline', 'queue', 'callmeback', 'voicemail'])
    expect(await canvas.node('queue').getAttribute('class')).not.toContain('draggable')

    await app.dispatch({ type: 'locale.set', locale: 'ja' })
    await expect.poll(() => canvas.staleText()).toMatch(/^YAML の 28 行目にエラーがあります: /)

    await app.setText(text)
    await expect.poll(() => canvas.isStale()).toBe(false)
    expect(await canvas.node('queue').getAttribute('class')).toContain('draggable')
  })

  test('finds sections and commands and brings the chosen one into view', async () => {
    const app = await open()
    await app.open('search.yaml', template('departments-transfer'))
    const { canvas, page } = app
    await canvas.node('start').focus()
    await page.keyboard.press('Control+f')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox')
    const titles = await canvas.search('voicemail')
    expect(titles[0]).toContain('voicemail')
    expect(titles.length).toBeGreaterThan(1)
    await page.keyboard.press('Enter')
    expect(await app.selection()).toMatchObject({ path: ['voicemail'], origin: 'search' })
    await expect.poll(() => canvas.node('voicemail').getAttribute('class')).toContain('selected')
    // Centred: the card's middle is near the middle of the canvas the inspector leaves free.
    await expect
      .poll(async () => {
        const card = (await canvas.card('voicemail').boundingBox())!
        const pane = (await canvas.root.boundingBox())!
        const inspector = await page.getByTestId('inspector').boundingBox()
        const right = inspector ? inspector.x : pane.x + pane.width
        return Math.abs(card.x + card.width / 2 - (pane.x + right) / 2) < 40
      })
      .toBe(true)
  })

  test('brings the row the YAML cursor is on into view, again after another IVR is opened', async () => {
    const app = await open()
    const text = generateIvr(50)
    const lines = text.split('\n')
    // The last menu option of the file: its card is out of view when the IVR opens.
    const line = lines.lastIndexOf('        name: Option 2')
    const section = lines
      .slice(0, line)
      .reverse()
      .map((l) => /^([a-z_0-9]+):$/.exec(l)?.[1])
      .find((name) => name !== undefined)!
    const row = app.canvas.row([section, 1, 'choice', '2'])
    const inView = async () => {
      if ((await row.count()) === 0) return false
      const box = await row.boundingBox()
      const pane = (await app.canvas.root.boundingBox())!
      return (
        box !== null &&
        box.x >= pane.x &&
        box.y >= pane.y &&
        box.x + box.width <= pane.x + pane.width &&
        box.y + box.height <= pane.y + pane.height
      )
    }
    const yaml = yamlPane(app.page)
    for (const name of ['first.yaml', 'second.yaml']) {
      await app.open(name, text)
      await yaml.waitForText((t) => t === text)
      expect(await inView()).toBe(false)
      await yaml.clickAt(line + 1, 20)
      await expect.poll(inView).toBe(true)
    }
  })

  test('says so when the IVR has no sections', async () => {
    const app = await open({ locale: 'ja-JP' })
    await app.dispatch({ type: 'document.open', name: 'empty.yaml', text: '# nothing yet\n' })
    await app.canvas.waitReady()
    await expect.poll(() => app.canvas.root.textContent()).toContain(ja['canvas.empty.title'])
  })

  test('exports an SVG with every section name and a PNG from it', async () => {
    const app = await open()
    await app.open(
      'export & <co>.yaml',
      DANGLING.replace('sales: [ring]', '"sales & <more>": [ring]').replace(
        'goto: sales',
        'goto: "sales & <more>"',
      ),
    )
    const { page } = app
    const download = async (item: string) => {
      await page.getByRole('button', { name: en['toolbar.export'], exact: true }).click()
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('menuitem', { name: item }).click(),
      ])
      return readFileSync((await file.path())!)
    }
    const svg = (await download(en['toolbar.export.svg'])).toString('utf8')
    for (const name of ['online', 'offline', 'queue', 'sales &amp; &lt;more&gt;'])
      expect(svg).toContain(`>${name}</text>`)
    expect(svg).toContain('Missing section')
    expect(svg.match(/class="ivr-edge"/g)).toHaveLength(2)
    const png = await download(en['toolbar.export.png'])
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG')
    // Twice the size of the SVG, for sharp pictures.
    const width = png.readUInt32BE(16)
    expect(width).toBe(2 * Number(/width="(\d+)"/.exec(svg)![1]))
    expect(app.problems).toEqual([])
  })

  test('lays out and draws an IVR of 100 sections', async () => {
    const app = await open()
    const text = generateIvr(475)
    const started = Date.now()
    await app.open('large.yaml', text)
    const elapsed = Date.now() - started
    expect(elapsed).toBeLessThan(15_000)
    // Too large to fit at a size that can be read, it opens readable at its entry sections...
    const zoom = () =>
      app.page.evaluate(() => {
        const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')
        return Number(/scale\(([\d.]+)\)/.exec(viewport?.style.transform ?? '')?.[1] ?? NaN)
      })
    expect(await zoom()).toBeGreaterThanOrEqual(0.6)
    const opened = await app.canvas.cards()
    expect(opened).toEqual(expect.arrayContaining(['online', 'offline', 'queue']))
    expect(opened.length).toBeLessThan(100)
    // ...and the fit button shows every card.
    await app.page.locator('.react-flow__controls-fitview').click()
    await expect.poll(async () => (await app.canvas.cards()).length).toBe(100)
    // Typing keeps the unchanged cards as they were: one card re-renders, the layout stays.
    const key = await app.page.evaluate(() => window.__ivrDesigner!.getState!().canvas.layoutKey)
    await app.setText(text.replace('online-prompt-0.mp3', 'online-prompt-00.mp3'))
    await expect
      .poll(() => app.canvas.row(['online', 0]).textContent())
      .toBe('Play online-prompt-00.mp3')
    expect(await app.page.evaluate(() => window.__ivrDesigner!.getState!().canvas.layoutKey)).toBe(
      key,
    )
  })
})
