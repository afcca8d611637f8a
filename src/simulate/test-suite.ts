import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml'
import { isParseable, isWithinLimits } from '../yaml/parse-ivr.ts'
import {
  AGENT_STATES,
  DEPARTMENT_STATES,
  OUTCOME_KINDS,
  type AgentState,
  type DepartmentState,
  type OutcomeKind,
} from './call.ts'
import { parseAction, type CallAction } from './drive.ts'

/**
 * A file of test calls (`*.tests.yaml`):
 *
 * ```yaml
 * ivr: ./callback-from-queue.yaml        # the IVR, relative to this file
 * tests:
 *   - name: from the queue, 2 requests a callback
 *     state: busy                         # available | busy | offline
 *     keys: [2]                           # optional: keys, "1234#", no-input, state=available
 *     departments: { sales: offline }     # optional: online | busy | offline each
 *     replies: [failed, ./reply.yaml]     # optional: fetch answers in order
 *     expect: callback-requested          # the outcome
 * ```
 */
export interface TestSuite {
  /** The IVR file as written, relative to the test file. */
  readonly ivr: string
  readonly tests: readonly TestCase[]
}

/** One test call of a suite. */
export interface TestCase {
  readonly name: string
  /** 1-based line of the test in its file. */
  readonly line: number
  readonly state: AgentState
  readonly actions: readonly CallAction[]
  readonly departments: Readonly<Record<string, DepartmentState>>
  /** `failed`, or a file answering the fetch, relative to the test file. */
  readonly replies: readonly string[]
  readonly expect: OutcomeKind
}

/** Why a test file cannot be run; the command line words it. */
export interface SuiteProblem {
  readonly code:
    | 'unreadable'
    | 'yaml'
    | 'not-a-mapping'
    | 'no-ivr'
    | 'no-tests'
    | 'test-not-mapping'
    | 'missing-field'
    | 'bad-state'
    | 'bad-keys'
    | 'bad-departments'
    | 'bad-replies'
    | 'bad-expect'
    | 'unknown-field'
  readonly line: number
  readonly args: Readonly<Record<string, string>>
}

const TEST_FIELDS = ['name', 'state', 'keys', 'departments', 'replies', 'expect'] as const
const SUITE_FIELDS = ['ivr', 'tests'] as const

/**
 * Reads a test file. Every problem is reported, in line order; the suite is `null` when there is
 * any.
 */
export function parseTestSuite(text: string): {
  suite: TestSuite | null
  problems: SuiteProblem[]
} {
  const problems: SuiteProblem[] = []
  if (!isWithinLimits(text) || !isParseable(text)) {
    return { suite: null, problems: [{ code: 'unreadable', line: 1, args: {} }] }
  }
  const counter = new LineCounter()
  const doc = parseDocument(text, { lineCounter: counter })
  const reader: Reader = {
    problems,
    lineOf: (node) => (node?.range ? counter.linePos(node.range[0]).line : 1),
  }

  if (doc.errors.length > 0) {
    const error = doc.errors[0]!
    const detail = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
    const line = counter.linePos(error.pos[0]).line
    return { suite: null, problems: [{ code: 'yaml', line, args: { detail } }] }
  }
  const root = doc.contents
  if (!isMap(root)) {
    report(reader, 'not-a-mapping', root)
    return { suite: null, problems }
  }
  let ivr: string | null = null
  let sawIvr = false
  let sawTests = false
  const tests: TestCase[] = []
  for (const pair of root.items) {
    const key = scalarText(pair.key as Node) ?? ''
    const value = (pair.value as Node | null) ?? null
    if (key === 'ivr') {
      sawIvr = true
      ivr = scalarText(value) || null
      if (ivr === null) report(reader, 'no-ivr', value ?? (pair.key as Node))
    } else if (key === 'tests') {
      sawTests = true
      if (!isSeq(value) || value.items.length === 0) {
        report(reader, 'no-tests', value ?? (pair.key as Node))
      } else {
        value.items.forEach((item, index) => {
          const test = readTest(reader, item as Node, index)
          if (test) tests.push(test)
        })
      }
    } else {
      report(reader, 'unknown-field', pair.key as Node, {
        field: key,
        allowed: SUITE_FIELDS.join(', '),
      })
    }
  }
  if (!sawIvr) report(reader, 'no-ivr', root)
  if (!sawTests) report(reader, 'no-tests', root)
  problems.sort((a, b) => a.line - b.line)
  if (problems.length > 0 || ivr === null) return { suite: null, problems }
  return { suite: { ivr, tests }, problems }
}

