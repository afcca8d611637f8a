/** One side of a comparison: a saved version, or the text in the editor now. */
export type CompareSide =
  { readonly kind: 'version'; readonly number: number } | { readonly kind: 'editor' }
