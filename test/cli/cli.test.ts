import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkIvr } from '../../src/validate/validate-ivr.ts'
import { dedent } from '../helpers/dedent.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))
const bin = join(root, 'bin', 'ivr-designer.js')
const builtMain = join(root, 'dist', 'cli', 'main.js')
const example = (name: string) => `test/fixtures/examples/${name}`

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
function cli(
  args: readonly string[],
  options: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {},
): Run {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const name of ['LANG', 'LC_ALL', 'LC_MESSAGES', 'NO_COLOR']) delete env[name]
  Object.assign(env, { LANG: 'en_US.UTF-8' }, options.env)
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    env,
    input: options.input ?? '',
    encoding: 'utf8',
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

let tmp = ''
const tmpFile = (name: string, content: string | Uint8Array) => {
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
  tmp = mkdtempSync(join(tmpdir(), 'ivr-designer-cli-'))
})

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

const DTMF_TEXT = [
  'test/fixtures/examples/dtmf-input.yaml:1:1: warning There is no "online" section. With "start" present the phone system can do without it, but add it if calls should reach agents when they are available. [missing-section]',
  'test/fixtures/examples/dtmf-input.yaml:7:17: info {$conv_code} without quotes is read as a YAML mapping. The phone system accepts it, but "{$conv_code}" in quotes is clearer. [unquoted-placeholder]',
  '1 warning, 1 info in 1 file.',
  '',
].join('\n')

