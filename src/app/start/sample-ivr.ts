/** A token of a highlighted YAML line. */
export interface YamlToken {
  kind: 'plain' | 'punctuation' | 'key' | 'command' | 'number' | 'string'
  text: string
}

/** The names shown in the sample, in the reader's language. */
export interface SampleNames {
  sales: string
  support: string
}

/** A small complete IVR (no diagnostics): a welcome menu that sends callers to two sections. */
export function sampleIvr(names: SampleNames): string {
  return [
    'online:',
    '  - play: https://example.com/welcome.mp3',
    '  - choice:',
    '      1:',
    `        name: ${names.sales}`,
    '        play: https://example.com/press-1.mp3',
    '        goto: sales',
    '      2:',
    `        name: ${names.support}`,
    '        play: https://example.com/press-2.mp3',
    '        goto: support',
    'sales:',
    '  - ring',
    'support:',
    '  - voicemail',
    'offline:',
    '  - voicemail',
    'queue:',
    '  - play: https://example.com/hold.mp3',
  ].join('\n')
}

const COMMANDS = new Set(['play', 'choice', 'ring', 'voicemail', 'callback', 'goto', 'transfer'])

/**
 * The tokens of one line of the sample, for colouring. Enough YAML for the sample only: block
 * mappings and sequences with plain scalars.
 */
export function highlightYamlLine(line: string): YamlToken[] {
  const match = /^(\s*)(- )?([^:]*?)(:)?( .*)?$/.exec(line)
  if (match === null) return [{ kind: 'plain', text: line }]
  const [, indent = '', dash = '', word = '', colon = '', value = ''] = match
  const tokens: YamlToken[] = []
  if (indent !== '') tokens.push({ kind: 'plain', text: indent })
  if (dash !== '') tokens.push({ kind: 'punctuation', text: dash })
  const wordKind = /^\d+$/.test(word) ? 'number' : COMMANDS.has(word) ? 'command' : 'key'
  if (word !== '')
    tokens.push({ kind: colon === '' && dash === '' ? 'string' : wordKind, text: word })
  if (colon !== '') tokens.push({ kind: 'punctuation', text: colon })
  if (value !== '') tokens.push({ kind: 'string', text: value })
  return tokens
}
