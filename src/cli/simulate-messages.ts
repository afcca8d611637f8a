import type { Locale } from '../i18n/translate.ts'
import type { Awaiting } from '../simulate/call.ts'
import type { SuiteProblem } from '../simulate/test-suite.ts'

/** What the call waited for when an action did not fit, or that it had ended. */
export type AwaitingWord = Awaiting['kind'] | 'ended'

/** The sentences of `simulate`, `test` and `paths`, by locale. */
export interface SimulateMessages {
  noFile(command: string): string
  missingOption(option: string): string
  badAction(value: string): string
  badDepartment(value: string): string
  outcome(kind: string): string
  expected(expected: string, actual: string | null): string
  notAccepted(action: string, index: number, awaiting: AwaitingWord): string
  unusedActions(actions: readonly string[]): string
  unusedReplies(count: number): string
  missingReplies(count: number): string
  /** The last line of `test`: the same words in every language, for scripts. */
  testSummary(passed: number, failed: number): string
  testFailed(expected: string, actual: string | null): string
  suiteProblem(file: string, problem: SuiteProblem): string
  ivrErrors(count: number): string
  notWalked(count: number): string
  allWalked: string
  pathsHeader: readonly [string, string, string, string, string]
  pathsSummary(count: number, complete: boolean): string
  neverRun(count: number): string
}

const AWAITING_EN: Readonly<Record<AwaitingWord, string>> = {
  key: 'it was waiting for one key at a menu',
  digits: 'it was collecting digits for a dtmf',
  reply: 'it was waiting for the answer of a fetch',
  department: 'it was waiting for the state of a department',
  ended: 'it had ended',
}

const AWAITING_JA: Readonly<Record<AwaitingWord, string>> = {
  key: 'メニューでキー 1 つを待っていました',
  digits: 'dtmf の番号入力を受け付けていました',
  reply: 'fetch の応答を待っていました',
  department: '部署の状態を待っていました',
  ended: '通話は終わっていました',
}

const ACTIONS_EN =
  'use a key 0-9, * or #, digits ended by # (1234#), no-input, or state=available|busy|offline'

const SUITE_EN: Readonly<
  Record<SuiteProblem['code'], (a: Readonly<Record<string, string>>) => string>
> = {
  unreadable: () => 'the file is not YAML text',
  yaml: (a) => `the YAML is not valid: ${a['detail']}`,
  'not-a-mapping': () => 'a test file needs "ivr:" and "tests:"',
  'no-ivr': () => '"ivr:" must name the IVR file to test',
  'no-tests': () => '"tests:" must list at least one test',
  'test-not-mapping': (a) => `test ${a['index']} must be a mapping with name, state and expect`,
  'missing-field': (a) => `test "${a['test']}" needs "${a['field']}"`,
  'bad-state': (a) =>
    `test "${a['test']}": state "${a['value']}" must be available, busy or offline`,
  'bad-keys': (a) => `test "${a['test']}": "${a['value']}" is not an action; ${ACTIONS_EN}`,
  'bad-departments': (a) =>
    `test "${a['test']}": departments must map each id to online, busy or offline`,
  'bad-replies': (a) => `test "${a['test']}": each reply must be "failed" or a file`,
  'bad-expect': (a) => `test "${a['test']}": "${a['value']}" is not an outcome`,
  'unknown-field': (a) => `"${a['field']}" is not a field here; use ${a['allowed']}`,
}

const ACTIONS_JA =
  'キー 0-9、*、#、# で終わる番号 (1234#)、no-input、state=available|busy|offline のいずれかを指定してください'

const SUITE_JA: Readonly<
  Record<SuiteProblem['code'], (a: Readonly<Record<string, string>>) => string>
> = {
  unreadable: () => 'YAML のテキストファイルではありません',
  yaml: (a) => `YAML が正しくありません: ${a['detail']}`,
  'not-a-mapping': () => 'テストファイルには「ivr:」と「tests:」が必要です',
  'no-ivr': () => '「ivr:」にテストする IVR ファイルを指定してください',
  'no-tests': () => '「tests:」にテストを 1 つ以上並べてください',
  'test-not-mapping': (a) =>
    `テスト ${a['index']} は name、state、expect を持つマッピングにしてください`,
  'missing-field': (a) => `テスト「${a['test']}」に「${a['field']}」がありません`,
  'bad-state': (a) =>
    `テスト「${a['test']}」: state「${a['value']}」は available、busy、offline のいずれかにしてください`,
  'bad-keys': (a) =>
    `テスト「${a['test']}」:「${a['value']}」は操作として読めません。${ACTIONS_JA}`,
  'bad-departments': (a) =>
    `テスト「${a['test']}」: departments では各部署 ID に online、busy、offline のいずれかを指定してください`,
  'bad-replies': (a) =>
    `テスト「${a['test']}」: replies の各項目は「failed」かファイルにしてください`,
  'bad-expect': (a) => `テスト「${a['test']}」:「${a['value']}」は結果の名前ではありません`,
  'unknown-field': (a) => `「${a['field']}」はここでは使えません。${a['allowed']} を使ってください`,
}

