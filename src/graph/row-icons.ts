import type { RowKind } from './graph.ts'

/**
 * The icon of each kind of row, as the `d` of stroked paths on a 24 × 24 grid (stroke width
 * 1.75, round caps and joins), so the canvas and exported diagrams draw the very same shapes.
 */
export const ROW_ICONS: Readonly<Record<RowKind, readonly string[]>> = {
  play: [
    'M4.5 9.25h2.75L11.5 5.5v13l-4.25-3.75H4.5a1 1 0 0 1-1-1v-3.5a1 1 0 0 1 1-1Z',
    'M15 9.25a3.75 3.75 0 0 1 0 5.5M17.75 6.5a7.5 7.5 0 0 1 0 11',
  ],
  choice: ['M9.5 6.5h10M9.5 12h10M9.5 17.5h10', 'M4.75 6.5h.5M4.75 12h.5M4.75 17.5h.5'],
  option: ['M4 8.5h16v7H4z'],
  goto: ['M4 12h12.5M12 7.5l4.5 4.5-4.5 4.5M20 5v14'],
  transfer: ['M4 8.5h13.5M14 5l3.5 3.5L14 12', 'M20 15.5H6.5M10 12l-3.5 3.5L10 19'],
  branch: ['M4 12h4.5l4-5.5h7M8.5 12l4 5.5h7', 'M17.5 4.5l2 2-2 2M17.5 15.5l2 2-2 2'],
  ring: [
    'M20.5 16.1v2.6a1.75 1.75 0 0 1-1.9 1.75 17.3 17.3 0 0 1-7.55-2.7 17 17 0 0 1-5.25-5.25 17.3 17.3 0 0 1-2.7-7.6A1.75 1.75 0 0 1 4.85 3h2.6a1.75 1.75 0 0 1 1.75 1.5c.1.85.35 1.65.65 2.45a1.75 1.75 0 0 1-.4 1.85L8.35 9.9a14 14 0 0 0 5.25 5.25l1.1-1.1a1.75 1.75 0 0 1 1.85-.4c.8.3 1.6.55 2.45.65a1.75 1.75 0 0 1 1.5 1.8Z',
    'M14.5 3.5a6.5 6.5 0 0 1 6 6M14.5 7a3 3 0 0 1 2.5 2.5',
  ],
  voicemail: [
    'M6.5 15.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7ZM17.5 15.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7Z',
    'M6.5 15.5h11',
  ],
  callback: ['M4 12a8 8 0 1 0 2.35-5.65L4 8.7', 'M4 4.5v4.2h4.2', 'M12 8v4.25l2.75 1.75'],
  fetch: [
    'M7 17.5a4.25 4.25 0 0 1-.6-8.45 5.75 5.75 0 0 1 11.2 1.45 3.5 3.5 0 0 1 .4 7',
    'M12 11.5v8M9 16.5l3 3 3-3',
  ],
  dtmf: [
    'M5 4h3v3H5zM10.5 4h3v3h-3zM16 4h3v3h-3zM5 10.5h3v3H5zM10.5 10.5h3v3h-3zM16 10.5h3v3h-3zM5 17h3v3H5zM10.5 17h3v3h-3zM16 17h3v3h-3z',
  ],
  unknown: [
    'M12 20.75a8.75 8.75 0 1 0 0-17.5 8.75 8.75 0 0 0 0 17.5Z',
    'M9.6 9.4a2.5 2.5 0 0 1 4.85.85c0 1.7-2.45 2.25-2.45 3.75M12 16.75v.01',
  ],
  malformed: [
    'M10.3 4.2 2.9 17.1a2 2 0 0 0 1.7 2.9h14.8a2 2 0 0 0 1.7-2.9L13.7 4.2a2 2 0 0 0-3.4 0Z',
    'M12 9.5v4M12 16.75v.01',
  ],
}

/** A broken link: the icon of a section that a goto names but that does not exist. */
export const MISSING_ICON: readonly string[] = [
  'M9.5 14.5 8 16a3 3 0 0 1-4.25-4.25l2.5-2.5a3 3 0 0 1 4.25 0',
  'M14.5 9.5 16 8a3 3 0 0 1 4.25 4.25l-2.5 2.5a3 3 0 0 1-4.25 0',
  'M8 4.5v2M4.5 8h2M16 19.5v-2M19.5 16h-2',
]
