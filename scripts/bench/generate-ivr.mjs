/**
 * Generates a realistic IVR of about `commands` commands: entry sections, menus with nested
 * options, transfers with branches, fetches with placeholders, and comments, all valid.
 * Deterministic for a given size.
 */
export function generateIvr(commands) {
  const lines = ['# Generated IVR for benchmarks', '']
  let count = 0
  let section = 0
  const names = []
  const total = Math.max(1, Math.ceil(commands / 10))
  for (let i = 0; i < total; i++) names.push(i < 3 ? ['online', 'offline', 'queue'][i] : `menu_${i}`)
  const url = (s, i) => `https://cdn.example.com/recordings/${s}-prompt-${i}.mp3`
  while (count < commands) {
    const name = names[section] ?? `menu_${section}`
    const next = names[(section + 1) % names.length]
    lines.push(`# Section ${section}: ${name}`, `${name}:`)
    lines.push(`  - play: ${url(name, 0)}`)
    count++
    if (name === 'offline') {
      lines.push('  - voicemail')
      count++
    } else if (section % 4 === 3) {
      lines.push(
        '  - transfer:',
        `      to: dept_${section}`,
        '      if:',
        '        online:',
        `          - play: ${url(name, 1)}`,
        '          - ring',
        '        offline:',
        `          - goto: ${next === 'offline' ? 'queue' : next}`,
      )
      count += 4
    } else if (section % 4 === 2 && name !== 'queue') {
      lines.push(
        '  - fetch:',
        '      url: https://api.example.com/ivr/next',
        '      onError: queue',
        '      params:',
        "        from: '{$from_number}'",
        `        step: ${section}`,
      )
      count++
    } else {
      lines.push('  - choice:')
      count++
      for (let key = 1; key <= 3; key++) {
        lines.push(`      ${key}:`, `        name: Option ${key}`, `        play: ${url(name, key)}`)
        if (key === 3 && next !== 'offline') {
          lines.push(`        goto: ${next}`)
        } else {
          lines.push('        do:', `          - play: ${url(name, key + 10)}`, '          - ring')
          count += 2
        }
      }
    }
    lines.push('')
    section++
  }
  return lines.join('\n')
}
