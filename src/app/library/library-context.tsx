import { createContext, useContext, useSyncExternalStore } from 'react'
import type { LibrarySession, LibraryStatus } from './library-session.ts'

/** The page's library session; `null` where the app runs without one. */
export const LibraryContext = createContext<LibrarySession | null>(null)

/** The library session, or `null` when the app has none. */
export function useLibrary(): LibrarySession | null {
  return useContext(LibraryContext)
}

const NO_STATUS: LibraryStatus = {
  available: false,
  saving: false,
  restoredAt: null,
  merge: null,
  dialog: null,
  tokenQuestion: null,
  opening: false,
}
const noSubscription = () => () => {}

/** The library's status, kept up to date. */
export function useLibraryStatus(): LibraryStatus {
  const session = useLibrary()
  return useSyncExternalStore(
    session?.subscribe ?? noSubscription,
    session?.getStatus ?? (() => NO_STATUS),
  )
}
