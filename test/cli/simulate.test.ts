import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dedent } from '../helpers/dedent.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))
const bin = join(root, 'bin', 'ivr-designer.js')
const builtMain = join(root, 'dist', 'cli', 'main.js')
const example = (name: string) => `test/fixtures/examples/${name}`
const L = 'https://mycompany.ladesk.com/scripts/file.php?view=Y&file='

/** The newest modification time of the sources the CLI is built from. */
function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (relative(root, path) !== join('src', 'app')) newest = Math.max(newest, newestSource(path))
    } else newest = Math.max(newest, statSync(path).mtimeMs)
  }
  return newest
}

function builtIsCurrent(): boolean {
  try {
    return statSync(builtMain).mtimeMs >= newestSource(join(root, 'src'))
  } catch {
    return false
  }
}

interface Run {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs the built command line as a user would, in an English environment unless told. */
function cli(args: readonly string[], options: { env?: NodeJS.ProcessEnv } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const name of ['LANG', 'LC_ALL', 'LC_MESSAGES', 'NO_COLOR']) delete env[name]
  Object.assign(env, { LANG: 'en_US.UTF-8' }, options.env)
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    env,
    input: '',
    encoding: 'utf8',
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

let tmp = ''
const tmpFile = (name: string, content: string) => {
  const path = join(tmp, name)
  writeFileSync(path, content)
  return path
}

beforeAll(() => {
  if (!builtIsCurrent()) {
    const build = spawnSync('npm', ['run', 'build:node'], { cwd: root, encoding: 'utf8' })
    if (build.status !== 0)
      throw new Error(`npm run build:node failed:\n${build.stdout}${build.stderr}`)
  }
  tmp = mkdtempSync(join(tmpdir(), 'ivr-designer-simulate-'))
  for (const name of ['callback-from-queue.yaml', 'fetch-reply.yaml', 'dtmf-input.yaml']) {
    copyFileSync(join(root, example(name)), join(tmp, name))
  }
})

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

const QUEUE_CALLBACK = [
  `online:2       Agents are logged in, so the call goes to "online".`,
  `online:3       Plays ${L}connect-first-available-agent.mp3`,
  `online:4       Rings the agents; all are busy, so the caller waits in the queue.`,
  `queue:7        The caller waits in the queue while "queue" plays.`,
  `queue:8        Plays ${L}next-in-queue.mp3`,
  `queue:12       Prompt for 0 (Wait): ${L}hidden-waiting-music.mp3`,
  `queue:16       Prompt for 1 (Leave voicemail): ${L}press-one-to-leave-a-voicemail.mp3`,
  `queue:20       Prompt for 2 (Request callback): ${L}press_2_to_request_callback.mp3`,
  `queue:18       The caller presses 2: Request callback.`,
  `queue:21       Goes to "callmeback".`,
  `callmeback:23  Callback requested: the call ends and an agent will call back.`,
  'Outcome: callback-requested',
  '',
].join('\n')

describe('ivr-designer simulate', () => {
  it('prints one line per step with section:line, then the outcome, and exits 0', () => {
    const run = cli([
      'simulate',
      example('callback-from-queue.yaml'),
      '--state',
      'busy',
      '--keys',
      '2',
      '--expect',
      'callback-requested',
    ])
    expect(run.stdout).toBe(QUEUE_CALLBACK)
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
  })

  it('exits 1 when the outcome is not the one expected', () => {
    const run = cli([
      'simulate',
      example('callback-from-queue.yaml'),
      '--state=busy',
      '--keys=2',
      '--expect=voicemail',
    ])
    expect(run.stdout.trimEnd().split('\n').slice(-2)).toEqual([
      'Outcome: callback-requested',
      'Expected voicemail, but the outcome is callback-requested.',
    ])
    expect(run.status).toBe(1)
  })

  it('connects a caller waiting in the queue when an agent frees up', () => {
    const run = cli([
      'simulate',
      example('callback-from-queue.yaml'),
      '--state',
      'busy',
      '--keys',
      '0,state=available',
      '--expect',
      'connected',
    ])
    expect(run.stdout.trimEnd().split('\n').slice(-3)).toEqual([
      'queue:9   An agent becomes free.',
      'queue:9   Connected to an agent.',
      'Outcome: connected',
    ])
    expect(run.status).toBe(0)
  })

  it('shows where a caller without more keys waits in the queue', () => {
    const run = cli(['simulate', example('callback-from-queue.yaml'), '--state', 'busy'])
    expect(run.stdout.trimEnd().split('\n').slice(-2)).toEqual([
      'queue:9   Waiting in the queue for an agent.',
      'Outcome: waiting',
    ])
    expect(run.status).toBe(0)
  })

  it('refuses an IVR with errors, printing them, and exits 1', () => {
    const run = cli(['simulate', example('fetch-reply.yaml'), '--state', 'available'])
    expect(run.stdout).toBe(
      [
        'test/fixtures/examples/fetch-reply.yaml:1:1: error There is no "offline" section: it runs when a call comes in and no agent is logged in. Add it. [missing-section]',
        'test/fixtures/examples/fetch-reply.yaml:1:1: error There is no "queue" section: it plays while callers wait for a busy agent. Add it. [missing-section]',
        '2 errors in 1 file.',
        'Outcome: refused',
        '',
      ].join('\n'),
    )
    expect(run.status).toBe(1)
  })

  it('sends dtmf digits and continues in the reply file', () => {
    const run = cli([
      'simulate',
      example('dtmf-input.yaml'),
      '--state',
      'available',
      '--keys',
      '1234#',
      '--reply',
      example('fetch-reply.yaml'),
    ])
    expect(run.stdout).toBe(
      [
        'start:1         The call starts in "start".',
        'start:2         Plays http://enter.your.dtmf.input.and.press.#.to.confirm',
        'start:3         The caller types 1234#; asks http://my.dynamic.script for the next script: ticket=TICKET-1, value=1234, ivrs=start,offline,queue',
        'start:3         The address answers a valid script.',
        'reply1:start:1  The call continues in "start" of the answered script.',
        'reply1:start:2  Plays http://hello.peter',
        'reply1:start:3  Rings the agents; one answers.',
        'reply1:start:3  Connected to an agent.',
        'Outcome: connected',
        '',
      ].join('\n'),
    )
    expect(run.status).toBe(0)
  })

  it('follows onError for --reply failed and uses --department for transfers', () => {
    const failed = cli([
      'simulate',
      example('dynamic-fetch.yaml'),
      '--state',
      'available',
      '--reply',
      'failed',
      '--expect',
      'hung-up',
    ])
    expect(failed.stdout).toContain('start:4     Goes to "offline" (onError).\n')
    expect(failed.status).toBe(0)
    const transfer = cli([
      'simulate',
      example('departments-transfer.yaml'),
      '--state',
      'available',
      '--keys',
      '1',
      '--department',
      'salesDepartmentID=offline',
      '--expect',
      'voicemail',
    ])
    expect(transfer.stdout).toContain(
      'start:8       Transfers to salesDepartmentID, which is offline: its "offline" branch runs.\n',
    )
    expect(transfer.status).toBe(0)
  })

  it('notes a fetch that had no --reply, and keys left over after the call ended', () => {
    const run = cli(['simulate', example('basic.yaml'), '--state', 'available', '--keys', '1,2'])
    expect(run.stdout).toContain('Not used, as the call had already ended: 1, 2.\n')
    expect(run.status).toBe(0)
    const fetch = cli(['simulate', example('dynamic-fetch.yaml'), '--state', 'busy'])
    expect(fetch.stdout).toContain(
      'A fetch had no --reply left and was taken as not answered.\nOutcome: hung-up\n',
    )
  })

  it('exits 1 when a key does not fit what the call waits for', () => {
    const run = cli([
      'simulate',
      example('callback-direct.yaml'),
      '--state',
      'available',
      '--keys',
      '12#',
    ])
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      'The call could not take "12#" (action 1): it was waiting for one key at a menu.',
    )
    expect(run.status).toBe(1)
  })

  it('prints the transcript as JSON with locations, sentences, paths and the visited commands', () => {
    const run = cli([
      'simulate',
      example('callback-from-queue.yaml'),
      '--state',
      'busy',
      '--keys',
      '2',
      '--format',
      'json',
    ])
    expect(run.status).toBe(0)
    const report = JSON.parse(run.stdout) as {
      outcome: unknown
      passed: boolean
      keys: string[]
      transcript: { kind: string; location: string; path: unknown[]; line: number; text: string }[]
      visited: unknown[]
    }
    expect(report.outcome).toEqual({ kind: 'callback-requested' })
    expect(report.passed).toBe(true)
    expect(report.keys).toEqual(['2'])
    expect(report.transcript.at(-3)).toMatchObject({
      kind: 'key',
      location: 'queue:18',
      path: ['queue', 1, 'choice', '2'],
      line: 18,
      text: 'The caller presses 2: Request callback.',
    })
    expect(report.visited).toEqual([
      ['online', 0],
      ['online', 1],
      ['queue', 0],
      ['queue', 1],
      ['queue', 1, 'choice', '2'],
      ['callmeback', 0],
    ])
  })

  it('speaks Japanese with --lang ja', () => {
    const run = cli([
      'simulate',
      example('callback-from-queue.yaml'),
      '--state',
      'busy',
      '--keys',
      '2',
      '--lang',
      'ja',
    ])
    expect(run.stdout.trimEnd().split('\n').slice(-3)).toEqual([
      'queue:21       「callmeback」に進みます。',
      'callmeback:23  コールバックを受け付けました。通話は終わり、オペレーターが折り返し電話します。',
      '結果: callback-requested',
    ])
  })

  it.each([
    [['simulate', 'a.yaml'], 'Option "--state" is required: available, busy or offline.'],
    [
      ['simulate', 'a.yaml', '--state', 'lunch'],
      'Option "--state" cannot be "lunch"; use available or busy or offline.',
    ],
    [
      ['simulate', 'a.yaml', '--state', 'busy', '--keys', '1,x'],
      '"x" in --keys is not an action; use a key 0-9, * or #, digits ended by # (1234#), no-input, or state=available|busy|offline.',
    ],
    [
      ['simulate', 'a.yaml', '--state', 'busy', '--department', 'sales'],
      'Option "--department" cannot be "sales"; use ID=online, ID=busy or ID=offline.',
    ],
    [
      ['simulate', 'a.yaml', '--state', 'busy', '--expect', 'happy'],
      'Option "--expect" cannot be "happy"; use connected or waiting or voicemail or callback-requested or transferred or hung-up or no-input or loop or refused.',
    ],
    [
      ['simulate', '--state', 'busy'],
      'simulate needs one IVR file (use - to read standard input).',
    ],
    [['simulate', 'a.yaml', 'b.yaml', '--state', 'busy'], 'Unexpected argument "b.yaml".'],
    [['simulate', 'a.yaml', '--state', 'busy', '--reply'], 'Option "--reply" needs a value.'],
    [['simulate', 'a.yaml', '--colour'], 'Unknown option "--colour".'],
  ])('exits 2 with a usage message for %j', (args, message) => {
    const run = cli(args)
    expect(run.stderr).toBe(
      `ivr-designer: ${message}\nRun "ivr-designer simulate --help" for usage.\n`,
    )
    expect(run.stdout).toBe('')
    expect(run.status).toBe(2)
  })

  it('exits 2 when the IVR or a reply file cannot be read', () => {
    const missing = cli(['simulate', join(tmp, 'gone.yaml'), '--state', 'busy'])
    expect(missing.stderr).toBe(
      `ivr-designer: Cannot read "${join(tmp, 'gone.yaml')}": the file does not exist.\n`,
    )
    expect(missing.status).toBe(2)
    const reply = cli([
      'simulate',
      example('dynamic-fetch.yaml'),
      '--state',
      'busy',
      '--reply',
      'nope.yaml',
    ])
    expect(reply.stderr).toBe('ivr-designer: Cannot read "nope.yaml": the file does not exist.\n')
    expect(reply.status).toBe(2)
  })
})

