import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { IvrPath } from '../../src/model/path.ts'
import { parseIvr } from '../../src/yaml/parse-ivr.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { REPO_ROOT, startServer, type RunningServer } from '../helpers/server.ts'
import { openCanvasApp, type CanvasApp } from './pages/canvas.ts'
import { yamlPane, type YamlPane } from './pages/editor.ts'
import { inspectorPane } from './pages/inspector.ts'

const mod = process.platform === 'darwin' ? 'Meta' : 'Control'

/** Every example IVR the editor offers as a template (they are the language's examples). */
const EXAMPLES = [
  'basic',
  'callback-direct',
  'callback-from-queue',
  'departments-transfer',
  'dynamic-fetch',
  'dtmf-input',
  'fetch-reply',
].map((id) => ({
  id,
  text: readFileSync(join(REPO_ROOT, 'src', 'app', 'templates', `${id}.yaml`), 'utf8'),
}))

/** The first section with a command, its first command and the last section of `text`. */
function landmarks(text: string): { section: string; command: IvrPath; last: string } {
  const { model } = parseIvr(text)
  const sections = model.sections
  const withCommand = sections.find((s) => s.commands.length > 0)
  if (!withCommand || sections.length === 0) throw new Error('an example without commands')
  return {
    section: withCommand.name,
    command: [withCommand.name, 0],
    last: sections[sections.length - 1]!.name,
  }
}

describe('gestures on every example, undone and redone', () => {
  let server: RunningServer
  let browser: Browser
  const opened: CanvasApp[] = []

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterAll(async () => {
    const problems = opened.flatMap((app) => app.problems)
    await Promise.all(opened.splice(0).map((app) => app.close()))
    await browser?.close()
    await server?.close()
    expect(problems.filter((p) => !p.includes('404'))).toEqual([])
  })

  /** One page for every example: opening an IVR starts a fresh history. */
  let shared: { app: CanvasApp; yaml: YamlPane } | null = null

  async function open(name: string, text: string): Promise<{ app: CanvasApp; yaml: YamlPane }> {
    if (shared === null) {
      const app = await openCanvasApp(browser, `${server.origin}/`, {
        viewport: { width: 1920, height: 1080 },
      })
      opened.push(app)
      const yaml = yamlPane(app.page)
      await yaml.waitReady()
      shared = { app, yaml }
    }
    const { app, yaml } = shared
    // Each under its own name: card positions are kept per name.
    await app.open(name, text)
    await yaml.waitForText((t) => t === text)
    await app.canvas.waitReady()
    return shared
  }

  test.each(EXAMPLES)(
    '$id: drop, delete, duplicate and rename, then undo all to the exact bytes and redo all',
    async ({ id, text }) => {
      const { app, yaml } = await open(`${id}.yaml`, text)
      const { section, command, last } = landmarks(text)
      const steps: string[] = [text]
      const changed = async () => {
        const before = steps[steps.length - 1]
        const now = await yaml.waitForText((t) => t !== before)
        steps.push(now)
      }

      // 1. A command from the palette, dropped after the first command of a section.
      await app.canvas.dropCommand('voicemail', { after: command })
      await changed()

      // 2. That first command deleted from the keyboard.
      await app.canvas.clickRow(command)
      await expect.poll(async () => (await app.selection())?.path).toEqual(command)
      await app.page.keyboard.press('Delete')
      await changed()

      // 3. The last section duplicated.
      await app.canvas.clickCard(last)
      await expect.poll(async () => (await app.selection())?.path).toEqual([last])
      await app.page.keyboard.press(`${mod}+d`)
      await changed()

      // 4. The first section renamed in the inspector: its gotos follow.
      await app.canvas.clickCard(section)
      const inspector = inspectorPane(app.page)
      await inspector.waitForTitle(section)
      await inspector.set('name', `${section}_renamed`)
      await changed()
      expect(steps[4]).toContain(`${section}_renamed:`)

      // Undo from the canvas, four gestures, four steps, back to every byte of the example.
      const spot = await app.canvas.emptySpot()
      await app.page.mouse.click(spot.x, spot.y)
      for (let i = steps.length - 2; i >= 0; i--) {
        await app.page.keyboard.press(`${mod}+z`)
        expect(await yaml.waitForText((t) => t === steps[i])).toBe(steps[i])
      }
      expect(
        await app.page.evaluate(() => window.__ivrDesigner!.getState!().document.view.text),
      ).toBe(text)

      // Redo from the YAML pane: the same four steps again.
      await yaml.clickAt(1, 1)
      for (let i = 1; i < steps.length; i++) {
        await app.page.keyboard.press(`${mod}+Shift+z`)
        expect(await yaml.waitForText((t) => t === steps[i])).toBe(steps[i])
      }
    },
  )
})
