import { chromium, expect, test as base, type BrowserContext, type Page } from '@playwright/test'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { CHROMIUM_ARGS, resolveChromiumPath } from './chromium'

/**
 * Importing the bundled sample costs tens of seconds, so read-only tests share one import:
 * a template profile is filled once per worker, and every test gets its own fresh copy of it
 * (a separate user-data directory, so tests still cannot see each other's changes).
 */

export const WEB_BASE_URL = `http://127.0.0.1:${Number(process.env.WEB_TEST_PORT ?? 4173)}`

async function launchProfile(dir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    executablePath: resolveChromiumPath(),
    args: CHROMIUM_ARGS,
    baseURL: WEB_BASE_URL,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true
  })
}

export const test = base.extend<
  { sampleContext: BrowserContext; samplePage: Page },
  { sampleTemplate: string }
>({
  sampleTemplate: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    async ({}, use) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'pwc-sample-profile-'))
      const context = await launchProfile(dir)
      const page = context.pages()[0] ?? (await context.newPage())
      await page.goto('/sync')
      await expect(page.locator('html')).toHaveAttribute('data-archive-state', 'idle', { timeout: 300_000 })
      // Copies then start with the persisted search index too.
      await expect(page.locator('html')).toHaveAttribute('data-search-state', 'ready', { timeout: 300_000 })
      await context.close()
      await use(dir)
      rmSync(dir, { recursive: true, force: true })
    },
    { scope: 'worker', timeout: 660_000 }
  ],
  sampleContext: async ({ sampleTemplate }, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pwc-profile-'))
    cpSync(sampleTemplate, dir, { recursive: true })
    const context = await launchProfile(dir)
    await use(context)
    await context.close()
    rmSync(dir, { recursive: true, force: true })
  },
  samplePage: async ({ sampleContext }, use) => {
    const page = sampleContext.pages()[0] ?? (await sampleContext.newPage())
    await use(page)
  }
})

export { expect }
