import type { Locator, Page } from 'playwright-core'
import type { MessageId } from '../../../src/i18n/en.ts'
import { translate, type Locale, type MessageArgs } from '../../../src/i18n/translate.ts'
import type { AgentState, DepartmentState } from '../../../src/simulate/call.ts'

/** One line of the transcript as shown. */
export interface ShownEntry {
  kind: string
  /** `section:line`. */
  location: string
  text: string
}

/** How the call ended, as the outcome card shows it. */
export interface ShownOutcome {
  kind: string
  label: string
  sentence: string
}

/** A path of "Which paths exist" as listed. */
export interface ShownPath {
  id: string
  outcome: string
  text: string
}

/** The test call panel, driven through its tab, buttons and keypad the way a person would. */
export interface TestCallPanel {
  root: Locator
  /** Shows the test call tab. */
  open(): Promise<void>
  /** Shows the YAML tab again. */
  showYaml(): Promise<void>
  /** Chooses the state of the number's agents. */
  setAgents(state: AgentState): Promise<void>
  /** The agents' state chosen now. */
  agents(): Promise<AgentState | null>
  setDepartment(department: string, state: DepartmentState): Promise<void>
  /** Presses Call. */
  call(): Promise<void>
  callButton: Locator
  /** Clicks a key of the keypad. */
  press(key: string): Promise<void>
  /** Presses "No key pressed". */
  noInput(): Promise<void>
  hangUp(): Promise<void>
  callAgain(): Promise<void>
  replay(): Promise<void>
  clear(): Promise<void>
  /** The status of a live call (`ringing`, `queued`), or `null`. */
  status(): Promise<string | null>
  /** Waits for the outcome card and reads it. */
  outcome(): Promise<ShownOutcome>
  /** The steps of the transcript. */
  transcript(): Promise<ShownEntry[]>
  /** Clicks the transcript step at `index`. */
  clickStep(index: number): Promise<void>
  /** What the round pill of a menu says. */
  round(): Promise<string>
  /** The digits collected at a `dtmf`. */
  digits(): Promise<string>
  /** The recording playing now: `loading`, `playing`, `failed`, `muted`, or `null`. */
  playing(): Promise<string | null>
  /** Turns the sound off or on with its switch. */
  toggleSound(): Promise<void>
  /** The messages of the errors that keep the IVR from being called. */
  refusedErrors(): Promise<string[]>
  /** Clicks the `index`-th of those errors. */
  clickError(index: number): Promise<void>
  /** The text of the notice shown while the YAML cannot be read, or `null`. */
  syntaxNotice(): Promise<string | null>
  /** The reply form of a fetch or dtmf. */
  reply: {
    root: Locator
    address(): Promise<string>
    paste(text: string): Promise<void>
    use(): Promise<void>
    fetchNow(): Promise<void>
    failed(): Promise<void>
    field: Locator
  }
  /** Shows "Which paths exist". */
  showPaths(): Promise<void>
  /** Shows the call again. */
  showCall(): Promise<void>
  /** The paths listed. */
  paths(): Promise<ShownPath[]>
  /** Clicks the path with `id` (see `pathId`), replaying it. */
  replayPath(id: string): Promise<void>
  /** Turns the marks of the commands no path walks on or off. */
  setCoverage(on: boolean): Promise<void>
  /** The message `id` in the panel's language. */
  text(id: MessageId, args?: MessageArgs): string
}

