/**
 * Lines of a text and the longest common subsequence of two line lists (Myers' O((N+M)·D)
 * algorithm), the ground the three-way merge stands on.
 */

/**
 * The lines of `text`, each with its line break (`\n`, `\r\n` or `\r`), so that joining them
 * gives back the text byte for byte. The last line has no break when the text does not end
 * with one; an empty text has no lines.
 */
export function splitLines(text: string): string[] {
  const lines: string[] = []
  const pattern = /\r\n|\r|\n/g
  let start = 0
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    lines.push(text.slice(start, match.index + match[0].length))
    start = match.index + match[0].length
  }
  if (start < text.length) lines.push(text.slice(start))
  return lines
}

/**
 * For each line of `a`, the index of the line of `b` it is matched with in a longest common
 * subsequence of the two, or -1. Matched indices increase along `a`.
 */
export function matchLines(a: readonly string[], b: readonly string[]): Int32Array {
  const matches = new Int32Array(a.length).fill(-1)
  // Common ends first: they are most of the text in a typical change, and cost nothing.
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) {
    matches[start] = start
    start++
  }
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
    matches[endA] = endB
  }
  if (start === endA || start === endB) return matches

  // Lines as numbers, so the inner loop compares integers.
  const ids = new Map<string, number>()
  const idOf = (line: string) => {
    let id = ids.get(line)
    if (id === undefined) {
      id = ids.size
      ids.set(line, id)
    }
    return id
  }
  const x = Int32Array.from(a.slice(start, endA), idOf)
  const y = Int32Array.from(b.slice(start, endB), idOf)
  for (const [i, j] of myers(x, y)) matches[start + i] = start + j
  return matches
}

/** The matched index pairs of a shortest edit script from `x` to `y`. */
function myers(x: Int32Array, y: Int32Array): [number, number][] {
  const n = x.length
  const m = y.length
  const max = n + m
  const offset = max + 1
  const v = new Int32Array(2 * max + 3)
  const trace: Int32Array[] = []
  let found = false
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2))
    for (let k = -d; k <= d; k += 2) {
      let i =
        k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number))
          ? (v[offset + k + 1] as number)
          : (v[offset + k - 1] as number) + 1
      let j = i - k
      while (i < n && j < m && x[i] === y[j]) {
        i++
        j++
      }
      v[offset + k] = i
      if (i >= n && j >= m) {
        found = true
        break
      }
    }
  }
  // Walk back through the snapshots, collecting the diagonal moves (the matches).
  const pairs: [number, number][] = []
  let i = n
  let j = m
  for (let d = trace.length - 1; d >= 0 && (i > 0 || j > 0); d--) {
    const snapshot = trace[d] as Int32Array
    // snapshot[t] holds v[k] for k = t - d - 1.
    const at = (k: number) => snapshot[k + d + 1] as number
    const k = i - j
    let previousK: number
    if (d === 0) previousK = 0
    else if (k === -d || (k !== d && at(k - 1) < at(k + 1))) previousK = k + 1
    else previousK = k - 1
    const previousI = d === 0 ? 0 : at(previousK)
    const previousJ = previousI - previousK
    const startI = d === 0 ? 0 : previousK === k + 1 ? previousI : previousI + 1
    const startJ = startI - k
    while (i > startI && j > startJ) {
      i--
      j--
      pairs.push([i, j])
    }
    i = previousI
    j = previousJ
  }
  return pairs.reverse()
}
