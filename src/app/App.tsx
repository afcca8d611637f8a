import { SiteFooter } from './components/SiteFooter.tsx'
import { SiteHeader } from './components/SiteHeader.tsx'
import { SkipLink } from './components/SkipLink.tsx'
import { StartPage } from './start/StartPage.tsx'
import { useDocumentPreferences } from './state/use-document-preferences.ts'

const MAIN_ID = 'main'

/** The whole app: header, the current page, footer. */
export function App() {
  useDocumentPreferences()
  return (
    <>
      <SkipLink target={MAIN_ID} />
      <SiteHeader />
      <main id={MAIN_ID} tabIndex={-1}>
        <StartPage />
      </main>
      <SiteFooter />
    </>
  )
}
