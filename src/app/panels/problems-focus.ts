import { updatePaneLayout } from '../shell/layout-store.ts'

/** The id of the problems panel, for the toolbar's summary to point at. */
export const PROBLEMS_PANEL_ID = 'problems-panel'

/**
 * Expands the problems panel and moves focus into it: to the problem gone to last, else the
 * first one, else the panel itself.
 */
export function revealProblems(): void {
  updatePaneLayout({ problemsCollapsed: false })
  requestAnimationFrame(() => {
    const panel = document.getElementById(PROBLEMS_PANEL_ID)
    if (!panel) return
    const target =
      panel.querySelector<HTMLElement>('[data-problem][tabindex="0"]') ??
      panel.querySelector<HTMLElement>('[data-problem]') ??
      panel
    target.focus()
  })
}
