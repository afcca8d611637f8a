import { useEffect } from 'react'
import { saveDocument } from './document-storage.ts'
import type { PreferenceStorage } from './preferences.ts'
import { useAppState } from './store-context.tsx'

/** Saves the open IVR for the next visit, half a second after the last change. */
export function useDocumentPersistence(storage: PreferenceStorage | undefined): void {
  const name = useAppState((s) => s.document.name)
  const text = useAppState((s) => s.document.view.text)
  useEffect(() => {
    const timer = setTimeout(() => saveDocument(storage, { name, text }), 500)
    return () => clearTimeout(timer)
  }, [storage, name, text])
}
