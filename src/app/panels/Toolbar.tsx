/** The bar along the top. (Filled in by the panels work.) */
export function Toolbar() {
  return <header data-testid="toolbar" />
}
