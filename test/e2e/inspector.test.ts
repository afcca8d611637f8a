import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import type { Recording } from '../../src/app/recordings/recording.ts'
import { en } from '../../src/i18n/en.ts'
import { translate } from '../../src/i18n/translate.ts'
import { isPathPrefix } from '../../src/model/path.ts'
import { validateIvr } from '../../src/validate/validate-ivr.ts'
import { createLineIndex, toPosition } from '../../src/yaml/positions.ts'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { dedent } from '../helpers/dedent.ts'
import { startServer, type RunningServer } from '../helpers/server.ts'
import { makeWav } from '../server/support/audio.ts'
import { upload } from '../server/support/multipart.ts'
import { canvasPane } from './pages/canvas.ts'
import { openEditorApp, type EditorApp } from './pages/editor.ts'
import { inspectorPane } from './pages/inspector.ts'
import { problemsPanel } from './pages/problems.ts'

// Comments and every kind of quoting, so that an edit elsewhere must leave them byte for byte.
const MENU = dedent`
  # Support line
  online:
    - play: 'https://example.com/welcome.mp3'   # greeting
    - choice:
        1:
          name: "Sales"
          play: https://example.com/press-1.mp3
          goto: sales   # the sales team
        2: {name: Support, play: 'https://example.com/press-2.mp3', goto: sales}
  sales:
    - play: https://example.com/sales.mp3
    - goto: "offline"
  offline:
    - voicemail   # after hours
  queue:
    - goto: online
`

/** The line and column (from 1) where `needle` starts in `text`. */
function positionIn(text: string, needle: string): { line: number; column: number } {
  return toPosition(createLineIndex(text), text.indexOf(needle))
}

