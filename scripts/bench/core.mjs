import { performance } from 'node:perf_hooks'
import { parseDocument } from 'yaml'
import { parseIvr } from '../../dist/yaml/parse-ivr.js'
import { validateIvr } from '../../dist/validate/validate-ivr.js'
import { generateIvr } from './generate-ivr.mjs'
import { ms, percentile } from './stats.mjs'

/**
 * Parse + validate of generated IVRs against the `yaml` library's own `parseDocument` of the same
 * text, measured in the same run, interleaved so that both see the same machine state.
 */
export function benchCore({ sizes = [50, 500, 5000] } = {}) {
  const rows = []
  for (const size of sizes) {
    const text = generateIvr(size)
    const parsed = parseIvr(text)
    const diagnostics = validateIvr(parsed)
    if (diagnostics.length > 0) {
      throw new Error(`the generated IVR of ${size} commands is not clean: ${diagnostics[0].message}`)
    }
    const runs = size <= 50 ? 2000 : size <= 500 ? 300 : 40
    const warmup = Math.max(5, Math.floor(runs / 5))
    const floor = []
    const ours = []
    for (let i = 0; i < warmup + runs; i++) {
      let t = performance.now()
      parseDocument(text)
      const a = performance.now() - t
      t = performance.now()
      validateIvr(parseIvr(text))
      const b = performance.now() - t
      if (i >= warmup) {
        floor.push(a)
        ours.push(b)
      }
    }
    const floorP50 = percentile(floor, 50)
    const oursP50 = percentile(ours, 50)
    rows.push({
      size,
      bytes: Buffer.byteLength(text),
      sections: parsed.model.sections.length,
      runs,
      floorP50,
      oursP50,
      oursP95: percentile(ours, 95),
      ratio: oursP50 / floorP50,
    })
  }
  return rows
}

/** The rows as a Markdown table, and the targets checked. */
export function formatCore(rows) {
  const out = [
    '| commands | bytes | sections | runs | `parseDocument` p50 (floor) | parse + validate p50 | p95 | ratio to floor |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ]
  for (const r of rows) {
    out.push(
      `| ${r.size} | ${r.bytes} | ${r.sections} | ${r.runs} | ${ms(r.floorP50)} ms | ${ms(r.oursP50)} ms | ${ms(r.oursP95)} ms | ${r.ratio.toFixed(2)}× |`,
    )
  }
  const worst = Math.max(...rows.map((r) => r.ratio))
  const r500 = rows.find((r) => r.size === 500)
  const r5000 = rows.find((r) => r.size === 5000)
  const growth = r500 && r5000 ? r5000.ratio / r500.ratio : NaN
  out.push('')
  out.push(`- Target: within 1.5× of the floor at every size: worst ${worst.toFixed(2)}× (${worst <= 1.5 ? 'met' : 'NOT met'}).`)
  if (!Number.isNaN(growth)) {
    out.push(`- Target: ratio at 5,000 no worse than 1.2× the ratio at 500: ${growth.toFixed(2)}× (${growth <= 1.2 ? 'met' : 'NOT met'}).`)
  }
  return out.join('\n')
}
