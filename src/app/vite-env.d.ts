/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The version of the package, set when the app is built. */
  readonly APP_VERSION: string
}