describe('ivr-designer test', () => {
  const SUITE = dedent`
    ivr: ./callback-from-queue.yaml
    tests:
      - name: from the queue, 2 requests a callback
        state: busy
        keys: [2]
        expect: callback-requested
      - name: from the queue, 1 leaves a voicemail
        state: busy
        keys: [1]
        expect: callback-requested
      - name: an agent frees up while the caller waits
        state: busy
        keys: [0, state=available]
        expect: connected
  `

  it('prints pass or fail per test, the failing call, and the summary, and exits 1', () => {
    const file = tmpFile('queue.tests.yaml', SUITE)
    const run = cli(['test', file])
    expect(run.stdout).toBe(
      [
        file,
        '  ✓ from the queue, 2 requests a callback',
        `  ✗ from the queue, 1 leaves a voicemail (${file}:7)`,
        '      expected callback-requested, got voicemail',
        `      online:2      Agents are logged in, so the call goes to "online".`,
        `      online:3      Plays ${L}connect-first-available-agent.mp3`,
        `      online:4      Rings the agents; all are busy, so the caller waits in the queue.`,
        `      queue:7       The caller waits in the queue while "queue" plays.`,
        `      queue:8       Plays ${L}next-in-queue.mp3`,
        `      queue:12      Prompt for 0 (Wait): ${L}hidden-waiting-music.mp3`,
        `      queue:16      Prompt for 1 (Leave voicemail): ${L}press-one-to-leave-a-voicemail.mp3`,
        `      queue:20      Prompt for 2 (Request callback): ${L}press_2_to_request_callback.mp3`,
        `      queue:14      The caller presses 1: Leave voicemail.`,
        `      queue:17      Goes to "voicemail".`,
        `      voicemail:25  Plays ${L}leave-a-voicemail.mp3`,
        `      voicemail:26  The caller leaves a voicemail and the call ends.`,
        '  ✓ an agent frees up while the caller waits',
        '2 passed, 1 failed',
        '',
      ].join('\n'),
    )
    expect(run.status).toBe(1)
  })

  it('exits 0 when every test passes, keeping the summary in every language', () => {
    const file = tmpFile(
      'passing.tests.yaml',
      SUITE.replace(
        'keys: [1]\n    expect: callback-requested',
        'keys: [1]\n    expect: voicemail',
      ),
    )
    const run = cli(['test', file, '--lang', 'ja'])
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('3 passed, 0 failed')
    expect(run.status).toBe(0)
  })

  it('lists the commands no test walked with --coverage', () => {
    const file = tmpFile(
      'coverage.tests.yaml',
      dedent`
        ivr: ./callback-from-queue.yaml
        tests:
          - name: callback
            state: busy
            keys: [2]
            expect: callback-requested
      `,
    )
    const run = cli(['test', '--coverage', file])
    expect(run.stdout).toBe(
      [
        file,
        '  ✓ callback',
        '  Not walked by any test (5):',
        '    offline:6     play',
        '    queue:10      option 0',
        '    queue:14      option 1',
        '    voicemail:25  play',
        '    voicemail:26  voicemail',
        '1 passed, 0 failed',
        '',
      ].join('\n'),
    )
    expect(run.status).toBe(0)
  })

  it('reads replies relative to the test file, and passes a test that expects refused', () => {
    const replies = tmpFile(
      'replies.tests.yaml',
      dedent`
        ivr: ./dtmf-input.yaml
        tests:
          - name: digits reach the answered script
            state: available
            keys: ["42#"]
            replies: [./fetch-reply.yaml]
            expect: connected
          - name: no answer goes to offline
            state: available
            keys: ["42#"]
            replies: [failed]
            expect: hung-up
      `,
    )
    expect(cli(['test', replies]).stdout.trimEnd().split('\n').at(-1)).toBe('2 passed, 0 failed')
    const refused = tmpFile(
      'refused.tests.yaml',
      'ivr: ./fetch-reply.yaml\ntests:\n  - name: not runnable\n    state: busy\n    expect: refused\n',
    )
    const run = cli(['test', refused])
    expect(run.stdout).toContain('  The IVR has 2 errors, so no test call can run:\n')
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 0 failed')
    expect(run.status).toBe(0)
  })

  it('reports a malformed test file on standard error and exits 2', () => {
    const file = tmpFile(
      'broken.tests.yaml',
      'ivr: ./callback-from-queue.yaml\ntests:\n  - name: x\n    state: lunch\n    expect: connected\n',
    )
    const run = cli(['test', file])
    expect(run.stderr).toBe(
      `ivr-designer: ${file}:4: test "x": state "lunch" must be available, busy or offline.\n`,
    )
    expect(run.stdout).toBe('0 passed, 0 failed\n')
    expect(run.status).toBe(2)
  })

  it('prints the results as JSON', () => {
    const file = tmpFile('json.tests.yaml', SUITE)
    const run = cli(['test', file, '--format', 'json'])
    const report = JSON.parse(run.stdout) as {
      passed: number
      failed: number
      files: { tests: { name: string; passed: boolean; outcome: { kind: string } }[] }[]
    }
    expect(report.passed).toBe(2)
    expect(report.failed).toBe(1)
    expect(report.files[0]!.tests.map((t) => [t.passed, t.outcome.kind])).toEqual([
      [true, 'callback-requested'],
      [false, 'voicemail'],
      [true, 'connected'],
    ])
    expect(run.status).toBe(1)
  })
})

