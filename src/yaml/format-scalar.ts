import { Scalar, stringify } from 'yaml'

/** How a scalar was written. */
export type ScalarStyle = 'plain' | 'single' | 'double'

const TYPES = { plain: Scalar.PLAIN, single: Scalar.QUOTE_SINGLE, double: Scalar.QUOTE_DOUBLE } as const

/**
 * The YAML source for a string value on one line, in the given style where YAML allows it, else
 * the nearest style that keeps the value a string (`1`, `true` or `a: b` get quotes when plain;
 * a line break, double quotes with `\n`).
 * In a flow collection, flow indicators force quotes too.
 */
export function formatScalar(value: string, style: ScalarStyle, inFlow = false): string {
  const scalar = new Scalar(value)
  // Only escapes keep a line break on one line; plain and single quotes would fold it.
  scalar.type = /[\r\n]/.test(value) ? Scalar.QUOTE_DOUBLE : TYPES[style]
  let out = stringify(scalar, { lineWidth: 0, minContentWidth: 0 }).replace(/\n$/, '')
  if (inFlow && !/^['"]/.test(out) && /[,[\]{}]/.test(out)) {
    out = stringify(Object.assign(new Scalar(value), { type: Scalar.QUOTE_DOUBLE }), { lineWidth: 0 }).replace(/\n$/, '')
  }
  return out
}
