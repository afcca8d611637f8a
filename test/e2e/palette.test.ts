import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser } from '../helpers/browser.ts'
import { dedent } from '../helpers/dedent.ts'
import { startServer, type RunningServer } from '../helpers/server.ts'
import { openCanvasApp, type CanvasApp } from './pages/canvas.ts'

const COMMENTED = dedent`
  # Support line: the main IVR
  # Owner: the contact centre team

  online:
    # Greet first
    - play: https://example.com/welcome.mp3   # 5 s
    # then the menu
    - choice:
        1:
          name: Sales   # the busiest
          play: https://example.com/press-1.mp3
          goto: sales
        2:
          name: Support
          play: https://example.com/press-2.mp3
          do:
            - play: https://example.com/support.mp3  # short
            - ring
  # Nobody there
  offline:
    - play: https://example.com/closed.mp3   # after hours
    - voicemail
  queue:
    - play: https://example.com/hold.mp3  # loops
  sales:
    # Sales team
    - ring
`

/** `text` with `line` put in before its line `at` (1-based). */
function withLine(text: string, at: number, line: string): string {
  const lines = text.split('\n')
  lines.splice(at - 1, 0, line)
  return lines.join('\n')
}

describe('the command palette and drag gestures', () => {
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

  async function open(text = COMMENTED): Promise<CanvasApp> {
    // Wide enough that every card of the fixture shows beside the panels over the canvas.
    const app = await openCanvasApp(browser, `${server.origin}/`, {
      viewport: { width: 1920, height: 1080 },
    })
    opened.push(app)
    await app.page.waitForFunction(() => window.__ivrDesigner?.yaml !== undefined, undefined, {
      timeout: 30_000,
    })
    await app.open('support.yaml', text)
    await yamlText(app, (t) => t === text)
    return app
  }

  /** Waits until Monaco's model holds a text that `accept` takes, and returns it. */
  async function yamlText(app: CanvasApp, accept: (text: string) => boolean): Promise<string> {
    let text = ''
    await expect
      .poll(
        async () => {
          text = await app.page.evaluate(() => window.__ivrDesigner!.yaml!.text())
          return accept(text)
        },
        { timeout: 10_000 },
      )
      .toBe(true)
    return text
  }

  test('a command dropped between two rows is exactly one new line, every other byte kept', async () => {
    const app = await open()
    const shown = await app.canvas.dropCommand('play', { after: ['offline', 0] })
    expect(shown).toEqual({ line: { list: ['offline'], index: 1 } })
    const expected = withLine(COMMENTED, 22, '  - play: https://example.com/recording.mp3')
    const text = await yamlText(app, (t) => t !== COMMENTED)
    expect(text).toBe(expected)
    expect(text.split('\n').length).toBe(COMMENTED.split('\n').length + 1)
    await expect.poll(() => app.canvas.row(['offline', 1]).textContent()).toContain('recording.mp3')
    // The new command is selected, on the canvas and in the YAML.
    expect((await app.selection())?.path).toEqual(['offline', 1])
    expect(app.problems.filter((p) => !p.includes('404'))).toEqual([])
  })

  test('a command dropped into an option’s list lands at the line the indicator showed', async () => {
    const app = await open()
    const shown = await app.canvas.dropCommand('voicemail', {
      after: ['online', 1, 'choice', '2', 'do', 0],
    })
    expect(shown).toEqual({ line: { list: ['online', 1, 'choice', '2', 'do'], index: 1 } })
    const text = await yamlText(app, (t) => t !== COMMENTED)
    expect(text).toBe(withLine(COMMENTED, 18, '          - voicemail'))
  })

  test('an item dropped on the empty canvas becomes a new section where it was dropped', async () => {
    const app = await open()
    const spot = await app.canvas.emptySpot()
    const shown = await app.canvas.dropCommand('menu', { at: spot })
    expect(shown).toEqual({ newSection: 'menu' })
    const text = await yamlText(app, (t) => t !== COMMENTED)
    expect(text).toBe(
      COMMENTED +
        dedent`
          menu:
            - choice:
                1:
                  name: Talk to an agent
                  play: https://example.com/press-1.mp3
                  do:
                    - ring
                2:
                  name: Leave a message
                  play: https://example.com/press-2.mp3
                  do:
                    - voicemail
        `,
    )
    await app.canvas.card('menu').waitFor()
    // The card stands where it was dropped: its header under the pointer.
    await expect
      .poll(() =>
        app.page.evaluate(
          ({ x, y }) =>
            document
              .elementFromPoint(x, y)
              ?.closest('[data-section]')
              ?.getAttribute('data-section'),
          spot,
        ),
      )
      .toBe('menu')
    expect(
      await app.page.evaluate(
        () => window.__ivrDesigner!.getState!().canvas.manual['section:menu'],
      ),
    ).toBeTruthy()
  })

  test('a row dragged within its card moves with its comment', async () => {
    const app = await open()
    const shown = await app.canvas.dragRow(['offline', 1], { before: ['offline', 0] })
    expect(shown).toEqual({ line: { list: ['offline'], index: 0 } })
    const text = await yamlText(app, (t) => t !== COMMENTED)
    expect(text).toBe(
      COMMENTED.replace(
        '  - play: https://example.com/closed.mp3   # after hours\n  - voicemail\n',
        '  - voicemail\n  - play: https://example.com/closed.mp3   # after hours\n',
      ),
    )
    expect((await app.selection())?.path).toEqual(['offline', 0])
  })

  test('a row dragged into another card leaves its own card with its comment', async () => {
    const app = await open()
    const shown = await app.canvas.dragRow(['sales', 0], { after: ['queue', 0] })
    expect(shown).toEqual({ line: { list: ['queue'], index: 1 } })
    const text = await yamlText(app, (t) => t !== COMMENTED)
    expect(text).toBe(
      COMMENTED.replace('sales:\n  # Sales team\n  - ring\n', 'sales: []\n').replace(
        '  - play: https://example.com/hold.mp3  # loops\n',
        '  - play: https://example.com/hold.mp3  # loops\n  # Sales team\n  - ring\n',
      ),
    )
    await expect.poll(() => app.canvas.row(['queue', 1]).textContent()).toContain('Ring agents')
  })

  test('rows stay clickable, a row put back changes nothing, and headers still move cards', async () => {
    const app = await open()
    await app.canvas.clickRow(['queue', 0])
    expect((await app.selection())?.path).toEqual(['queue', 0])
    const shown = await app.canvas.dragRow(['online', 0], { before: ['online', 0] })
    expect(shown).toEqual(null)
    expect(await app.page.evaluate(() => window.__ivrDesigner!.yaml!.text())).toBe(COMMENTED)
    const before = await app.canvas.position('sales')
    await app.canvas.drag('sales', 60, 40)
    await expect.poll(() => app.canvas.position('sales')).not.toEqual(before)
    expect(await app.page.evaluate(() => window.__ivrDesigner!.yaml!.text())).toBe(COMMENTED)
  })

  test('an item is added after the selected command with the keyboard alone', async () => {
    const app = await open()
    await app.canvas.clickRow(['queue', 0])
    const item = app.canvas.palette.locator('button[data-item="request-callback"]')
    await item.focus()
    await app.page.keyboard.press('Enter')
    const text = await yamlText(app, (t) => t !== COMMENTED)
    expect(text).toBe(
      withLine(
        withLine(COMMENTED, 25, '  - play: https://example.com/callback.mp3'),
        26,
        '  - callback',
      ),
    )
    await expect
      .poll(() => app.canvas.palette.locator('[aria-live]').textContent())
      .toContain('queue')
  })

  test('a drag near the edge of the canvas pans it, and Escape cancels the drag', async () => {
    const app = await open()
    const { page } = app
    const viewport = () =>
      page.locator('.react-flow__viewport').evaluate((e) => (e as HTMLElement).style.transform)
    const before = await viewport()
    const item = app.canvas.palette.locator('button[data-item="ring"]')
    const from = (await item.boundingBox())!
    const box = (await app.canvas.root.locator('.react-flow').boundingBox())!
    await page.mouse.move(from.x + 20, from.y + 20)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 6 })
    await page.mouse.move(box.x + box.width / 2, box.y + box.height - 6, { steps: 4 })
    await expect.poll(viewport).not.toBe(before)
    await page.keyboard.press('Escape')
    expect(await page.getByTestId('drag-ghost').count()).toBe(0)
    await page.mouse.up()
    expect(await page.evaluate(() => window.__ivrDesigner!.yaml!.text())).toBe(COMMENTED)
  })

  test('while the YAML has a syntax error, the palette is paused and rows cannot be dragged', async () => {
    const app = await open()
    const broken = `${COMMENTED}oops: [\n`
    await app.setText(broken)
    await expect.poll(() => app.canvas.palette.getAttribute('data-state')).toBe('paused')
    await expect.poll(() => app.canvas.palette.getByTestId('palette-paused').isVisible()).toBe(true)
    expect(await app.canvas.row(['queue', 0]).getAttribute('class')).not.toContain('nodrag')
    // A drag does not even start, and the text stays as it is.
    const item = app.canvas.palette.locator('button[data-item="ring"]')
    const box = (await item.boundingBox())!
    await app.page.mouse.move(box.x + 20, box.y + 20)
    await app.page.mouse.down()
    await app.page.mouse.move(box.x + 300, box.y + 100, { steps: 5 })
    expect(await app.page.getByTestId('drag-ghost').count()).toBe(0)
    await app.page.mouse.up()
    expect(
      await app.page.evaluate(() => window.__ivrDesigner!.getState!().document.view.text),
    ).toBe(broken)
    await app.setText(COMMENTED)
    await expect.poll(() => app.canvas.palette.getAttribute('data-state')).toBe('ready')
  })
})
