import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

/** Debian's Chromium, the one browser the tests drive. */
export const CHROMIUM_PATH = '/usr/bin/chromium'

/** The flags every test browser runs with. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * A headless Chromium. Throws, so the suite fails rather than skips, when the browser is missing
 * or does not start.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${CHROMIUM_PATH} is missing, and the browser tests need it. ` +
        'Run "node scripts/ensure-chromium.mjs" (or "apt-get install -y chromium") as root.',
    )
  }
  try {
    return await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  } catch (error) {
    throw new Error(
      `Chromium at ${CHROMIUM_PATH} did not start: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}
