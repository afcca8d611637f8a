import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import type { Recording } from '../../src/app/recordings/recording.ts'
import { en } from '../../src/i18n/en.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { dedent } from '../helpers/dedent.ts'
import {
  findFreePort,
  killIfRunning,
  requireBuiltServer,
  requireBuiltWebApp,
  spawnMain,
  waitForOutput,
  type MainProcess,
} from '../helpers/server.ts'
import { makeMp3, makeWav } from '../server/support/audio.ts'
import { upload } from '../server/support/multipart.ts'
import { canvasPane } from './pages/canvas.ts'
import { openEditorApp, type EditorApp } from './pages/editor.ts'
import { problemsPanel } from './pages/problems.ts'
import { recordingsPane, type AudioFile } from './pages/recordings.ts'

const RUNNING = /IVR Designer is running at (http:\/\/[^/]+\/)\n/
const TOKEN = 'recordings-e2e-token-0123456789'

/** `node dist/server/main.js` with its own data folder and PUBLIC_URL, as an admin runs it. */
interface Server {
  origin: string
  main: MainProcess
  dataDir: string
}

async function startMain(env: Record<string, string> = {}): Promise<Server> {
  const port = await findFreePort()
  const origin = `http://127.0.0.1:${port}`
  const dataDir = mkdtempSync(join(tmpdir(), 'ivr-designer-recordings-e2e-'))
  const main = spawnMain({ PORT: String(port), DATA_DIR: dataDir, PUBLIC_URL: origin, ...env })
  await waitForOutput(main, RUNNING)
  return { origin, main, dataDir }
}

function wav(name: string, seconds: number, frequency = 440): AudioFile {
  return { name, mimeType: 'audio/wav', buffer: makeWav({ seconds, frequency }) }
}

async function uploadThroughApi(server: Server, file: AudioFile, token?: string) {
  const response = await upload(
    server.origin,
    [{ filename: file.name, contentType: file.mimeType, body: file.buffer }],
    token,
  )
  expect(response.status).toBe(201)
  return response.json<{ recordings: Recording[] }>().recordings[0] as Recording
}

