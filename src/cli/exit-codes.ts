/** The exit codes of `ivr-designer`, as documented in its help. */
export const EXIT = {
  /** Every IVR checked has no errors; warnings and infos are allowed. */
  ok: 0,
  /** At least one IVR has an error. */
  errors: 1,
  /** The command line was wrong, or a file could not be read. */
  usage: 2,
} as const

export type ExitCode = (typeof EXIT)[keyof typeof EXIT]
