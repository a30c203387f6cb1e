/** The Chromium the benchmarks drive: the tests' binary and flags, on a profile directory of their own. */
import { chromium, type BrowserContext, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, resolveChromiumPath } from '../../tests/e2e/support/chromium'

export interface BenchBrowser {
  context: BrowserContext
  page: Page
}

export async function launchBenchBrowser(profileDir: string): Promise<BenchBrowser> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: resolveChromiumPath(),
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true
  })
  const page = context.pages()[0] ?? (await context.newPage())
  return { context, page }
}
