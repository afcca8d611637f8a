import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The editor's templates, `src/app/templates`, found from both `src/server/library` and
 * `dist/server/library`, so the server and the editor offer the same starting points.
 */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(
  new URL('../../../src/app/templates/', import.meta.url),
)

/** The template a blank IVR starts from. */
export const BLANK_TEMPLATE = 'empty'

/** The text of every template in `dir`, by id (the file name without `.yaml`). */
export function loadTemplates(dir: string = DEFAULT_TEMPLATES_DIR): ReadonlyMap<string, string> {
  const templates = new Map<string, string>()
  for (const file of readdirSync(dir).sort()) {
    const match = /^([a-z0-9-]+)\.yaml$/.exec(file)
    if (match !== null) templates.set(match[1] as string, readFileSync(join(dir, file), 'utf8'))
  }
  if (!templates.has(BLANK_TEMPLATE)) {
    throw new Error(`the templates folder ${dir} has no ${BLANK_TEMPLATE}.yaml`)
  }
  return templates
}
