/**
 * The editor's colours, written as CSS over the design tokens of src/app/theme/tokens.css, and
 * the conversion of resolved CSS colours to the hex strings Monaco's theme data takes.
 */

/** Monaco workbench colour ids and the CSS colour each one shows. */
export const EDITOR_COLORS: Readonly<Record<string, string>> = {
  'editor.background': 'var(--color-surface)',
  'editor.foreground': 'var(--color-code-text)',
  'editorGutter.background': 'var(--color-surface)',
  'editorLineNumber.foreground': 'var(--color-code-muted)',
  'editorLineNumber.activeForeground': 'var(--color-text-muted)',
  'editor.lineHighlightBackground': 'color-mix(in srgb, var(--color-control) 55%, transparent)',
  'editor.lineHighlightBorder': 'transparent',
  'editor.selectionBackground': 'color-mix(in srgb, var(--color-accent) 22%, transparent)',
  'editor.inactiveSelectionBackground': 'color-mix(in srgb, var(--color-accent) 12%, transparent)',
  'editor.selectionHighlightBackground': 'color-mix(in srgb, var(--color-accent) 10%, transparent)',
  'editor.wordHighlightBackground': 'color-mix(in srgb, var(--color-accent) 10%, transparent)',
  'editor.findMatchBackground': 'color-mix(in srgb, var(--color-code-number) 35%, transparent)',
  'editor.findMatchHighlightBackground':
    'color-mix(in srgb, var(--color-code-number) 18%, transparent)',
  'editorCursor.foreground': 'var(--color-accent)',
  'editorWhitespace.foreground': 'var(--color-code-muted)',
  'editorIndentGuide.background1': 'var(--color-border)',
  'editorIndentGuide.activeBackground1': 'var(--color-border-strong)',
  'editorBracketMatch.background': 'var(--color-accent-soft)',
  'editorBracketMatch.border': 'var(--color-accent-border)',
  'editorRuler.foreground': 'var(--color-border)',
  'editorLink.activeForeground': 'var(--color-accent)',
  'editorError.foreground': 'var(--color-error)',
  'editorWarning.foreground': 'var(--color-warning)',
  'editorInfo.foreground': 'var(--color-info)',
  'editorLightBulb.foreground': 'var(--color-warning)',
  'editorLightBulbAutoFix.foreground': 'var(--color-accent)',
  'editorOverviewRuler.border': 'transparent',
  'editorOverviewRuler.errorForeground': 'var(--color-error)',
  'editorOverviewRuler.warningForeground': 'var(--color-warning)',
  'editorOverviewRuler.infoForeground': 'var(--color-info)',
  'editorWidget.background': 'var(--color-surface-raised)',
  'editorWidget.foreground': 'var(--color-text)',
  'editorWidget.border': 'var(--color-border)',
  'editorHoverWidget.background': 'var(--color-surface-raised)',
  'editorHoverWidget.foreground': 'var(--color-text)',
  'editorHoverWidget.border': 'var(--color-border)',
  'editorHoverWidget.statusBarBackground': 'var(--color-bg-subtle)',
  'editorSuggestWidget.background': 'var(--color-surface-raised)',
  'editorSuggestWidget.border': 'var(--color-border)',
  'editorSuggestWidget.foreground': 'var(--color-text)',
  'editorSuggestWidget.selectedBackground': 'var(--color-accent-soft)',
  'editorSuggestWidget.selectedForeground': 'var(--color-accent-soft-text)',
  'editorSuggestWidget.highlightForeground': 'var(--color-accent)',
  'editorSuggestWidget.focusHighlightForeground': 'var(--color-accent)',
  'editorActionList.background': 'var(--color-surface-raised)',
  'editorActionList.foreground': 'var(--color-text)',
  'editorActionList.focusBackground': 'var(--color-accent-soft)',
  'editorActionList.focusForeground': 'var(--color-accent-soft-text)',
  'editorMarkerNavigation.background': 'var(--color-surface-raised)',
  'editorStickyScroll.background': 'var(--color-surface)',
  'editorStickyScroll.shadow': 'color-mix(in srgb, var(--color-text) 12%, transparent)',
  'editorStickyScrollHover.background': 'var(--color-bg-subtle)',
  'widget.shadow': 'color-mix(in srgb, black 14%, transparent)',
  'widget.border': 'var(--color-border)',
  'list.hoverBackground': 'var(--color-bg-subtle)',
  'list.activeSelectionBackground': 'var(--color-accent-soft)',
  'list.activeSelectionForeground': 'var(--color-accent-soft-text)',
  'list.focusBackground': 'var(--color-accent-soft)',
  'list.highlightForeground': 'var(--color-accent)',
  'input.background': 'var(--color-surface)',
  'input.foreground': 'var(--color-text)',
  'input.border': 'var(--color-border-strong)',
  'inputOption.activeBorder': 'var(--color-accent)',
  focusBorder: 'var(--color-focus)',
  'textLink.foreground': 'var(--color-accent)',
  'textLink.activeForeground': 'var(--color-accent-hover)',
  'textCodeBlock.background': 'var(--color-bg-subtle)',
  'scrollbar.shadow': 'transparent',
  'scrollbarSlider.background': 'color-mix(in srgb, var(--color-text-subtle) 28%, transparent)',
  'scrollbarSlider.hoverBackground':
    'color-mix(in srgb, var(--color-text-subtle) 45%, transparent)',
  'scrollbarSlider.activeBackground':
    'color-mix(in srgb, var(--color-text-subtle) 60%, transparent)',
}

