import {
  loadPreferences,
  reducePreferences,
  savePreference,
  type PreferenceAction,
  type PreferenceStorage,
  type Preferences,
} from './preferences.ts'
import { createStore, type Store } from './store.ts'
import { EMPTY_CANVAS, reduceCanvas, type CanvasAction, type CanvasState } from './canvas.ts'
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

/** Everything the app shows; derived data lives inside `document.view`. */
export interface AppState {
  preferences: Preferences
  document: DocumentState
  selection: Selection | null
  canvas: CanvasState
  toasts: readonly Toast[]
}

/** Every change the app can make to its state, as data. */
export type AppAction = PreferenceAction | DocumentAction | SelectionAction | CanvasAction | ToastAction

/** The one store of the app. */
export type AppStore = Store<AppState, AppAction>

/** What the app reads from its surroundings when it starts. */
export interface AppEnvironment {
  storage: PreferenceStorage | undefined
  languages: readonly string[]
  /** The IVR to open first: the last one worked on, or a template. */
  document: { name: string; text: string }
}

/** The app state after `action`; the same object when nothing changes. */
export function reduceApp(state: AppState, action: AppAction): AppState {
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
        document: reduceDocument(state.document, action),
        selection: null,
        canvas: EMPTY_CANVAS,
      }
    case 'document.text':
    case 'document.saved': {
      const document = reduceDocument(state.document, action)
      return document === state.document ? state : { ...state, document }
    }
    case 'selection.set':
    case 'selection.clear': {
      const selection = reduceSelection(state.selection, action)
      return selection === state.selection ? state : { ...state, selection }
    }
    case 'canvas.layout':
    case 'canvas.move':
    case 'canvas.positions':
    case 'canvas.tidy': {
      const canvas = reduceCanvas(state.canvas, action)
      return canvas === state.canvas ? state : { ...state, canvas }
    }
    case 'toast.show':
    case 'toast.dismiss': {
      const toasts = reduceToasts(state.toasts, action)
      return toasts === state.toasts ? state : { ...state, toasts }
    }
  }
}

/** The app's store, starting from saved preferences and saving every preference change. */
export function createAppStore(environment: AppEnvironment): AppStore {
  const store = createStore(reduceApp, {
    preferences: loadPreferences(environment.storage, environment.languages),
    document: openDocument(environment.document.name, environment.document.text),
    selection: null,
    canvas: EMPTY_CANVAS,
    toasts: [],
  })
  return {
    ...store,
    dispatch(action) {
      const before = store.getState()
      store.dispatch(action)
      if (store.getState() === before) return
      if (action.type === 'locale.set' || action.type === 'theme.set') {
        savePreference(environment.storage, action)
      }
    },
  }
}
