/**
 * `npm run screenshots`: serves browser mode, lets the app import its bundled sample, and
 * captures every page type in both themes into docs/screenshots/ (small PNGs for the README).
 * The only writer of docs/screenshots: tests keep their screenshots under test-results/.
 * Usage: tsx scripts/screenshots.ts [name=/path …]   (defaults to the list below)
 */
import { chromium } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { CHROMIUM_ARGS, resolveChromiumPath } from '../tests/e2e/support/chromium'
import { fillDemoLibrary } from '../tests/e2e/support/demoLibrary'
import { LibraryPage } from '../tests/e2e/support/libraryPage'
import { startWebServer } from './webServer'

const DEFAULT_PAGES: Record<string, string> = {
  home: '/',
  papers: '/papers',
  paper: '/paper/bert-pre-training-of-deep-bidirectional',
  sota: '/sota',
  task: '/task/image-classification',
  leaderboard: '/sota/image-classification-on-imagenet',
  compare: '/compare?boards=image-classification-on-imagenet,image-classification-on-cifar-10',
  datasets: '/datasets',
  dataset: '/dataset/mnist',
  methods: '/methods',
  method: '/method/adam',
  search: '/search?q=bert%20pre-training',
  // Shown with the demo library (notes, tags, statuses) in it.
  lists: '/lists',
  sync: '/sync',
  about: '/about'
}

// The lists' notes and tags run below the fold.
const FULL_PAGE = new Set(['lists'])

async function main(): Promise<void> {
  const repo = path.resolve(__dirname, '..')
  const outDir = path.join(repo, 'docs/screenshots')
  mkdirSync(outDir, { recursive: true })
  const requested = process.argv.slice(2).filter((a) => a.includes('='))
  const pages = requested.length
    ? Object.fromEntries(requested.map((a) => a.split('=') as [string, string]))
    : DEFAULT_PAGES
  const server = await startWebServer({
    rendererDir: path.join(repo, 'out/renderer'),
    resourcesDir: path.join(repo, 'resources'),
    port: 0
  })
  const address = server.address()
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  const browser = await chromium.launch({ executablePath: resolveChromiumPath(), args: CHROMIUM_ARGS })
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error('page error:', error.message))
  await page.goto(`${base}/`)
  await page.locator('html[data-app-state="ready"]').waitFor({ state: 'attached', timeout: 60_000 })
  // The first launch imports the sample; wait for it so pages show real data.
  await page
    .locator('html[data-archive-state="idle"]')
    .waitFor({ state: 'attached', timeout: 300_000 })
    .catch(() => undefined)
  if (Object.values(pages).some((route) => route.startsWith('/lists'))) {
    await fillDemoLibrary(new LibraryPage(page))
  }
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => {
      const storage = (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } })
        .localStorage
      storage.setItem('pwc.theme', t)
    }, theme)
    for (const [name, route] of Object.entries(pages)) {
      await page.goto(`${base}${route}`)
      await page.locator('html[data-app-state="ready"]').waitFor({ state: 'attached' })
      await page
        .locator('[aria-busy="true"]')
        .first()
        .waitFor({ state: 'detached', timeout: 30_000 })
        .catch(() => undefined)
      const file = path.join(outDir, `${name}-${theme}.png`)
      await page.screenshot({ path: file, fullPage: FULL_PAGE.has(name) })
      console.log(file)
    }
  }
  await browser.close()
  server.close()
}

void main()
