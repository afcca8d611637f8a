/** The list of problems with counts by severity. (Filled in by the panels work.) */
export function ProblemsPanel() {
  return <div data-testid="problems" />
}
