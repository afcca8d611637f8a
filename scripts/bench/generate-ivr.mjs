/**
 * Generates a realistic, valid IVR of about `commands` commands: entry sections, menus with
 * nested options, transfers with branches, fetches with placeholders, and comments. Every section
 * leads to the next, and the last back to `online`. Deterministic for a given size.
 */
export function generateIvr(commands) {
  const nameOf = (i) => (i < 3 ? ['online', 'offline', 'queue'][i] : `menu_${i}`)
  const url = (name, i) => `https://cdn.example.com/recordings/${name}-prompt-${i}.mp3`
  const lines = ['# Generated IVR for benchmarks', '']
  let count = 0
  let section = 0
  while (count < commands) {
    const name = nameOf(section)
    // offline must never lead to a callback or loop, so nothing links into it but the system.
    const next = section + 1 === 1 ? 'queue' : nameOf(section + 1)
    lines.push(`# Section ${section}: ${name}`, `${name}:`, `  - play: ${url(name, 0)}`)
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
        `          - goto: ${next}`,
      )
      count += 4
    } else if (section % 4 === 2 && name !== 'queue') {
      lines.push(
        '  - fetch:',
        '      url: https://api.example.com/ivr/next',
        `      onError: ${next}`,
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
        if (key === 3) {
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
  // The section after the last does not exist: link back to online instead.
  const missing = new RegExp(`\\b${nameOf(section)}\\b(?!:)`, 'g')
  return lines.join('\n').replace(missing, 'online')
}
