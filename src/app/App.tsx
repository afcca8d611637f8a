import { LibraryContext } from './library/library-context.tsx'
import type { LibrarySession } from './library/library-session.ts'
import { EditorPage } from './shell/EditorPage.tsx'
import type { PreferenceStorage } from './state/preferences.ts'
import { useDocumentPreferences } from './state/use-document-preferences.ts'

/**
 * The whole app: the editor on the IVR worked on last, kept as a draft in the browser and saved
 * to the server's library through `library`.
 */
export function App({
  library = null,
}: {
  /** Kept for callers that pass it; drafts live in IndexedDB now (see `src/app/library`). */
  storage?: PreferenceStorage | undefined
  library?: LibrarySession | null
}) {
  useDocumentPreferences()
  return (
    <LibraryContext.Provider value={library}>
      <EditorPage />
    </LibraryContext.Provider>
  )
}
