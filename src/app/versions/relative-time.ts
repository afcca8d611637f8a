import type { Locale } from '../../i18n/translate.ts'

const STEPS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
]

/**
 * How long ago `iso` was, from `now`, in words of `locale`: "2 minutes ago", "yesterday",
 * "3日前". Times a few seconds in the future (clocks differ) read as now.
 */
export function relativeTime(iso: string, now: number, locale: Locale): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  let value = (Date.parse(iso) - now) / 1000
  if (!Number.isFinite(value)) return iso
  if (value > -45) return format.format(0, 'second')
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return format.format(Math.round(value), unit)
    value /= size
  }
  return format.format(Math.round(value), 'year')
}

/** The date and time of `iso` in full, for a tooltip. */
export function fullTime(iso: string, locale: Locale): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}
