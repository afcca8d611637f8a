/** A 0-based, half-open range of UTF-16 code units in the document text. */
export interface Span {
  readonly start: number
  readonly end: number
}

/** A 1-based, end-exclusive range of lines and UTF-16 columns, as shown to admins and in Monaco. */
export interface Range {
  readonly line: number
  readonly column: number
  readonly endLine: number
  readonly endColumn: number
}
