import { LOOP_LIMIT } from '../simulate/call.ts'
import type { HelpTopic } from './args.ts'

/** The program's name as users type it. */
export const PROGRAM = 'ivr-designer'

const EXIT_CODES = `Exit codes:
  0  no errors (warnings and infos are allowed)
  1  at least one error in an IVR
  2  usage or I/O error: unknown command or option, a file that cannot be read`

const OUTCOMES = `Outcomes:
  connected           an agent answers
  waiting             the caller waits in the queue (the caller pressed nothing more)
  voicemail           the caller leaves a voicemail
  callback-requested  the call ends with a callback request
  transferred         a department without a matching branch takes the call
  hung-up             a list ended with nothing after it, a fetch failed without onError,
                      or a fetch answered something that is not a valid IVR
  no-input            three rounds of prompts without a valid key, or digits never ended by #
  loop                a command ran ${LOOP_LIMIT} times without the caller doing anything
  refused             the IVR has errors, so no call can run`

const ACTIONS = `Caller actions (--keys, comma-separated, in order):
  0-9 * #             a key press at a menu (quote * and # in the shell)
  1234#               digits for a dtmf, ended by #
  no-input            a round of prompts passes without a key
  state=available     the agents change state; available while the caller waits in the
                      queue connects the call (also state=busy, state=offline)
When the actions run out, a caller in the queue keeps waiting (outcome waiting) and anywhere
else stays silent until the call ends.`

const MAIN = `Usage: ${PROGRAM} <command> [options]

Checks IVRs (the phone menus callers hear, written as YAML), makes test calls through them, and
prints the JSON Schema of their language.

Commands:
  validate FILE...  Check IVR files; print every problem with its line and column.
  simulate FILE     Make a test call: press keys, answer fetches, print each step and the outcome.
  test FILE...      Run the test calls of .tests.yaml files; print pass or fail for each.
  paths FILE        List every way through an IVR, and the commands no call can reach.
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
  ${PROGRAM} simulate my-ivr.yaml --state busy --keys 2 --expect callback-requested
  ${PROGRAM} test my-ivr.tests.yaml
  ${PROGRAM} paths my-ivr.yaml
  ${PROGRAM} schema > ivr.schema.json
`

const SIMULATE = `Usage: ${PROGRAM} simulate FILE --state available|busy|offline [options]

Makes a test call through the IVR in FILE ("-" reads standard input) and prints every step, one
line each as "section:line  what happens", then "Outcome: OUTCOME". The call starts in "start"
when there is one, then in "online" (agents available or busy) or "offline". An IVR with errors
is not run.

Options:
  --state available|busy|offline
                      The agents when the call comes in: some free, all busy, or none logged in.
                      Required.
  --keys ACTIONS      What the caller does, comma-separated, for example --keys 2,1 (see below).
                      May be given more than once.
  --department ID=online|busy|offline
                      The state of a department a transfer goes to; one not given is online.
                      Repeat for each department.
  --reply FILE|failed The answer of the next fetch or dtmf address: an IVR script, or "failed"
                      when the address does not answer. Repeat in the order of the fetches; a
                      fetch with no --reply left is taken as not answered.
  --expect OUTCOME    Exit with 1 unless the call ends with OUTCOME.
  --format text|json  Output format (default: text). json: one object with "outcome",
                      "transcript" (each step with "kind", "section", "path", "line", "text"),
                      "visited" (the IVR paths of the commands run) and "problems".
  --lang en|ja        Language of the messages. Default: from LC_ALL, LC_MESSAGES or LANG.
  -h, --help          Show this help.

${ACTIONS}

${OUTCOMES}

Exit codes:
  0  the call ran (and ended with --expect, when given)
  1  the IVR has errors, an action did not fit the call, or the outcome is not --expect
  2  usage or I/O error: unknown option, a file that cannot be read

Examples:
  ${PROGRAM} simulate my-ivr.yaml --state available --keys 1
  ${PROGRAM} simulate my-ivr.yaml --state busy --keys 2 --expect callback-requested
  ${PROGRAM} simulate my-ivr.yaml --state busy --keys 0,state=available --expect connected
  ${PROGRAM} simulate my-ivr.yaml --state available --keys 1 --department sales=offline
  ${PROGRAM} simulate my-ivr.yaml --state available --keys 1234# --reply next.yaml
  ${PROGRAM} simulate my-ivr.yaml --state available --reply failed --format json
`

const TEST = `Usage: ${PROGRAM} test [options] FILE...

Runs the test calls of each test file and prints a line per test, "✓ name" or "✗ name" with the
steps of the call that failed, then a last line "N passed, N failed" (the same words in every
language, for scripts).

A test file (NAME.tests.yaml) names the IVR, relative to itself, and lists the tests:

  ivr: ./my-ivr.yaml
  tests:
    - name: from the queue, 2 requests a callback
      state: busy                       # available | busy | offline
      keys: [2]                         # optional; actions as in simulate --keys
      departments: { sales: offline }   # optional; online | busy | offline
      replies: [failed, ./next.yaml]    # optional; fetch answers in order
      expect: callback-requested        # the outcome

A test passes when the call ends with the expected outcome and every action was used as written.
An IVR with errors fails every test except those that expect "refused".

Options:
  --coverage          Also list the commands and choice options no test walked.
  --format text|json  Output format (default: text). json: one object with "files" (each with
                      its "tests": "name", "passed", "expected", "outcome", "transcript"),
                      "passed" and "failed".
  --lang en|ja        Language of the messages. Default: from LC_ALL, LC_MESSAGES or LANG.
  -h, --help          Show this help.

${OUTCOMES}

Exit codes:
  0  every test passed
  1  at least one test failed
  2  usage or I/O error: a file that cannot be read, a malformed test file

Examples:
  ${PROGRAM} test my-ivr.tests.yaml
  ${PROGRAM} test ivrs/*.tests.yaml --coverage
`

const PATHS = `Usage: ${PROGRAM} paths [options] FILE

Lists every way through the IVR in FILE: for each state of the agents when the call comes in
(available, busy, offline) and each state of the departments a transfer reaches, the keys that
lead to each outcome. At a menu a path presses each key once or stays silent; at a dtmf it types
sample digits; a fetch either fails or is answered, which ends the path ("fetched"). A path that
comes back to a section it has been in makes no more choices. Then lists the commands no path
runs, and the number of paths (at most 200).

Each line can be replayed with simulate: --state STATE --keys KEYS --department ID=STATE ...

Options:
  --format text|json  Output format (default: text). json: one object with "paths" (each with
                      "state", "departments", "keys", "replies", "outcome", "visited" and
                      "transcript"), "complete" and "neverRun".
  --lang en|ja        Language of the messages. Default: from LC_ALL, LC_MESSAGES or LANG.
  -h, --help          Show this help.

Exit codes:
  0  the paths were listed
  1  the IVR has errors, so no call can run
  2  usage or I/O error

Example:
  ${PROGRAM} paths my-ivr.yaml
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

Shows the help of the program, or of COMMAND (validate, simulate, test, paths, schema).

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
    case 'simulate':
      return SIMULATE
    case 'test':
      return TEST
    case 'paths':
      return PATHS
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
