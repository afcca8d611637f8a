import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { getIvr } from './library/api.ts'
import { openDraftDb } from './library/draft-db.ts'
import { createLibrarySession } from './library/library-session.ts'
import { applyStart, chooseStart, ivrIdOf } from './library/startup.ts'
import { createAppStore } from './state/app-store.ts'
import { DOCUMENT_KEY, loadDocument } from './state/document-storage.ts'
import { FIRST_TEMPLATE } from './templates/templates.ts'
import { StoreProvider } from './state/store-context.tsx'
import { installStoreTestHooks } from './test-hooks.ts'
import './theme/tokens.css'
import './theme/base.css'

function readStorage(): Storage | undefined {
  try {
    return window.localStorage
  } catch {
    // Some browsers throw on access when storage is disabled.
    return undefined
  }
}

const container = document.getElementById('root')
if (container === null) throw new Error('index.html has no #root element.')

/** How long the start waits for the library before it opens the draft kept in the browser. */
const START_TIMEOUT_MS = 5000

const storage = readStorage()
const drafts = await openDraftDb()
const start = await chooseStart({
  drafts,
  ivrId: ivrIdOf(window.location.search),
  getIvr: (id) => getIvr(id, { signal: AbortSignal.timeout(START_TIMEOUT_MS) }),
  legacy: () => {
    // The editor kept the open IVR in local storage before it kept drafts; read it once.
    const kept = loadDocument(storage)
    try {
      storage?.removeItem(DOCUMENT_KEY)
    } catch {
      // A storage that refuses is read again next time, which is harmless.
    }
    return kept
  },
  fallback: { name: FIRST_TEMPLATE.fileName, text: FIRST_TEMPLATE.text },
})
const store = createAppStore({
  storage,
  languages: navigator.languages,
  document: { name: start.name, text: start.savedText },
})
applyStart(store, start)
if (start.problem === 'not-found' || start.problem === 'deleted') {
  store.dispatch({
    type: 'toast.show',
    tone: 'error',
    messageId: start.problem === 'deleted' ? 'library.start.deleted' : 'library.start.not-found',
  })
}
const library = createLibrarySession(store, drafts, start)
installStoreTestHooks(store)

createRoot(container).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App storage={storage} library={library} />
    </StoreProvider>
  </StrictMode>,
)