interface Reader {
  readonly problems: SuiteProblem[]
  readonly lineOf: (node: Node | null | undefined) => number
}

function report(
  reader: Reader,
  code: SuiteProblem['code'],
  node: Node | null | undefined,
  args: Record<string, string> = {},
): void {
  reader.problems.push({ code, line: reader.lineOf(node), args })
}

function scalarText(node: Node | null | undefined): string | null {
  if (!isScalar(node) || node.value === null || typeof node.value === 'object') return null
  return typeof node.value === 'string' ? node.value : (node.source ?? String(node.value))
}

function readTest(reader: Reader, node: Node, index: number): TestCase | null {
  if (!isMap(node)) {
    report(reader, 'test-not-mapping', node, { index: String(index + 1) })
    return null
  }
  const before = reader.problems.length
  const fields = new Map<string, Node | null>()
  for (const pair of node.items) {
    const key = scalarText(pair.key as Node) ?? ''
    if (!(TEST_FIELDS as readonly string[]).includes(key)) {
      report(reader, 'unknown-field', pair.key as Node, {
        field: key,
        allowed: TEST_FIELDS.join(', '),
      })
    } else fields.set(key, (pair.value as Node | null) ?? null)
  }
  const name = scalarText(fields.get('name')) ?? ''
  const test = name || `#${index + 1}`
  if (!name) report(reader, 'missing-field', node, { field: 'name', test })

  const state = scalarText(fields.get('state')) ?? ''
  if (!fields.has('state')) report(reader, 'missing-field', node, { field: 'state', test })
  else if (!(AGENT_STATES as readonly string[]).includes(state)) {
    report(reader, 'bad-state', fields.get('state'), { value: state, test })
  }

  const expected = scalarText(fields.get('expect')) ?? ''
  if (!fields.has('expect')) report(reader, 'missing-field', node, { field: 'expect', test })
  else if (!(OUTCOME_KINDS as readonly string[]).includes(expected)) {
    report(reader, 'bad-expect', fields.get('expect'), { value: expected, test })
  }

  const actions: CallAction[] = []
  const keys = fields.get('keys') ?? null
  if (keys !== null) {
    const tokens = isSeq(keys)
      ? keys.items.map((item) => scalarText(item as Node))
      : (scalarText(keys)?.split(',') ?? [null])
    for (const token of tokens) {
      const action = token === null ? null : parseAction(token)
      if (action) actions.push(action)
      else report(reader, 'bad-keys', keys, { value: token ?? '', test })
    }
  }

  const departments: Record<string, DepartmentState> = {}
  const departmentsNode = fields.get('departments') ?? null
  if (departmentsNode !== null && !isMap(departmentsNode)) {
    report(reader, 'bad-departments', departmentsNode, { value: '', test })
  } else if (departmentsNode !== null) {
    for (const pair of departmentsNode.items) {
      const id = scalarText(pair.key as Node) ?? ''
      const value = scalarText(pair.value as Node) ?? ''
      if (id === '' || !(DEPARTMENT_STATES as readonly string[]).includes(value)) {
        report(reader, 'bad-departments', pair.key as Node, { value: `${id}: ${value}`, test })
      } else departments[id] = value as DepartmentState
    }
  }

  const replies: string[] = []
  const repliesNode = fields.get('replies') ?? null
  if (repliesNode !== null) {
    const items = isSeq(repliesNode)
      ? repliesNode.items.map((item) => scalarText(item as Node))
      : [scalarText(repliesNode)]
    for (const item of items) {
      if (item === null || item === '') report(reader, 'bad-replies', repliesNode, { test })
      else replies.push(item)
    }
  }

  if (reader.problems.length > before) return null
  return {
    name,
    line: reader.lineOf(node),
    state: state as AgentState,
    actions,
    departments,
    replies,
    expect: expected as OutcomeKind,
  }
}
