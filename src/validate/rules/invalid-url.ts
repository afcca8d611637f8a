import type { TextValue } from '../../model/ivr.ts'
import type { IvrPath } from '../../model/path.ts'
import type { Finding } from '../make-diagnostic.ts'
import type { Rule } from '../rule.ts'

const ABSOLUTE_HTTP_URL = /^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i

/** Whether the phone system can fetch the URL: absolute `http:` or `https:`, no spaces. */
export function isPlayableUrl(url: string): boolean {
  return ABSOLUTE_HTTP_URL.test(url)
}

/** Links to play or call that are not absolute http or https URLs. */
export const invalidUrl: Rule = ({ index }) => {
  const findings: Finding[] = []
  const check = (url: TextValue | null, path: IvrPath, fetch: boolean) => {
    if (!url || isPlayableUrl(url.value)) return
    const empty = url.value.trim() === ''
    findings.push({
      code: 'invalid-url',
      severity: 'error',
      messageId: empty ? 'diag.invalid-url.empty' : fetch ? 'diag.invalid-url.fetch' : 'diag.invalid-url',
      args: { url: url.value },
      path,
      span: url.span,
    })
  }
  for (const { item: command } of index.commands) {
    if (command.kind === 'play') check(command.url, [...command.path, 'play'], false)
    if (command.kind === 'fetch' || command.kind === 'dtmf') {
      check(command.url, [...command.path, command.kind, 'url'], true)
    }
    if (command.kind === 'choice') {
      for (const option of command.options) check(option.play, [...option.path, 'play'], false)
    }
  }
  return findings
}
