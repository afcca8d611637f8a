import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Dialog, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser } from '../helpers/browser.ts'
import { MINIMAL_IVR } from '../helpers/ivr.ts'
import { startServer, type RunningServer } from '../helpers/server.ts'
import { canvasPane } from './pages/canvas.ts'
import { openEditorApp, yamlPane, type EditorApp } from './pages/editor.ts'
import {
  createIvr,
  fetchIvr,
  fetchVersions,
  killBrowserOf,
  launchWithProfile,
  libraryUi,
} from './pages/library.ts'
import { storedDocument, watchRequests } from './pages/toolbar.ts'

const IVR = MINIMAL_IVR

/**
 * Replaces the whole text as an edit from another view, after a click in the YAML (a person's
 * gesture, which the browser wants before it asks about leaving).
 */
async function edit(app: { page: Page; applyEdits: EditorApp['applyEdits'] }, text: string) {
  await app.page.getByTestId('yaml-editor').locator('.view-lines').first().click()
  const before = await app.page.evaluate(() => window.__ivrDesigner!.getState!().document.view.text)
  await app.applyEdits([{ offset: 0, length: before.length, text }])
  await app.page.waitForFunction(
    (expected) => window.__ivrDesigner!.getState!().document.view.text === expected,
    text,
  )
}

/** Answers the next dialog of `page` and tells which kind it was. */
function answerNextDialog(page: Page, accept: boolean): Promise<string> {
  return new Promise((resolve) => {
    page.once('dialog', (dialog: Dialog) => {
      resolve(dialog.type())
      void (accept ? dialog.accept() : dialog.dismiss())
    })
  })
}