/** Token colours of Monaco's YAML grammar: keys like the app's code keys, values like its strings. */
export const TOKEN_COLORS: readonly { token: string; color: string; fontStyle?: string }[] = [
  { token: '', color: 'var(--color-code-text)' },
  { token: 'type', color: 'var(--color-code-key)' },
  { token: 'string', color: 'var(--color-code-string)' },
  { token: 'string.escape', color: 'var(--color-code-number)' },
  { token: 'string.invalid', color: 'var(--color-error)' },
  { token: 'number', color: 'var(--color-code-number)' },
  { token: 'keyword', color: 'var(--color-code-number)' },
  { token: 'comment', color: 'var(--color-text-subtle)', fontStyle: 'italic' },
  { token: 'operators', color: 'var(--color-code-muted)' },
  { token: 'delimiter', color: 'var(--color-code-muted)' },
  { token: 'tag', color: 'var(--color-accent)' },
  { token: 'namespace', color: 'var(--color-accent)' },
  { token: 'meta.directive', color: 'var(--color-text-muted)' },
]

/** The postfix Monaco's YAML grammar adds to every token name. */
const YAML_TOKEN_POSTFIX = '.yaml'

/** Monaco's standalone theme data, as plain data. */
export interface ThemeData {
  base: 'vs' | 'vs-dark'
  inherit: boolean
  rules: { token: string; foreground?: string; fontStyle?: string }[]
  colors: Record<string, string>
}

/**
 * A Monaco theme from the tables above; `resolve` turns a CSS colour into `#rrggbb[aa]` in one
 * colour scheme, or `null` when it cannot.
 */
export function buildTheme(
  base: ThemeData['base'],
  resolve: (css: string) => string | null,
): ThemeData {
  const colors: Record<string, string> = {}
  for (const [id, css] of Object.entries(EDITOR_COLORS)) {
    const hex = resolve(css)
    if (hex) colors[id] = hex
  }
  const rules: ThemeData['rules'] = []
  for (const { token, color, fontStyle } of TOKEN_COLORS) {
    const hex = resolve(color)
    const style = {
      ...(hex ? { foreground: hex.slice(1, 7) } : {}),
      ...(fontStyle ? { fontStyle } : {}),
    }
    rules.push({ token, ...style })
    // Monaco's base themes colour `string.yaml` and friends; the longer name must be ours too.
    if (token !== '') rules.push({ token: `${token}${YAML_TOKEN_POSTFIX}`, ...style })
  }
  return { base, inherit: true, rules, colors }
}

/**
 * A computed CSS colour (`#rgb`, `#rrggbb[aa]`, `rgb()`, `rgba()`, `color(srgb …)`, or
 * `transparent`) as `#rrggbb`, or `#rrggbbaa` when not opaque; `null` for anything else.
 */
export function cssColorToHex(value: string): string | null {
  const css = value.trim().toLowerCase()
  if (css === 'transparent') return '#00000000'
  const hex = /^#([0-9a-f]{3,8})$/.exec(css)
  if (hex) {
    const digits = hex[1] as string
    if (digits.length === 3 || digits.length === 4) {
      return normalizeHex([...digits].map((d) => d + d).join(''))
    }
    return digits.length === 6 || digits.length === 8 ? normalizeHex(digits) : null
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*(?:[,/]\s*([\d.]+%?)\s*)?\)$/.exec(
    css,
  )
  if (rgb) {
    return toHex([Number(rgb[1]), Number(rgb[2]), Number(rgb[3])], parseAlpha(rgb[4]))
  }
  const srgb =
    /^color\(\s*srgb\s+([-\d.e]+)\s+([-\d.e]+)\s+([-\d.e]+)\s*(?:\/\s*([\d.]+%?)\s*)?\)$/.exec(css)
  if (srgb) {
    return toHex(
      [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255],
      parseAlpha(srgb[4]),
    )
  }
  return null
}

function normalizeHex(digits: string): string {
  return digits.length === 8 && digits.endsWith('ff') ? `#${digits.slice(0, 6)}` : `#${digits}`
}

function parseAlpha(value: string | undefined): number {
  if (value === undefined) return 1
  return value.endsWith('%') ? Number(value.slice(0, -1)) / 100 : Number(value)
}

function toHex(channels: readonly number[], alpha: number): string | null {
  if ([...channels, alpha].some((n) => !Number.isFinite(n))) return null
  const byte = (n: number) =>
    Math.round(Math.min(255, Math.max(0, n)))
      .toString(16)
      .padStart(2, '0')
  const rgb = channels.map(byte).join('')
  return alpha >= 1 ? `#${rgb}` : `#${rgb}${byte(alpha * 255)}`
}
