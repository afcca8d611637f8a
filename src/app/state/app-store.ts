import {
  loadPreferences,
  reducePreferences,
  savePreference,
  type PreferenceAction,
  type PreferenceStorage,
  type Preferences,
} from './preferences.ts'
import { createStore, type Store } from './store.ts'

/** Everything the app shows that is not derived from something else. */
export interface AppState {
  preferences: Preferences
}

/** Every change the app can make to its state, as data. */
export type AppAction = PreferenceAction

/** The one store of the app. */
export type AppStore = Store<AppState, AppAction>

/** What the app reads from its surroundings when it starts. */
export interface AppEnvironment {
  storage: PreferenceStorage | undefined
  languages: readonly string[]
}

/** The app state after `action`; the same object when nothing changes. */
export function reduceApp(state: AppState, action: AppAction): AppState {
  const preferences = reducePreferences(state.preferences, action)
  return preferences === state.preferences ? state : { ...state, preferences }
}

/** The app's store, starting from saved preferences and saving every preference change. */
export function createAppStore(environment: AppEnvironment): AppStore {
  const store = createStore(reduceApp, {
    preferences: loadPreferences(environment.storage, environment.languages),
  })
  return {
    ...store,
    dispatch(action) {
      const before = store.getState()
      store.dispatch(action)
      if (store.getState() !== before) savePreference(environment.storage, action)
    },
  }
}
