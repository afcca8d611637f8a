import {
  loadPreferences,
  reducePreferences,
  savePreference,
  type PreferenceAction,
  type PreferenceStorage,
  type Preferences,
} from './preferences.ts'
import { createStore, type Store } from './store.ts'
import {
  EMPTY_CANVAS,
  followGraph,
  reduceCanvas,
  type CanvasAction,
  type CanvasState,
} from './canvas.ts'
import {
  openDocument,
  reduceDocument,
  reduceSelection,
  type DocumentAction,
  type DocumentState,
  type Selection,
  type SelectionAction,
} from './document.ts'
import { reduceToasts, type Toast, type ToastAction } from './toasts.ts'
import { tagForHistory } from './history-recorder.ts'
import {
  createAppHistory,
  reduceHistory,
  type AppHistory,
  type HistoryAction,
} from './history-state.ts'
import {
  INITIAL_CALL_PANEL,
  reduceCall,
  reopenCallPanel,
  type CallAction,
  type CallPanelState,
} from './call.ts'
import {
  EMPTY_RECORDINGS,
  reduceRecordings,
  validateAgainst,
  type RecordingsAction,
  type RecordingsState,
} from '../recordings/recordings-state.ts'

/** Everything the app shows; derived data lives inside `document.view`. */
export interface AppState {
  preferences: Preferences
  document: DocumentState
  selection: Selection | null
  canvas: CanvasState
  toasts: readonly Toast[]
  /** The test call panel and its call. */
  call: CallPanelState
  /** The recordings stored on the server, uploads under way, and the recordings panel. */
  recordings: RecordingsState
  /** The one undo history of the canvas and the YAML; opening a document starts a fresh one. */
  history: AppHistory
}

/** Every change the app can make to its state, as data. */
export type AppAction =
  | PreferenceAction
  | DocumentAction
  | SelectionAction
  | CanvasAction
  | ToastAction
  | CallAction
  | RecordingsAction
  | HistoryAction

/** The one store of the app. */
export type AppStore = Store<AppState, AppAction>

/** What the app reads from its surroundings when it starts. */
export interface AppEnvironment {
  storage: PreferenceStorage | undefined
  languages: readonly string[]
  /** The IVR to open first: the last one worked on, or a template. */
  document: { name: string; text: string }
  /** The clock the undo history merges typing by, in milliseconds (default `Date.now`). */
  now?: () => number
}

/** The app state after `action`; the same object when nothing changes. */
export function reduceApp(state: AppState, action: AppAction): AppState {
  // The recordings and the test call are tabs of the same side: showing a tab hides the other.
  if (action.type === 'call.panel' && state.recordings.panelOpen) {
    const recordings = reduceRecordings(state.recordings, { type: 'recordings.panel', open: false })
    return reduceApp({ ...state, recordings }, action)
  }
  switch (action.type) {
    case 'locale.set':
    case 'theme.set': {
      const preferences = reducePreferences(state.preferences, action)
      return preferences === state.preferences ? state : { ...state, preferences }
    }
    case 'document.open':
      // Another IVR: nothing selected, and its own positions (loaded by the canvas).
      return {
        ...state,
        // Checked against the recordings known so far, like the document it replaces.
        document: validateAgainst(reduceDocument(state.document, action), state.recordings.known),
        selection: null,
        canvas: EMPTY_CANVAS,
        call: reopenCallPanel(state.call),
        history: createAppHistory(),
      }
    case 'document.text':
    case 'document.saved': {
      const document = reduceDocument(state.document, action)
      if (document === state.document) return state
      const canvas = followGraph(
        state.canvas,
        state.document.view.good.graph,
        document.view.good.graph,
      )
      return { ...state, document, canvas }
    }
    case 'selection.set':
    case 'selection.clear': {
      const selection = reduceSelection(state.selection, action)
      return selection === state.selection ? state : { ...state, selection }
    }
    case 'canvas.layout':
    case 'canvas.move':
    case 'canvas.positions':
    case 'canvas.tidy':
    case 'canvas.rename': {
      const canvas = reduceCanvas(state.canvas, action)
      return canvas === state.canvas ? state : { ...state, canvas }
    }
    case 'history.change':
    case 'history.step':
    case 'history.seal':
      return reduceHistory(state, action, reduceApp)
    case 'toast.show':
    case 'toast.dismiss': {
      const toasts = reduceToasts(state.toasts, action)
      return toasts === state.toasts ? state : { ...state, toasts }
    }
    case 'call.panel':
    case 'call.agents':
    case 'call.department':
    case 'call.start':
    case 'call.input':
    case 'call.hang-up':
    case 'call.replay':
    case 'call.replay-path':
    case 'call.reset':
    case 'call.coverage': {
      const call = reduceCall(state.call, action, state.document)
      return call === state.call ? state : { ...state, call }
    }
    case 'recordings.loading':
    case 'recordings.loaded':
    case 'recordings.load-failed':
    case 'recordings.upload-started':
    case 'recordings.upload-progress':
    case 'recordings.upload-done':
    case 'recordings.upload-failed':
    case 'recordings.upload-dismissed':
    case 'recordings.removed':
    case 'recordings.panel': {
      const recordings = reduceRecordings(state.recordings, action)
      if (recordings === state.recordings) return state
      // A play URL of this server is checked against the recordings it now holds.
      const document = validateAgainst(state.document, recordings.known)
      const call =
        action.type === 'recordings.panel' && action.open
          ? reduceCall(state.call, { type: 'call.panel', open: false }, state.document)
          : state.call
      return { ...state, recordings, document, call }
    }
  }
}

/**
 * The app's store, starting from saved preferences and saving every preference change. Every
 * text change and card move dispatched to it is recorded in `history` (see
 * `history-recorder.ts`).
 */
export function createAppStore(environment: AppEnvironment): AppStore {
  const store = createStore(reduceApp, {
    preferences: loadPreferences(environment.storage, environment.languages),
    document: openDocument(environment.document.name, environment.document.text),
    selection: null,
    canvas: EMPTY_CANVAS,
    toasts: [],
    call: INITIAL_CALL_PANEL,
    recordings: EMPTY_RECORDINGS,
    history: createAppHistory(),
  })
  const now = environment.now ?? Date.now
  return {
    ...store,
    dispatch(action) {
      const before = store.getState()
      // Text changes and card moves enter the undo history as they are made.
      store.dispatch(tagForHistory(action, now()))
      if (store.getState() === before) return
      if (action.type === 'locale.set' || action.type === 'theme.set') {
        savePreference(environment.storage, action)
      }
    },
  }
}
