import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { en } from '../../src/i18n/en.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { dedent } from '../helpers/dedent.ts'
import { startServer, type RunningServer } from '../helpers/server.ts'
import { openCanvasApp, type CanvasApp } from './pages/canvas.ts'
import { yamlPane, type YamlPane } from './pages/editor.ts'

const IVR = dedent`
  # Support line
  online:
    - play: https://example.com/welcome.mp3
    - choice:
        1:
          name: Sales
          play: https://example.com/press-1.mp3
          goto: sales
        2:
          name: Support
          play: https://example.com/press-2.mp3   # says "press 2"
  offline: [voicemail]
  queue:
    - play: https://example.com/hold.mp3

  sales:
    - play: https://example.com/sales.mp3
    - ring
  helpdesk:
    - ring
`

const MENU = dedent`
  online:
    - goto: menu
  offline: [voicemail]
  queue: [ring]
  menu:
    # The main menu
    - choice:
        1: { name: Again, play: https://example.com/again.mp3, goto: menu }
        2: { name: Help, play: https://example.com/help.mp3, goto: sub }
  sub:
    - play: https://example.com/sub.mp3
    - goto: menu
`

const mod = process.platform === 'darwin' ? 'Meta' : 'Control'

describe('editing on the canvas', () => {
  let server: RunningServer
  let browser: Browser
  const opened: CanvasApp[] = []

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterEach(async () => {
    const problems = opened.flatMap((app) => app.problems)
    await Promise.all(opened.splice(0).map((app) => app.close()))
    expect(problems).toEqual([])
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  /** The app with `text` open, the YAML editor ready and the clipboard usable. */
  async function open(text: string): Promise<{ app: CanvasApp; yaml: YamlPane }> {
    const app = await openCanvasApp(browser, `${server.origin}/`)
    opened.push(app)
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.origin,
    })
    await app.open('support.yaml', text)
    // The inspector floats over the cards; these gestures are made on the cards themselves.
    const inspector = app.page.locator('[data-inspector="open"]')
    if ((await inspector.count()) > 0) {
      await inspector.getByRole('button', { name: 'Close the inspector' }).click()
    }
    const yaml = yamlPane(app.page)
    await yaml.waitReady()
    await yaml.waitForText((t) => t === text)
    return { app, yaml }
  }

  const toasts = (app: CanvasApp) => app.page.getByTestId('toasts')

  test('connects an option to a section by dragging its handle onto the card', async () => {
    const { app, yaml } = await open(IVR)
    await app.canvas.connect(['online', 1, 'choice', '2'], 'helpdesk')
    const expected = IVR.replace(
      '   # says "press 2"\n',
      '   # says "press 2"\n        goto: helpdesk\n',
    )
    expect(await yaml.waitForText((t) => t !== IVR)).toBe(expected)
    await expect
      .poll(async () => (await app.canvas.edges()).map((e) => e.id))
      .toContain('["online",1,"choice","2"]->section:helpdesk')
    // The new link is selected, with its button to remove it.
    expect(await app.selection()).toMatchObject({ path: ['online', 1, 'choice', '2', 'goto'] })
  })

  test('lights up the card a connection would end on, and draws the line to it', async () => {
    const { app } = await open(IVR)
    let lit: string | null = null
    let line = 0
    await app.canvas.connect(['online', 1, 'choice', '2'], 'helpdesk', async () => {
      lit = await app.page.evaluate(
        () =>
          document
            .querySelector('.react-flow__node [class*="dropTarget"]')
            ?.getAttribute('data-section') ?? null,
      )
      line = await app.page.locator('.react-flow__connectionline [data-state="snapped"]').count()
    })
    expect(lit).toBe('helpdesk')
    expect(line).toBe(1)
  })

  test('retargets a connected option, replacing its goto and nothing else', async () => {
    const { app, yaml } = await open(IVR)
    await app.canvas.connect(['online', 1, 'choice', '1'], 'helpdesk')
    expect(await yaml.waitForText((t) => t !== IVR)).toBe(
      IVR.replace('      goto: sales\n', '      goto: helpdesk\n'),
    )
  })

  test('makes a new section where a connection is dropped on empty canvas', async () => {
    const { app, yaml } = await open(IVR)
    const spot = await app.canvas.emptySpot()
    let ghost = ''
    await app.canvas.connect(['online', 1, 'choice', '2'], spot, async () => {
      ghost = (await app.page.locator('.react-flow__connectionline text').allTextContents()).join(
        ' ',
      )
    })
    expect(ghost).toContain('support')
    const text = await yaml.waitForText((t) => t !== IVR)
    // After the section it comes from, named after the option, and linked.
    expect(text).toBe(
      IVR.replace('   # says "press 2"\n', '   # says "press 2"\n        goto: support\n').replace(
        'offline: [voicemail]\n',
        'support: []\noffline: [voicemail]\n',
      ),
    )
    // Its card stands where the connection was dropped: the middle of its header's left edge.
    const header = await app.canvas.card('support').locator('[data-part="header"]').boundingBox()
    expect(header).not.toBeNull()
    expect(Math.abs(header!.x - spot.x)).toBeLessThan(6)
    expect(Math.abs(header!.y + header!.height / 2 - spot.y)).toBeLessThan(6)
    expect(await app.selection()).toMatchObject({ path: ['support'] })
  })

  test('deletes the selected command with Delete, and nothing else', async () => {
    const { app, yaml } = await open(IVR)
    await app.canvas.clickRow(['sales', 0])
    await app.page.keyboard.press('Delete')
    expect(await yaml.waitForText((t) => t !== IVR)).toBe(
      IVR.replace('  - play: https://example.com/sales.mp3\n', ''),
    )
    expect(await app.selection()).toBeNull()
  })

  test('deletes several rows and sections selected with Shift and Ctrl, with Backspace', async () => {
    const { app, yaml } = await open(IVR)
    await app.canvas.clickRow(['sales', 0])
    await app.canvas.row(['online', 0]).click({ modifiers: ['Shift'] })
    await app.canvas
      .card('helpdesk')
      .locator('[data-part="header"]')
      .click({ modifiers: [mod] })
    expect(await app.selection()).toMatchObject({ path: ['helpdesk'] })
    await expect
      .poll(() =>
        app.page.getByRole('toolbar', { name: en['canvas.selection.label'] }).textContent(),
      )
      .toContain('3 selected')
    await app.page.keyboard.press('Backspace')
    expect(await yaml.waitForText((t) => t !== IVR)).toBe(
      IVR.replace('  - play: https://example.com/welcome.mp3\n', '')
        .replace('  - play: https://example.com/sales.mp3\n', '')
        .replace('helpdesk:\n  - ring\n', ''),
    )
  })

  test('undoes a gesture of several edits in one step', async () => {
    const { app, yaml } = await open(IVR)
    await app.canvas.clickRow(['sales', 0])
    await app.canvas.row(['online', 0]).click({ modifiers: ['Shift'] })
    await app.page.keyboard.press('Delete')
    await yaml.waitForText((t) => t !== IVR)
    await app.page.keyboard.press(`${mod}+z`)
    expect(await yaml.waitForText((t) => t === IVR)).toBe(IVR)
  })

  test('asks before deleting an entry section, and keeps it on Cancel', async () => {
    const { app, yaml } = await open(IVR)
    await app.canvas.clickCard('queue')
    await app.page.keyboard.press('Delete')
    const dialog = app.page.locator('dialog[open]')
    await expect.poll(() => dialog.textContent()).toContain('Delete the entry section “queue”?')
    expect(await dialog.textContent()).toContain('cannot go live')
    await dialog.locator('button[data-answer="cancel"]').click()
    await app.page.waitForTimeout(200)
    expect(await yaml.text()).toBe(IVR)

    await app.canvas.clickCard('queue')
    await app.page.keyboard.press('Delete')
    await dialog.locator('button[data-answer="delete"]').click()
    expect(await yaml.waitForText((t) => t !== IVR)).toBe(
      IVR.replace('queue:\n  - play: https://example.com/hold.mp3\n', ''),
    )
  })

  test('leaves Delete to the field being typed in', async () => {
    const { app, yaml } = await open(IVR)
    await app.canvas.clickRow(['sales', 0])
    await app.canvas.root.getByRole('combobox').fill('sales')
    await app.page.keyboard.press('Backspace')
    await app.page.waitForTimeout(200)
    expect(await yaml.text()).toBe(IVR)
  })

  test('removes a link with the button on its edge, and with Delete on a selected edge', async () => {
    const { app, yaml } = await open(MENU)
    await app.canvas.clickEdge('["menu",0,"choice","2"]->section:sub')
    expect(await app.selection()).toMatchObject({ path: ['menu', 0, 'choice', '2', 'goto'] })
    await app.page.getByRole('button', { name: en['canvas.disconnect'] }).click()
    const once = await yaml.waitForText((t) => t !== MENU)
    expect(once).toBe(MENU.replace(', goto: sub }', ' }'))

    await app.canvas.clickEdge('["sub",1]->section:menu')
    await app.page.keyboard.press('Delete')
    // A goto command is its link: it goes as a whole.
    expect(await yaml.waitForText((t) => t !== once)).toBe(
      once.replace('sub.mp3\n  - goto: menu\n', 'sub.mp3\n'),
    )
  })

  test('copies a section and pastes it under a free name, its gotos following', async () => {
    const { app, yaml } = await open(MENU)
    await app.canvas.clickCard('menu')
    await app.page.keyboard.press(`${mod}+c`)
    await expect.poll(() => toasts(app).textContent()).toContain('Copied 1 section')
    const clip = await app.page.evaluate(() => navigator.clipboard.readText())
    expect(clip).toBe(dedent`
      menu:
        # The main menu
        - choice:
            1: { name: Again, play: https://example.com/again.mp3, goto: menu }
            2: { name: Help, play: https://example.com/help.mp3, goto: sub }
    `)
    await app.page.keyboard.press(`${mod}+v`)
    const text = await yaml.waitForText((t) => t !== MENU)
    expect(text).toBe(
      MENU + clip.replace('menu:', 'menu_2:').replace('goto: menu }', 'goto: menu_2 }'),
    )
    await expect.poll(() => app.canvas.cards()).toContain('menu_2')
    expect(await app.selection()).toMatchObject({ path: ['menu_2'] })
  })

  test('copies two sections selected with Shift and pastes them with their links between them', async () => {
    const { app, yaml } = await open(MENU)
    await app.canvas.clickCard('menu')
    await app.canvas
      .card('sub')
      .locator('[data-part="header"]')
      .click({ modifiers: ['Shift'] })
    await app.page.keyboard.press(`${mod}+c`)
    await expect.poll(() => toasts(app).textContent()).toContain('Copied 2 sections')
    await app.page.keyboard.press(`${mod}+v`)
    const text = await yaml.waitForText((t) => t !== MENU)
    expect(text.slice(MENU.length)).toBe(dedent`
      menu_2:
        # The main menu
        - choice:
            1: { name: Again, play: https://example.com/again.mp3, goto: menu_2 }
            2: { name: Help, play: https://example.com/help.mp3, goto: sub_2 }
      sub_2:
        - play: https://example.com/sub.mp3
        - goto: menu_2
    `)
    const selection = await app.page.evaluate(() => window.__ivrDesigner!.getState!().selection)
    expect(selection?.path).toEqual(['menu_2'])
    expect(selection?.extra).toEqual([['sub_2']])
  })

  test('cuts a command and pastes it at the end of another section', async () => {
    const { app, yaml } = await open(IVR)
    await app.canvas.clickRow(['sales', 0])
    await app.page.keyboard.press(`${mod}+x`)
    const cut = await yaml.waitForText((t) => t !== IVR)
    expect(cut).toBe(IVR.replace('  - play: https://example.com/sales.mp3\n', ''))
    await app.canvas.clickCard('helpdesk')
    await app.page.keyboard.press(`${mod}+v`)
    expect(await yaml.waitForText((t) => t !== cut)).toBe(
      cut.replace(
        'helpdesk:\n  - ring\n',
        'helpdesk:\n  - ring\n  - play: https://example.com/sales.mp3\n',
      ),
    )
    expect(await app.selection()).toMatchObject({ path: ['helpdesk', 1] })
  })

  test('pastes commands copied from a text editor after the selected command', async () => {
    const { app, yaml } = await open(IVR)
    await app.page.evaluate(() =>
      navigator.clipboard.writeText('- play: https://example.com/note.mp3  # note\n- callback\n'),
    )
    await app.canvas.clickRow(['sales', 0])
    await app.page.keyboard.press(`${mod}+v`)
    expect(await yaml.waitForText((t) => t !== IVR)).toBe(
      IVR.replace(
        '  - play: https://example.com/sales.mp3\n',
        '  - play: https://example.com/sales.mp3\n  - play: https://example.com/note.mp3  # note\n  - callback\n',
      ),
    )
  })

  test('pastes sections copied in another tab into another IVR', async () => {
    const { app } = await open(MENU)
    await app.canvas.clickCard('sub')
    await app.page.keyboard.press(`${mod}+c`)
    await expect.poll(() => toasts(app).textContent()).toContain('Copied 1 section')

    const page = await app.context.newPage()
    const target = new URL(`${server.origin}/`)
    target.searchParams.set('testHooks', '')
    await page.goto(target.href)
    await page.waitForFunction(() => window.__ivrDesigner?.dispatch !== undefined)
    await page.evaluate(
      (text) =>
        window.__ivrDesigner!.dispatch!({ type: 'document.open', name: 'other.yaml', text }),
      IVR,
    )
    const other = yamlPane(page)
    await other.waitReady()
    await other.waitForText((t) => t === IVR)
    await page
      .getByTestId('canvas')
      .locator('.react-flow__pane')
      .click({ position: { x: 5, y: 5 } })
    await page.keyboard.press(`${mod}+v`)
    expect(await other.waitForText((t) => t !== IVR)).toBe(
      `${IVR}sub:\n  - play: https://example.com/sub.mp3\n  - goto: menu\n`,
    )
  })

  test('duplicates the selected section beside it with Ctrl+D', async () => {
    const { app, yaml } = await open(MENU)
    await app.canvas.clickCard('sub')
    const before = await app.canvas.position('sub')
    await app.page.keyboard.press(`${mod}+d`)
    const text = await yaml.waitForText((t) => t !== MENU)
    expect(text).toBe(`${MENU}sub_2:\n  - play: https://example.com/sub.mp3\n  - goto: menu\n`)
    await expect.poll(() => app.canvas.cards()).toContain('sub_2')
    const after = await app.canvas.position('sub_2')
    expect(after).toEqual({ x: before.x + 40, y: before.y + 40 })
    expect(await app.selection()).toMatchObject({ path: ['sub_2'] })
  })

  test('selects the cards in a box drawn with Shift on empty canvas', async () => {
    const { app } = await open(IVR)
    const boxes = await Promise.all(
      ['sales', 'helpdesk'].map((name) => app.canvas.card(name).boundingBox()),
    )
    const left = Math.min(...boxes.map((b) => b!.x)) - 20
    const top = Math.min(...boxes.map((b) => b!.y)) - 20
    const right = Math.max(...boxes.map((b) => b!.x + b!.width)) + 20
    const bottom = Math.max(...boxes.map((b) => b!.y + b!.height)) + 20
    const { page } = app
    await page.keyboard.down('Shift')
    await page.mouse.move(right, bottom)
    await page.mouse.down()
    await page.mouse.move((left + right) / 2, (top + bottom) / 2, { steps: 4 })
    await page.mouse.move(left, top, { steps: 4 })
    await page.mouse.up()
    await page.keyboard.up('Shift')
    const selection = await page.evaluate(() => window.__ivrDesigner!.getState!().selection)
    const names = [selection?.path, ...(selection?.extra ?? [])].map((p) => p?.[0]).sort()
    expect(names).toEqual(['helpdesk', 'sales'])
    await expect.poll(() => app.canvas.node('sales').getAttribute('class')).toContain('selected')
    await expect.poll(() => app.canvas.node('helpdesk').getAttribute('class')).toContain('selected')
  })

  test('pauses every gesture while the YAML has a syntax error, saying why', async () => {
    const { app, yaml } = await open(IVR)
    await app.canvas.clickRow(['sales', 0])
    const broken = IVR.replace('offline: [voicemail]', 'offline: [voicemail')
    await app.setText(broken)
    await expect.poll(() => app.canvas.isStale()).toBe(true)
    const paused = en['canvas.paused'].slice(0, 30)

    await app.canvas.clickRow(['sales', 0])
    await app.page.keyboard.press('Delete')
    await expect.poll(() => toasts(app).textContent()).toContain(paused)
    await app.page.keyboard.press(`${mod}+d`)
    await app.page.keyboard.press(`${mod}+x`)
    await app.page.evaluate(() => navigator.clipboard.writeText('- ring\n'))
    await app.page.keyboard.press(`${mod}+v`)
    await app.canvas.connect(['online', 1, 'choice', '2'], 'helpdesk')
    await app.page.waitForTimeout(300)
    expect(await yaml.text()).toBe(broken)
    expect(await toasts(app).textContent()).toMatch(/syntax error on line \d+/)
  })
})
