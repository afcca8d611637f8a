/** The gap the canvas keeps between the inspector and its right edge, in CSS pixels. */
const MARGIN = 12

/**
 * How much of the canvas, from its right edge, the open inspector covers (in CSS pixels), so
 * that fitting and revealing cards keep them clear of it; 0 while it is closed, folded or shows only its hint.
 */
export function inspectorInset(root: ParentNode | undefined = globalThis.document): number {
  const panel = root?.querySelector<HTMLElement>(
    '[data-inspector="open"]:not([data-collapsed]):not([data-item="none"])',
  )
  return panel ? panel.offsetWidth + MARGIN : 0
}
