/**
 * `npm run bench:sync [-- --scales 0.1,1]`: generates synthetic archives (same five files and
 * schema as the real dumps), imports each from local files into a fresh Chromium profile through
 * the app's own Sync page and worker, and prints per file MB/s and records/s, the wall time, peak
 * memory of the browser, UI-thread long tasks, and next to them the machine's floor measured in
 * the same run (gunzip + JSON.parse of the same bytes, record by record as the sync must).
 * Then, unless `--no-search`, the search index the app builds after the sync: build time, long
 * tasks, and the cold start of the persisted index after a reload.
 */
import type { Page } from '@playwright/test'
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createGunzip } from 'node:zlib'
import { JsonArraySplitter } from '../src/shared/archive/jsonArraySplitter'
import type { ArchiveSyncResult, FileSyncProgress } from '../src/shared/archive/syncProgress'
import { archiveFiles, ensureSyntheticArchive, repoRoot as repo, rendererDir } from './bench/benchArchive'
import { launchBenchBrowser } from './bench/benchBrowser'
import { readBrowserMemory } from './bench/browserMemory'
import { drainLongTasks, installPageInstruments } from './bench/pageInstruments'
import { startWebServer } from './webServer'

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback
}

interface Floor {
  gunzipSeconds: number
  parseSeconds: number
  jsonBytes: number
  records: number
}

/** Gunzip alone, then gunzip + split + JSON.parse per record: what no importer can beat. */
async function measureFloor(file: string): Promise<Floor> {
  const gunzipStarted = performance.now()
  let jsonBytes = 0
  for await (const chunk of createReadStream(file).pipe(createGunzip())) jsonBytes += (chunk as Buffer).length
  const gunzipSeconds = (performance.now() - gunzipStarted) / 1000
  const parseStarted = performance.now()
  const splitter = new JsonArraySplitter()
  let records = 0
  for await (const chunk of createReadStream(file).pipe(createGunzip())) {
    // The splitter JSON.parses each element as it completes.
    records += splitter.push(new Uint8Array(chunk as Buffer)).length
  }
  splitter.end()
  return { gunzipSeconds, parseSeconds: (performance.now() - parseStarted) / 1000, jsonBytes, records }
}

async function browserRssBytes(profileDir: string): Promise<number> {
  return (await readBrowserMemory(profileDir)).browserBytes
}

const mb = (bytes: number): string => (bytes / 1e6).toFixed(1)

/** What the page exposes for diagnostics (`window.__pwcArchiveSync`), seen from Node. */
interface BenchWindow {
  __pwcArchiveSync?: {
    status: string
    progress: { files: FileSyncProgress[] } | null
    lastResult: ArchiveSyncResult | null
  }
  __pwcSearchStatus?: {
    state: string
    stale: boolean
    partial: boolean
    papers: number
    loadMs: number | null
    fullLoadMs: number | null
    buildMs: number | null
    message: string | null
  }
}

