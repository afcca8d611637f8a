/** The gap the canvas keeps between the inspector and its right edge, in CSS pixels. */
const MARGIN = 12

/** How wide the inspector is when it shows an item (`--inspector-width` of its panel). */
const ITEM_WIDTH = 320

/**
 * How much of the canvas, from its right edge, the open inspector covers (in CSS pixels), so
 * that fitting and revealing cards keep them clear of it; 0 while it is closed or folded. While
 * it shows only its hint, the room it takes once something is selected is kept free all the
 * same, so that selecting a card never hides others under the panel.
 */
export function inspectorInset(root: ParentNode | undefined = globalThis.document): number {
  const panel = root?.querySelector<HTMLElement>('[data-inspector="open"]:not([data-collapsed])')
  if (!panel) return 0
  if (panel.dataset.item !== 'none') return panel.offsetWidth + MARGIN
  const room = (panel.parentElement?.clientWidth ?? ITEM_WIDTH + 3 * MARGIN) - 2 * MARGIN
  return Math.min(ITEM_WIDTH, room) + MARGIN
}
