import { formatSize } from './recording.ts'

const SIZE_UNITS = { B: 'byte', KB: 'kilobyte', MB: 'megabyte', GB: 'gigabyte' } as const

/** A size as the list shows it, in the locale's way: `8 kB`, `1.2 MB`. */
export function sizeText(bytes: number, locale: string): string {
  const { value, unit } = formatSize(bytes)
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: SIZE_UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value)
}

/** A share as a percentage in the locale's way: `42%`. */
export function percentText(fraction: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
    Math.min(1, Math.max(0, fraction)),
  )
}