describe('ivr-designer validate', () => {
  it('prints one line per diagnostic and a summary, and exits 0 when there are only warnings', () => {
    const run = cli(['validate', example('dtmf-input.yaml')])
    expect(run.stdout).toBe(DTMF_TEXT)
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
  })

  it('says there are no problems in a valid IVR, and exits 0', () => {
    const run = cli(['validate', example('basic.yaml'), example('callback-direct.yaml')])
    expect(run.stdout).toBe('No problems in 2 files.\n')
    expect(run.status).toBe(0)
  })

  it('exits 1 when any file has an error, and counts every severity over all files', () => {
    const run = cli(['validate', example('basic.yaml'), example('fetch-reply.yaml')])
    expect(run.stdout).toBe(
      [
        'test/fixtures/examples/fetch-reply.yaml:1:1: error There is no "offline" section: it runs when a call comes in and no agent is logged in. Add it. [missing-section]',
        'test/fixtures/examples/fetch-reply.yaml:1:1: error There is no "queue" section: it plays while callers wait for a busy agent. Add it. [missing-section]',
        'test/fixtures/examples/fetch-reply.yaml:1:1: warning There is no "online" section. With "start" present the phone system can do without it, but add it if calls should reach agents when they are available. [missing-section]',
        '2 errors, 1 warning in 2 files.',
        '',
      ].join('\n'),
    )
    expect(run.status).toBe(1)
  })

  it('checks a fetch reply with --reply, where only start is needed', () => {
    const run = cli(['validate', '--reply', example('fetch-reply.yaml')])
    expect(run.stdout).toBe('No problems in 1 file.\n')
    expect(run.status).toBe(0)
  })

  it('prints every diagnostic field with its file as one JSON array', () => {
    const run = cli([
      'validate',
      '--format',
      'json',
      example('dynamic-fetch.yaml'),
      example('basic.yaml'),
    ])
    expect(run.status).toBe(0)
    const text = readFileSync(join(root, example('dynamic-fetch.yaml')), 'utf8')
    const expected = checkIvr(text).diagnostics.map((d) => ({
      file: example('dynamic-fetch.yaml'),
      ...d,
    }))
    const printed: unknown = JSON.parse(run.stdout)
    expect(printed).toEqual(JSON.parse(JSON.stringify(expected)))
    expect(expected.map((d) => d.code)).toEqual([
      'missing-section',
      'unquoted-placeholder',
      'unquoted-placeholder',
      'unquoted-placeholder',
    ])
  })

  it('accepts --format=json and prints an empty array for a valid IVR', () => {
    const run = cli(['validate', `--format=json`, example('basic.yaml')])
    expect(run.stdout).toBe('[]\n')
    expect(run.status).toBe(0)
  })

  it('reads standard input for the file "-" and names it <stdin>', () => {
    const input = dedent`
      online:
        - goto: nowhere
      offline:
        - voicemail
      queue:
        - play: https://example.com/hold.mp3
    `
    const run = cli(['validate', '-'], { input })
    expect(run.stdout).toBe(
      '<stdin>:2:11: error There is no section "nowhere". Create it or choose an existing section. [dangling-goto]\n' +
        '1 error in 1 file.\n',
    )
    expect(run.status).toBe(1)
  })

  it('reports a file that is not UTF-8 as a yaml-syntax error at 1:1', () => {
    const path = tmpFile(
      'latin1.yaml',
      Buffer.from('online:\n  - play: http://caf\xe9.example/a.mp3\n', 'latin1'),
    )
    const run = cli(['validate', path])
    expect(run.stdout).toBe(
      `${path}:1:1: error The file is not UTF-8 text. Save it as UTF-8 and open it again. [yaml-syntax]\n` +
        '1 error in 1 file.\n',
    )
    expect(run.status).toBe(1)
  })

  it('reads a UTF-8 file that starts with a byte order mark', () => {
    const basic = readFileSync(join(root, example('basic.yaml')))
    const path = tmpFile('bom.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), basic]))
    const run = cli(['validate', path])
    expect(run.stdout).toBe('No problems in 1 file.\n')
    expect(run.status).toBe(0)
  })

  it('names a missing file in one line on standard error, without a stack trace, and exits 2', () => {
    const missing = join(tmp, 'no-such-ivr.yaml')
    const run = cli(['validate', missing])
    expect(run.stderr).toBe(`ivr-designer: Cannot read "${missing}": the file does not exist.\n`)
    expect(run.stdout).toBe('')
    expect(run.status).toBe(2)
  })

  it('still checks the other files when one cannot be read, and exits 2', () => {
    const run = cli(['validate', example('dtmf-input.yaml'), join(tmp, 'gone.yaml')])
    expect(run.stdout).toBe(DTMF_TEXT)
    expect(run.stderr).toContain('gone.yaml')
    expect(run.status).toBe(2)
  })

  it('refuses a directory with a clear message and exits 2', () => {
    const run = cli(['validate', tmp])
    expect(run.stderr).toBe(`ivr-designer: Cannot read "${tmp}": it is a directory.\n`)
    expect(run.status).toBe(2)
  })

  it('prints messages in Japanese with --lang ja', () => {
    const run = cli(['validate', '--lang', 'ja', example('dtmf-input.yaml')])
    expect(run.stdout).toBe(
      [
        'test/fixtures/examples/dtmf-input.yaml:1:1: warning 「online」セクションがありません。「start」があるので省略できますが、オペレーター対応可能時の動作が必要なら追加してください。 [missing-section]',
        'test/fixtures/examples/dtmf-input.yaml:7:17: info 引用符のない {$conv_code} は YAML のマッピングとして読まれます。電話システムは受け付けますが、引用符で囲んだ "{$conv_code}" のほうが明確です。 [unquoted-placeholder]',
        '1 ファイル中 警告 1 件、情報 1 件。',
        '',
      ].join('\n'),
    )
    expect(run.status).toBe(0)
  })

  it('follows a Japanese LANG or LC_ALL, and --lang en overrides it', () => {
    expect(cli(['validate', example('basic.yaml')], { env: { LANG: 'ja_JP.UTF-8' } }).stdout).toBe(
      '1 ファイルに問題はありません。\n',
    )
    expect(
      cli(['validate', example('basic.yaml')], { env: { LC_ALL: 'ja_JP.UTF-8' } }).stdout,
    ).toBe('1 ファイルに問題はありません。\n')
    const english = cli(['validate', '--lang', 'en', example('basic.yaml')], {
      env: { LANG: 'ja_JP.UTF-8' },
    })
    expect(english.stdout).toBe('No problems in 1 file.\n')
  })

  it.each([
    [
      ['validate'],
      'ivr-designer: validate needs at least one file (use - to read standard input).',
    ],
    [
      ['validate', '--format', 'xml', 'a.yaml'],
      'ivr-designer: Option "--format" cannot be "xml"; use text or json.',
    ],
    [['validate', 'a.yaml', '--format'], 'ivr-designer: Option "--format" needs a value.'],
    [
      ['validate', '--lang', 'fr', 'a.yaml'],
      'ivr-designer: Option "--lang" cannot be "fr"; use en or ja.',
    ],
    [['validate', '--colour', 'a.yaml'], 'ivr-designer: Unknown option "--colour".'],
  ])('exits 2 with a usage message for %j', (args, message) => {
    const run = cli(args)
    expect(run.stderr).toBe(`${message}\nRun "ivr-designer validate --help" for usage.\n`)
    expect(run.stdout).toBe('')
    expect(run.status).toBe(2)
  })
})

describe('ivr-designer', () => {
  it('prints the JSON Schema, exactly the checked-in schemas/ivr.schema.json', () => {
    const run = cli(['schema'])
    expect(run.stdout).toBe(readFileSync(join(root, 'schemas', 'ivr.schema.json'), 'utf8'))
    expect(run.status).toBe(0)
  })

  it('documents every command, option and exit code in --help', () => {
    const run = cli(['--help'])
    expect(run.status).toBe(0)
    for (const word of [
      'validate',
      'schema',
      'help',
      '--help',
      '--version',
      'Exit codes',
      'Examples',
    ]) {
      expect(run.stdout).toContain(word)
    }
    for (const code of ['0  no errors', '1  at least one error', '2  usage or I/O error']) {
      expect(run.stdout).toContain(code)
    }
  })

  it('documents every option of validate in validate --help', () => {
    for (const args of [
      ['validate', '--help'],
      ['help', 'validate'],
      ['validate', 'x.yaml', '-h'],
    ]) {
      const run = cli(args)
      expect(run.status).toBe(0)
      for (const word of [
        '--format text|json',
        '--reply',
        '--lang en|ja',
        'NO_COLOR',
        'Exit codes',
        'validate -',
      ]) {
        expect(run.stdout).toContain(word)
      }
    }
  })

  it('prints the version of package.json', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      version: string
    }
    expect(cli(['--version']).stdout).toBe(`${version}\n`)
  })

  it('exits 2 without a command or with an unknown one', () => {
    const none = cli([])
    expect(none.stderr).toBe(
      'ivr-designer: Give a command: validate, simulate, test, paths or schema.\nRun "ivr-designer --help" for usage.\n',
    )
    expect(none.status).toBe(2)
    const unknown = cli(['lint', 'a.yaml'])
    expect(unknown.stderr).toBe(
      'ivr-designer: Unknown command "lint".\nRun "ivr-designer --help" for usage.\n',
    )
    expect(unknown.status).toBe(2)
  })

  it('asks for npm install when the compiled command line is missing', () => {
    const copy = join(tmp, 'unbuilt', 'bin')
    mkdirSync(copy, { recursive: true })
    writeFileSync(join(tmp, 'unbuilt', 'package.json'), '{ "type": "module" }\n')
    copyFileSync(bin, join(copy, 'ivr-designer.js'))
    const run = spawnSync(process.execPath, [join(copy, 'ivr-designer.js'), '--help'], {
      encoding: 'utf8',
    })
    expect(run.stderr).toBe('Run npm install first (it builds the CLI).\n')
    expect(run.status).toBe(2)
  })

  it('is executable with a node shebang', () => {
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
    expect(statSync(bin).mode & 0o111).not.toBe(0)
  })
})
