import type { ResolvedTheme } from '../state/preferences.ts'
import type { monaco } from './monaco-setup.ts'
import { buildTheme, cssColorToHex, type ThemeData } from './theme-colors.ts'

/** The Monaco theme names of the app's two colour schemes. */
export const MONACO_THEMES: Readonly<Record<ResolvedTheme, string>> = {
  light: 'ivr-light',
  dark: 'ivr-dark',
}

/**
 * Defines both Monaco themes from the design tokens as the page resolves them, so that the
 * editor follows tokens.css without copies of its values.
 */
export function defineMonacoThemes(api: typeof monaco): void {
  const probe = document.createElement('div')
  probe.style.display = 'none'
  document.body.append(probe)
  try {
    for (const scheme of ['light', 'dark'] as const) {
      probe.style.colorScheme = scheme
      const data: ThemeData = buildTheme(scheme === 'light' ? 'vs' : 'vs-dark', (css) =>
        resolveColor(probe, css),
      )
      api.editor.defineTheme(MONACO_THEMES[scheme], data)
    }
  } finally {
    probe.remove()
  }
}

/** The font of code in the app, from `--font-mono`. */
export function monoFont(): string {
  return (
    getComputedStyle(document.documentElement).getPropertyValue('--font-mono').trim() || 'monospace'
  )
}

const SENTINEL = 'rgb(1, 2, 3)'

function resolveColor(probe: HTMLElement, css: string): string | null {
  probe.style.color = SENTINEL
  probe.style.color = css
  const computed = getComputedStyle(probe).color
  return computed === SENTINEL ? null : cssColorToHex(computed)
}
