import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser } from '../helpers/browser.ts'
import { dedent } from '../helpers/dedent.ts'
import { startServer, type RunningServer } from '../helpers/server.ts'
import { openEditorApp, type EditorApp } from './pages/editor.ts'
import { versionsPane } from './pages/versions.ts'

const FIRST = dedent`
  # Main line
  online:
    - play: https://example.com/welcome.mp3
    - ring
  offline:
    - play: https://example.com/closed.mp3
    - voicemail
  queue:
    - play: https://example.com/hold.mp3
    - choice:
        1:
          name: Voicemail
          play: https://example.com/press-1.mp3
          goto: offline
        2:
          name: Sales
          play: https://example.com/press-2.mp3
          goto: sales
  sales:
    - ring
`

const SECOND = FIRST.replace('closed.mp3', 'closed-for-the-holidays.mp3')
  .replace('        goto: sales', '        do:\n          - callback')
  .replace('sales:\n  - ring\n', '')

interface SavedIvr {
  ivr: { id: string; head: number }
}

describe('the history of a library IVR', () => {
  let browser: Browser
  let server: RunningServer
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

  /** An IVR saved twice through the API, as the editor saves it: FIRST, then SECOND. */
  async function saveTwoVersions(): Promise<string> {
    const created = await fetch(`${server.origin}/api/ivrs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Main line', yaml: FIRST, message: 'First menu' }),
    })
    expect(created.status).toBe(201)
    const { ivr } = (await created.json()) as SavedIvr
    const saved = await fetch(`${server.origin}/api/ivrs/${ivr.id}`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/yaml',
        'if-match': '"v1"',
        'x-save-message': encodeURIComponent('Callbacks from the queue'),
      },
      body: SECOND,
    })
    expect(saved.status).toBe(200)
    return ivr.id
  }

  async function openInEditor(id: string, text: string, version: number): Promise<EditorApp> {
    app = await openEditorApp(browser, `${server.origin}/`)
    await app.dispatch({
      type: 'document.open',
      name: 'main-line.yaml',
      text,
      library: { id, version },
    })
    await app.yaml.waitForText((current) => current === text)
    return app
  }

  test('compares two versions in plain words, on the canvas and as YAML, and restores the first', async () => {
    const id = await saveTwoVersions()
    const { page, yaml } = await openInEditor(id, SECOND, 2)
    const history = versionsPane(page)
    await history.open()

    expect(await history.waitForVersions((versions) => versions.length === 2)).toEqual([
      { number: 2, message: 'Callbacks from the queue', open: true, selected: false },
      { number: 1, message: 'First menu', open: false, selected: false },
    ])

    await history.select(1)
    await history.select(2)
    await history.compare()
    await expect
      .poll(() => history.summary())
      .toEqual([
        'Callers in offline now hear a different greeting (closed-for-the-holidays.mp3)',
        'Pressing 2 in queue now requests a callback (was: goes to sales)',
        'Section sales was removed',
      ])
    expect(await history.cards()).toEqual([
      { section: 'online', status: 'same' },
      { section: 'offline', status: 'changed' },
      { section: 'queue', status: 'changed' },
      { section: 'sales', status: 'removed' },
    ])
    expect(await history.dialog.getByTestId('compare-legend').innerText()).toContain('Removed')
    expect(await history.showYamlDiff()).toBeGreaterThanOrEqual(2)

    await history.dialog.getByTestId('compare-restore').click()
    await history.dialog.waitFor({ state: 'hidden' })
    await yaml.waitForText((text) => text === FIRST)
    await history.waitForVersions(
      (versions) => versions.length === 3 && versions[0]!.number === 3 && versions[0]!.open,
    )

    const head = await fetch(`${server.origin}/api/ivrs/${id}`)
    expect(head.headers.get('etag')).toBe('"v3"')
    expect(await head.text()).toBe(FIRST)
    const library = await page.evaluate(() => window.__ivrDesigner!.getState!().document.library)
    expect(library).toEqual({ id, version: 3 })
    expect(app!.problems).toEqual([])
  })

  test('compares one version with the editor, asks before restoring over unsaved changes, and downloads a version', async () => {
    const id = await saveTwoVersions()
    const { page, yaml } = await openInEditor(id, SECOND, 2)
    const history = versionsPane(page)
    const edited = SECOND.replace('hold.mp3', 'new-hold.mp3')
    await app!.applyEdits([{ offset: SECOND.indexOf('hold.mp3'), length: 0, text: 'new-' }])
    await yaml.waitForText((text) => text === edited)
    await history.open()

    await history.select(2)
    await history.compare()
    expect(await history.summary()).toEqual([
      'Callers in queue now hear a different greeting (new-hold.mp3)',
    ])
    await history.dialog.getByTestId('compare-close').click()
    await history.dialog.waitFor({ state: 'hidden' })

    await history.restore(1)
    const question = page.getByRole('dialog', { name: 'Restore version 1?' })
    await question.waitFor()
    await question.getByRole('button', { name: 'Keep editing' }).click()
    expect(await yaml.text()).toBe(edited)
    const before = await (await fetch(`${server.origin}/api/ivrs/${id}/versions`)).json()
    expect((before as { versions: unknown[] }).versions).toHaveLength(2)

    const file = await history.download(1)
    expect(file).toEqual({ name: 'main-line-v1.yaml', text: FIRST })
  })

  test('says so when the IVR in the editor is not in the library', async () => {
    app = await openEditorApp(browser, `${server.origin}/`)
    await app.dispatch({ type: 'document.open', name: 'loose.yaml', text: FIRST })
    const history = versionsPane(app.page)
    await history.open()
    await history.root.getByTestId('history-empty').waitFor()
    expect(await history.root.getByTestId('history-empty').innerText()).toContain(
      'This IVR is not in the library',
    )
  })

  test('asks for the access token when the server wants one, and restores with it', async () => {
    const TOKEN = 'versions-e2e-token-0123456789'
    const guarded = await startServer({ library: { authToken: TOKEN } })
    try {
      const auth = { authorization: `Bearer ${TOKEN}` }
      const created = await fetch(`${guarded.origin}/api/ivrs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ name: 'Main line', yaml: FIRST }),
      })
      const { ivr } = (await created.json()) as SavedIvr
      await fetch(`${guarded.origin}/api/ivrs/${ivr.id}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/yaml', 'if-match': '"v1"', ...auth },
        body: SECOND,
      })
      app = await openEditorApp(browser, `${guarded.origin}/`)
      await app.dispatch({
        type: 'document.open',
        name: 'main-line.yaml',
        text: SECOND,
        library: { id: ivr.id, version: 2 },
      })
      const history = versionsPane(app.page)
      await history.open()
      await history.waitForVersions((versions) => versions.length === 2)
      await history.restore(1)
      const dialog = app.page.getByRole('dialog', { name: 'Access token needed' })
      await dialog.waitFor()
      await dialog.getByLabel('Access token').fill(TOKEN)
      await dialog.getByRole('button', { name: 'Continue' }).click()
      await app.yaml.waitForText((text) => text === FIRST)
      const head = await fetch(`${guarded.origin}/api/ivrs/${ivr.id}`)
      expect(head.headers.get('etag')).toBe('"v3"')
      expect(await head.text()).toBe(FIRST)
    } finally {
      await app?.close()
      app = null
      await guarded.close()
    }
  })
})
