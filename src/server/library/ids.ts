import { randomBytes } from 'node:crypto'

/** The letters of generated ids: lower case and digits without look-alikes (no 0, 1, l, o). */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'

/** The length of generated ids: 12 letters of 32, 60 bits, so collisions are never expected. */
const GENERATED_LENGTH = 12

const ID = /^[a-z0-9](?:[a-z0-9_-]{0,62}[a-z0-9])?$/

/** The longest IVR name, in characters. */
export const MAX_NAME_LENGTH = 200

/**
 * Whether `value` may name an IVR in URLs: 1 to 64 lower-case letters, digits, `-` and `_`,
 * starting and ending with a letter or digit, such as `main-menu` or `k7fq2mxw9c3d`.
 */
export function isIvrId(value: string): boolean {
  return ID.test(value)
}

/** A new random id. */
export function newIvrId(): string {
  const bytes = randomBytes(GENERATED_LENGTH)
  let id = ''
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length]
  return id
}

/**
 * `raw` as an IVR name: trimmed, with runs of white space made one space; `undefined` when it is
 * empty, longer than {@link MAX_NAME_LENGTH} or holds control characters.
 */
export function cleanIvrName(raw: string): string | undefined {
  const name = raw.trim().replace(/\s+/g, ' ')
  if (name === '' || [...name].length > MAX_NAME_LENGTH) return undefined
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(name)) return undefined
  return name
}
