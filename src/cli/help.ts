import type { HelpTopic } from './args.ts'

/** The program's name as users type it. */
export const PROGRAM = 'ivr-designer'

const EXIT_CODES = `Exit codes:
  0  no errors (warnings and infos are allowed)
  1  at least one error in an IVR
  2  usage or I/O error: unknown command or option, a file that cannot be read`

const MAIN = `Usage: ${PROGRAM} <command> [options]

Checks IVRs (the phone menus callers hear, written as YAML) and prints the JSON Schema of their
language.

Commands:
  validate FILE...  Check IVR files; print every problem with its line and column.
  schema            Print the JSON Schema of the IVR language, for editors that speak
                    yaml-language-server (VS Code, monaco-yaml).
  help [COMMAND]    Show this help, or the help of COMMAND.

Options:
  -h, --help        Show help; "${PROGRAM} validate --help" shows the options of validate.
  -v, --version     Print the version.

${EXIT_CODES}

Examples:
  ${PROGRAM} validate my-ivr.yaml
  ${PROGRAM} validate ivrs/*.yaml --format json
  ${PROGRAM} validate --reply reply.yaml
  cat my-ivr.yaml | ${PROGRAM} validate -
  ${PROGRAM} schema > ivr.schema.json
`

const VALIDATE = `Usage: ${PROGRAM} validate [options] FILE...

Checks each IVR file and prints its problems, then a summary. FILE "-" reads standard input.
Files must be UTF-8 text of at most 1 MiB.

Options:
  --format text|json  Output format (default: text).
                        text: one line per problem, "FILE:LINE:COL: severity message [code]",
                              then a summary line.
                        json: one JSON array of every problem, each with "file", "code",
                              "severity", "message", "line", "column", "endLine", "endColumn",
                              "path", "span", "messageId", "args" and "fixes".
  --reply             Check the files as the answer of a fetch or dtmf address: only a "start"
                      section is needed, and goto targets may be sections of the calling script.
  --lang en|ja        Language of the messages. Default: Japanese when LC_ALL, LC_MESSAGES or
                      LANG starts with "ja", else English.
  -h, --help          Show this help.

Severities: error (the IVR cannot go live), warning, info.
Colours are used when standard output is a terminal and NO_COLOR is not set.

${EXIT_CODES}

Examples:
  ${PROGRAM} validate my-ivr.yaml
  ${PROGRAM} validate ivrs/*.yaml --format json > problems.json
  ${PROGRAM} validate --reply reply.yaml
  ${PROGRAM} validate --lang ja my-ivr.yaml
  cat my-ivr.yaml | ${PROGRAM} validate -
`

const SCHEMA = `Usage: ${PROGRAM} schema

Prints the JSON Schema (draft-07) of the IVR language: every command and key with a title and a
description, for completion and hover in editors. To use it, save it and add this line at the top
of an IVR file:

  # yaml-language-server: $schema=./ivr.schema.json

Options:
  -h, --help  Show this help.

${EXIT_CODES}

Example:
  ${PROGRAM} schema > ivr.schema.json
`

const HELP = `Usage: ${PROGRAM} help [COMMAND]

Shows the help of the program, or of COMMAND (validate, schema).

Example:
  ${PROGRAM} help validate
`

/** The help text of a topic, ending with a newline. */
export function helpText(topic: HelpTopic): string {
  switch (topic) {
    case 'main':
      return MAIN
    case 'validate':
      return VALIDATE
    case 'schema':
      return SCHEMA
    case 'help':
      return HELP
  }
}

/** The help command to suggest after a usage problem about `topic`. */
export function helpCommand(topic: HelpTopic): string {
  return topic === 'main' ? PROGRAM : `${PROGRAM} ${topic}`
}
