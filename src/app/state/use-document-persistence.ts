import { useEffect } from 'react'
import { fileText } from './document.ts'
import { saveDocument } from './document-storage.ts'
import type { PreferenceStorage } from './preferences.ts'
import { useAppState } from './store-context.tsx'

/** Saves the open IVR for the next visit, half a second after the last change. */
export function useDocumentPersistence(storage: PreferenceStorage | undefined): void {
  const name = useAppState((s) => s.document.name)
  // With its byte order mark, if it had one, so that it comes back as it was.
  const text = useAppState((s) => fileText(s.document))
  useEffect(() => {
    const timer = setTimeout(() => saveDocument(storage, { name, text }), 500)
    return () => clearTimeout(timer)
  }, [storage, name, text])
}