/** The test call panel of `page`, whose texts are looked up in `locale`. */
export function testCallPanel(page: Page, locale: Locale = 'en'): TestCallPanel {
  const t = (id: MessageId, args?: MessageArgs) => translate(locale, id, args)
  const root = page.getByTestId('test-call')
  const button = (testId: string) => root.getByTestId(testId)
  const views = root.getByRole('group', { name: t('testcall.view') })
  const replyRoot = root.getByTestId('reply-form')

  const panel: TestCallPanel = {
    root,
    async open() {
      await page.getByRole('tab', { name: t('testcall.tab.call') }).click()
      await root.waitFor()
    },
    async showYaml() {
      await page.getByRole('tab', { name: t('testcall.tab.yaml'), exact: true }).click()
    },
    async setAgents(state) {
      await root
        .getByTestId('agents')
        .getByRole('radio', { name: t(`testcall.agents.${state}`), exact: true })
        .check()
    },
    async agents() {
      const checked = root.getByTestId('agents').locator('input:checked')
      return (await checked.count()) > 0 ? ((await checked.inputValue()) as AgentState) : null
    },
    async setDepartment(department, state) {
      await root
        .locator(`[data-department="${department}"]`)
        .getByRole('radio', { name: t(`testcall.department.${state}`), exact: true })
        .check()
    },
    call: () => button('call-button').click(),
    callButton: button('call-button'),
    press: (key) => root.getByTestId('keypad').locator(`[data-key="${key}"]`).click(),
    noInput: () => button('no-input').click(),
    hangUp: () => button('hang-up').click(),
    callAgain: () => button('call-again').click(),
    replay: () => button('replay-call').click(),
    clear: () => button('clear-call').click(),
    async status() {
      const status = button('call-status')
      return (await status.count()) > 0 ? await status.getAttribute('data-status') : null
    },
    async outcome() {
      const card = button('outcome')
      await card.waitFor()
      return {
        kind: (await card.getAttribute('data-outcome')) ?? '',
        label: (await card.locator('h3').textContent()) ?? '',
        sentence: (await card.locator('h3 + p').textContent()) ?? '',
      }
    },
    transcript: () =>
      button('transcript')
        .locator('li')
        .evaluateAll((items) =>
          items.map((item) => ({
            kind: item.getAttribute('data-kind') ?? '',
            location: item.getAttribute('data-location') ?? '',
            text: item.querySelector('button > span:nth-child(2)')?.textContent ?? '',
          })),
        ),
    clickStep: (index) => button('transcript').locator('li').nth(index).locator('button').click(),
    round: async () => (await button('round').textContent()) ?? '',
    digits: async () => (await button('digits').textContent()) ?? '',
    async playing() {
      const strip = button('now-playing')
      return (await strip.count()) > 0 ? await strip.getAttribute('data-status') : null
    },
    toggleSound: () => button('sound').click(),
    refusedErrors: () =>
      button('call-refused').locator('li button > span:first-child').allTextContents(),
    clickError: (index) => button('call-refused').locator('li button').nth(index).click(),
    async syntaxNotice() {
      const notice = button('call-syntax')
      return (await notice.count()) > 0 ? await notice.textContent() : null
    },
    reply: {
      root: replyRoot,
      address: async () => (await replyRoot.getByTestId('reply-address').textContent()) ?? '',
      paste: (text) => replyRoot.locator('textarea').fill(text),
      use: () => replyRoot.getByTestId('reply-use').click(),
      fetchNow: () => replyRoot.getByTestId('reply-fetch').click(),
      failed: () => replyRoot.getByTestId('reply-failed').click(),
      field: replyRoot.locator('textarea'),
    },
    showPaths: () => views.getByRole('radio', { name: t('testcall.view.paths') }).check(),
    showCall: () => views.getByRole('radio', { name: t('testcall.view.call') }).check(),
    paths: () =>
      button('paths')
        .locator('button[data-path]')
        .evaluateAll((items) =>
          items.map((item) => ({
            id: item.getAttribute('data-path') ?? '',
            outcome: item.getAttribute('data-outcome') ?? '',
            text: item.textContent ?? '',
          })),
        ),
    replayPath: (id) => button('paths').locator(`button[data-path="${id}"]`).click(),
    async setCoverage(on) {
      await button('coverage').setChecked(on)
    },
    text: t,
  }
  return panel
}

/**
 * A short WAV file (a quiet tone), so that recordings can really play in the browser without
 * the network.
 */
export function toneWav(seconds: number): Buffer {
  const rate = 8000
  const samples = Math.round(rate * seconds)
  const buffer = Buffer.alloc(44 + samples * 2)
  buffer.write('RIFF', 0)
  buffer.writeUInt32LE(36 + samples * 2, 4)
  buffer.write('WAVE', 8)
  buffer.write('fmt ', 12)
  buffer.writeUInt32LE(16, 16)
  buffer.writeUInt16LE(1, 20)
  buffer.writeUInt16LE(1, 22)
  buffer.writeUInt32LE(rate, 24)
  buffer.writeUInt32LE(rate * 2, 28)
  buffer.writeUInt16LE(2, 32)
  buffer.writeUInt16LE(16, 34)
  buffer.write('data', 36)
  buffer.writeUInt32LE(samples * 2, 40)
  for (let i = 0; i < samples; i++) {
    buffer.writeInt16LE(Math.round(2000 * Math.sin(i / 6)), 44 + i * 2)
  }
  return buffer
}

/** Answers every request to `host` with `answer` instead of the network. */
export async function serveHost(
  page: Page,
  host: string,
  answer: { status?: number; contentType?: string; body: string | Buffer; cors?: boolean },
): Promise<void> {
  await page.route(
    (url) => url.hostname === host,
    (route) =>
      route.fulfill({
        status: answer.status ?? 200,
        contentType: answer.contentType ?? 'text/plain',
        body: answer.body,
        headers: answer.cors ? { 'access-control-allow-origin': '*' } : {},
      }),
  )
}
