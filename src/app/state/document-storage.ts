import type { PreferenceStorage } from './preferences.ts'

/** Where the IVR being worked on is kept between visits. */
export const DOCUMENT_KEY = 'ivr-designer.document'

/** The IVR worked on last, as it was left. */
export interface StoredDocument {
  readonly name: string
  readonly text: string
}

/** The stored IVR, or `null` when there is none or it cannot be read. */
export function loadDocument(storage: PreferenceStorage | undefined): StoredDocument | null {
  try {
    const raw = storage?.getItem(DOCUMENT_KEY)
    if (!raw) return null
    const value: unknown = JSON.parse(raw)
    if (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as StoredDocument).name === 'string' &&
      typeof (value as StoredDocument).text === 'string'
    ) {
      return { name: (value as StoredDocument).name, text: (value as StoredDocument).text }
    }
    return null
  } catch {
    return null
  }
}

/** Keeps the IVR for the next visit; a full or forbidden storage is ignored. */
export function saveDocument(storage: PreferenceStorage | undefined, document: StoredDocument): void {
  try {
    storage?.setItem(DOCUMENT_KEY, JSON.stringify(document))
  } catch {
    // Nothing to do: the IVR stays open in this tab.
  }
}
