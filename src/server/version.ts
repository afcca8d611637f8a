import { readFileSync } from 'node:fs'

/**
 * The version of IVR Designer, from the package manifest. Read from disk rather than imported so
 * the same code works from `src/server` and from the compiled `dist/server`, both two levels
 * below the manifest.
 */
export const version: string = readVersion()

function readVersion(): string {
  const manifest: unknown = JSON.parse(
    readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
  )
  const found =
    typeof manifest === 'object' && manifest !== null && 'version' in manifest
      ? manifest.version
      : undefined
  return typeof found === 'string' ? found : '0.0.0'
}