async function benchScale(scale: number): Promise<void> {
  const dir = await ensureSyntheticArchive(scale)
  const files = archiveFiles(dir)
  console.log(
    `\n=== scale ${scale} (${files.map((f) => `${path.basename(f)} ${mb(statSync(f).size)} MB`).join(', ')})`
  )

  const floors = new Map<string, Floor>()
  for (const file of files) floors.set(path.basename(file), await measureFloor(file))

  const server = await startWebServer({
    rendererDir: rendererDir(),
    resourcesDir: path.join(repo, 'resources'),
    port: 0
  })
  const address = server.address()
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  const profile = mkdtempSync(path.join(tmpdir(), 'pwc-bench-profile-'))
  const { context, page } = await launchBenchBrowser(profile)
  try {
    await installPageInstruments(page)
    await page.goto(`${base}/sync`)
    // The first launch imports the bundled sample; the benchmark measures what comes after.
    await page.locator('html[data-archive-state="idle"]').waitFor({ state: 'attached', timeout: 600_000 })
    await drainLongTasks(page)
    const started = Date.now()
    await page.getByLabel('Choose dump files').setInputFiles(files)
    // Picked files are staged first (kinds detected, add or replace): add them, as a first import does.
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    const doneAt = new Map<string, { seconds: number; file: FileSyncProgress }>()
    let peakRss = 0
    for (;;) {
      peakRss = Math.max(peakRss, await browserRssBytes(profile))
      const snapshot = await page.evaluate(() => {
        const sync = (globalThis as unknown as BenchWindow).__pwcArchiveSync
        return {
          status: sync?.status,
          files: sync?.progress?.files ?? [],
          outcome: sync?.lastResult?.outcome,
          names: sync?.lastResult?.summary.files.map((f) => f.name) ?? []
        }
      })
      for (const file of snapshot.files) {
        if (!doneAt.has(file.name) && (file.phase === 'finalizing' || file.phase === 'done')) {
          doneAt.set(file.name, { seconds: (Date.now() - started) / 1000, file })
        }
      }
      // The sample's result is there from the start: wait for the one that read the picked files.
      if (snapshot.status === 'idle' && snapshot.outcome && snapshot.names.includes(path.basename(files[0])))
        break
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
    const wall = (Date.now() - started) / 1000
    const result = await page.evaluate(
      () => (globalThis as unknown as BenchWindow).__pwcArchiveSync?.lastResult
    )
    const longTasks = await drainLongTasks(page)

    console.log(`outcome ${result?.outcome}; wall ${wall.toFixed(1)} s; peak browser RSS ${mb(peakRss)} MB`)
    console.log(
      `UI-thread long tasks during import: ${longTasks.length}, longest ${Math.max(0, ...longTasks).toFixed(0)} ms (target: none over 100 ms)`
    )
    console.log(
      'file | gz MB | JSON MB | records | import s | import MB/s (JSON) | import rec/s | floor gunzip MB/s | floor gunzip+parse MB/s'
    )
    let previous = 0
    for (const summary of result?.summary.files ?? []) {
      const floor = floors.get(summary.name)
      const done = doneAt.get(summary.name)
      const seconds = done ? done.seconds - previous : NaN
      if (done) previous = done.seconds
      const json = floor?.jsonBytes ?? 0
      console.log(
        [
          summary.name,
          mb(statSync(path.join(dir, summary.name)).size),
          mb(json),
          summary.records,
          seconds.toFixed(1),
          mb(json / seconds),
          Math.round(summary.records / seconds),
          floor ? mb(json / floor.gunzipSeconds) : '—',
          floor ? mb(json / (floor.gunzipSeconds + floor.parseSeconds)) : '—'
        ].join(' | ')
      )
    }
    const stages = result?.summary.stageSeconds
    if (stages)
      console.log(
        `engine stages (s): ${Object.entries(stages)
          .map(([stage, seconds]) => `${stage} ${seconds.toFixed(1)}`)
          .join(', ')}`
      )
    const tables = result?.summary.tables
    if (tables)
      console.log(
        `stored: ${Object.entries(tables)
          .map(([t, c]) => `${t} +${c.added}`)
          .join(', ')}`
      )
    const search = !process.argv.includes('--no-search')
    // The app starts building its search index as soon as the sync ends.
    await benchBrowsingInBrowser(page, base, 'while the search index builds')
    if (search) {
      await benchSearchInBrowser(page, base, profile, result?.summary.tables.papers.added ?? 0)
      await benchBrowsingInBrowser(page, base, 'idle')
    }
  } finally {
    await context.close()
    server.close()
    // `--keep-profile` leaves the filled profile for looking into the pages at scale by hand.
    if (process.argv.includes('--keep-profile')) console.log(`profile kept: ${profile}`)
    else rmSync(profile, { recursive: true, force: true })
  }
}

/**
 * The pages that list papers from the listings the sync wrote (paperListings.ts): the newest
 * papers of the archive, one year of them, and a paper page with its related papers (read from
 * its tasks' listings). Each from a page load, in the profile the import filled; `machine` says
 * what else runs (right after a sync, the search worker builds its index).
 */
async function benchBrowsingInBrowser(page: Page, base: string, machine: string): Promise<void> {
  const timed = async (label: string, url: string, ready: () => Promise<unknown>): Promise<void> => {
    const started = Date.now()
    await page.goto(url)
    await ready()
    console.log(`browse ${label} (${machine}): page load to content ${Date.now() - started} ms`)
  }
  const firstRow = () => page.locator('.paper-row').first().waitFor({ timeout: 120_000 })
  await timed('/papers (newest of all)', `${base}/papers`, firstRow)
  const count = await page.getByTestId('paper-count').textContent()
  const years = await page.getByLabel('Year').locator('option').allTextContents()
  const started = Date.now()
  await page.getByLabel('Year').selectOption(years[1])
  await page
    .getByTestId('paper-count')
    .filter({ hasNotText: count ?? '' })
    .waitFor({ timeout: 120_000 })
  console.log(
    `browse /papers year ${years[1]} (${machine}): filter to count ${Date.now() - started} ms ` +
      `(${await page.getByTestId('paper-count').textContent()} of ${count})`
  )
  const href = await page.locator('.paper-row__title').first().getAttribute('href')
  if (href)
    await timed(`paper page with related papers (${href})`, `${base}${href}`, () =>
      page
        .getByRole('heading', { name: 'Related papers' })
        .waitFor({ timeout: 60_000 })
        .catch(() => console.log('(the paper page showed no related papers within 60 s)'))
    )
}

/**
 * What follows a sync in the app: the search worker builds the index (the UI thread must stay
 * free), and the next start loads it from IndexedDB. Measured in the same Chromium profile.
 */
async function benchSearchInBrowser(
  page: Page,
  base: string,
  profile: string,
  importedPapers: number
): Promise<void> {
  await drainLongTasks(page)
  let peakRss = 0
  for (;;) {
    peakRss = Math.max(peakRss, await browserRssBytes(profile))
    const status = await page.evaluate(() => (globalThis as unknown as BenchWindow).__pwcSearchStatus)
    if (status?.state === 'error') throw new Error(`search index failed: ${status.message}`)
    // The first launch's index (the sample) is ready too: wait for the one covering the import.
    if (
      status?.state === 'ready' &&
      !status.stale &&
      status.buildMs !== null &&
      status.papers >= importedPapers
    ) {
      const longTasks = await drainLongTasks(page)
      console.log(
        `search index build in the worker: ${(status.buildMs / 1000).toFixed(1)} s for ${status.papers} papers; ` +
          `peak browser RSS ${mb(peakRss)} MB; UI-thread long tasks ${longTasks.length}, longest ${Math.max(0, ...longTasks).toFixed(0)} ms`
      )
      break
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  for (const query of ['neural networks', 'con']) {
    const started = Date.now()
    await page.goto(`${base}/search?q=${encodeURIComponent(query)}`)
    await page.getByTestId('result-count').waitFor({ timeout: 120_000 })
    const firstResult = Date.now() - started
    const shown = await page.getByTestId('result-count').textContent()
    const status = await page.evaluate(() => (globalThis as unknown as BenchWindow).__pwcSearchStatus)
    await page.waitForFunction(
      () => (globalThis as unknown as BenchWindow).__pwcSearchStatus?.partial === false
    )
    const full = await page.evaluate(() => (globalThis as unknown as BenchWindow).__pwcSearchStatus)
    console.log(
      `cold start "${query}": page load to first results ${firstResult} ms (${shown}); ` +
        `worker start to index answering ${status?.loadMs} ms, to every part loaded ${full?.fullLoadMs} ms`
    )
  }
}

async function main(): Promise<void> {
  if (!existsSync(path.join(rendererDir(), 'index.html'))) {
    execFileSync(path.join(repo, 'node_modules/.bin/electron-vite'), ['build'], {
      cwd: repo,
      stdio: 'inherit'
    })
  }
  for (const scale of arg('scales', '0.1,1').split(',').map(Number)) await benchScale(scale)
}

void main()
