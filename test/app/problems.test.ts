import { describe, expect, it } from 'vitest'
import {
  countProblems,
  filterProblems,
  orderProblems,
  problemKey,
  SHOW_ALL,
  stepProblem,
} from '../../src/app/panels/problems.ts'
import { checkIvr } from '../../src/validate/validate-ivr.ts'
import { dedent } from '../helpers/dedent.ts'

const withProblems = dedent`
  online:
    - play: not-a-link
    - rign
  offline:
    - voicemail
  queue:
    - goto: nowhere
  lonely:
    - ring
  fetcher:
    - fetch:
        url: https://example.com/next
        params:
          from: {$from_number}
`

describe('the problems list', () => {
  const diagnostics = checkIvr(withProblems).diagnostics

  it('counts problems by severity', () => {
    expect(countProblems(diagnostics)).toEqual({ error: 3, warning: 2, info: 1 })
  })

  it('lists problems by position', () => {
    const ordered = orderProblems([...diagnostics].reverse(), false)
    expect(ordered.map((d) => `${d.line} ${d.code}`)).toEqual([
      '2 invalid-url',
      '3 unknown-command',
      '7 dangling-goto',
      '8 unreachable-section',
      '10 unreachable-section',
      '14 unquoted-placeholder',
    ])
  })

  it('puts what stops the YAML from being read first while it cannot be read', () => {
    const broken = checkIvr('online:\n  - ring\nqueue: [\n')
    const ordered = orderProblems(broken.diagnostics, true)
    expect(ordered[0]?.code).toBe('yaml-syntax')
  })

  it('filters by severity and keeps the order', () => {
    const ordered = orderProblems(diagnostics, false)
    expect(filterProblems(ordered, { ...SHOW_ALL, error: false }).map((d) => d.severity)).toEqual([
      'warning',
      'warning',
      'info',
    ])
    expect(filterProblems(ordered, SHOW_ALL)).toEqual(ordered)
  })

  it('tells problems apart by key', () => {
    const keys = new Set(diagnostics.map(problemKey))
    expect(keys.size).toBe(diagnostics.length)
  })

  it('keeps a problem’s key while text is typed above it', () => {
    const moved = checkIvr(`# Main menu, reviewed by the team\n${withProblems}`).diagnostics
    expect(moved.map(problemKey)).toEqual(diagnostics.map(problemKey))
    // Syntax errors have no path: they go by their place.
    const a = checkIvr('online: [\n').diagnostics
    const b = checkIvr('\nonline: [\n').diagnostics
    expect(problemKey(a[0]!)).not.toBe(problemKey(b[0]!))
  })
})

describe('going to the next problem', () => {
  const problems = orderProblems(checkIvr(withProblems).diagnostics, false)

  it('goes forward and back from the current problem, wrapping at the ends', () => {
    expect(stepProblem(problems, 0, 1)).toBe(1)
    expect(stepProblem(problems, problems.length - 1, 1)).toBe(0)
    expect(stepProblem(problems, 0, -1)).toBe(problems.length - 1)
  })

  it('starts at the first or last problem without a current one or a caret', () => {
    expect(stepProblem(problems, -1, 1)).toBe(0)
    expect(stepProblem(problems, -1, -1)).toBe(problems.length - 1)
  })

  it('starts after or before the caret when nothing was gone to yet', () => {
    const caret = problems[2]!.span
    expect(stepProblem(problems, -1, 1, caret)).toBe(3)
    expect(stepProblem(problems, -1, -1, caret)).toBe(1)
    const end = { start: 10_000, end: 10_000 }
    expect(stepProblem(problems, -1, 1, end)).toBe(0)
  })

  it('has nowhere to go without problems', () => {
    expect(stepProblem([], -1, 1)).toBe(-1)
  })
})
