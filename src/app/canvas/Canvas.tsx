/** The canvas: one card per section, edges for every goto. (Filled in by the canvas work.) */
export function Canvas() {
  return <div data-testid="canvas" />
}