describe('recordings in the editor', () => {
  let browser: Browser
  let server: Server
  let app: EditorApp | null = null
  const extraServers: Server[] = []

  beforeAll(async () => {
    requireBuiltServer()
    requireBuiltWebApp()
    server = await startMain()
    browser = await launchBrowser()
  })

  afterEach(async () => {
    await app?.close()
    app = null
    for (const extra of extraServers.splice(0)) {
      await killIfRunning(extra.main)
      rmSync(extra.dataDir, { recursive: true, force: true })
    }
  })

  afterAll(async () => {
    await browser?.close()
    if (server) {
      await killIfRunning(server.main)
      rmSync(server.dataDir, { recursive: true, force: true })
    }
  })

  async function open(origin = server.origin, text?: string): Promise<EditorApp> {
    app = await openEditorApp(browser, `${origin}/`)
    if (text !== undefined) {
      await app.dispatch({ type: 'document.open', name: 'menu.yaml', text })
      await app.yaml.waitForText((current) => current === text)
    }
    return app
  }

  test('uploads a WAV through the panel, lists it with its playing time, and previews it', async () => {
    const { page } = await open()
    const recordings = recordingsPane(page)
    await recordings.open()
    const file = wav('Welcome Message.wav', 1.5)
    await recordings.upload([file])
    await recordings.waitForNames((names) => names.includes('Welcome Message.wav'))
    expect(await recordings.duration('Welcome Message.wav')).toBe('1.5 s')
    expect(await recordings.uses('Welcome Message.wav')).toBe(en['recordings.uses.none'])
    expect(await recordings.uploads()).toEqual([])

    const [stored] = await recordings.stored()
    expect(stored?.url).toBe(`${server.origin}/recordings/${stored?.id}`)
    const served = Buffer.from(await (await fetch(stored!.url)).arrayBuffer())
    expect(served.equals(file.buffer)).toBe(true)

    await recordings.togglePlay('Welcome Message.wav')
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="recording-preview"]') as HTMLAudioElement)
          .currentTime > 0.1,
      undefined,
      { timeout: 10_000 },
    )
    expect(
      await recordings
        .item('Welcome Message.wav')
        .getByTestId('recording-play')
        .getAttribute('aria-pressed'),
    ).toBe('true')
    await recordings.togglePlay('Welcome Message.wav')
    expect(
      await page.evaluate(
        () =>
          (document.querySelector('[data-testid="recording-preview"]') as HTMLAudioElement).paused,
      ),
    ).toBe(true)

    await recordings.search('nothing like it')
    expect(await recordings.names()).toEqual([])
    await recordings.search('welcome')
    expect(await recordings.names()).toEqual(['Welcome Message.wav'])
  })

  test('shows the server reason for each refused file, next to the files it stored', async () => {
    const { page } = await open()
    const recordings = recordingsPane(page)
    await recordings.open()
    await recordings.upload([
      wav('Hold music.wav', 0.5, 300),
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not audio at all') },
      { name: 'silent.mp3', mimeType: 'audio/mpeg', buffer: makeMp3(28) },
    ])
    const uploads = await recordings.waitForUploads(
      (list) => list.length === 1 && list[0]?.phase === 'failed',
    )
    expect(uploads).toEqual([
      {
        name: 'notes.txt',
        phase: 'failed',
        reason: '“notes.txt” is not an MP3 or WAV recording. Upload MP3 or WAV audio.',
      },
    ])
    await recordings.waitForNames((names) => names.includes('Hold music.wav'))
    expect(await recordings.names()).toContain('silent.mp3')
    const failed = recordings.root.getByTestId('recording-upload')
    await expect.poll(() => failed.textContent()).toContain(en['recordings.error.not-audio'])
    await failed.getByRole('button', { name: 'Dismiss notes.txt' }).click()
    expect(await recordings.uploads()).toEqual([])
  })

  test('a WAV dropped on a play row is uploaded and becomes its URL, byte for byte, and undoes', async () => {
    const text = dedent`
      online:
        - play: https://example.com/welcome.mp3
        - ring
      offline:
        - voicemail
      queue:
        - ring
    `
    const { page, yaml } = await open(server.origin, text)
    const canvas = canvasPane(page)
    await canvas.waitReady()
    const recordings = recordingsPane(page)
    const file = wav('Greeting.wav', 0.8, 523)

    await recordings.dropFiles(canvas.row(['online', 0]), [file], false)
    await expect
      .poll(() => page.getByTestId('audio-drop-target').getAttribute('data-plan'))
      .toBe('set')
    await recordings.dropFiles(canvas.row(['online', 0]), [file])
    const changed = await yaml.waitForText((current) => current !== text)
    const url = /play: (\S+)/.exec(changed)?.[1] ?? ''
    expect(url).toMatch(new RegExp(`^${server.origin}/recordings/greeting-[0-9a-f]{8}\\.wav$`))
    expect(changed).toBe(text.replace('https://example.com/welcome.mp3', url))
    const served = Buffer.from(await (await fetch(url)).arrayBuffer())
    expect(served.equals(file.buffer)).toBe(true)
    expect(await app!.storeText()).toBe(changed)

    // The change went through the YAML editor, so its undo takes it back.
    await yaml.clickAt(7, 1)
    await page.keyboard.press('Control+z')
    await yaml.waitForText((current) => current === text)

    // On a card that ends with voicemail, the new play goes before the voicemail.
    await recordings.dropFiles(canvas.card('offline').locator('[data-part="header"]'), [
      wav('Closed.wav', 0.6, 660),
    ])
    const withClosed = await yaml.waitForText((current) => current.includes('closed-'))
    expect(withClosed).toMatch(
      /offline:\n {2}- play: http:\/\/\S+\/closed-[0-9a-f]{8}\.wav\n {2}- voicemail\n/,
    )
    expect(app!.problems).toEqual([])
  })

  test('a recording dragged out of the panel onto a row of a card plays before that row', async () => {
    const stored = await uploadThroughApi(server, wav('Queue music.wav', 0.7, 349))
    const text = 'online:\n  - ring\noffline:\n  - voicemail\nqueue:\n  - ring\n'
    const { page, yaml } = await open(server.origin, text)
    const canvas = canvasPane(page)
    await canvas.waitReady()
    const recordings = recordingsPane(page)
    await recordings.open()
    await recordings.waitForNames((names) => names.includes('Queue music.wav'))
    await recordings.dragRecording('Queue music.wav', canvas.row(['queue', 0]))
    await yaml.waitForText((current) => current.includes(stored.url))
    expect(await yaml.text()).toBe(
      text.replace('queue:\n  - ring\n', `queue:\n  - play: ${stored.url}\n  - ring\n`),
    )
    await expect.poll(() => recordings.uses('Queue music.wav')).toBe(en['recordings.uses.one'])
  })

  test('deleting a recording still played warns first, then the IVR warns in every view', async () => {
    const prompt = await uploadThroughApi(server, wav('Press 1.wav', 0.5, 700))
    const spare = await uploadThroughApi(server, wav('Spare.wav', 0.5, 710))
    const text = dedent`
      online:
        - play: ${prompt.url}
        - choice:
            1:
              name: Sales
              play: ${prompt.url}
              goto: queue
      offline:
        - voicemail
      queue:
        - ring
    `
    const { page, yaml } = await open(server.origin, text)
    const recordings = recordingsPane(page)
    const problems = problemsPanel(page)
    const canvas = canvasPane(page)
    await recordings.open()
    await recordings.waitForNames((names) => names.includes('Press 1.wav'))
    expect(await recordings.uses('Press 1.wav')).toBe('Used 2×')
    expect(await recordings.usages('Press 1.wav')).toEqual([
      'Line 2Play in "online"',
      'Line 6Prompt of key 1 in "online"',
    ])

    // A place that plays it is selected on the canvas and in the YAML.
    await recordings.reveal('Press 1.wav', 'Prompt of key 1')
    await expect
      .poll(async () => (await app!.selection())?.path)
      .toEqual(['online', 1, 'choice', '1'])

    // Unused: a plain question, and cancelling keeps it.
    await recordings.startDelete('Spare.wav')
    await expect
      .poll(() => recordings.dialog.textContent())
      .toContain(en['recordings.delete.unused'])
    await recordings.dialog.getByRole('button', { name: en['dialog.cancel'] }).click()
    expect(await recordings.names()).toContain('Spare.wav')
    expect((await fetch(spare.url)).status).toBe(200)

    // Used twice: the question says where, and deleting anyway deletes it.
    await recordings.startDelete('Press 1.wav')
    const dialog = recordings.dialog
    await expect.poll(() => dialog.textContent()).toContain('This IVR still plays it in 2 places.')
    expect(
      await dialog.getByTestId('recording-delete-usages').locator('li').allTextContents(),
    ).toEqual(['Line 2Play in "online"', 'Line 6Prompt of key 1 in "online"'])
    await dialog.getByRole('button', { name: en['recordings.delete.anyway'] }).click()
    await recordings.waitForNames((names) => !names.includes('Press 1.wav'))
    expect((await fetch(prompt.url)).status).toBe(404)

    // The URLs now name a recording the server does not have: a warning in all three places.
    await page.getByRole('tab', { name: 'YAML' }).click()
    const listed = await problems.waitForList(
      (list) => list.filter((p) => p.code === 'missing-recording').length === 2,
    )
    expect(listed.filter((p) => p.code === 'missing-recording').map((p) => p.severity)).toEqual([
      'warning',
      'warning',
    ])
    expect(listed[0]?.message).toContain(prompt.id)
    const markers = await yaml.waitForMarkers(
      (all) => all.filter((m) => m.code === 'missing-recording').length === 2,
    )
    expect(markers.filter((m) => m.code === 'missing-recording').map((m) => m.line)).toEqual([2, 6])
    expect(await canvas.badge('online')).toEqual({ severity: 'warning', count: 2 })
    expect(await canvas.row(['online', 0]).getAttribute('data-severity')).toBe('warning')
  })

  test('with AUTH_TOKEN the editor asks for the token once, keeps it for the tab, and retries', async () => {
    const guarded = await startMain({ AUTH_TOKEN: TOKEN })
    extraServers.push(guarded)
    const { page } = await open(guarded.origin)
    const recordings = recordingsPane(page)
    await recordings.open()
    await recordings.upload([wav('First.wav', 0.5, 400)])

    await recordings.tokenDialog.waitFor()
    await recordings.tokenDialog.getByLabel(en['recordings.token.label']).fill('not-the-token')
    await recordings.tokenDialog
      .getByRole('button', { name: en['recordings.token.submit'] })
      .click()
    await expect
      .poll(() => recordings.tokenDialog.textContent())
      .toContain(en['recordings.token.wrong'])
    await recordings.tokenDialog.getByLabel(en['recordings.token.label']).fill(`Bearer ${TOKEN}`)
    await recordings.tokenDialog
      .getByRole('button', { name: en['recordings.token.submit'] })
      .click()
    await recordings.waitForNames((names) => names.includes('First.wav'))
    expect(await page.evaluate(() => sessionStorage.getItem('ivr-designer.recordings-token'))).toBe(
      TOKEN,
    )

    // The next write goes with the kept token, without asking.
    await recordings.upload([wav('Second.wav', 0.5, 410)])
    await recordings.waitForNames((names) => names.includes('Second.wav'))
    await recordings.startDelete('First.wav')
    await recordings.dialog.getByRole('button', { name: en['recordings.delete.confirm'] }).click()
    await recordings.waitForNames((names) => !names.includes('First.wav'))
    expect(await recordings.tokenDialog.count()).toBe(0)

    // Cancelling the question leaves the file refused, with the reason.
    await page.evaluate(() => sessionStorage.removeItem('ivr-designer.recordings-token'))
    await recordings.upload([wav('Third.wav', 0.5, 420)])
    await recordings.tokenDialog.waitFor()
    await recordings.tokenDialog.getByRole('button', { name: en['dialog.cancel'] }).click()
    const [refused] = await recordings.waitForUploads((list) => list[0]?.phase === 'failed')
    expect(refused?.reason).toContain('access token')
  })
})