const en: SimulateMessages = {
  noFile: (command) =>
    command === 'test'
      ? 'test needs at least one test file (NAME.tests.yaml).'
      : `${command} needs one IVR file (use - to read standard input).`,
  missingOption: (option) =>
    option === '--state'
      ? 'Option "--state" is required: available, busy or offline.'
      : `Option "${option}" is required.`,
  badAction: (value) => `"${value}" in --keys is not an action; ${ACTIONS_EN}.`,
  badDepartment: (value) =>
    `Option "--department" cannot be "${value}"; use ID=online, ID=busy or ID=offline.`,
  outcome: (kind) => `Outcome: ${kind}`,
  expected: (expected, actual) =>
    actual === null
      ? `Expected ${expected}, but the walk could not be followed.`
      : `Expected ${expected}, but the outcome is ${actual}.`,
  notAccepted: (action, index, awaiting) =>
    `The call could not take "${action}" (action ${index + 1}): ${AWAITING_EN[awaiting]}.`,
  unusedActions: (actions) => `Not used, as the call had already ended: ${actions.join(', ')}.`,
  unusedReplies: (count) =>
    `${count === 1 ? '1 reply was' : `${count} replies were`} not used: the call made fewer fetches.`,
  missingReplies: (count) =>
    `${count === 1 ? 'A fetch had' : `${count} fetches had`} no --reply left and ${count === 1 ? 'was' : 'were'} taken as not answered.`,
  testSummary: (passed, failed) => `${passed} passed, ${failed} failed`,
  testFailed: (expected, actual) =>
    actual === null
      ? `expected ${expected}, but the walk could not be followed`
      : `expected ${expected}, got ${actual}`,
  suiteProblem: (file, problem) =>
    `${file}:${problem.line}: ${SUITE_EN[problem.code](problem.args)}.`,
  ivrErrors: (count) =>
    `The IVR has ${count === 1 ? '1 error' : `${count} errors`}, so no test call can run:`,
  notWalked: (count) => `Not walked by any test (${count}):`,
  allWalked: 'Every command and option was walked by a test.',
  pathsHeader: ['state', 'departments', 'keys', 'replies', 'outcome'],
  pathsSummary: (count, complete) =>
    `${count === 1 ? '1 path' : `${count} paths`}${complete ? '.' : ' (the list stops at the limit; there are more).'}`,
  neverRun: (count) => `No path runs these commands (${count}):`,
}

const ja: SimulateMessages = {
  noFile: (command) =>
    command === 'test'
      ? 'test にはテストファイル (名前.tests.yaml) を 1 つ以上指定してください。'
      : `${command} には IVR ファイルを 1 つ指定してください (標準入力は - で読み込みます)。`,
  missingOption: (option) =>
    option === '--state'
      ? 'オプション "--state" が必要です: available、busy、offline のいずれか。'
      : `オプション "${option}" が必要です。`,
  badAction: (value) => `--keys の "${value}" は操作として読めません。${ACTIONS_JA}。`,
  badDepartment: (value) =>
    `オプション "--department" に "${value}" は指定できません。ID=online、ID=busy、ID=offline のいずれかを指定してください。`,
  outcome: (kind) => `結果: ${kind}`,
  expected: (expected, actual) =>
    actual === null
      ? `期待した結果は ${expected} ですが、指定どおりに通話を進められませんでした。`
      : `期待した結果は ${expected} ですが、実際は ${actual} でした。`,
  notAccepted: (action, index, awaiting) =>
    `通話は "${action}" (${index + 1} 番目の操作) を受け付けられませんでした: ${AWAITING_JA[awaiting]}。`,
  unusedActions: (actions) => `通話が先に終わったため使われなかった操作: ${actions.join(', ')}。`,
  unusedReplies: (count) =>
    `--reply が ${count} 件使われませんでした。fetch の回数がそれより少なかったためです。`,
  missingReplies: (count) =>
    `${count} 件の fetch に対応する --reply がなかったため、応答なしとして扱いました。`,
  testSummary: (passed, failed) => `${passed} passed, ${failed} failed`,
  testFailed: (expected, actual) =>
    actual === null
      ? `期待した結果は ${expected} ですが、指定どおりに通話を進められませんでした`
      : `期待した結果は ${expected} ですが、実際は ${actual} でした`,
  suiteProblem: (file, problem) =>
    `${file}:${problem.line}: ${SUITE_JA[problem.code](problem.args)}。`,
  ivrErrors: (count) => `IVR にエラーが ${count} 件あるため、テスト通話を実行できません:`,
  notWalked: (count) => `どのテストも通らなかったコマンド (${count} 件):`,
  allWalked: 'すべてのコマンドと選択肢をいずれかのテストが通りました。',
  pathsHeader: ['状態', '部署', 'キー', '応答', '結果'],
  pathsSummary: (count, complete) =>
    `${count} 通りの経路${complete ? '。' : ' (上限で打ち切りました。ほかにもあります)。'}`,
  neverRun: (count) => `どの経路でも実行されないコマンド (${count} 件):`,
}

/** The sentences of the test-call commands in `locale`. */
export function simulateMessages(locale: Locale): SimulateMessages {
  return locale === 'ja' ? ja : en
}
