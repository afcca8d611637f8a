import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { CodeIcon } from '../components/icons.tsx'
import { WaveformIcon } from '../recordings/recording-icons.tsx'
import { RecordingsPanel } from '../recordings/RecordingsPanel.tsx'
import { isLive } from '../state/call.ts'
import { useAppState, useAppStore, useDispatch } from '../state/store-context.tsx'
import { useLocale } from '../state/use-locale.ts'
import { PhoneIcon } from './icons.tsx'
import styles from './SidePanels.module.css'
import { TestCallPanel } from './TestCallPanel.tsx'
import { HistoryPanel } from '../versions/HistoryPanel.tsx'
import { HistoryIcon } from '../versions/version-icons.tsx'

const EDITOR_TAB = 'side-tab-editor'
const CALL_TAB = 'side-tab-test-call'
const EDITOR_PANEL = 'side-panel-editor'
const CALL_PANEL = 'side-panel-test-call'
const RECORDINGS_TAB = 'side-tab-recordings'
const RECORDINGS_PANEL = 'side-panel-recordings'
const HISTORY_TAB = 'side-tab-history'
const HISTORY_PANEL = 'side-panel-history'

/**
 * The right side of the editor as tabs: the YAML with its problems (`children`), the test call
 * and the recordings. The YAML and the test call stay mounted, so the YAML editor keeps its
 * state and undo history while another tab shows. The toolbar's problem counts bring the YAML
 * tab back.
 */
