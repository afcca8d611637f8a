/** The YAML editor pane. (Filled in by the Monaco work.) */
export function EditorPane() {
  return <div data-testid="yaml-editor" />
}
