import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { en } from '../../src/i18n/en.ts'
import { ja } from '../../src/i18n/ja.ts'
import type { Locale } from '../../src/i18n/translate.ts'
import { pathKey } from '../../src/model/path.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { dedent } from '../helpers/dedent.ts'
import { startServer, type RunningServer } from '../helpers/server.ts'
import { canvasPane } from './pages/canvas.ts'
import { openEditorApp, type EditorApp, type EditorVisitor } from './pages/editor.ts'
import { serveHost, testCallPanel, toneWav } from './pages/test-call.ts'
import { toolbar } from './pages/toolbar.ts'

const RECORDINGS_HOST = 'mycompany.ladesk.com'

const WITH_ERRORS = dedent`
  online:
    - play: https://example.com/welcome.mp3
    - goto: nowhere
  offline:
    - plya: https://example.com/closed.mp3
  queue:
    - ring
`

const UNREACHABLE = dedent`
  online:
    - ring
    - play: https://example.com/never.mp3
  offline:
    - voicemail
  queue:
    - play: https://example.com/hold.mp3
`

// Each test loads the whole app, Monaco included, which takes a while on a busy machine.
describe('the test call', { timeout: 60_000 }, () => {
  let server: RunningServer
  let browser: Browser
  let app: EditorApp | null = null
  /** Problems a test expects, such as a recording that answers 404. */
  let expected: RegExp[] = []
  /**
   * Recordings whose download the browser cancelled because the call moved on (a key pressed
   * while one loads): not a failure, though the browser reports the request as failed.
   */
  let cancelled = new Set<string>()

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterEach(async () => {
    const problems = (app?.problems ?? []).filter(
      (p) => !expected.some((e) => e.test(p)) && !cancelled.has(p),
    )
    await app?.close()
    app = null
    expected = []
    cancelled = new Set()
    // Every test also checks that the page logged no errors and no request failed.
    expect(problems).toEqual([])
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  /** The app with every recording of the templates answering with a short tone. */
  async function open(visitor?: EditorVisitor): Promise<EditorApp> {
    app = await openEditorApp(browser, `${server.origin}/`, visitor)
    await serveHost(app.page, RECORDINGS_HOST, { contentType: 'audio/wav', body: toneWav(2) })
    app.page.on('requestfailed', (request) => {
      if (
        request.resourceType() === 'media' &&
        request.failure()?.errorText === 'net::ERR_ABORTED'
      ) {
        cancelled.add(`${request.url()} failed`)
      }
    })
    return app
  }

  /** Opens a template from the New menu, the way a person would. */
  async function openTemplate(a: EditorApp, title: TemplateTitle, locale: Locale = 'en') {
    const bar = toolbar(a.page, locale)
    await bar.newFromTemplate(bar.text(title))
    if (await bar.dialog.isVisible()) await bar.answer('unsaved.discard')
    await canvasPane(a.page).waitReady()
  }

  type TemplateTitle = 'template.callback-from-queue.title' | 'template.departments-transfer.title'

  test('calls the callback template with every agent busy, and a 2 requests a callback', async () => {
    const a = await open()
    await openTemplate(a, 'template.callback-from-queue.title')
    const panel = testCallPanel(a.page)
    const canvas = canvasPane(a.page)
    await panel.open()
    expect(await panel.agents()).toBe('busy')
    await panel.call()

    // The caller waits in the queue, at its menu, while the recordings really play.
    await expect.poll(() => panel.status()).toBe('queued')
    await expect.poll(() => panel.playing(), { timeout: 10_000 }).toBe('playing')
    expect(await panel.round()).toBe('Round 1 of 3')
    expect(await canvas.row(['online', 0]).getAttribute('data-call')).toBe('visited')
    expect(await canvas.row(['online', 1]).getAttribute('data-call')).toBe('visited')
    expect(await canvas.row(['queue', 1]).getAttribute('data-call')).toBe('current')
    expect(await canvas.card('queue').getAttribute('data-call')).toBe('current')
    expect(await canvas.row(['offline', 0]).getAttribute('data-call')).toBeNull()

    await panel.press('2')
    const outcome = await panel.outcome()
    expect(outcome).toEqual({
      kind: 'callback-requested',
      label: en['sim.label.callback-requested'],
      sentence: en['sim.outcome.callback-requested'],
    })
    expect(await panel.transcript()).toEqual([
      { kind: 'enter', location: 'online:2', text: en['sim.entry.enter.online'] },
      { kind: 'play', location: 'online:3', text: 'Plays connect-first-available-agent.mp3' },
      { kind: 'ring', location: 'online:4', text: en['sim.entry.ring.busy'] },
      { kind: 'queue', location: 'queue:7', text: en['sim.entry.queue'] },
      { kind: 'play', location: 'queue:8', text: 'Plays next-in-queue.mp3' },
      {
        kind: 'prompt',
        location: 'queue:12',
        text: 'Prompt for 0 (Wait): hidden-waiting-music.mp3',
      },
      {
        kind: 'prompt',
        location: 'queue:16',
        text: 'Prompt for 1 (Leave voicemail): press-one-to-leave-a-voicemail.mp3',
      },
      {
        kind: 'prompt',
        location: 'queue:20',
        text: 'Prompt for 2 (Request callback): press_2_to_request_callback.mp3',
      },
      { kind: 'key', location: 'queue:18', text: 'The caller presses 2: Request callback.' },
      { kind: 'goto', location: 'queue:21', text: 'Goes to "callmeback".' },
      { kind: 'end', location: 'callmeback:23', text: en['sim.outcome.callback-requested'] },
    ])

    // The path taken: the rows walked, the option's edge, and the command it ended at.
    expect(await canvas.row(['queue', 1, 'choice', '2']).getAttribute('data-call')).toBe('visited')
    expect(await canvas.row(['queue', 1, 'choice', '1']).getAttribute('data-call')).toBeNull()
    expect(await canvas.row(['callmeback', 0]).getAttribute('data-call')).toBe('current')
    const taken = await canvas.root.locator('.react-flow__edge.ivr-edge-taken').count()
    expect(taken).toBe(1)
    const edge = `${pathKey(['queue', 1, 'choice', '2'])}->section:callmeback`
    expect(
      await canvas.root.locator(`.react-flow__edge[data-id='${edge}']`).getAttribute('class'),
    ).toContain('ivr-edge-taken')

    // A step of the transcript selects its command on the canvas and in the YAML.
    await panel.clickStep(8)
    await expect.poll(async () => (await a.selection())?.path).toEqual(['queue', 1, 'choice', '2'])
    await panel.showYaml()
    await expect.poll(async () => (await a.yaml.cursor()).line).toBe(18)
  })

  test('connects the caller waiting in the queue when an agent frees up', async () => {
    const a = await open()
    await openTemplate(a, 'template.callback-from-queue.title')
    const panel = testCallPanel(a.page)
    await panel.open()
    await panel.setAgents('busy')
    await panel.call()
    await expect.poll(() => panel.status()).toBe('queued')
    expect(await panel.root.getByTestId('queue-note').textContent()).toBe(en['testcall.queue.note'])

    await panel.setAgents('available')
    const outcome = await panel.outcome()
    expect(outcome.kind).toBe('connected')
    expect(outcome.sentence).toBe(en['sim.outcome.connected'])
    const steps = await panel.transcript()
    expect(steps.slice(-2).map((s) => [s.kind, s.text])).toEqual([
      ['state', en['sim.entry.state.available']],
      ['end', en['sim.outcome.connected']],
    ])
  })

  test('takes keys from the keyboard and ends the call after three rounds without one', async () => {
    const a = await open()
    await openTemplate(a, 'template.callback-from-queue.title')
    const panel = testCallPanel(a.page)
    await panel.open()
    await panel.call()
    await expect.poll(() => panel.status()).toBe('queued')

    // 0 waits on: the queue starts over.
    await a.page.keyboard.press('0')
    await expect
      .poll(async () => (await panel.transcript()).filter((s) => s.kind === 'key').length)
      .toBe(1)
    expect(await panel.round()).toBe('Round 1 of 3')
    await panel.noInput()
    await expect.poll(() => panel.round()).toBe('Round 2 of 3')
    await panel.noInput()
    await panel.noInput()
    const outcome = await panel.outcome()
    expect(outcome.kind).toBe('no-input')
    expect(outcome.sentence).toBe(en['sim.outcome.no-input'])
  })

  test('hangs up, calls again, and replays the same path', async () => {
    const a = await open()
    await openTemplate(a, 'template.callback-from-queue.title')
    const panel = testCallPanel(a.page)
    await panel.open()
    await panel.call()
    await panel.hangUp()
    expect((await panel.outcome()).kind).toBe('hung-up-by-admin')

    await panel.callAgain()
    await expect.poll(() => panel.status()).toBe('queued')
    await panel.press('1')
    expect((await panel.outcome()).kind).toBe('voicemail')
    const first = await panel.transcript()

    await panel.replay()
    await expect.poll(() => panel.transcript()).toEqual(first)
    expect((await panel.outcome()).kind).toBe('voicemail')
  })

  test('asks each department for its state', async () => {
    const a = await open()
    await openTemplate(a, 'template.departments-transfer.title')
    await serveHost(a.page, 'welcome.to.our.support', {
      contentType: 'audio/wav',
      body: toneWav(1),
    })
    const panel = testCallPanel(a.page)
    await panel.open()
    await panel.toggleSound()
    await panel.setDepartment('techDepID', 'offline')
    await panel.call()
    await panel.press('2')
    const outcome = await panel.outcome()
    expect(outcome.kind).toBe('hung-up')
    const steps = await panel.transcript()
    expect(steps.map((s) => s.kind)).toContain('transfer')
    expect(steps.find((s) => s.kind === 'transfer')?.text).toBe(
      'Transfers to techDepID, which is offline: its "offline" branch runs.',
    )
    expect(
      await canvasPane(a.page)
        .row(['start', 1, 'choice', '2', 'do', 0, 'transfer', 'if', 'offline'])
        .getAttribute('data-call'),
    ).toBe('visited')
  })

  test('collects digits until #, and takes the reply of the dtmf URL fetched for real', async () => {
    const a = await open()
    const text = dedent`
      start:
        - dtmf:
            url: https://api.example.com/next
            onError: offline
            params:
              value: DTMF_VALUE
      offline:
        - voicemail
      queue:
        - ring
    `
    await a.dispatch({ type: 'document.open', name: 'dtmf.yaml', text })
    await serveHost(a.page, 'api.example.com', {
      body: 'start:\n  - goto: offline\n',
      contentType: 'application/yaml',
      cors: true,
    })
    const panel = testCallPanel(a.page)
    await panel.open()
    await panel.call()
    await a.page.keyboard.press('4')
    await panel.press('2')
    await expect.poll(() => panel.digits()).toBe('42')
    await a.page.keyboard.press('#')
    expect(await panel.reply.address()).toBe(
      'https://api.example.com/next?value=42&ivrs=start%2Coffline%2Cqueue',
    )
    await panel.reply.fetchNow()
    await expect.poll(() => panel.reply.field.inputValue()).toBe('start:\n  - goto: offline\n')
    await panel.reply.use()
    expect((await panel.outcome()).kind).toBe('voicemail')
    const kinds = (await panel.transcript()).map((s) => s.kind)
    expect(kinds).toEqual(['enter', 'dtmf', 'reply', 'enter', 'goto', 'end'])
  })

  test('says when the browser cannot read a reply, and runs onError when it does not answer', async () => {
    const a = await open()
    const text = dedent`
      start:
        - fetch:
            url: https://api.example.com/next
            onError: offline
      offline:
        - voicemail
      queue:
        - ring
    `
    await a.dispatch({ type: 'document.open', name: 'fetch.yaml', text })
    // The browser gets no answer it may read (the address is down, or CORS forbids it).
    await a.page.route(
      (url) => url.hostname === 'api.example.com',
      (route) => route.abort('failed'),
    )
    expected = [/api\.example\.com.*failed/, /ERR_FAILED/]
    const panel = testCallPanel(a.page)
    await panel.open()
    await panel.call()
    await panel.reply.fetchNow()
    await expect
      .poll(() => panel.reply.root.getByRole('status').textContent())
      .toBe(en['testcall.reply.blocked'])
    await panel.reply.failed()
    expect((await panel.outcome()).kind).toBe('voicemail')
    expect((await panel.transcript()).map((s) => s.kind)).toContain('goto')
  })

  test('shows the file name when a recording does not play', async () => {
    const a = await open()
    await a.page.unrouteAll()
    await serveHost(a.page, RECORDINGS_HOST, { status: 404, body: '' })
    expected = [/status of 404/]
    await openTemplate(a, 'template.callback-from-queue.title')
    const panel = testCallPanel(a.page)
    await panel.open()
    await panel.call()
    await expect.poll(() => panel.playing(), { timeout: 10_000 }).toBe('failed')
    expect(await panel.root.getByTestId('now-playing').textContent()).toContain(
      'did not play, so its name stands in for it',
    )
    await expect
      .poll(() => panel.root.getByText(en['testcall.transcript.no-audio']).count())
      .toBeGreaterThan(0)
  })

  test('refuses an IVR with errors and names them', async () => {
    const a = await open()
    await a.dispatch({ type: 'document.open', name: 'broken.yaml', text: WITH_ERRORS })
    const panel = testCallPanel(a.page)
    await panel.open()
    expect(await panel.refusedErrors()).toEqual([
      en['diag.dangling-goto'].replace('{target}', 'nowhere'),
      '"plya" is not a command. Did you mean "play"?',
    ])
    expect(await panel.callButton.isDisabled()).toBe(true)
    await panel.clickError(0)
    await expect.poll(async () => (await a.selection())?.path).toEqual(['online', 1, 'goto'])

    // Forced anyway, the call is refused by the simulator too.
    await a.dispatch({ type: 'call.start' })
    expect(await panel.root.getByTestId('call-stage').count()).toBe(0)
    expect(
      await a.page.evaluate(
        () => window.__ivrDesigner!.getState!().call.session?.call.outcome?.kind,
      ),
    ).toBe('refused')
  })

  test('says so while the YAML has a syntax error', async () => {
    const a = await open()
    await a.dispatch({ type: 'document.open', name: 'ok.yaml', text: UNREACHABLE })
    const panel = testCallPanel(a.page)
    await panel.open()
    expect(await panel.syntaxNotice()).toBeNull()
    await a.dispatch({ type: 'document.text', text: 'online:\n  - ring\n offline: [\n' })
    await expect.poll(() => panel.syntaxNotice()).toContain(en['testcall.syntax.title'])
    expect(await panel.callButton.isDisabled()).toBe(true)
  })

  test('lists every path, replays one with a click, and marks the commands no path walks', async () => {
    const a = await open()
    await openTemplate(a, 'template.callback-from-queue.title')
    const panel = testCallPanel(a.page)
    await panel.open()
    await panel.toggleSound()
    await panel.showPaths()
    const paths = await panel.paths()
    expect(paths.map((p) => p.outcome)).toEqual([
      'connected',
      'waiting',
      'voicemail',
      'callback-requested',
      'waiting',
      'hung-up',
    ])
    await panel.replayPath('busy||2|0|callback-requested')
    expect((await panel.outcome()).kind).toBe('callback-requested')

    await a.dispatch({ type: 'document.open', name: 'unreachable.yaml', text: UNREACHABLE })
    await canvasPane(a.page).waitReady()
    await panel.showPaths()
    const row = canvasPane(a.page).row(['online', 1])
    expect(await row.getAttribute('data-call')).toBeNull()
    await panel.setCoverage(true)
    await expect.poll(() => row.getAttribute('data-call')).toBe('unvisited')
    expect(await canvasPane(a.page).row(['online', 0]).getAttribute('data-call')).toBeNull()
    await panel.setCoverage(false)
    await expect.poll(() => row.getAttribute('data-call')).toBeNull()
  })

  test('speaks Japanese', async () => {
    const a = await open({ locale: 'ja-JP' })
    await openTemplate(a, 'template.callback-from-queue.title', 'ja')
    const panel = testCallPanel(a.page, 'ja')
    await panel.open()
    expect(await a.page.getByRole('tab', { name: ja['testcall.tab.call'] }).isVisible()).toBe(true)
    expect(await panel.callButton.textContent()).toBe(ja['testcall.call'])
    await panel.toggleSound()
    await panel.call()
    expect(await panel.round()).toBe('3 回中 1 回目')
    await panel.press('2')
    const outcome = await panel.outcome()
    expect(outcome.label).toBe(ja['sim.label.callback-requested'])
    expect(outcome.sentence).toBe(ja['sim.outcome.callback-requested'])
    expect((await panel.transcript())[0]?.text).toBe(ja['sim.entry.enter.online'])
    await panel.showPaths()
    expect(await panel.root.getByText(ja['testcall.paths.group.busy']).isVisible()).toBe(true)
  })
})