export function SidePanels({ children }: { children: ReactNode }) {
  const { t } = useLocale()
  const store = useAppStore()
  const dispatch = useDispatch()
  // The history tab lives here: it covers the others while shown, and any of them closes it.
  const [history, setHistory] = useState(false)
  const callOpen = useAppState((s) => s.call.open)
  const open = callOpen && !history
  // The recordings tab: opening it closes the test call, and `call.panel` closes it (app-store).
  const recordingsOpen = useAppState((s) => s.recordings.panelOpen)
  const recordings = recordingsOpen && !history
  const yamlHidden = open || recordings || history
  const live = useAppState((s) => isLive(s.call.session))
  const editorTab = useRef<HTMLButtonElement>(null)
  const callTab = useRef<HTMLButtonElement>(null)
  const recordingsTab = useRef<HTMLButtonElement>(null)
  const historyTab = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (callOpen || recordingsOpen) setHistory(false)
  }, [callOpen, recordingsOpen])

  const show = (testCall: boolean, focus = false) => {
    setHistory(false)
    dispatch({ type: 'call.panel', open: testCall })
    if (focus) (testCall ? callTab : editorTab).current?.focus()
  }
  const showRecordings = (focus = false) => {
    setHistory(false)
    dispatch({ type: 'recordings.panel', open: true })
    if (focus) recordingsTab.current?.focus()
  }
  const showHistory = (focus = false) => {
    setHistory(true)
    if (focus) historyTab.current?.focus()
  }

  // A selection made while the YAML was hidden is revealed in it once it shows again.
  const hiddenSelection = useRef(false)
  useEffect(() => {
    let seen = store.getState().selection
    return store.subscribe(() => {
      const { call, recordings, selection } = store.getState()
      if (!selection || selection === seen) return
      seen = selection
      if ((call.open || recordings.panelOpen) && selection.origin !== 'editor') {
        hiddenSelection.current = true
      }
    })
  }, [store])
  useEffect(() => {
    if (yamlHidden || !hiddenSelection.current) return
    const { selection } = store.getState()
    hiddenSelection.current = false
    if (selection && selection.origin !== 'editor') {
      dispatch({
        type: 'selection.set',
        path: selection.path,
        span: selection.span,
        origin: selection.origin,
      })
    }
  }, [yamlHidden, store, dispatch])

  // The toolbar's problem counts point at the problems panel, which is on the YAML tab.
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const target = event.target instanceof Element ? event.target : null
      const { call, recordings } = store.getState()
      if (target?.closest('[aria-controls="problems-panel"]')) setHistory(false)
      if (
        target?.closest('[aria-controls="problems-panel"]') &&
        (call.open || recordings.panelOpen)
      ) {
        dispatch({ type: 'call.panel', open: false })
      }
    }
    window.addEventListener('click', onClick, true)
    return () => window.removeEventListener('click', onClick, true)
  }, [store, dispatch])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const tabs = [
      () => show(false, true),
      () => show(true, true),
      () => showRecordings(true),
      () => showHistory(true),
    ]
    const at = history ? 3 : recordings ? 2 : open ? 1 : 0
    if (event.key === 'ArrowLeft') tabs[Math.max(0, at - 1)]?.()
    else if (event.key === 'ArrowRight') tabs[Math.min(tabs.length - 1, at + 1)]?.()
    else if (event.key === 'Home') tabs[0]?.()
    else if (event.key === 'End') tabs[tabs.length - 1]?.()
    else return
    event.preventDefault()
  }

  return (
    <div className={styles.column}>
      <div
        className={styles.tabs}
        role="tablist"
        aria-label={t('testcall.tabs')}
        onKeyDown={onKeyDown}
      >
        <button
          ref={editorTab}
          type="button"
          role="tab"
          id={EDITOR_TAB}
          className={styles.tab}
          aria-selected={!yamlHidden}
          aria-controls={EDITOR_PANEL}
          tabIndex={yamlHidden ? -1 : 0}
          onClick={() => show(false)}
        >
          <CodeIcon size={15} />
          {t('testcall.tab.yaml')}
        </button>
        <button
          ref={callTab}
          type="button"
          role="tab"
          id={CALL_TAB}
          className={styles.tab}
          aria-selected={open && !recordings}
          aria-controls={CALL_PANEL}
          tabIndex={open && !recordings ? 0 : -1}
          data-testid="test-call-tab"
          onClick={() => show(true)}
        >
          <PhoneIcon size={15} />
          {t('testcall.tab.call')}
          {live && (
            <span className={styles.live} title={t('testcall.tab.live')}>
              <span className="visually-hidden">{t('testcall.tab.live')}</span>
            </span>
          )}
        </button>
        <button
          ref={recordingsTab}
          type="button"
          role="tab"
          id={RECORDINGS_TAB}
          className={styles.tab}
          aria-selected={recordings}
          aria-controls={RECORDINGS_PANEL}
          tabIndex={recordings ? 0 : -1}
          data-testid="recordings-tab"
          title={t('recordings.open.title')}
          onClick={() => showRecordings()}
        >
          <WaveformIcon size={15} />
          {t('recordings.open')}
        </button>
        <button
          ref={historyTab}
          type="button"
          role="tab"
          id={HISTORY_TAB}
          className={styles.tab}
          aria-selected={history}
          aria-controls={HISTORY_PANEL}
          tabIndex={history ? 0 : -1}
          data-testid="history-tab"
          title={t('history.tab.title')}
          onClick={() => showHistory()}
        >
          <HistoryIcon size={15} />
          {t('history.tab')}
        </button>
      </div>
      <div
        id={EDITOR_PANEL}
        role="tabpanel"
        aria-labelledby={EDITOR_TAB}
        className={styles.panel}
        hidden={yamlHidden}
      >
        {children}
      </div>
      <div
        id={CALL_PANEL}
        role="tabpanel"
        aria-labelledby={CALL_TAB}
        className={styles.panel}
        hidden={!open || recordings}
      >
        <TestCallPanel visible={open && !recordings} />
      </div>
      <div
        id={RECORDINGS_PANEL}
        role="tabpanel"
        aria-labelledby={RECORDINGS_TAB}
        className={styles.panel}
        hidden={!recordings}
      >
        {recordings && <RecordingsPanel />}
      </div>
      <div
        id={HISTORY_PANEL}
        role="tabpanel"
        aria-labelledby={HISTORY_TAB}
        className={styles.panel}
        hidden={!history}
      >
        {history && <HistoryPanel />}
      </div>
    </div>
  )
}
