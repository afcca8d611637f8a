/**
 * Generates a realistic, valid IVR of about `commands` commands: entry sections, menus with
 * nested options, transfers with branches, fetches with placeholders, and comments. Every section
 * leads to the next, and the last back to `online`. Deterministic for a given size.
 */
export function generateIvr(commands: number): string
