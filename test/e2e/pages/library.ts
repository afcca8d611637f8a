import { readdirSync, readFileSync } from 'node:fs'
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core'
import type { MessageId } from '../../../src/i18n/en.ts'
import { translate, type MessageArgs } from '../../../src/i18n/translate.ts'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../helpers/browser.ts'

/** The library part of the toolbar, the notice of restored changes and the library's dialogs. */
export interface LibraryUi {
  /** The open IVR's version as the toolbar shows it (`v3`), or `null` outside the library. */
  version(): Promise<string | null>
  /** What the toolbar says of the open IVR: `saved`, `unsaved`, `saving` or `local`. */
  state(): Promise<string | null>
  /** Waits until the toolbar shows `version` (`v3`) and `state`. */
  waitFor(version: string | null, state: string): Promise<void>
  /** Presses Ctrl+S (⌘S on a Mac) where the focus is. */
  pressSave(): Promise<void>
  /** Saves through "Save with message…". */
  saveWithMessage(message: string): Promise<void>
  /** Opens the library dialog. */
  openDialog(): Promise<Locator>
  /** Opens the library IVR named `name` from the library dialog. */
  open(name: string): Promise<void>
  /** The notice of restored changes. */
  restoredNotice: Locator
  /** The merge view. */
  merge: MergeView
  text(id: MessageId, args?: MessageArgs): string
}

/** The merge view of a save that met a newer version. */
export interface MergeView {
  root: Locator
  summary(): Promise<string>
  /** Waits for Monaco's diff editor to be ready. */
  waitReady(): Promise<void>
  /** Replaces the merged text (the right side) as a person would: select all, type. */
  replaceMerged(text: string): Promise<void>
  /** Whether "Save merged result" can be pressed. */
  canUseMerged(): Promise<boolean>
  choose(
    label: 'merge.use-merged' | 'merge.keep-mine' | 'merge.take-theirs' | 'dialog.cancel',
  ): Promise<void>
}

/** The library UI of `page`. */
export function libraryUi(page: Page, locale: 'en' | 'ja' = 'en'): LibraryUi {
  const t = (id: MessageId, args?: MessageArgs) => translate(locale, id, args)
  const bar = page.getByTestId('toolbar')
  const mod = process.platform === 'darwin' ? 'Meta' : 'Control'
  const root = page.getByTestId('merge-dialog')
  const merge: MergeView = {
    root,
    summary: async () => (await root.getByTestId('merge-summary').textContent()) ?? '',
    async waitReady() {
      await root
        .locator('[data-testid="merge-diff"][data-ready="true"]')
        .waitFor({ timeout: 30_000 })
      await root.locator('.modified-in-monaco-diff-editor .view-lines').waitFor()
    },
    async replaceMerged(text) {
      // Pasted rather than typed: typing would indent each new line like the one before.
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: new URL(page.url()).origin,
      })
      await page.evaluate((value) => navigator.clipboard.writeText(value), text)
      await root.locator('.modified-in-monaco-diff-editor .view-lines').click()
      await page.keyboard.press(`${mod}+a`)
      await page.keyboard.press(`${mod}+v`)
    },
    canUseMerged: () =>
      root.getByRole('button', { name: t('merge.use-merged'), exact: true }).isEnabled(),
    async choose(label) {
      const name =
        label === 'merge.take-theirs'
          ? new RegExp(`^${t('merge.take-theirs', { version: 999 }).replace('999', '\\d+')}$`)
          : t(label)
      await root.getByRole('button', { name, exact: typeof name === 'string' }).click()
      await root.waitFor({ state: 'detached' })
    },
  }
  const ui: LibraryUi = {
    async version() {
      // Read in one go: the badge may go (an IVR deleted) between a count and a read.
      return bar
        .getByTestId('library-version')
        .evaluateAll((badges) => badges[0]?.textContent ?? null)
    },
    state: () => bar.getByTestId('library-state').getAttribute('data-state'),
    async waitFor(version, state) {
      const deadline = Date.now() + 15_000
      for (;;) {
        const [v, s] = [await ui.version(), await ui.state()]
        if (v === version && s === state) return
        if (Date.now() > deadline) {
          throw new Error(`The toolbar shows ${v} ${s}, not ${version} ${state}.`)
        }
        await page.waitForTimeout(50)
      }
    },
    async pressSave() {
      await page.keyboard.press(`${mod}+s`)
    },
    async saveWithMessage(message) {
      await bar.getByTestId('library-save-menu').click()
      await page.getByRole('menuitem', { name: t('library.save.with-message') }).click()
      const dialog = page.getByTestId('save-message-dialog')
      await dialog.getByLabel(t('library.message.label')).fill(message)
      await dialog.getByRole('button', { name: t('library.save'), exact: true }).click()
      await dialog.waitFor({ state: 'detached' })
    },
    async openDialog() {
      await bar.getByTestId('library-button').click()
      const dialog = page.getByTestId('library-dialog')
      await dialog.waitFor()
      return dialog
    },
    async open(name) {
      const dialog = await ui.openDialog()
      await dialog.getByRole('button', { name: new RegExp(`^${name}`) }).click()
      await dialog.waitFor({ state: 'detached' })
    },
    restoredNotice: page.getByTestId('restored-notice'),
    merge,
    text: t,
  }
  return ui
}

