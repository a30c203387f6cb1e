import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

/**
 * Which Chromium the browser tests drive: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`,
 * else Playwright's own download. `npx playwright install` cannot run on our machines, so the
 * error says how to get a browser instead of Playwright's generic message.
 */
export function resolveChromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  for (const candidate of candidates) {
    if (candidate && existsSync(candidate)) return candidate
  }
  const bundled = chromium.executablePath()
  if (bundled && existsSync(bundled)) return bundled
  throw new Error(
    'No Chromium found for the browser tests: set CHROMIUM_PATH, or `apt-get install -y chromium` (Debian), or `npx playwright install chromium` where the network allows.'
  )
}

/** Flags for a headless Chromium on a machine with a closed network and no GPU. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]
