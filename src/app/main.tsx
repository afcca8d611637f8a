import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { createAppStore } from './state/app-store.ts'
import { loadDocument } from './state/document-storage.ts'
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

const storage = readStorage()
const store = createAppStore({
  storage,
  languages: navigator.languages,
  document: loadDocument(storage) ?? { name: FIRST_TEMPLATE.fileName, text: FIRST_TEMPLATE.text },
})
installStoreTestHooks(store)

createRoot(container).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App storage={storage} />
    </StoreProvider>
  </StrictMode>,
)
