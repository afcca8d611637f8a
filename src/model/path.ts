/**
 * An IVR path names one node of the document: section names and mapping keys as strings
 * (choice keys by their source text, so `1` and `"1"` are both `"1"`), list items as numbers.
 * Example: `["queue", 1, "choice", "2", "goto"]`.
 */
export type IvrPath = readonly (string | number)[]

/** A stable string for a path, for use as a map key or a DOM id. */
export function pathKey(path: IvrPath): string {
  return JSON.stringify(path)
}

/** Whether `prefix` is `path` itself or one of its ancestors. */
export function isPathPrefix(prefix: IvrPath, path: IvrPath): boolean {
  if (prefix.length > path.length) return false
  for (let i = 0; i < prefix.length; i++) if (prefix[i] !== path[i]) return false
  return true
}
