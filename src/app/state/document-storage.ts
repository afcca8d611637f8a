import type { PreferenceStorage } from './preferences.ts'

/**
 * Where earlier versions of the editor kept the IVR being worked on between visits. Drafts now
 * live in IndexedDB (`src/app/library/draft-db.ts`); this is read once, to carry that IVR over.
 */
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