/** An IVR of the server's library. */
export interface StoredIvr {
  id: string
  version: number
  text: string
}

/** Creates an IVR in the library over HTTP, as another client would. */
export async function createIvr(origin: string, name: string, yaml: string): Promise<StoredIvr> {
  const response = await fetch(`${origin}/api/ivrs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, yaml }),
  })
  if (response.status !== 201) throw new Error(`creating ${name}: ${response.status}`)
  const body = (await response.json()) as { ivr: { id: string; head: number } }
  return { id: body.ivr.id, version: body.ivr.head, text: yaml }
}

/** The newest version of an IVR, read over HTTP. */
export async function fetchIvr(origin: string, id: string): Promise<StoredIvr> {
  const response = await fetch(`${origin}/api/ivrs/${id}`)
  if (!response.ok) throw new Error(`reading ${id}: ${response.status}`)
  const version = Number(/"v(\d+)"/.exec(response.headers.get('etag') ?? '')?.[1])
  return { id, version, text: await response.text() }
}

/** The versions of an IVR, newest first, read over HTTP. */
export async function fetchVersions(
  origin: string,
  id: string,
): Promise<{ number: number; message: string | null }[]> {
  const response = await fetch(`${origin}/api/ivrs/${id}/versions`)
  return ((await response.json()) as { versions: { number: number; message: string | null }[] })
    .versions
}

/** A Chromium of its own with its profile in `userDataDir`, so drafts outlive the process. */
export async function launchWithProfile(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    locale: 'en-US',
    colorScheme: 'light',
    viewport: { width: 1440, height: 900 },
  })
}

/**
 * Kills the browser process that runs the profile in `userDataDir` with SIGKILL, the way a crash
 * or a power cut ends it: nothing is flushed or closed. Resolves once the process is gone.
 */
export async function killBrowserOf(userDataDir: string): Promise<void> {
  const pid = browserPidOf(userDataDir)
  if (pid === undefined) throw new Error(`No browser runs the profile ${userDataDir}.`)
  process.kill(pid, 'SIGKILL')
  const deadline = Date.now() + 10_000
  while (isRunning(pid)) {
    if (Date.now() > deadline) throw new Error(`The browser ${pid} did not end.`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** The main browser process (not a renderer or helper) started with `--user-data-dir=dir`. */
function browserPidOf(userDataDir: string): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let args: string[]
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0')
    } catch {
      continue
    }
    if (!args.includes(`--user-data-dir=${userDataDir}`)) continue
    if (args.some((arg) => arg.startsWith('--type='))) continue
    return Number(entry)
  }
  return undefined
}

function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // A killed process whose parent has not reaped it yet is a zombie: gone for our purposes.
    return !/^\d+ \(.*\) Z /.test(stat)
  } catch {
    return false
  }
}

/** An IVR's record as the server shows it now over HTTP: live (200) or deleted (410). */
export async function fetchIvrRecord(
  origin: string,
  id: string,
): Promise<{ status: number; name: string | null; deletedAt: string | null }> {
  const response = await fetch(`${origin}/api/ivrs/${id}`, {
    headers: { accept: 'application/json' },
  })
  const body = (await response.json().catch(() => ({}))) as {
    ivr?: { name: string; deletedAt: string | null }
  }
  return {
    status: response.status,
    name: body.ivr?.name ?? null,
    deletedAt: body.ivr?.deletedAt ?? null,
  }
}

/** The names of the library's IVRs over HTTP, the deleted ones with `deleted`. */
export async function fetchIvrNames(origin: string, deleted = false): Promise<string[]> {
  const response = await fetch(`${origin}/api/ivrs${deleted ? '?deleted=1' : ''}`)
  const body = (await response.json()) as { ivrs: { name: string }[] }
  return body.ivrs.map((ivr) => ivr.name)
}

/** Opens the "⋯" menu of the row of `name` in the library `dialog` and picks `item`. */
export async function pickRowCommand(
  dialog: Locator,
  name: string,
  item: 'rename' | 'duplicate' | 'delete',
  locale: 'en' | 'ja' = 'en',
): Promise<void> {
  const t = (id: MessageId, args?: MessageArgs) => translate(locale, id, args)
  await dialog
    .getByRole('button', { name: t('library.manage.actions', { name }), exact: true })
    .click()
  await dialog.page().locator(`[role="menu"] [data-item="${item}"]`).click()
}
