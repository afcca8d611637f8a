import type { Locale } from '../i18n/translate.ts'

/** The command line's own sentences, by locale. Diagnostics come from the product catalog. */
export interface CliMessages {
  /** The summary line after the diagnostics of all files. */
  summary(counts: Counts, files: number): string
  noFiles: string
  readFailed(file: string, reason: ReadFailure): string
  unknownCommand(command: string): string
  unknownOption(option: string): string
  missingValue(option: string): string
  badValue(option: string, value: string, allowed: readonly string[]): string
  unexpectedArgument(argument: string): string
  noCommand: string
  seeHelp(command: string): string
  unexpected(detail: string): string
}

/** How many diagnostics of each severity a run found. */
export interface Counts {
  readonly error: number
  readonly warning: number
  readonly info: number
}

/** Why a file could not be read. */
export type ReadFailure = 'missing' | 'directory' | 'denied' | 'other'

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

const en: CliMessages = {
  summary(counts, files) {
    const where = `in ${plural(files, 'file', 'files')}`
    const parts = [
      counts.error > 0 ? plural(counts.error, 'error', 'errors') : '',
      counts.warning > 0 ? plural(counts.warning, 'warning', 'warnings') : '',
      counts.info > 0 ? plural(counts.info, 'info', 'infos') : '',
    ].filter((part) => part !== '')
    return parts.length === 0 ? `No problems ${where}.` : `${parts.join(', ')} ${where}.`
  },
  noFiles: 'validate needs at least one file (use - to read standard input).',
  readFailed(file, reason) {
    const why = {
      missing: 'the file does not exist',
      directory: 'it is a directory',
      denied: 'permission denied',
      other: 'it could not be read',
    }[reason]
    return `Cannot read "${file}": ${why}.`
  },
  unknownCommand: (command) => `Unknown command "${command}".`,
  unknownOption: (option) => `Unknown option "${option}".`,
  missingValue: (option) => `Option "${option}" needs a value.`,
  badValue: (option, value, allowed) =>
    `Option "${option}" cannot be "${value}"; use ${allowed.join(' or ')}.`,
  unexpectedArgument: (argument) => `Unexpected argument "${argument}".`,
  noCommand: 'Give a command: validate, simulate, test, paths or schema.',
  seeHelp: (command) => `Run "${command} --help" for usage.`,
  unexpected: (detail) => `Unexpected failure: ${detail}`,
}

const ja: CliMessages = {
  summary(counts, files) {
    const parts = [
      counts.error > 0 ? `エラー ${counts.error} 件` : '',
      counts.warning > 0 ? `警告 ${counts.warning} 件` : '',
      counts.info > 0 ? `情報 ${counts.info} 件` : '',
    ].filter((part) => part !== '')
    return parts.length === 0
      ? `${files} ファイルに問題はありません。`
      : `${files} ファイル中 ${parts.join('、')}。`
  },
  noFiles: 'validate にはファイルを 1 つ以上指定してください (標準入力は - で読み込みます)。',
  readFailed(file, reason) {
    const why = {
      missing: 'ファイルがありません',
      directory: 'ディレクトリです',
      denied: '読み取る権限がありません',
      other: '読み込めませんでした',
    }[reason]
    return `"${file}" を読み込めません: ${why}。`
  },
  unknownCommand: (command) => `"${command}" というコマンドはありません。`,
  unknownOption: (option) => `"${option}" というオプションはありません。`,
  missingValue: (option) => `オプション "${option}" には値が必要です。`,
  badValue: (option, value, allowed) =>
    `オプション "${option}" に "${value}" は指定できません。${allowed.join(' か ')} を指定してください。`,
  unexpectedArgument: (argument) => `余分な引数 "${argument}" があります。`,
  noCommand: 'コマンド (validate、simulate、test、paths、schema のいずれか) を指定してください。',
  seeHelp: (command) => `使い方は "${command} --help" で表示されます。`,
  unexpected: (detail) => `予期しないエラー: ${detail}`,
}

/** The command line's sentences in `locale`. */
export function cliMessages(locale: Locale): CliMessages {
  return locale === 'ja' ? ja : en
}
