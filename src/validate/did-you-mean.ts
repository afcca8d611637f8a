/**
 * The candidate closest to `word` by edit distance (adjacent swaps count as one edit), when it is
 * close enough to be what the admin meant: at most a third of the word's length, and never more
 * than 3 edits. Ties go to the earlier candidate.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | null {
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)))
  const lower = word.toLowerCase()
  let best: string | null = null
  let bestDistance = limit + 1
  for (const candidate of candidates) {
    if (candidate === word) continue
    if (Math.abs(candidate.length - word.length) > limit) continue
    const distance = editDistance(lower, candidate.toLowerCase(), bestDistance)
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

/** Optimal string alignment distance, giving up early once it must exceed `cap`. */
export function editDistance(a: string, b: string, cap = Infinity): number {
  if (a === b) return 0
  let previous2: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (previous2[j - 2] as number) + 1)
      }
      current.push(value)
      if (value < rowMin) rowMin = value
    }
    if (rowMin >= cap) return cap
    previous2 = previous
    previous = current
  }
  return previous[b.length] as number
}
