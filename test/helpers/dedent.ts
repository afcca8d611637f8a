/**
 * Strips the common indentation of a template literal and its first and last empty lines, so
 * YAML fixtures can be written inline at the indentation of the test.
 */
export function dedent(strings: TemplateStringsArray | string, ...values: unknown[]): string {
  const raw =
    typeof strings === 'string'
      ? strings
      : strings.reduce((out, part, i) => out + part + (i < values.length ? String(values[i]) : ''), '')
  const lines = raw.replace(/^[ \t]*\n/, '').replace(/\n[ \t]*$/, '').split('\n')
  const indents = lines.filter((l) => l.trim() !== '').map((l) => l.match(/^ */)![0].length)
  const cut = indents.length > 0 ? Math.min(...indents) : 0
  return lines.map((l) => l.slice(cut)).join('\n') + '\n'
}
