import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser } from '../helpers/browser.ts'
import { dedent } from '../helpers/dedent.ts'
import { startServer, type RunningServer } from '../helpers/server.ts'
import { openEditorApp, yamlPane, type EditorApp } from './pages/editor.ts'
import {
  createIvr,
  fetchIvrNames,
  fetchIvrRecord,
  libraryUi,
  pickRowCommand,
} from './pages/library.ts'
import { storedDocument, toolbar } from './pages/toolbar.ts'

const IVR = dedent`
  online:
    - ring
  offline:
    - voicemail
`

// Each test loads the whole app, Monaco included, on a busy machine.
describe('managing IVRs in the library dialog', { timeout: 120_000 }, () => {
  let server: RunningServer
  let browser: Browser
  const apps: EditorApp[] = []

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterEach(async () => {
    const problems = apps.flatMap((app) => app.problems)
    for (const app of apps.splice(0)) await app.close()
    expect(problems).toEqual([])
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  async function open(path = '/'): Promise<EditorApp> {
    const app = await openEditorApp(browser, `${server.origin}${path}`)
    apps.push(app)
    return app
  }

  test('renames the open IVR from its row menu with the keyboard, and the toolbar follows', async () => {
    const ivr = await createIvr(server.origin, 'Rename line', IVR)
    const app = await open(`/?ivr=${ivr.id}`)
    const library = libraryUi(app.page)
    const bar = toolbar(app.page)
    await library.waitFor('v1', 'saved')
    expect(await bar.documentName()).toBe('Rename line')

    const dialog = await library.openDialog()
    const menuButton = dialog.getByRole('button', {
      name: library.text('library.manage.actions', { name: 'Rename line' }),
      exact: true,
    })
    await menuButton.focus()
    await app.page.keyboard.press('ArrowDown')
    const menu = app.page.getByRole('menu')
    await expect
      .poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('data-item')))
      .toBe('rename')
    await app.page.keyboard.press('Enter')
    await menu.waitFor({ state: 'detached' })

    const field = dialog.getByLabel(
      library.text('library.manage.rename.label', { name: 'Rename line' }),
    )
    await expect.poll(() => field.evaluate((input) => input === document.activeElement)).toBe(true)
    // Escape leaves the field only; the library stays open.
    await app.page.keyboard.press('Escape')
    await field.waitFor({ state: 'detached' })
    expect(await dialog.isVisible()).toBe(true)

    await pickRowCommand(dialog, 'Rename line', 'rename')
    await field.fill('Front desk line')
    await app.page.keyboard.press('Enter')
    await dialog.getByRole('button', { name: /^Front desk line/ }).waitFor()

    await expect.poll(() => bar.documentName()).toBe('Front desk line')
    expect((await storedDocument(app.page)).name).toBe('Front desk line')
    // Only the name changed: no new version, nothing unsaved.
    await library.waitFor('v1', 'saved')
    const record = await fetchIvrRecord(server.origin, ivr.id)
    expect(record).toMatchObject({ status: 200, name: 'Front desk line', deletedAt: null })
  })

  test('duplicates, deletes after asking, and recovers from Recently deleted', async () => {
    const ivr = await createIvr(server.origin, 'Sales line', IVR)
    const app = await open()
    const library = libraryUi(app.page)
    const dialog = await library.openDialog()

    await pickRowCommand(dialog, 'Sales line', 'duplicate')
    await dialog.getByRole('button', { name: /^Sales line \(copy\)/ }).waitFor()
    expect(await fetchIvrNames(server.origin)).toContain('Sales line (copy)')

    await pickRowCommand(dialog, 'Sales line', 'delete')
    const question = app.page.getByRole('dialog', {
      name: library.text('library.manage.delete.title', { name: 'Sales line' }),
    })
    await question.waitFor()
    expect(await question.textContent()).toContain(
      library.text('library.manage.delete.body', { days: 30 }),
    )
    // Cancel keeps it.
    await question.getByRole('button', { name: library.text('dialog.cancel'), exact: true }).click()
    await question.waitFor({ state: 'detached' })
    expect((await fetchIvrRecord(server.origin, ivr.id)).status).toBe(200)

    await pickRowCommand(dialog, 'Sales line', 'delete')
    await question
      .getByRole('button', { name: library.text('library.manage.delete.confirm'), exact: true })
      .click()
    const row = dialog.locator(`[data-ivr-id="${ivr.id}"]`)
    await row.waitFor({ state: 'detached' })
    const deleted = await fetchIvrRecord(server.origin, ivr.id)
    expect(deleted.status).toBe(410)
    expect(deleted.deletedAt).not.toBeNull()
    expect(await fetchIvrNames(server.origin)).not.toContain('Sales line')

    await dialog
      .getByRole('radio', { name: library.text('library.manage.view.deleted'), exact: true })
      .check()
    const recover = dialog.getByRole('button', {
      name: library.text('library.manage.recover.named', { name: 'Sales line' }),
      exact: true,
    })
    await recover.waitFor()
    expect(await row.textContent()).toContain('erased in 30 days')
    expect(await row.evaluate((element) => element.tagName)).toBe('DIV')

    await recover.click()
    await recover.waitFor({ state: 'detached' })
    expect(await dialog.textContent()).toContain(
      library.text('library.manage.deleted.empty', { days: 30 }),
    )
    expect(await fetchIvrRecord(server.origin, ivr.id)).toMatchObject({
      status: 200,
      deletedAt: null,
    })
    await dialog
      .getByRole('radio', { name: library.text('library.manage.view.all'), exact: true })
      .check()
    await dialog.getByRole('button', { name: /^Sales line Changed/ }).waitFor()
    expect(await row.evaluate((element) => element.tagName)).toBe('BUTTON')
  })

  test('deleting the open IVR keeps its unsaved text open as a file', async () => {
    const ivr = await createIvr(server.origin, 'Gone line', IVR)
    const app = await open(`/?ivr=${ivr.id}`)
    const library = libraryUi(app.page)
    await library.waitFor('v1', 'saved')
    const edited = IVR.replace('- ring', '- voicemail')
    await app.applyEdits([{ offset: 0, length: IVR.length, text: edited }])
    await expect.poll(() => app.storeText()).toBe(edited)
    await library.waitFor('v1', 'unsaved')

    const dialog = await library.openDialog()
    await pickRowCommand(dialog, 'Gone line', 'delete')
    const question = app.page.getByRole('dialog', {
      name: library.text('library.manage.delete.title', { name: 'Gone line' }),
    })
    expect(await question.textContent()).toContain(library.text('library.manage.delete.open'))
    await question
      .getByRole('button', { name: library.text('library.manage.delete.confirm'), exact: true })
      .click()
    await question.waitFor({ state: 'detached' })

    await library.waitFor(null, 'local')
    expect(await app.storeText()).toBe(edited)
    const stored = await storedDocument(app.page)
    expect(stored.name).toBe('Gone line')
    expect(new URL(app.page.url()).searchParams.has('ivr')).toBe(false)
    expect((await fetchIvrRecord(server.origin, ivr.id)).status).toBe(410)
    await expect
      .poll(() => toolbar(app.page).toasts())
      .toContain(library.text('library.manage.deleted.open', { name: 'Gone line', days: 30 }))
  })

  test('without the server, says so plainly and keeps the editor working', async () => {
    const context = await browser.newContext({
      locale: 'en-US',
      viewport: { width: 1440, height: 900 },
    })
    try {
      await context.route('**/api/ivrs**', (route) => route.abort('connectionrefused'))
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      await page.goto(`${server.origin}/?testHooks`)
      const yaml = yamlPane(page)
      await yaml.waitReady()
      const library = libraryUi(page)
      const bar = toolbar(page)
      await expect.poll(() => bar.toasts()).toContain(library.text('library.offline'))

      const dialog = await library.openDialog()
      const offline = dialog.getByTestId('library-offline')
      await offline.waitFor()
      expect(await offline.textContent()).toContain(library.text('library.offline.title'))
      expect(await offline.textContent()).not.toMatch(/Error|at \w+ \(|TypeError/)

      await context.unroute('**/api/ivrs**')
      await createIvr(server.origin, 'Back online', IVR)
      await offline.getByRole('button', { name: library.text('library.offline.retry') }).click()
      await dialog.getByRole('button', { name: /^Back online/ }).waitFor()
      await dialog.getByRole('button', { name: library.text('library.close') }).click()

      const before = await page.evaluate(() => window.__ivrDesigner!.getState!().document.view.text)
      await page.evaluate(
        (length) =>
          window.__ivrDesigner!.applyEdits!([{ offset: 0, length, text: 'main:\n  - ring\n' }]),
        before.length,
      )
      await yaml.waitForText((text) => text === 'main:\n  - ring\n')
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })
})
