/**
 * Monaco, configured once for YAML: only the editor core and its standard contributions (no
 * TypeScript, CSS, HTML or JSON services), Monaco's YAML grammar, and monaco-yaml for completion
 * and hover from our JSON Schema. Its own validation is off: the app's diagnostics are the only
 * problems shown. Loaded lazily, so none of it is in the app's first chunk.
 */
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js'
import './monaco-contributions.ts'
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js'
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker'
import { configureMonacoYaml, type JSONSchema } from 'monaco-yaml'
import YamlWorker from 'monaco-yaml/yaml.worker.js?worker'
import schema from '../../../schemas/ivr.schema.json' with { type: 'json' }

/** The one model's URI; the schema is registered for it. */
export const MODEL_URI = 'file:///ivr.yaml'

/** Where the schema says it comes from; never fetched. */
const SCHEMA_URI = 'https://ivr-designer.invalid/schemas/ivr.schema.json'

// Monaco cancels a superseded request (code actions, hovers) by rejecting its promise, and not
// every such promise is awaited; those rejections are expected, not errors of the page.
window.addEventListener('unhandledrejection', (event) => {
  const reason: unknown = event.reason
  if (reason instanceof Error && reason.name === 'Canceled' && reason.message === 'Canceled') {
    event.preventDefault()
  }
})

self.MonacoEnvironment = {
  getWorker(_moduleId, label) {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker()
  },
}

/**
 * The providers monaco-yaml registers that the pane does not use, each of which has its worker
 * read the whole document again: code actions (for its own diagnostics, which are off; Monaco asks
 * for them whenever the cursor moves, that is at every keystroke), links (`$ref`s, which an IVR
 * has none of; the editor worker still makes URLs clickable), folding ranges (the editor folds by
 * indentation, which in YAML gives the same ranges), document symbols (no outline), definitions
 * and renames (those features are not loaded).
 */
const UNUSED_YAML_PROVIDERS = [
  'registerCodeActionProvider',
  'registerLinkProvider',
  'registerFoldingRangeProvider',
  'registerDocumentSymbolProvider',
  'registerDefinitionProvider',
  'registerRenameProvider',
] as const

/** Runs `register` with the given `monaco.languages` registrations made into no-ops. */
function withoutProviders<T>(
  names: readonly (keyof typeof monaco.languages)[],
  register: () => T,
): T {
  const languages = monaco.languages as unknown as Record<string, unknown>
  const saved = names.map((name) => [name, languages[name]] as const)
  for (const name of names) languages[name] = () => ({ dispose() {} })
  try {
    return register()
  } finally {
    for (const [name, original] of saved) languages[name] = original
  }
}

withoutProviders(UNUSED_YAML_PROVIDERS, () =>
  configureMonacoYaml(monaco, {
    enableSchemaRequest: false,
    validate: false,
    completion: true,
    hover: true,
    // The source link would point at a schema address that is never served.
    hoverSchemaSource: false,
    // Formatting would rewrite the whole file; edits keep every byte they do not change.
    format: { enable: false },
    schemas: [{ uri: SCHEMA_URI, fileMatch: [MODEL_URI], schema: schema as JSONSchema }],
  }),
)

/** The Monaco API, configured as above; import it from here so the setup always runs first. */
export { monaco }