// Each test loads the whole app, Monaco included, sometimes twice, on a busy machine.
describe('the IVR library in the editor', { timeout: 120_000 }, () => {
  let server: RunningServer
  let browser: Browser
  const apps: EditorApp[] = []
  const requests = new WeakMap<EditorApp, ReturnType<typeof watchRequests>>()

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterEach(async () => {
    // A request still in flight when the page closes would count as failed.
    for (const app of apps) await requests.get(app)?.quiet()
    // A save that meets a newer version is answered 409, which the browser logs; that is the
    // conflict the merge view exists for, not a problem of the page.
    const problems = apps
      .flatMap((app) => app.problems)
      .filter((problem) => !problem.includes('status of 409 (Conflict)'))
    for (const app of apps.splice(0)) await app.close()
    expect(problems).toEqual([])
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  async function open(path = '/'): Promise<EditorApp> {
    const app = await openEditorApp(browser, `${server.origin}${path}`)
    requests.set(app, watchRequests(app.page))
    apps.push(app)
    return app
  }

  test('keeps an edit across a reload, says so, and goes back to the saved version on request', async () => {
    const ivr = await createIvr(server.origin, 'Reload line', IVR)
    const app = await open(`/?ivr=${ivr.id}`)
    const library = libraryUi(app.page)
    expect((await storedDocument(app.page)).name).toBe('Reload line')
    await library.waitFor('v1', 'saved')

    const edited = IVR.replace('hold.mp3', 'reloaded.mp3')
    await edit(app, edited)
    await expect.poll(() => app.storeText()).toBe(edited)
    await library.waitFor('v1', 'unsaved')

    // A request cut off by the reload would count as failed.
    await app.page.waitForLoadState('networkidle')
    const asked = answerNextDialog(app.page, true)
    await app.page.reload()
    expect(await asked).toBe('beforeunload')
    await app.yaml.waitReady()
    expect(await app.storeText()).toBe(edited)
    expect(new URL(app.page.url()).searchParams.get('ivr')).toBe(ivr.id)
    await library.restoredNotice.waitFor()
    expect(await library.restoredNotice.textContent()).toMatch(
      /^Restored your unsaved changes from \d{1,2}:\d\d [AP]M\./,
    )
    await library.waitFor('v1', 'unsaved')

    await library.restoredNotice
      .getByRole('button', { name: library.text('library.restored.discard') })
      .click()
    await expect.poll(() => app.storeText()).toBe(IVR)
    await app.yaml.waitForText((text) => text === IVR)
    await library.waitFor('v1', 'saved')
    expect(await library.restoredNotice.count()).toBe(0)
  })

  test('keeps the card positions of two IVRs of one name apart', async () => {
    const first = await createIvr(server.origin, 'Same name', IVR)
    const second = await createIvr(server.origin, 'Same name', IVR)
    const app = await open(`/?ivr=${first.id}`)
    const canvas = canvasPane(app.page)
    await canvas.waitReady()
    const laidOut = await canvas.position('queue')
    await canvas.drag('queue', 160, 90)
    const moved = await canvas.position('queue')
    expect(moved).not.toEqual(laidOut)
    await expect
      .poll(() =>
        app.page.evaluate(
          (id) => localStorage.getItem(`ivr-designer.positions.library:${id}`),
          first.id,
        ),
      )
      .toBe(JSON.stringify({ 'section:queue': moved }))

    await app.page.goto(`${server.origin}/?ivr=${second.id}`)
    await canvas.waitReady()
    expect(await canvas.position('queue')).toEqual(laidOut)
    await app.page.goto(`${server.origin}/?ivr=${first.id}`)
    await canvas.waitReady()
    await expect.poll(() => canvas.position('queue')).toEqual(moved)
  })

  test('opens again the IVR opened right before a reload', async () => {
    const app = await open()
    // The IVR shown at the start is written as the draft to open next time.
    await app.page.waitForLoadState('networkidle')
    await app.page.waitForTimeout(1000)
    const text = IVR.replace('- ring', '- ring # opened last')
    await app.dispatch({ type: 'document.open', name: 'opened-last.yaml', text })
    // At once: the draft of the IVR just opened is written as the page unloads.
    await app.page.reload()
    await app.yaml.waitReady()
    expect(await storedDocument(app.page)).toMatchObject({ name: 'opened-last.yaml', text })
  })

  test('keeps an edit when the browser process is killed a second later', async () => {
    const ivr = await createIvr(server.origin, 'Crash line', IVR)
    const profile = mkdtempSync(join(tmpdir(), 'ivr-designer-profile-'))
    try {
      let context = await launchWithProfile(profile)
      let page = context.pages()[0] ?? (await context.newPage())
      await page.goto(`${server.origin}/?ivr=${ivr.id}&testHooks`)
      await yamlPane(page).waitReady()
      const edited = IVR.replace('- ring', '- play: https://example.com/crash.mp3\n  - ring')
      await edit(
        {
          page,
          applyEdits: (edits) => page.evaluate((e) => window.__ivrDesigner!.applyEdits!(e), edits),
        },
        edited,
      )
      // Drafts are written within a second of a change.
      await page.waitForTimeout(1000)
      await killBrowserOf(profile)

      context = await launchWithProfile(profile)
      page = context.pages()[0] ?? (await context.newPage())
      // Without the IVR in the address: the last one worked on opens again.
      await page.goto(`${server.origin}/?testHooks`)
      const yaml = yamlPane(page)
      await yaml.waitReady()
      expect(await yaml.text()).toBe(edited)
      expect(new URL(page.url()).searchParams.get('ivr')).toBe(ivr.id)
      await libraryUi(page).restoredNotice.waitFor()
      await libraryUi(page).waitFor('v1', 'unsaved')
      await context.close()
    } finally {
      rmSync(profile, { recursive: true, force: true })
    }
  })

  test('saves with Ctrl+S as the next version, with a message when asked', async () => {
    const ivr = await createIvr(server.origin, 'Save line', IVR)
    const app = await open(`/?ivr=${ivr.id}`)
    const library = libraryUi(app.page)
    await library.waitFor('v1', 'saved')

    const edited = IVR.replace('voicemail', 'callback')
    await edit(app, edited)
    await library.waitFor('v1', 'unsaved')
    await library.pressSave()
    await library.waitFor('v2', 'saved')
    expect(await fetchIvr(server.origin, ivr.id)).toEqual({ id: ivr.id, version: 2, text: edited })

    const again = edited.replace('hold.mp3', 'music.mp3')
    await edit(app, again)
    await library.waitFor('v2', 'unsaved')
    await library.saveWithMessage('Music while waiting')
    await library.waitFor('v3', 'saved')
    expect((await fetchIvr(server.origin, ivr.id)).text).toBe(again)
    expect((await fetchVersions(server.origin, ivr.id))[0]).toMatchObject({
      number: 3,
      message: 'Music while waiting',
    })
    // Leaving with everything saved asks nothing.
    let asked = false
    app.page.on('dialog', () => (asked = true))
    await app.page.reload()
    await app.yaml.waitReady()
    expect(asked).toBe(false)
    expect(await library.restoredNotice.count()).toBe(0)
  })

  test('saves an IVR that is not in the library as a new one, and opens others from the list', async () => {
    const other = await createIvr(server.origin, 'Listed line', IVR)
    const app = await open('/')
    const library = libraryUi(app.page)
    await library.waitFor(null, 'local')
    const text = await app.storeText()
    await library.pressSave()
    await library.waitFor('v1', 'saved')
    const id = new URL(app.page.url()).searchParams.get('ivr')
    expect(id).not.toBeNull()
    expect((await fetchIvr(server.origin, id!)).text).toBe(text)

    // Switching keeps the unsaved changes of the IVR left.
    const changed = `${text}# a note\n`
    await edit(app, changed)
    await library.waitFor('v1', 'unsaved')
    await library.open('Listed line')
    await expect.poll(() => app.storeText()).toBe(IVR)
    expect(new URL(app.page.url()).searchParams.get('ivr')).toBe(other.id)
    await library.waitFor('v1', 'saved')
    const name = (await storedDocument(app.page)).name
    expect(name).toBe('Listed line')

    const dialog = await library.openDialog()
    await dialog.getByRole('searchbox').fill('listed')
    await expect.poll(() => dialog.locator('[data-ivr-id]').count()).toBe(1)
    await dialog.getByRole('searchbox').fill('')
    await dialog.locator(`[data-ivr-id="${other.id}"]`).waitFor()
    expect(await dialog.locator(`[data-ivr-id="${other.id}"]`).getAttribute('aria-current')).toBe(
      'true',
    )
    await dialog.locator(`[data-ivr-id="${id}"]`).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => app.storeText()).toBe(changed)
    await library.waitFor('v1', 'unsaved')
  })

  test('a second save of the same IVR meets the first in the merge view, which merges both', async () => {
    const ivr = await createIvr(server.origin, 'Shared line', IVR)
    const first = await open(`/?ivr=${ivr.id}`)
    const second = await open(`/?ivr=${ivr.id}`)
    const a = libraryUi(first.page)
    const b = libraryUi(second.page)

    const mine = IVR.replace('- ring', '- play: https://example.com/welcome.mp3\n  - ring')
    await edit(first, mine)
    await a.waitFor('v1', 'unsaved')
    await a.pressSave()
    await a.waitFor('v2', 'saved')

    const theirs = IVR.replace('hold.mp3', 'music.mp3')
    await edit(second, theirs)
    await b.waitFor('v1', 'unsaved')
    await b.pressSave()
    await b.merge.root.waitFor()
    await b.merge.waitReady()
    expect(await b.merge.summary()).toContain(b.text('merge.clean'))
    // Nothing was written over the first save.
    expect((await fetchIvr(server.origin, ivr.id)).text).toBe(mine)
    expect(await b.merge.canUseMerged()).toBe(true)
    await b.merge.choose('merge.use-merged')
    await b.waitFor('v3', 'saved')
    const merged = IVR.replace(
      '- ring',
      '- play: https://example.com/welcome.mp3\n  - ring',
    ).replace('hold.mp3', 'music.mp3')
    expect(await fetchIvr(server.origin, ivr.id)).toEqual({ id: ivr.id, version: 3, text: merged })
    expect(await second.storeText()).toBe(merged)
  })

  test('a conflict must be resolved before the merged text can be saved', async () => {
    const ivr = await createIvr(server.origin, 'Conflict line', IVR)
    const first = await open(`/?ivr=${ivr.id}`)
    const second = await open(`/?ivr=${ivr.id}`)
    const a = libraryUi(first.page)
    const b = libraryUi(second.page)

    await edit(first, IVR.replace('hold.mp3', 'first.mp3'))
    await a.waitFor('v1', 'unsaved')
    await a.pressSave()
    await a.waitFor('v2', 'saved')

    await edit(second, IVR.replace('hold.mp3', 'second.mp3'))
    await b.waitFor('v1', 'unsaved')
    await b.pressSave()
    await b.merge.waitReady()
    expect(await b.merge.summary()).toContain('1 place was changed on both sides (queue)')
    expect(await b.merge.canUseMerged()).toBe(false)

    const resolved = IVR.replace('hold.mp3', 'both.mp3')
    await b.merge.replaceMerged(resolved)
    await expect.poll(() => b.merge.canUseMerged()).toBe(true)
    await b.merge.choose('merge.use-merged')
    await b.waitFor('v3', 'saved')
    expect((await fetchIvr(server.origin, ivr.id)).text).toBe(resolved)

    // Keeping mine replaces theirs only when asked to.
    await edit(first, IVR.replace('hold.mp3', 'mine-again.mp3'))
    await a.pressSave()
    await a.merge.waitReady()
    await a.merge.choose('merge.keep-mine')
    await a.waitFor('v4', 'saved')
    expect((await fetchIvr(server.origin, ivr.id)).text).toBe(
      IVR.replace('hold.mp3', 'mine-again.mp3'),
    )

    // Taking theirs drops the changes and saves nothing.
    await edit(second, IVR.replace('hold.mp3', 'dropped.mp3'))
    await b.pressSave()
    await b.merge.waitReady()
    await b.merge.choose('merge.take-theirs')
    await b.waitFor('v4', 'saved')
    expect(await second.storeText()).toBe(IVR.replace('hold.mp3', 'mine-again.mp3'))
    expect((await fetchIvr(server.origin, ivr.id)).version).toBe(4)
  })

  test('leaving with unsaved changes asks first, and staying keeps them', async () => {
    const ivr = await createIvr(server.origin, 'Leave line', IVR)
    const app = await open(`/?ivr=${ivr.id}`)
    await edit(app, IVR.replace('ring', 'callback'))
    await libraryUi(app.page).waitFor('v1', 'unsaved')
    const asked = answerNextDialog(app.page, false)
    // The navigation is cancelled when the person stays.
    await app.page.evaluate(() => {
      window.location.href = '/?left'
    })
    expect(await asked).toBe('beforeunload')
    await app.page.waitForTimeout(300)
    expect(new URL(app.page.url()).searchParams.get('ivr')).toBe(ivr.id)
    expect(await app.storeText()).toBe(IVR.replace('ring', 'callback'))
  })
})

describe('the IVR library on a server with an access token', { timeout: 120_000 }, () => {
  let server: RunningServer
  let browser: Browser
  let app: EditorApp | null = null

  beforeAll(async () => {
    server = await startServer({ library: { authToken: 'ann:secret' } })
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await app?.close()
    await browser?.close()
    await server?.close()
  })

  test('asks for the token once when a save is refused for the lack of it, then saves', async () => {
    const created = await fetch(`${server.origin}/api/ivrs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ann:secret' },
      body: JSON.stringify({ name: 'Guarded line', yaml: IVR }),
    })
    const { ivr } = (await created.json()) as { ivr: { id: string } }
    app = await openEditorApp(browser, `${server.origin}/?ivr=${ivr.id}`)
    const library = libraryUi(app.page)
    await library.waitFor('v1', 'saved')
    await edit(app, IVR.replace('ring', 'callback'))
    await library.pressSave()
    const dialog = app.page.getByTestId('recordings-token-dialog')
    await dialog.waitFor()
    await dialog.getByLabel(library.text('recordings.token.label')).fill('ann:secret')
    await dialog.getByRole('button', { name: library.text('recordings.token.submit') }).click()
    await library.waitFor('v2', 'saved')
    expect((await fetchVersions(server.origin, ivr.id))[0]).toMatchObject({ number: 2 })
    const versions = (await (
      await fetch(`${server.origin}/api/ivrs/${ivr.id}/versions`)
    ).json()) as {
      versions: { author: string }[]
    }
    expect(versions.versions[0]?.author).toBe('ann')
    // The browser logged the refusal; nothing else went wrong.
    expect(app.problems.filter((p) => !p.includes('status of 401'))).toEqual([])
  })
})
