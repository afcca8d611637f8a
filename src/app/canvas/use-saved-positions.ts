import { useEffect, useRef } from 'react'
import type { DocumentSession } from '../state/document-session.ts'
import type { PreferenceStorage } from '../state/preferences.ts'
import { useAppState, useDispatch } from '../state/store-context.tsx'
import { loadPositions, savePositions } from './positions-storage.ts'

/**
 * Keeps the positions an admin dragged cards to (and those edits pinned them at), per IVR, in
 * `storage`: loads them when the app starts and whenever another IVR is opened, and saves them
 * when they change. An IVR of the library is known by its id, so that two IVRs of one name keep
 * their own; a file by its name. The YAML itself never carries positions.
 */
export function useSavedPositions(storage: PreferenceStorage | undefined): void {
  const dispatch = useDispatch()
  const session = useAppState((s) => s.document.session)
  const fileName = useAppState((s) => s.document.name)
  const libraryId = useAppState((s) => s.document.library?.id ?? null)
  const name = libraryId === null ? fileName : `library:${libraryId}`
  const manual = useAppState((s) => s.canvas.manual)
  const loadedFor = useRef<DocumentSession | null>(null)

  useEffect(() => {
    if (loadedFor.current !== session) {
      // Opening a document empties the positions; the first run for it loads its own instead of
      // saving that emptiness over them.
      loadedFor.current = session
      const saved = loadPositions(storage, name)
      if (Object.keys(saved).length > 0) dispatch({ type: 'canvas.positions', manual: saved })
      return
    }
    savePositions(storage, name, manual)
  }, [storage, dispatch, session, name, manual])
}
