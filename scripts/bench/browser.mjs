import { existsSync, readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { generateIvr } from './generate-ivr.mjs'
import { ms, percentile } from './stats.mjs'

const CHROMIUM_PATH = '/usr/bin/chromium'
// The same flags as the browser tests (test/helpers/browser.ts).
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
const VIEWPORT = { width: 1440, height: 900 }
/** The chunk that holds Monaco; everything the page loads before asking for it is the budget. */
const MONACO_CHUNK = /\/assets\/yaml-editor-[\w-]+\.js$/

/** What the browser section measures, and how hard. */
export const BROWSER_PLAN = {
  typing: { sizes: [50, 500, 5000], warmup: 6, keystrokes: 40, rounds: 3, gapMs: 150 },
  layout: { sections: [100, 300], warmup: 1, runs: 5 },
  load: { warmup: 1, runs: 7 },
  gesture: { sizes: [50, 500], warmup: 3, drops: 30, rounds: 2, gapMs: 250 },
  targets: {
    gestureP95: { 50: 50, 500: 50 },
    typingP95: { 50: 33, 500: 50, 5000: 100 },
    layoutP50: { 100: 500, 300: 1500 },
    jsBeforeMonacoGzip: 400 * 1024,
  },
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const round1 = (values) => values.map((v) => Math.round(v * 10) / 10)

/**
 * Runs the browser benchmarks in headless Chromium against the built app (`dist/web`, or
 * `staticRoot`) served by the real server (`buildApp` from `dist/server/app.js`) on a free port:
 * cold loads and the JavaScript loaded before Monaco, ELK layout times, and keystroke-to-canvas
 * latency. Resolves with the raw figures for `formatBrowser`.
 */
export async function benchBrowser(options = {}) {
  const log = options.log ?? ((line) => console.log(line))
  const { buildApp, DEFAULT_STATIC_ROOT } = await import('../../dist/server/app.js')
  const staticRoot = options.staticRoot ?? DEFAULT_STATIC_ROOT
  if (!existsSync(join(staticRoot, 'index.html'))) {
    throw new Error(`${join(staticRoot, 'index.html')} is missing: run "npm run build" first.`)
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: run "node scripts/ensure-chromium.mjs" as root.`)
  }
  const app = buildApp({ staticRoot })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const origin = `http://127.0.0.1:${app.server.address().port}`
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  const loads = [loadavg()[0]]
  try {
    const version = browser.version()
    log(`Chromium ${version}, app at ${origin}`)
    const parts = options.parts ?? ['load', 'layout', 'typing', 'gesture']
    const load = parts.includes('load') ? await benchLoad(browser, origin, staticRoot, log) : null
    loads.push(loadavg()[0])
    const layout = parts.includes('layout') ? await benchLayout(browser, origin, log) : []
    loads.push(loadavg()[0])
    const typing = []
    for (const commands of parts.includes('typing') ? BROWSER_PLAN.typing.sizes : []) {
      typing.push(await benchTyping(browser, origin, commands, log))
      loads.push(loadavg()[0])
    }
    const gesture = []
    for (const commands of parts.includes('gesture') ? BROWSER_PLAN.gesture.sizes : []) {
      gesture.push(await benchGesture(browser, origin, commands, log, options.gestureDrops))
      loads.push(loadavg()[0])
    }
    return { version, load, layout, typing, gesture, loadAverages: loads }
  } finally {
    await browser.close()
    await app.close()
  }
}

// --- Cold loads ----------------------------------------------------------------------------------

/**
 * Records, from the very start of the page, when the first section card is drawn and takes a
 * click at its centre, and when Monaco shows lines: checked at every animation frame, and timed
 * when that frame has been rendered; in milliseconds since navigation start.
 */
function recordLoadMarks() {
  const marks = { card: null, monaco: null }
  window.__ivrLoadMarks = marks
  const cardClickable = () => {
    const node = document.querySelector(
      '[data-testid="canvas"][data-state="ready"] .react-flow__node-section',
    )
    if (!node || getComputedStyle(node).visibility === 'hidden') return false
    // The card itself: React Flow's wrapper only places it.
    const box = (node.querySelector('[data-section]') ?? node).getBoundingClientRect()
    const x = box.left + Math.min(box.width / 2, 60)
    const y = box.top + Math.min(box.height / 2, 20)
    if (box.width === 0 || x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false
    return node.contains(document.elementFromPoint(x, y))
  }
  const monacoReady = () =>
    (document.querySelector('[data-testid="yaml-editor"][data-state="ready"] .view-lines')
      ?.childElementCount ?? 0) > 0
  // A message posted from an animation frame arrives once that frame has been rendered.
  const rendered = new MessageChannel()
  let due = []
  rendered.port1.onmessage = () => {
    const now = performance.now()
    for (const key of due) marks[key] = now
    due = []
  }
  const frame = () => {
    if (marks.card === null && !due.includes('card') && cardClickable()) due.push('card')
    if (marks.monaco === null && !due.includes('monaco') && monacoReady()) due.push('monaco')
    if (due.length > 0) rendered.port2.postMessage(null)
    if (marks.card === null || marks.monaco === null) requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
}

/**
 * Installs `window.__ivrFrames.painted()`, which resolves once the frame that shows the DOM
 * changes made now has been rendered: the current frame while its animation-frame callbacks and
 * the microtasks after them run (the app renders typing from one), else the next one. A rAF loop
 * registered first in every frame marks the frame; a message posted from it arrives after the
 * frame's style, layout and paint.
 */
function installFrameClock() {
  if (window.__ivrFrames) return
  let frame = 0
  let inFrame = false
  let current = []
  let next = []
  const channel = new MessageChannel()
  const flush = () => {
    const now = performance.now()
    const due = current
    current = []
    for (const resolve of due) resolve(now)
  }
  channel.port1.onmessage = (event) => {
    if (event.data !== frame) return
    inFrame = false
    flush()
  }
  const loop = () => {
    // A frame whose message has not arrived yet has been rendered all the same.
    flush()
    frame++
    inFrame = true
    current = next
    next = []
    channel.port2.postMessage(frame)
    requestAnimationFrame(loop)
  }
  requestAnimationFrame(loop)
  window.__ivrFrames = {
    painted: () => new Promise((resolve) => (inFrame ? current : next).push(resolve)),
    inFrame: () => inFrame,
  }
}

async function coldLoad(browser, origin) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' })
  const requests = []
  context.on('request', (request) =>
    requests.push({ url: request.url(), type: request.resourceType() }),
  )
  const page = await context.newPage()
  const workers = new Set()
  page.on('worker', (worker) => workers.add(worker.url()))
  await page.addInitScript(recordLoadMarks)
  await page.goto(`${origin}/`)
  await page.waitForFunction(
    () => window.__ivrLoadMarks?.card != null && window.__ivrLoadMarks?.monaco != null,
    undefined,
    { timeout: 60_000, polling: 100 },
  )
  const marks = await page.evaluate(() => {
    const resources = performance.getEntriesByType('resource')
    const chunk = resources.find((r) => /\/assets\/yaml-editor-[\w-]+\.js$/.test(r.name))
    const nav = performance.getEntriesByType('navigation')[0]
    return {
      ...window.__ivrLoadMarks,
      domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
      monacoRequested: chunk?.startTime ?? null,
      monacoFetched: chunk?.responseEnd ?? null,
    }
  })
  await context.close()
  for (const request of requests) if (workers.has(request.url)) request.type = 'worker'
  return { marks, requests }
}

/** The scripts a page asked for before the Monaco chunk, with their sizes gzipped here. */
function scriptsBeforeMonaco(requests, origin, staticRoot) {
  const monaco = requests.findIndex((r) => MONACO_CHUNK.test(new URL(r.url).pathname))
  if (monaco < 0) throw new Error('The page never asked for the Monaco chunk.')
  return requests
    .slice(0, monaco)
    .filter((r) => r.url.startsWith(origin) && new URL(r.url).pathname.endsWith('.js'))
    .map((r) => {
      const path = new URL(r.url).pathname
      const bytes = readFileSync(join(staticRoot, decodeURIComponent(path)))
      return {
        file: path.replace(/^\/assets\//, ''),
        type: r.type,
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
      }
    })
}

async function benchLoad(browser, origin, staticRoot, log) {
  const { warmup, runs } = BROWSER_PLAN.load
  const samples = []
  let scripts = null
  for (let i = 0; i < warmup + runs; i++) {
    const { marks, requests } = await coldLoad(browser, origin)
    if (i >= warmup) samples.push(marks)
    scripts ??= scriptsBeforeMonaco(requests, origin, staticRoot)
    await sleep(300)
  }
  const pick = (key) => samples.map((s) => s[key]).filter((v) => v !== null)
  const result = {
    runs,
    card: pick('card'),
    monaco: pick('monaco'),
    domContentLoaded: pick('domContentLoaded'),
    monacoRequested: pick('monacoRequested'),
    monacoFetched: pick('monacoFetched'),
    scripts,
  }
  log(`cold load: card ${round1(result.card)} ms, Monaco ${round1(result.monaco)} ms`)
  log(`scripts before Monaco: ${JSON.stringify(scripts)}`)
  return result
}

// --- Layout --------------------------------------------------------------------------------------

/** The smallest generated IVR with at least `sections` sections, and its size. */
function ivrWithSections(sections) {
  const count = (text) => text.match(/^[a-z_0-9]+:$/gm)?.length ?? 0
  let commands = Math.floor(sections * 4)
  let text = generateIvr(commands)
  while (count(text) < sections) text = generateIvr(++commands)
  return { text, commands, sections: count(text) }
}

/** Opens the app with test hooks in a fresh context and waits for the canvas and for Monaco. */
async function openApp(browser, origin) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' })
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`${origin}/?testHooks`)
  await page.waitForFunction(() => window.__ivrDesigner?.yaml !== undefined, undefined, {
    timeout: 60_000,
  })
  await page.locator('[data-testid="canvas"][data-state="ready"]').waitFor({ timeout: 60_000 })
  return { context, page, errors }
}

/**
 * Dispatches `document.open` and resolves, in the page, with the milliseconds until the store
 * holds layout positions for every card and stub (`canvas.layout`, seen by a store listener), until
 * the frame that draws them has been rendered, and how long the dispatch itself took (reading the
 * document: parse, validate, graph).
 */
function timeLayout({ name, text }) {
  const hooks = window.__ivrDesigner
  return new Promise((resolve, reject) => {
    let dispatched = null
    const placed = () => {
      const { canvas, document: doc } = hooks.getState()
      const { graph } = doc.view.good
      return (
        canvas.layoutKey !== null &&
        graph.sections.every((s) => canvas.auto[s.id] ?? canvas.manual[s.id]) &&
        graph.stubs.every((s) => canvas.auto[s.id] ?? canvas.manual[s.id])
      )
    }
    const timer = setTimeout(() => {
      stop()
      reject(new Error('No layout within 60 s.'))
    }, 60_000)
    const stop = hooks.subscribe(() => {
      if (dispatched === null || !placed()) return
      const positions = performance.now() - start
      stop()
      clearTimeout(timer)
      void window.__ivrFrames.painted().then((at) =>
        resolve({
          positions,
          drawn: at - start,
          dispatched,
          cards: hooks.getState().document.view.good.graph.sections.length,
        }),
      )
    })
    const start = performance.now()
    hooks.dispatch({ type: 'document.open', name, text })
    dispatched = performance.now() - start
  })
}

/**
 * Reads the CPU time, in milliseconds, of the page's main thread (`ThreadTime`) and of its whole
 * renderer process with its workers (`ProcessTime`): figures the machine's load disturbs far less
 * than wall-clock times.
 */
async function cpuMeter(context, page) {
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  return async () => {
    const { metrics } = await cdp.send('Performance.getMetrics')
    const value = (name) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000
    return { at: performance.now(), main: value('ThreadTime'), process: value('ProcessTime') }
  }
}

async function benchLayout(browser, origin, log) {
  const { sections: sizes, warmup, runs } = BROWSER_PLAN.layout
  const { context, page, errors } = await openApp(browser, origin)
  const cpu = await cpuMeter(context, page)
  await page.evaluate(installFrameClock)
  const results = []
  try {
    for (const wanted of sizes) {
      const ivr = ivrWithSections(wanted)
      const samples = []
      for (let i = 0; i < warmup + runs; i++) {
        const before = await cpu()
        const sample = await page.evaluate(timeLayout, {
          name: `layout-${wanted}-${i}.yaml`,
          text: ivr.text,
        })
        const after = await cpu()
        if (i >= warmup) {
          samples.push({
            ...sample,
            cpuMain: after.main - before.main,
            cpuProcess: after.process - before.process,
          })
        }
        // Let the canvas fit the new layout, and the editor's workers read the new text, before
        // the next run.
        await page.locator('[data-testid="canvas"][data-state="ready"]').waitFor()
        await sleep(1_500)
      }
      const row = {
        sections: ivr.sections,
        commands: ivr.commands,
        bytes: Buffer.byteLength(ivr.text),
        positions: samples.map((s) => s.positions),
        drawn: samples.map((s) => s.drawn),
        dispatched: samples.map((s) => s.dispatched),
        cpuMain: samples.map((s) => s.cpuMain),
        cpuProcess: samples.map((s) => s.cpuProcess),
      }
      log(
        `layout ${row.sections} sections: positions ${round1(row.positions)} ms, drawn ${round1(row.drawn)} ms ` +
          `(dispatch ${round1(row.dispatched)} ms; CPU main ${round1(row.cpuMain)}, renderer ${round1(row.cpuProcess)})`,
      )
      results.push(row)
    }
  } finally {
    await context.close()
  }
  if (errors.length > 0) throw new Error(`The page failed while laying out: ${errors.join('; ')}`)
  return results
}

// --- Typing --------------------------------------------------------------------------------------

/**
 * The option whose `name:` is edited: the middle `name: Option 2` of the file, in a menu section.
 * Lines and columns are 1-based; the column is the end of the line.
 */
function typingTarget(text) {
  const lines = text.split('\n')
  const candidates = []
  lines.forEach((line, i) => {
    if (line === '        name: Option 2') candidates.push(i)
  })
  const index = candidates[Math.floor(candidates.length / 2)]
  let section = null
  for (let i = index; i >= 0 && section === null; i--) {
    section = /^([a-z_0-9]+):$/.exec(lines[i])?.[1] ?? null
  }
  return {
    line: index + 1,
    column: lines[index].length + 1,
    name: 'Option 2',
    rowId: JSON.stringify([section, 1, 'choice', '2']),
    section,
  }
}

/**
 * Installs, in the page, the probe that times one keystroke from the keydown event's time stamp:
 * until the store holds the new text (a store listener), until the row `rowId` on the canvas
 * reads `expected` (a MutationObserver on the canvas), and until the frame showing it has been
 * rendered (`__ivrFrames.painted()`).
 */
function installKeystrokeProbe() {
  const hooks = window.__ivrDesigner
  const canvas = document.querySelector('[data-testid="canvas"]')
  // Installed once per canvas (each round of typing asks again).
  if (window.__ivrKeystrokeProbe?.canvas === canvas) return
  let armed = null
  let row = null
  const rowOf = (id) => {
    if (row?.isConnected && row.dataset.row === id) return row
    row = [...canvas.querySelectorAll('button[data-row]')].find((b) => b.dataset.row === id) ?? null
    return row
  }
  const check = () => {
    const probe = armed
    if (!probe || probe.keydown === null || probe.dom !== null) return
    if (!rowOf(probe.rowId)?.textContent?.includes(probe.expected)) return
    probe.dom = performance.now()
    probe.inFrame = window.__ivrFrames.inFrame()
    void window.__ivrFrames.painted().then((at) =>
      probe.resolve({
        store: (probe.store ?? probe.dom) - probe.keydown,
        dom: probe.dom - probe.keydown,
        painted: at - probe.keydown,
        inFrame: probe.inFrame,
      }),
    )
  }
  window.addEventListener(
    'keydown',
    (event) => {
      if (armed && armed.keydown === null) armed.keydown = event.timeStamp
    },
    true,
  )
  hooks.subscribe(() => {
    const probe = armed
    if (!probe || probe.keydown === null || probe.store !== null) return
    if (hooks.getState().document.revision !== probe.revision) probe.store = performance.now()
  })
  new MutationObserver(check).observe(canvas, {
    subtree: true,
    childList: true,
    characterData: true,
  })
  window.__ivrKeystrokeProbe = {
    canvas,
    arm(rowId, expected) {
      const revision = hooks.getState().document.revision
      armed = { rowId, expected, revision, keydown: null, store: null, dom: null, resolve: null }
      armed.done = new Promise((resolve) => (armed.resolve = resolve))
    },
    result(timeoutMs) {
      const probe = armed
      return Promise.race([probe.done, new Promise((r) => setTimeout(() => r(null), timeoutMs))])
    },
    visible(rowId) {
      const element = rowOf(rowId)
      if (!element) return false
      const box = element.getBoundingClientRect()
      const area = canvas.getBoundingClientRect()
      return box.width > 0 && box.top >= area.top && box.bottom <= area.bottom
    },
  }
}

/** Opens `text` as the IVR `name` and waits until its layout and Monaco are there. */
async function openGenerated(page, name, text) {
  await page.evaluate(
    ([n, t]) => window.__ivrDesigner.dispatch({ type: 'document.open', name: n, text: t }),
    [name, text],
  )
  await page.waitForFunction(
    (t) =>
      window.__ivrDesigner.getState().canvas.layoutKey !== null &&
      window.__ivrDesigner.yaml.text() === t,
    text,
    { timeout: 60_000 },
  )
  await page.locator('[data-testid="canvas"][data-state="ready"]').waitFor()
}

const TYPED = 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz'

async function benchTyping(browser, origin, commands, log) {
  const { warmup, keystrokes, rounds, gapMs } = BROWSER_PLAN.typing
  const text = generateIvr(commands)
  const target = typingTarget(text)
  const { context, page, errors } = await openApp(browser, origin)
  try {
    // Each round starts from the generated file again, so that every round types into the same
    // line under the same conditions.
    const open = () => openGenerated(page, 'typing.yaml', text)
    // Puts the cursor at the end of the name; the canvas follows the cursor to the option's row.
    const placeCursor = async () => {
      const point = await page.evaluate(
        ([line, column]) => window.__ivrDesigner.yaml.pointAt(line, column),
        [target.line, target.column],
      )
      if (!point) throw new Error(`Line ${target.line} is not on screen.`)
      await page.mouse.click(point.x, point.y)
      await page.evaluate(installFrameClock)
      await page.evaluate(installKeystrokeProbe)
      await page.waitForFunction((id) => window.__ivrKeystrokeProbe.visible(id), target.rowId, {
        timeout: 20_000,
      })
      await sleep(800)
      const cursor = await page.evaluate(() => window.__ivrDesigner.yaml.cursor())
      if (cursor.line !== target.line || cursor.column !== target.column) {
        throw new Error(`The cursor is at ${JSON.stringify(cursor)}, not at the option's name.`)
      }
    }
    await open()
    await placeCursor()

    // CPU time per keystroke, less what the page spends while idle over as long a time.
    const cpu = await cpuMeter(context, page)
    const idleFrom = await cpu()
    await sleep(2_000)
    const idleTo = await cpu()
    const idleRate = (key) => (idleTo[key] - idleFrom[key]) / (idleTo.at - idleFrom.at)
    const spent = { main: 0, process: 0, at: 0 }
    const samples = []
    let missed = 0
    for (let round = 0; round < rounds; round++) {
      if (round > 0) {
        await open()
        await placeCursor()
      }
      let measuredFrom = null
      for (let i = 0; i < warmup + keystrokes; i++) {
        if (i === warmup) measuredFrom = await cpu()
        const expected = target.name + TYPED.slice(0, i + 1)
        await page.evaluate(
          ([id, e]) => window.__ivrKeystrokeProbe.arm(id, e),
          [target.rowId, expected],
        )
        await page.keyboard.type(TYPED[i])
        const sample = await page.evaluate(() => window.__ivrKeystrokeProbe.result(5_000))
        if (sample === null) {
          // Counted against the target; the next keystroke's probe waits for its own text anyway.
          if (i >= warmup) missed++
          await sleep(2_000)
        } else if (i >= warmup) {
          samples.push(sample)
        }
        await sleep(gapMs)
      }
      const measuredTo = await cpu()
      for (const key of ['main', 'process', 'at']) spent[key] += measuredTo[key] - measuredFrom[key]
      const typed = await page.evaluate(() => window.__ivrDesigner.yaml.text())
      const expectedLine = `        name: ${target.name}${TYPED.slice(0, warmup + keystrokes)}`
      if (typed.split('\n')[target.line - 1] !== expectedLine) {
        throw new Error(
          `The line typed into reads ${JSON.stringify(typed.split('\n')[target.line - 1])}.`,
        )
      }
    }
    const perKey = (key) => (spent[key] - idleRate(key) * spent.at) / (keystrokes * rounds)
    if (errors.length > 0) throw new Error(`The page failed while typing: ${errors.join('; ')}`)
    const sections = text.match(/^[a-z_0-9]+:$/gm)?.length ?? 0
    const row = {
      commands,
      sections,
      lines: text.split('\n').length,
      bytes: Buffer.byteLength(text),
      line: target.line,
      store: samples.map((s) => s.store),
      dom: samples.map((s) => s.dom),
      painted: samples.map((s) => s.painted),
      inFrame: samples.filter((s) => s.inFrame).length,
      missed,
      cpuMain: perKey('main'),
      cpuProcess: perKey('process'),
    }
    const q = (values) => `p50 ${ms(percentile(values, 50))} p95 ${ms(percentile(values, 95))}`
    log(
      `typing ${commands} commands: painted ${q(row.painted)}; store ${q(row.store)}; DOM ${q(row.dom)}; ` +
        `in frame ${row.inFrame}/${samples.length}; missed ${missed}; ` +
        `CPU per key: main ${ms(row.cpuMain)} ms, renderer ${ms(row.cpuProcess)} ms`,
    )
    return row
  } finally {
    await context.close()
  }
}

// --- Canvas gesture to YAML ----------------------------------------------------------------------

/**
 * Installs, in the page, the probe that times one drop from the `pointerup` event's time stamp:
 * until the store holds the new text (a store listener; the YAML editor took the edit first, so
 * Monaco's model holds it too, which the listener checks), until the card `section` shows
 * `rows` rows (a MutationObserver on the canvas), and until the frame showing it has been
 * rendered (`__ivrFrames.painted()`).
 */
function installGestureProbe() {
  const hooks = window.__ivrDesigner
  const canvas = document.querySelector('[data-testid="canvas"]')
  // Installed once per canvas (each round of drops asks again).
  if (window.__ivrGestureProbe?.canvas === canvas) return
  let armed = null
  const rowsOf = (section) =>
    canvas
      .querySelector(`[data-section="${CSS.escape(section)}"]`)
      ?.querySelectorAll('button[data-row]').length ?? -1
  const check = () => {
    const probe = armed
    if (!probe || probe.up === null || probe.dom !== null || probe.monaco === null) return
    if (rowsOf(probe.section) !== probe.rows) return
    probe.dom = performance.now()
    void window.__ivrFrames.painted().then((at) =>
      probe.resolve({
        monaco: probe.monaco - probe.up,
        dom: probe.dom - probe.up,
        painted: at - probe.up,
      }),
    )
  }
  window.addEventListener(
    'pointerup',
    (event) => {
      if (armed && armed.up === null) armed.up = event.timeStamp
    },
    true,
  )
  hooks.subscribe(() => {
    const probe = armed
    if (!probe || probe.up === null || probe.monaco !== null) return
    if (hooks.getState().document.revision === probe.revision) return
    if (hooks.yaml.text().split('\n').length !== probe.lines) return
    probe.monaco = performance.now()
    check()
  })
  new MutationObserver(check).observe(canvas, { subtree: true, childList: true })
  window.__ivrGestureProbe = {
    canvas,
    arm(section) {
      const state = hooks.getState()
      armed = {
        section,
        rows: rowsOf(section) + 1,
        lines: hooks.yaml.text().split('\n').length + 1,
        revision: state.document.revision,
        up: null,
        monaco: null,
        dom: null,
        resolve: null,
      }
      armed.done = new Promise((resolve) => (armed.resolve = resolve))
    },
    result(timeoutMs) {
      const probe = armed
      return Promise.race([probe.done, new Promise((r) => setTimeout(() => r(null), timeoutMs))])
    },
  }
}

/** A section in the middle of the generated IVR whose second command is a top-level row. */
function gestureTarget(text) {
  const parsedNames = [...text.matchAll(/^([a-z_0-9]+):$/gm)].map((m) => m[1])
  const middle = parsedNames.slice(Math.floor(parsedNames.length / 2))
  const section = middle.find((name) => name.startsWith('menu_')) ?? parsedNames[0]
  return { section, rowId: JSON.stringify([section, 1]) }
}

/**
 * Drags "Ring agents" from the palette onto the line above the second row of a card in the
 * middle of a generated IVR with real mouse events (`page.mouse`), again and again, each drop
 * one `command.add` that enters Monaco through the edit sink. Timed from the `pointerup` event
 * to Monaco's model holding the new line and the card showing the new row, then to the frame
 * that shows it.
 */
async function benchGesture(browser, origin, commands, log, drops = BROWSER_PLAN.gesture.drops) {
  const { warmup, rounds, gapMs } = BROWSER_PLAN.gesture
  const text = generateIvr(commands)
  const target = gestureTarget(text)
  const { context, page, errors } = await openApp(browser, origin)
  try {
    // Each round starts from the generated file again, so that every round drops onto a card of
    // the same size.
    const open = async () => {
      await openGenerated(page, 'gesture.yaml', text)
      // Bring the card into view at a readable zoom, as choosing it in the search does.
      await page.evaluate(
        (section) =>
          window.__ivrDesigner.dispatch({
            type: 'selection.set',
            path: [section],
            origin: 'search',
          }),
        target.section,
      )
      await page.evaluate(installFrameClock)
      await page.evaluate(installGestureProbe)
    }
    const item = page.locator('[data-testid="palette"] button[data-item="ring"]')
    const row = page.locator(`button[data-row="${target.rowId.replace(/"/g, '\\"')}"]`)
    // Where the row is on screen with nothing over it, once the card stands still; a card that
    // grew may be laid out elsewhere, and is then brought into view again.
    const dropPoint = async () => {
      for (let attempt = 0; attempt < 3; attempt++) {
        await sleep(attempt === 0 ? 300 : 1_000)
        const to = await row.boundingBox({ timeout: 5_000 }).catch(() => null)
        const end = to && { x: to.x + 40, y: to.y + 3 }
        const onRow =
          end !== null &&
          (await page.evaluate(
            ({ x, y, id }) =>
              document.elementFromPoint(x, y)?.closest('button[data-row]')?.dataset.row === id,
            { ...end, id: target.rowId },
          ))
        if (onRow) return end
        await page.evaluate(
          (section) =>
            window.__ivrDesigner.dispatch({
              type: 'selection.set',
              path: [section],
              origin: 'search',
            }),
          target.section,
        )
      }
      throw new Error(`The row ${target.rowId} is not on screen to drop on.`)
    }
    await open()
    // CPU time of the page's main thread per drop, less what it spends idle over as long a time:
    // a figure the machine's load disturbs far less than the wall-clock ones.
    const cpu = await cpuMeter(context, page)
    const idleFrom = await cpu()
    await sleep(2_000)
    const idleTo = await cpu()
    const idleRate = (idleTo.main - idleFrom.main) / (idleTo.at - idleFrom.at)
    let cpuMain = 0
    const samples = []
    let missed = 0
    for (let round = 0; round < rounds; round++) {
      if (round > 0) await open()
      for (let i = 0; i < warmup + drops; i++) {
        const from = await item.boundingBox()
        if (!from) throw new Error('The palette item is not on screen.')
        const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 }
        const end = await dropPoint()
        await page.mouse.move(start.x, start.y)
        await page.mouse.down()
        await page.mouse.move(start.x + 20, start.y + 5, { steps: 2 })
        await page.mouse.move(end.x, end.y, { steps: 4 })
        await page.evaluate((section) => window.__ivrGestureProbe.arm(section), target.section)
        const before = await cpu()
        await page.mouse.up()
        const sample = await page.evaluate(() => window.__ivrGestureProbe.result(5_000))
        const after = await cpu()
        if (i >= warmup) cpuMain += after.main - before.main - idleRate * (after.at - before.at)
        if (sample === null) {
          if (i >= warmup) missed++
          await sleep(2_000)
        } else if (i >= warmup) {
          samples.push(sample)
        }
        await sleep(gapMs)
      }
      const added = await page.evaluate(() => window.__ivrDesigner.yaml.text())
      const expectedLines = text.split('\n').length + warmup + drops
      if (added.split('\n').length !== expectedLines) {
        throw new Error(
          `The YAML has ${added.split('\n').length} lines after the drops, not ${expectedLines}.`,
        )
      }
    }
    if (errors.length > 0) throw new Error(`The page failed while dropping: ${errors.join('; ')}`)
    const result = {
      commands,
      sections: text.match(/^[a-z_0-9]+:$/gm)?.length ?? 0,
      lines: text.split('\n').length,
      monaco: samples.map((s) => s.monaco),
      dom: samples.map((s) => s.dom),
      painted: samples.map((s) => s.painted),
      missed,
      drops,
      cpuMain: cpuMain / (drops * rounds),
    }
    const q = (values) => `p50 ${ms(percentile(values, 50))} p95 ${ms(percentile(values, 95))}`
    log(
      `gesture ${commands} commands: painted ${q(result.painted)}; Monaco ${q(result.monaco)}; ` +
        `canvas row ${q(result.dom)}; missed ${missed}; CPU per drop: main ${ms(result.cpuMain)} ms`,
    )
    return result
  } finally {
    await context.close()
  }
}

// --- Report ------------------------------------------------------------------------------------

const met = (ok) => (ok ? 'met' : 'NOT met')
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`
const p50 = (values) => percentile(values, 50)
const p95 = (values) => percentile(values, 95)
const msOf = (value) => `${ms(value)} ms`

/** The Markdown section of BENCHMARKS.md for the figures `benchBrowser` resolved with. */
export function formatBrowser(result) {
  const { targets, typing: plan } = BROWSER_PLAN
  const { typing, layout, load } = result
  const out = [
    '## The editor in the browser (headless Chromium)',
    '',
    `Chromium ${result.version}, headless with the flags of the browser tests, 1440×900, against the`,
    'built app served by `buildApp` (`dist/server/app.js`) on loopback. The machine was shared: its',
    `load average (1 min) was ${result.loadAverages.map((l) => l.toFixed(1)).join(', ')} at the start and after each`,
    'part, on 2 cores, so wall-clock times here are several times what an idle machine gives. The CPU',
    "times (the page's main thread; its whole renderer process with its workers) suffer far less.",
    '',
    '### Keystroke to canvas',
    '',
    'A generated IVR is opened through the test hook `document.open`; once the layout and Monaco',
    'are there, the cursor is put at the end of `name: Option 2` in the menu in the middle of the',
    `file and ${plan.keystrokes} letters are typed into Monaco one at a time (\`page.keyboard.type\`, real key`,
    `events) ${plan.gapMs} ms apart, after ${plan.warmup} unmeasured ones; ${plan.rounds} rounds, each from the file as generated, give`,
    `${plan.keystrokes * plan.rounds} keystrokes per size, so that p95 is not decided by one or two slow ones. Each is timed from the keydown event's`,
    "time stamp until the frame that shows the new name in the option's row on the canvas has been",
    'rendered ("on screen"; a MutationObserver sees the row change, and the frame is the one whose',
    'animation-frame callbacks made the change, else the next one; a message posted from that',
    'frame\'s rAF marks the end of its style, layout and paint). On the way: "store" is when the',
    'store holds the new text (parsed, validated, graph built; a store listener), "DOM" when the',
    'row changed. CPU per keystroke is measured over the whole run, less what the idle page uses.',
    '',
    '| commands | sections | lines | on screen p50 | on screen p95 | target (p95) | store p50 | DOM p50 | DOM p95 | CPU per key: main thread | renderer with workers |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ]
  for (const r of typing) {
    const target = targets.typingP95[r.commands]
    const ok = p95(r.painted) <= target && r.missed === 0
    out.push(
      `| ${r.commands} | ${r.sections} | ${r.lines} | ${msOf(p50(r.painted))} | ${msOf(p95(r.painted))} | ≤ ${target} ms (${met(ok)}) | ${msOf(p50(r.store))} | ${msOf(p50(r.dom))} | ${msOf(p95(r.dom))} | ${msOf(r.cpuMain)} | ${msOf(r.cpuProcess)} |`,
    )
  }
  const missed = typing.reduce((sum, r) => sum + r.missed, 0)
  out.push(
    '',
    missed === 0
      ? '- Every keystroke reached the canvas within 5 s.'
      : `- ${missed} keystrokes did not reach the canvas within 5 s.`,
    '',
    '### Layout (ELK in a Web Worker)',
    '',
    'A generated IVR is opened through `document.open` in a page already showing another; timed in',
    'the page from the dispatch until a store listener sees positions for every card',
    '(`canvas.layout`), and until the frame drawing the cards has been rendered. "Dispatch" is the',
    'dispatch itself: parse, validate, graph, and Monaco taking the new text. The first run of each',
    'size is not counted. CPU is over the whole run, until the cards are drawn.',
    '',
    '| sections | commands | runs | positions p50 | max | target (p50) | cards drawn p50 | dispatch p50 | CPU main thread p50 | renderer with workers p50 |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  )
  for (const r of layout) {
    const target = targets.layoutP50[r.sections] ?? null
    out.push(
      `| ${r.sections} | ${r.commands} | ${r.positions.length} | ${msOf(p50(r.positions))} | ${msOf(Math.max(...r.positions))} | ${target === null ? '–' : `≤ ${target} ms (${met(p50(r.positions) <= target)})`} | ${msOf(p50(r.drawn))} | ${msOf(p50(r.dispatched))} | ${msOf(p50(r.cpuMain))} | ${msOf(p50(r.cpuProcess))} |`,
    )
  }
  const scripts = load.scripts
  const gzipAll = scripts.reduce((sum, s) => sum + s.gzip, 0)
  const gzipPage = scripts.filter((s) => s.type !== 'worker').reduce((sum, s) => sum + s.gzip, 0)
  out.push(
    '',
    '### First load',
    '',
    `${load.runs} cold loads of \`/\` after one unmeasured, each in a fresh browser context (empty cache`,
    'and storage: a first visit, which opens the first template). From navigation start until the',
    'frame in which the condition first holds has been rendered (checked at every animation frame).',
    '',
    '| milestone | p50 | min | max |',
    '|---|---:|---:|---:|',
  )
  const span = (label, values) =>
    out.push(
      `| ${label} | ${msOf(p50(values))} | ${msOf(Math.min(...values))} | ${msOf(Math.max(...values))} |`,
    )
  span('DOMContentLoaded', load.domContentLoaded)
  span('Monaco chunk requested', load.monacoRequested)
  span('Monaco chunk received', load.monacoFetched)
  span('Monaco showing the YAML', load.monaco)
  span('first card drawn, taking a click at its centre (canvas ready)', load.card)
  out.push(
    '',
    'JavaScript the page asked for before it asked for the Monaco chunk, in request order; gzipped',
    'here at level 9 (the server sends it uncompressed):',
    '',
    '| file | loaded as | bytes | gzip |',
    '|---|---|---:|---:|',
  )
  for (const s of scripts) out.push(`| \`${s.file}\` | ${s.type} | ${s.raw} | ${kib(s.gzip)} |`)
  out.push(
    '',
    `- Target: at most ${kib(targets.jsBeforeMonacoGzip)} of JavaScript gzipped before Monaco: ${kib(gzipAll)} in all (${met(gzipAll <= targets.jsBeforeMonacoGzip)}); the page's own scripts, without the layout worker, ${kib(gzipPage)} (${met(gzipPage <= targets.jsBeforeMonacoGzip)}).`,
  )
  out.push(...formatGesture(result.gesture ?? []))
  return out.join('\n')
}

/** The "canvas gesture to YAML" part of the browser section; nothing when it was not run. */
function formatGesture(gesture) {
  if (gesture.length === 0) return []
  const { warmup, rounds, gapMs } = BROWSER_PLAN.gesture
  const { drops } = gesture[0]
  const out = [
    '',
    '### Canvas gesture to YAML',
    '',
    'A generated IVR is opened and a card in the middle of it brought into view as the search does.',
    `"Ring agents" is dragged from the palette onto the line above the card's second row with real`,
    `mouse events (\`page.mouse\`) and dropped, ${drops} times ${gapMs} ms apart after ${warmup} unmeasured drops, in each of`,
    `${rounds} rounds that start from the file as generated (${drops * rounds} drops per size);`,
    'each drop is one `command.add` applied through the edit sink into Monaco. Each is timed from',
    "the `pointerup` event's time stamp until Monaco's model holds the new line (a store listener:",
    'the editor takes the edit before the store), until the card shows the new row (a',
    'MutationObserver), and until the frame showing it has been rendered ("on screen"). CPU per',
    "drop is the page's main thread from just before the release until the drop is on screen, less",
    'what the idle page uses over as long a time.',
    '',
    '| commands | sections | lines | on screen p50 | on screen p95 | target (p95) | Monaco p50 | Monaco p95 | row on canvas p50 | row on canvas p95 | CPU per drop: main thread |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ]
  for (const r of gesture) {
    const target = BROWSER_PLAN.targets.gestureP95[r.commands]
    const ok = p95(r.painted) <= target && r.missed === 0
    out.push(
      `| ${r.commands} | ${r.sections} | ${r.lines} | ${msOf(p50(r.painted))} | ${msOf(p95(r.painted))} | ≤ ${target} ms (${met(ok)}) | ${msOf(p50(r.monaco))} | ${msOf(p95(r.monaco))} | ${msOf(p50(r.dom))} | ${msOf(p95(r.dom))} | ${msOf(r.cpuMain)} |`,
    )
  }
  const missed = gesture.reduce((sum, r) => sum + r.missed, 0)
  out.push(
    '',
    missed === 0
      ? '- Every drop reached Monaco and the canvas within 5 s.'
      : `- ${missed} drops did not reach Monaco and the canvas within 5 s.`,
  )
  return out
}

// Run on its own: `node scripts/bench/browser.mjs` (after `npm run build`).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // BENCH_WEB_ROOT serves another build; BENCH_PARTS=load,layout,typing,gesture runs only some
  // parts; BENCH_GESTURE_DROPS measures fewer (or more) drops.
  const result = await benchBrowser({
    staticRoot: process.env.BENCH_WEB_ROOT,
    parts: process.env.BENCH_PARTS?.split(','),
    gestureDrops: process.env.BENCH_GESTURE_DROPS
      ? Number(process.env.BENCH_GESTURE_DROPS)
      : undefined,
  })
  if (process.env.BENCH_JSON) console.log(JSON.stringify(result))
  if (result.load && result.layout.length > 0 && result.typing.length > 0) {
    console.log(formatBrowser(result))
  }
}
