import { EditorPage } from './shell/EditorPage.tsx'
import type { PreferenceStorage } from './state/preferences.ts'
import { useDocumentPersistence } from './state/use-document-persistence.ts'
import { useDocumentPreferences } from './state/use-document-preferences.ts'

/** The whole app: the editor on the IVR worked on last. */
export function App({ storage }: { storage: PreferenceStorage | undefined }) {
  useDocumentPreferences()
  useDocumentPersistence(storage)
  return <EditorPage />
}