describe('the inspector', () => {
  let server: RunningServer
  let browser: Browser
  let app: EditorApp | null = null

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterEach(async () => {
    await app?.close()
    app = null
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  async function open(text = MENU) {
    app = await openEditorApp(browser, `${server.origin}/`, {
      viewport: { width: 1920, height: 1080 },
    })
    await app.dispatch({ type: 'document.open', name: 'menu.yaml', text })
    await app.yaml.waitForText((current) => current === text)
    const canvas = canvasPane(app.page)
    await canvas.waitReady()
    return { app, canvas, inspector: inspectorPane(app.page) }
  }

  test('says nothing is selected, then follows the canvas, the YAML cursor and the problems', async () => {
    const text = MENU.replace('goto: "offline"', 'goto: ofline')
    const { app, canvas, inspector } = await open(text)
    expect(await inspector.isEmpty()).toBe(true)

    await canvas.clickRow(['online', 0])
    await inspector.waitForTitle(en['inspector.kind.play'])
    // The breadcrumb leads to the item; the title names the item itself.
    expect(await inspector.breadcrumb()).toEqual(['online'])
    expect(await inspector.input('play').inputValue()).toBe('https://example.com/welcome.mp3')

    await app.yaml.clickAt(6, 12)
    await inspector.waitForTitle('Sales')
    expect(await inspector.breadcrumb()).toEqual(['online', en['inspector.kind.choice']])
    await inspector.clickCrumb(en['inspector.kind.choice'])
    await inspector.waitForTitle(en['inspector.kind.choice'])
    expect(await inspector.breadcrumb()).toEqual(['online'])

    const dangling = validateIvr(parseIvr(text)).find((d) => d.code === 'dangling-goto')!.message
    await problemsPanel(app.page).click(dangling)
    await inspector.waitForTitle(en['inspector.kind.goto'])
    expect(await inspector.input('goto').inputValue()).toBe('ofline')
    expect((await inspector.messages('goto', (m) => m.diagnostics.length > 0)).diagnostics).toEqual(
      [{ code: 'dangling-goto', severity: 'error', text: dangling }],
    )
  })

  test('changes a play URL: exactly that scalar changes in the YAML, the cursor stays', async () => {
    const { app, canvas, inspector } = await open()
    await canvas.clickRow(['online', 0])
    await inspector.waitForTitle(en['inspector.kind.play'])
    const cursor = await app.yaml.cursor()

    await inspector.set('play', 'https://example.com/hello.mp3')
    const expected = MENU.replace(
      "'https://example.com/welcome.mp3'   #",
      "'https://example.com/hello.mp3'   #",
    )
    expect(await app.yaml.waitForText((text) => text !== MENU)).toBe(expected)
    expect(await app.storeText()).toBe(expected)
    expect(await app.yaml.cursor()).toEqual(cursor)
    expect(await inspector.input('play').inputValue()).toBe('https://example.com/hello.mp3')
  })

  test('renames a section: every goto follows, and its card stays where it was', async () => {
    const { app, canvas, inspector } = await open()
    // One card dragged by the admin, one placed by the layout: both keep their places.
    await canvas.drag('sales', 30, 50)
    await app.page.waitForFunction(
      () => Object.keys(window.__ivrDesigner!.getState!().canvas.manual).length > 0,
    )
    const sales = await canvas.position('sales')
    const offline = await canvas.position('offline')

    await canvas.clickCard('sales')
    await inspector.waitForTitle('sales')
    await inspector.set('name', 'leads')
    const renamed = MENU.replace('\nsales:', '\nleads:')
      .replace('goto: sales   #', 'goto: leads   #')
      .replace('goto: sales}', 'goto: leads}')
    expect(await app.yaml.waitForText((text) => text !== MENU)).toBe(renamed)
    await canvas.card('leads').waitFor()
    expect(await canvas.position('leads')).toEqual(sales)
    await inspector.waitForTitle('leads')
    expect(await app.selection()).toMatchObject({ path: ['leads'] })

    await canvas.clickCard('offline')
    await inspector.waitForTitle('offline')
    await inspector.set('name', 'closed')
    const closed = await app.yaml.waitForText((text) => text.includes('closed:'))
    expect(closed).toBe(
      renamed.replace('goto: "offline"', 'goto: "closed"').replace('\noffline:', '\nclosed:'),
    )
    await canvas.card('closed').waitFor()
    expect(await canvas.position('closed')).toEqual(offline)
  })

  test('sets an option’s key with the keypad, showing which keys are taken', async () => {
    const { app, canvas, inspector } = await open()
    await canvas.clickRow(['online', 1, 'choice', '1'])
    await inspector.waitForTitle('Sales')
    const keys = await inspector.keys()
    expect(keys['1']).toBe('current')
    expect(keys['2']).toBe('taken')
    expect(keys['5']).toBe('free')

    // A key another option uses cannot be taken.
    expect(
      await inspector.field('key').locator('[data-key="2"]').getAttribute('aria-disabled'),
    ).toBe('true')

    await inspector.pickKey('5')
    const expected = MENU.replace(
      '      1:\n        name: "Sales"',
      '      5:\n        name: "Sales"',
    )
    expect(await app.yaml.waitForText((text) => text !== MENU)).toBe(expected)
    await app.page.waitForFunction(() => {
      const path = window.__ivrDesigner!.getState!().selection?.path
      return path?.[3] === '5'
    })
    expect((await inspector.keys())['5']).toBe('current')
    expect(await inspector.title()).toBe('Sales')
  })

  test('follows what is typed in the YAML, and applies its own value when left for the YAML', async () => {
    const { app, canvas, inspector } = await open()
    await canvas.clickRow(['online', 1, 'choice', '1'])
    await inspector.waitForTitle('Sales')

    // Typed in the YAML: the untouched name field follows.
    const name = positionIn(MENU, '"Sales"')
    await app.yaml.typeAt(name.line, name.column + '"Sales'.length, ' team')
    await expect.poll(() => inspector.input('name').inputValue()).toBe('Sales team')
    expect(await inspector.title()).toBe('Sales team')

    // A name typed into the inspector is applied, quotes kept, when the admin goes back to the
    // YAML; the fields follow the YAML again from there.
    await inspector.type('name', 'Sales desk')
    const recording = positionIn(MENU, '.mp3\n        goto: sales')
    await app.yaml.typeAt(recording.line, recording.column, '-new')
    await expect
      .poll(() => inspector.input('play').inputValue())
      .toBe('https://example.com/press-1-new.mp3')
    expect(await inspector.input('name').inputValue()).toBe('Sales desk')
    expect(await app.storeText()).toBe(
      MENU.replace('name: "Sales"', 'name: "Sales desk"').replace('press-1.mp3', 'press-1-new.mp3'),
    )
  })

  test('adds an option to a menu under the next free key, and selects it', async () => {
    const { app, canvas, inspector } = await open()
    await canvas.clickRow(['online', 1])
    const add = app.page.getByTestId('inspector-add-option')
    await expect.poll(() => add.textContent()).toBe('Add option 3')
    await add.click()
    const text = await app.yaml.waitForText((t) => t !== MENU)
    // One block more after the last option; every other byte as it was.
    const at = text.indexOf('      3:\n')
    expect(at).toBeGreaterThan(MENU.indexOf('2: {name: Support'))
    const block = text.slice(at, text.indexOf('\nsales:') + 1)
    expect(block).toBe(
      [
        '      3:',
        '        name: Option 3',
        '        play: https://example.com/press-3.mp3',
        '        do:',
        '          - ring',
        '',
      ].join('\n'),
    )
    expect(text.replace(block, '')).toBe(MENU)
    await inspector.waitForTitle('Option 3')
    expect((await app.selection())?.path).toEqual(['online', 1, 'choice', '3'])
  })

  test('picks an uploaded recording for a play URL', async () => {
    const response = await upload(server.origin, [
      {
        filename: 'Welcome Message.wav',
        contentType: 'audio/wav',
        body: makeWav({ seconds: 1.5, frequency: 440 }),
      },
    ])
    expect(response.status).toBe(201)
    const recording = response.json<{ recordings: Recording[] }>().recordings[0]!

    const { app, canvas, inspector } = await open()
    await canvas.clickRow(['sales', 0])
    await inspector.waitForTitle(en['inspector.kind.play'])
    expect(await inspector.recordings('play')).toContain('Welcome Message.wav')
    await inspector.pickRecording('play', 'Welcome Message.wav')

    const expected = MENU.replace('https://example.com/sales.mp3', recording.url)
    expect(await app.yaml.waitForText((text) => text !== MENU)).toBe(expected)
    const chip = inspector.field('play').getByTestId('inspector-recording')
    await chip.waitFor()
    expect(await chip.textContent()).toContain('Welcome Message.wav')
  })

  test('shows the core’s diagnostic for an invalid value as it is typed, and Escape reverts', async () => {
    const { app, canvas, inspector } = await open()
    await canvas.clickRow(['online', 0])
    await inspector.waitForTitle(en['inspector.kind.play'])

    await inspector.type('play', 'ftp://example.com/a.mp3')
    const wouldBe = MENU.replace("'https://example.com/welcome.mp3'", "'ftp://example.com/a.mp3'")
    const core = validateIvr(parseIvr(wouldBe)).filter((d) =>
      isPathPrefix(['online', 0, 'play'], d.path),
    )
    expect(core.map((d) => d.code)).toEqual(['invalid-url'])
    const messages = await inspector.messages('play', (m) => m.diagnostics.length > 0)
    expect(messages.diagnostics).toEqual([
      { code: 'invalid-url', severity: 'error', text: core[0]!.message },
    ])
    // Nothing is applied while typing.
    expect(await app.storeText()).toBe(MENU)

    await inspector.input('play').press('Escape')
    expect(await inspector.input('play').inputValue()).toBe('https://example.com/welcome.mp3')
    expect((await inspector.messages('play')).diagnostics).toEqual([])
  })

  test('keeps a value an op refuses, with the reason, and loses nothing', async () => {
    const { app, canvas, inspector } = await open()
    await canvas.clickCard('sales')
    await inspector.waitForTitle('sales')

    await inspector.set('name', 'queue')
    const messages = await inspector.messages('name', (m) => m.refusal !== null)
    expect(messages.refusal).toBe(translate('en', 'op.error.section-exists', { name: 'queue' }))
    expect(await inspector.input('name').inputValue()).toBe('queue')
    expect(await app.storeText()).toBe(MENU)

    await inspector.input('name').press('Escape')
    expect(await inspector.input('name').inputValue()).toBe('sales')
  })

  test('points a goto at another section with the picker, or at a new one', async () => {
    const { app, canvas, inspector } = await open()
    await canvas.clickRow(['sales', 1])
    await inspector.waitForTitle(en['inspector.kind.goto'])
    await inspector.pickSection('goto', /^queue/)
    const toQueue = MENU.replace('goto: "offline"', 'goto: "queue"')
    expect(await app.yaml.waitForText((text) => text !== MENU)).toBe(toQueue)

    await inspector.pickSection('goto', /help/, 'help')
    const withHelp = await app.yaml.waitForText((text) => text.includes('help'))
    expect(withHelp).toBe(
      toQueue
        .replace('goto: "queue"', 'goto: "help"')
        .replace('\noffline:', '\nhelp: []\noffline:'),
    )
  })

  test('edits the parameters of a dtmf as a table, with placeholders at a click', async () => {
    const text = dedent`
      start:
        - dtmf:
            url: https://example.com/digits
            params:
              ticket: {$conv_code}
      offline: [voicemail]
      queue: [ring]
    `
    const { app, inspector } = await open(text)
    await app.dispatch({ type: 'selection.set', path: ['start', 0], origin: 'search' })
    await inspector.waitForTitle(en['inspector.kind.dtmf'])
    const params = inspector.field('params')
    const placeholders = await params.locator('[data-placeholder]').allTextContents()
    expect(placeholders).toEqual(['{$from_number}', '{$to_number}', '{$conv_code}', 'DTMF_VALUE'])

    const ticket = params.locator('[data-param-value="ticket"]')
    await ticket.selectText()
    await params.locator('[data-placeholder="{$from_number}"]').click()
    expect(await ticket.inputValue()).toBe('{$from_number}')
    await ticket.press('Enter')
    const quoted = text.replace('ticket: {$conv_code}', 'ticket: "{$from_number}"')
    expect(await app.yaml.waitForText((current) => current !== text)).toBe(quoted)

    await params.locator('[data-param-new="name"]').fill('digits')
    await params.locator('[data-param-new="value"]').click()
    await params.locator('[data-placeholder="DTMF_VALUE"]').click()
    await params.locator('[data-param-new="value"]').press('Enter')
    const added = await app.yaml.waitForText((current) => current !== quoted)
    expect(added).toBe(
      quoted.replace('"{$from_number}"\n', '"{$from_number}"\n        digits: DTMF_VALUE\n'),
    )
    await params.locator('[data-param-value="digits"]').waitFor()
  })

  test('closes, and opens again from its button', async () => {
    const { app, inspector } = await open()
    await inspector.close()
    await app.page.getByTestId('inspector-open').waitFor()
    expect(await inspector.root.count()).toBe(0)
    await inspector.reopen()
    await inspector.root.waitFor()
  })
})
