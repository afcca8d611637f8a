/**
 * Pure helpers of managing IVRs in the library dialog: names typed for a rename, and how long a
 * deleted IVR stays recoverable.
 */

/** The longest name the library keeps (mirrors the server's limit). */
export const MAX_IVR_NAME_LENGTH = 200

/** How many days the server keeps a deleted IVR before erasing it. */
export const RECOVERABLE_DAYS = 30

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The name to send for a rename typed as `typed`, with spaces around it and runs of white space
 * inside it tidied; `null` when it is empty or the same as `current`, so there is nothing to do.
 */
export function renamedName(typed: string, current: string): string | null {
  const name = typed.replace(/\s+/g, ' ').trim().slice(0, MAX_IVR_NAME_LENGTH)
  return name === '' || name === current ? null : name
}

/**
 * Whole days left before a deleted IVR is erased at `purgeAt` (ISO 8601), counted at `now`
 * (milliseconds): a part of a day counts as one, and a time passed or unreadable gives 0.
 */
export function daysUntilErased(purgeAt: string | undefined, now: number): number {
  const at = purgeAt === undefined ? Number.NaN : Date.parse(purgeAt)
  if (Number.isNaN(at) || at <= now) return 0
  return Math.ceil((at - now) / DAY_MS)
}

/**
 * When a deleted IVR will be erased: `purgeAt` when the server gave it, else `deletedAt` plus
 * the days it is kept; `null` for an IVR that is not deleted.
 */
export function erasedAt(ivr: {
  readonly deletedAt: string | null
  readonly purgeAt?: string
}): string | null {
  if (ivr.purgeAt !== undefined) return ivr.purgeAt
  if (ivr.deletedAt === null) return null
  const deleted = Date.parse(ivr.deletedAt)
  return Number.isNaN(deleted) ? null : new Date(deleted + RECOVERABLE_DAYS * DAY_MS).toISOString()
}