describe('ivr-designer paths', () => {
  it('lists every path with its keys and outcome, then the commands no path runs', () => {
    const run = cli(['paths', example('departments-transfer.yaml')])
    const out = run.stdout.split('\n')
    expect(out.slice(0, 3)).toEqual([
      'state      departments                keys  replies  outcome',
      'available  salesDepartmentID=online   1     -        connected salesDepartmentID',
      'available  salesDepartmentID=busy     1     -        transferred salesDepartmentID',
    ])
    expect(out.slice(-7)).toEqual([
      'No path runs these commands (4):',
      '  queue:33  play',
      '  queue:34  choice',
      '  queue:35  option 0',
      '  queue:39  option 1',
      '21 paths.',
      '',
    ])
    expect(run.status).toBe(0)
  })

  it('lists the paths of a queue menu exactly', () => {
    const run = cli(['paths', example('callback-from-queue.yaml')])
    expect(run.stdout).toBe(
      [
        'state      departments  keys  replies  outcome',
        'available  -            -     -        connected',
        'busy       -            0     -        waiting',
        'busy       -            1     -        voicemail',
        'busy       -            2     -        callback-requested',
        'busy       -            -     -        waiting',
        'offline    -            -     -        hung-up end-of-list',
        '6 paths.',
        '',
      ].join('\n'),
    )
  })

  it('prints the paths as JSON, and exits 1 for an IVR with errors', () => {
    const json = cli(['paths', example('dtmf-input.yaml'), '--format', 'json'])
    const report = JSON.parse(json.stdout) as {
      complete: boolean
      paths: { state: string; keys: string[]; outcome: { kind: string } }[]
    }
    expect(report.complete).toBe(true)
    expect(report.paths[1]).toMatchObject({
      state: 'available',
      keys: ['1234#'],
      outcome: { kind: 'fetched', url: 'http://my.dynamic.script' },
    })
    const refused = cli(['paths', example('fetch-reply.yaml')])
    expect(refused.stdout.trimEnd().split('\n').at(-1)).toBe('Outcome: refused')
    expect(refused.status).toBe(1)
  })
})

describe('help of the test-call commands', () => {
  it('lists simulate, test and paths in the main help', () => {
    const run = cli(['--help'])
    for (const word of ['simulate FILE', 'test FILE...', 'paths FILE']) {
      expect(run.stdout).toContain(word)
    }
  })

  it.each([
    [
      'simulate',
      [
        '--state available|busy|offline',
        '--keys',
        '--department',
        '--reply',
        '--expect',
        '--format text|json',
        '--lang en|ja',
        'Outcomes:',
        'Exit codes',
      ],
    ],
    ['test', ['ivr:', 'tests:', 'expect:', '--coverage', 'N passed, N failed', 'Exit codes']],
    ['paths', ['--format text|json', 'Exit codes']],
  ])('documents every option of %s', (command, words) => {
    for (const args of [
      [command, '--help'],
      ['help', command],
    ]) {
      const run = cli(args)
      expect(run.status).toBe(0)
      for (const word of words) expect(run.stdout).toContain(word)
    }
  })
})
