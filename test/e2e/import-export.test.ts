import { readFileSync, readdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { en } from '../../src/i18n/en.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { dedent } from '../helpers/dedent.ts'
import { MINIMAL_IVR } from '../helpers/ivr.ts'
import { startServer, type RunningServer } from '../helpers/server.ts'
import { openEditorApp, type EditorApp } from './pages/editor.ts'
import { storedDocument, toolbar, type FileToOpen } from './pages/toolbar.ts'

const EXAMPLES = new URL('../fixtures/examples/', import.meta.url)
const TEMPLATES = new URL('../../src/app/templates/', import.meta.url)

/**
 * Every example as written and with CRLF line breaks, one with a byte order mark, and a Japanese
 * text file without a final line break.
 */
const ROUND_TRIPS: FileToOpen[] = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.yaml'))
  .flatMap((name) => {
    const bytes = readFileSync(new URL(name, EXAMPLES))
    const crlf = Buffer.from(bytes.toString('utf8').replace(/\n/g, '\r\n'), 'utf8')
    return [
      { name, buffer: bytes },
      { name: name.replace('.yaml', '-crlf.yaml'), buffer: crlf },
    ]
  })
  .concat([
    {
      name: 'with-bom.yaml',
      buffer: Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        readFileSync(new URL('basic.yaml', EXAMPLES)),
      ]),
    },
    {
      name: 'japanese.txt',
      buffer: Buffer.from(
        '# 営業時間外のご案内 \nonline:\n  - ring\noffline:\n  - voicemail\nqueue:\t\n  - ring',
        'utf8',
      ),
    },
  ])

const IVR = MINIMAL_IVR

const WITH_ERRORS = dedent`
  online:
    - rign
    - goto: nowhere
  offline:
    - voicemail
  queue:
    - play: not-a-link
`

