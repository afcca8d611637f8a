import fc from 'fast-check'
import { stringify } from 'yaml'
import { CHOICE_KEYS, PLACEHOLDERS, TRANSFER_STATES } from '../../src/model/commands.ts'

/** Plain IVR data in the shape `toPlainData` gives: name-keyed objects have no prototype. */
export type IvrData = Record<string, unknown[]>

/** An object without a prototype, so that `__proto__` is an ordinary own key. */
export function namedRecord<T>(entries: readonly (readonly [string, T])[]): Record<string, T> {
  const record: Record<string, T> = Object.create(null)
  for (const [name, value] of entries) {
    Object.defineProperty(record, name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return record
}

/** Section names the language recommends, plus names that are special to JavaScript. */
export const sectionName: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,11}$/) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'start') },
)

/** Absolute http and https URLs that the validator must accept. */
export const playableUrl: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('http', 'https'),
    fc.array(fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/), {
      minLength: 1,
      maxLength: 3,
    }),
    fc.array(fc.stringMatching(/^[A-Za-z0-9._~%!$&'()*+,;=:@-]{1,10}$/), { maxLength: 3 }),
    fc.option(fc.stringMatching(/^[A-Za-z0-9=&%_.-]{0,12}$/), { nil: undefined }),
    fc.option(fc.stringMatching(/^[A-Za-z0-9_-]{0,8}$/), { nil: undefined }),
  )
  .map(
    ([scheme, labels, segments, query, fragment]) =>
      `${scheme}://${labels.join('.')}${segments.map((s) => `/${s}`).join('')}` +
      `${query === undefined ? '' : `?${query}`}${fragment === undefined ? '' : `#${fragment}`}`,
  )

/** Free text, including strings YAML would misread without quotes. */
export const freeText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 24 }),
  fc.constantFrom(
    'サポート',
    'Café ☕',
    '📞 Sales',
    'Press 1: sales # now',
    '- not a list',
    '"quoted"',
    "it's",
    'yes',
    'null',
    '123',
    '0x1F',
    '  padded  ',
    'two\nlines',
    '',
  ),
)

const PLACEHOLDER_LIKE = /\{\$[^}]*\}/

/** A param value: text without placeholders, a known placeholder, or text around one. */
const paramValue: fc.Arbitrary<string> = fc.oneof(
  freeText.filter((t) => !PLACEHOLDER_LIKE.test(t)),
  fc.constantFrom(...PLACEHOLDERS.map((p) => `{$${p}}`), 'DTMF_VALUE'),
  fc.constantFrom(...PLACEHOLDERS).map((p) => `caller {$${p}} calling`),
)

const department = fc.stringMatching(/^[A-Za-z0-9]{1,12}$/)

/** What the generated IVRs may contain. */
export interface IvrShape {
  /**
   * Whether commands may leave their section or call back: `callback`, `goto`, option `goto` and
   * `onError`. Without them no section leads to another, so no flow rule can apply.
   */
  readonly flow: boolean
}

/** One command of every kind, with gotos and onErrors naming one of `sections`. */
export function commandArbitraries(sections: readonly string[], shape: IvrShape) {
  const target = shape.flow ? fc.constantFrom(...sections) : fc.constant(undefined)
  const bare = shape.flow ? ['ring', 'voicemail', 'callback'] : ['ring', 'voicemail']
  return fc.letrec<{ command: unknown; list: unknown[]; option: unknown }>((tie) => ({
    command: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'command' },
      fc.constantFrom(...bare),
      playableUrl.map((play) => ({ play })),
      shape.flow ? target.map((goto) => ({ goto })) : playableUrl.map((play) => ({ play })),
      fc
        .tuple(
          fc.constantFrom('fetch', 'dtmf'),
          playableUrl,
          fc.option(target, { nil: undefined }),
          fc.uniqueArray(fc.tuple(sectionName, paramValue), {
            maxLength: 3,
            selector: ([name]) => name,
          }),
        )
        .map(([kind, url, onError, params]) => ({
          [kind]: {
            url,
            ...(onError === undefined ? {} : { onError }),
            ...(params.length > 0 ? { params: namedRecord(params) } : {}),
          },
        })),
      fc
        .uniqueArray(fc.tuple(fc.constantFrom(...CHOICE_KEYS), tie('option')), {
          minLength: 1,
          maxLength: 4,
          selector: ([key]) => key,
        })
        .map((options) => ({ choice: namedRecord(options) })),
      fc
        .tuple(
          department,
          fc.uniqueArray(fc.tuple(fc.constantFrom(...TRANSFER_STATES), tie('list')), {
            maxLength: 3,
            selector: ([state]) => state,
          }),
        )
        .map(([to, branches]) => ({
          transfer: { to, ...(branches.length > 0 ? { if: namedRecord(branches) } : {}) },
        })),
    ),
    list: fc.array(tie('command'), { minLength: 1, maxLength: 3 }),
    option: fc
      .tuple(
        fc.option(freeText, { nil: undefined }),
        fc.option(playableUrl, { nil: undefined }),
        shape.flow
          ? fc.oneof(
              tie('list').map((list): object => ({ do: list })),
              target.map((goto): object => ({ goto })),
            )
          : tie('list').map((list): object => ({ do: list })),
      )
      .map(([name, play, action]) => ({
        ...(name === undefined ? {} : { name }),
        ...(play === undefined ? {} : { play }),
        ...action,
      })),
  }))
}

/**
 * IVR data that the language accepts: `online`, `offline` and `queue` plus a few more sections in
 * random order, commands of every kind, every goto and onError naming an existing section.
 */
export function ivrArbitrary(shape: IvrShape = { flow: true }): fc.Arbitrary<IvrData> {
  return fc
    .uniqueArray(sectionName, { maxLength: 4 })
    .map((extra) => [...new Set(['online', 'offline', 'queue', ...extra])])
    .chain((names) => sectionsArbitrary(names, shape))
}

/** Valid IVR data with commands of every kind. */
export const validIvr: fc.Arbitrary<IvrData> = ivrArbitrary()

function sectionsArbitrary(names: readonly string[], shape: IvrShape): fc.Arbitrary<IvrData> {
  const { command } = commandArbitraries(names, shape)
  return fc
    .tuple(
      fc.shuffledSubarray([...names], { minLength: names.length }),
      fc.array(fc.array(command, { maxLength: 4 }), {
        minLength: names.length,
        maxLength: names.length,
      }),
    )
    .map(([order, lists]) => namedRecord(order.map((name, i) => [name, lists[i] ?? []])))
}

/** YAML text as an admin might write it, from the `yaml` library's printer. */
export function toYaml(data: IvrData): string {
  return stringify(data, { aliasDuplicateObjects: false })
}