// Each test loads the whole app, Monaco included, which takes a while on a busy machine.
describe('opening and exporting IVRs', { timeout: 60_000 }, () => {
  let server: RunningServer
  let browser: Browser
  let app: EditorApp | null = null

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await app?.close()
    await browser?.close()
    await server?.close()
  })

  /** One app for the round trips; a fresh one for each other test. */
  async function shared(): Promise<EditorApp> {
    app ??= await openEditorApp(browser, `${server.origin}/`)
    return app
  }

  describe('round trips', () => {
    test.each(ROUND_TRIPS.map((file) => [file.name, file] as const))(
      '%s exports byte for byte as it was opened',
      async (_, file) => {
        const a = await shared()
        const bar = toolbar(a.page)
        await bar.openFile(file)
        await expect.poll(() => bar.documentName()).toBe(file.name)
        const opened = await storedDocument(a.page)
        // A byte order mark stays out of the text and comes back on export.
        expect(opened.text).toBe(file.buffer.toString('utf8').replace(/^\uFEFF/, ''))
        expect(await bar.isModified()).toBe(false)

        const exported = await bar.download(async () => {
          await bar.exportItem('toolbar.export.yaml')
          // An IVR with errors (fetch-reply as a per-number IVR) asks first.
          if (await bar.dialog.isVisible()) await bar.answer('export-errors.confirm')
        })
        expect(exported.fileName).toBe(file.name)
        expect(exported.bytes.equals(file.buffer)).toBe(true)
        expect(a.problems).toEqual([])
      },
    )
  })

  describe('each on its own', () => {
    let own: EditorApp | null = null

    afterEach(async () => {
      const problems = own?.problems ?? []
      await own?.close()
      own = null
      expect(problems).toEqual([])
    })

    async function open(text = IVR, name = 'support-line.yaml'): Promise<EditorApp> {
      own = await openEditorApp(browser, `${server.origin}/`)
      await own.dispatch({ type: 'document.open', name, text })
      await own.yaml.waitForText((t) => t === text)
      return own
    }

    async function expectUnchanged(page: Page, before: Awaited<ReturnType<typeof storedDocument>>) {
      expect(await storedDocument(page)).toEqual(before)
    }

    test('refuses a file over 1 MiB with its size, and leaves the IVR as it was', async () => {
      const a = await open()
      const bar = toolbar(a.page)
      const before = await storedDocument(a.page)
      const big = Buffer.alloc(Math.round(3.2 * 1024 * 1024), '# padding\n')
      await bar.openFile({ name: 'huge.yaml', buffer: big })
      const toast = await bar.waitForToast('open.too-large', { name: 'huge.yaml', size: '3.2 MB' })
      expect(await toast.innerText()).toContain(
        '"huge.yaml" is 3.2 MB; an IVR may be at most 1 MiB.',
      )
      expect(await toast.getAttribute('role')).toBe('alert')
      await expectUnchanged(a.page, before)
    })

    test('refuses text that is not UTF-8, and binary files', async () => {
      const a = await open()
      const bar = toolbar(a.page)
      const before = await storedDocument(a.page)
      const latin1 = Buffer.from('online:\n  - play: https://example.com/caf\xe9.mp3\n', 'latin1')
      await bar.openFile({ name: 'latin1.yaml', buffer: latin1 })
      await bar.waitForToast('open.not-utf8', { name: 'latin1.yaml' })
      await bar.openFile({
        name: 'logo.yaml',
        buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]),
      })
      await bar.waitForToast('open.binary', { name: 'logo.yaml' })
      await expectUnchanged(a.page, before)
    })

    test('opens a file dropped on the window, showing where to drop it, and only one at a time', async () => {
      const a = await open()
      const bar = toolbar(a.page)
      const files = (list: { name: string; text: string }[]) =>
        a.page.evaluateHandle((items) => {
          const transfer = new DataTransfer()
          for (const item of items) transfer.items.add(new File([item.text], item.name))
          return transfer
        }, list)

      const two = await files([
        { name: 'a.yaml', text: IVR },
        { name: 'b.yaml', text: IVR },
      ])
      await a.page.dispatchEvent('body', 'dragenter', { dataTransfer: two })
      const overlay = a.page.getByTestId('drop-overlay')
      await overlay.waitFor()
      expect(await overlay.innerText()).toContain(en['open.drop'])
      const before = await storedDocument(a.page)
      await a.page.dispatchEvent('body', 'drop', { dataTransfer: two })
      await overlay.waitFor({ state: 'detached' })
      await bar.waitForToast('open.one-at-a-time', { count: 2 })
      await expectUnchanged(a.page, before)

      const dropped =
        'online:\r\n  - ring\r\noffline:\r\n  - voicemail\r\nqueue:   \r\n  - ring\r\n'
      const one = await files([{ name: 'dropped.yaml', text: dropped }])
      await a.page.dispatchEvent('[data-testid="yaml-editor"]', 'dragenter', { dataTransfer: one })
      await a.page.dispatchEvent('[data-testid="yaml-editor"]', 'drop', { dataTransfer: one })
      await expect.poll(() => bar.documentName()).toBe('dropped.yaml')
      expect((await storedDocument(a.page)).text).toBe(dropped)
    })

    test('asks before an IVR with errors is exported, naming the errors', async () => {
      const a = await open(WITH_ERRORS)
      const bar = toolbar(a.page)
      let downloads = 0
      a.page.on('download', () => downloads++)

      await bar.exportItem('toolbar.export.yaml')
      await bar.dialog.waitFor()
      expect(await bar.dialog.getByRole('heading').innerText()).toBe('This IVR has 3 errors')
      const body = await bar.dialog.innerText()
      expect(body).toContain('Line 2')
      expect(body).toContain('"rign" is not a command.')
      await bar.answer('dialog.cancel')
      await a.page.waitForTimeout(300)
      expect(downloads).toBe(0)
      expect(await bar.isModified()).toBe(false)

      // Escape is Cancel, too.
      await bar.exportItem('toolbar.export.yaml')
      await bar.dialog.waitFor()
      await a.page.keyboard.press('Escape')
      await bar.dialog.waitFor({ state: 'detached' })
      expect(downloads).toBe(0)

      const exported = await bar.download(async () => {
        await bar.exportItem('toolbar.export.yaml')
        await bar.answer('export-errors.confirm')
      })
      expect(exported.bytes.toString('utf8')).toBe(WITH_ERRORS)
      await bar.waitForToast('export.downloaded', { name: 'support-line.yaml' })
    })

    test('asks before replacing changes that were not exported', async () => {
      const a = await open()
      const bar = toolbar(a.page)
      const changed = IVR + '# a change\n'
      await a.dispatch({ type: 'document.text', text: changed })
      expect(await bar.isModified()).toBe(true)

      await bar.newFromTemplate(en['template.basic.title'])
      await bar.dialog.waitFor()
      expect(await bar.dialog.getByRole('heading').innerText()).toBe(
        'Keep your changes to "support-line.yaml"?',
      )
      await bar.answer('dialog.cancel')
      expect((await storedDocument(a.page)).text).toBe(changed)

      const saved = await bar.download(async () => {
        await bar.newFromTemplate(en['template.basic.title'])
        await bar.answer('unsaved.export')
      })
      expect(saved.bytes.toString('utf8')).toBe(changed)
      await expect.poll(() => bar.documentName()).toBe('basic.yaml')

      await a.dispatch({ type: 'document.text', text: changed })
      await bar.openFile({ name: 'other.yaml', buffer: Buffer.from(IVR) })
      await bar.answer('unsaved.discard')
      await expect.poll(() => bar.documentName()).toBe('other.yaml')
      expect((await storedDocument(a.page)).text).toBe(IVR)
    })

    test.each([
      ['empty', 'template.empty.title'],
      ['departments-transfer', 'template.departments-transfer.title'],
      ['fetch-reply', 'template.fetch-reply.title'],
    ] as const)('New → %s loads the template and its sections', async (id, title) => {
      const a = await open()
      const bar = toolbar(a.page)
      await bar.newFromTemplate(en[title])
      const text = readFileSync(new URL(`${id}.yaml`, TEMPLATES), 'utf8')
      await expect.poll(async () => (await storedDocument(a.page)).text).toBe(text)
      const sections = [...text.matchAll(/^([A-Za-z_][\w-]*):/gm)].map((m) => m[1])
      expect((await storedDocument(a.page)).sections).toEqual(sections)
      expect(await bar.isModified()).toBe(false)
    })

    test('the template menu lists every template with its description, the empty IVR first', async () => {
      const a = await open()
      const bar = toolbar(a.page)
      await bar.button('toolbar.new').click()
      const items = a.page.getByRole('menu').getByRole('menuitem')
      expect(await items.count()).toBe(8)
      const first = items.first()
      expect(await first.getAttribute('aria-label')).toBeNull()
      expect(await first.innerText()).toContain(en['template.empty.title'])
      expect(await first.innerText()).toContain(en['template.empty.description'])
    })

    test('copies the YAML to the clipboard and says so', async () => {
      const a = await open()
      await a.context.grantPermissions(['clipboard-read', 'clipboard-write'])
      const bar = toolbar(a.page)
      await bar.exportItem('toolbar.export.copy')
      await bar.waitForToast('export.copied')
      expect(await a.page.evaluate(() => navigator.clipboard.readText())).toBe(IVR)
    })

    test('downloads the diagram as SVG and PNG, named after the IVR', async () => {
      const a = await open()
      const bar = toolbar(a.page)
      const svg = await bar.download(() => bar.exportItem('toolbar.export.svg'))
      expect(svg.fileName).toBe('support-line.svg')
      expect(svg.bytes.toString('utf8')).toContain('<svg')
      const png = await bar.download(() => bar.exportItem('toolbar.export.png'))
      expect(png.fileName).toBe('support-line.png')
      expect(png.bytes.length).toBeGreaterThan(0)
    })

    test('Ctrl+O opens the file picker and Ctrl+Shift+S downloads the YAML', async () => {
      const a = await open()
      const bar = toolbar(a.page)
      await a.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
      const chooser = a.page.waitForEvent('filechooser')
      // Waiting turns on file-chooser interception over the protocol; a round trip makes sure it
      // is on before the key is pressed, or the picker opens unseen.
      await a.page.evaluate(() => 0)
      await a.page.keyboard.press('Control+O')
      await (
        await chooser
      ).setFiles({ name: 'picked.yaml', mimeType: 'application/yaml', buffer: Buffer.from(IVR) })
      await expect.poll(() => bar.documentName()).toBe('picked.yaml')
      await a.dispatch({ type: 'document.text', text: IVR + '\n' })
      const saved = await bar.download(() => a.page.keyboard.press('Control+Shift+S'))
      expect(saved.fileName).toBe('picked.yaml')
      expect(saved.bytes.toString('utf8')).toBe(IVR + '\n')
      expect(await bar.isModified()).toBe(false)
    })
  })
})
