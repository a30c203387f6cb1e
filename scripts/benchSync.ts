/**
 * `npm run bench:sync [-- --scales 0.1,1]`: generates synthetic archives (same five files and
 * schema as the real dumps), imports each from local files into a fresh Chromium profile through
 * the app's own Sync page and worker, and prints per file MB/s and records/s, the wall time, peak
 * memory of the browser, UI-thread long tasks, and next to them the machine's floor measured in
 * the same run (gunzip + JSON.parse of the same bytes, record by record as the sync must).
 * The search index is built from what the sync writes, while it writes: the run prints how many
 * papers search covered when the import ended and when it covered all of them (from the import's
 * start), with the peak memory of the browser over both. Then, unless `--no-search`, the cold
 * start of the persisted index after a reload. Browsing is timed while the index work runs and
 * idle: page loads, and in-app navigations (`--repeat N` for the least of N). `--port` fixes the
 * server's port, `--renderer <dir>` serves another build (e.g. a copy of an older one, for a
 * before/after), `--browse <profile>` times the browsing alone in a kept profile.
 */
import type { Page } from '@playwright/test'
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createGunzip } from 'node:zlib'
import { JsonArraySplitter } from '../src/shared/archive/jsonArraySplitter'
import type { ArchiveSyncResult, FileSyncProgress } from '../src/shared/archive/syncProgress'
import { archiveFiles, ensureSyntheticArchive, repoRoot as repo, rendererDir } from './bench/benchArchive'
import { launchBenchBrowser } from './bench/benchBrowser'
import { readBrowserMemory } from './bench/browserMemory'
import { argValue } from './bench/cliArgs'
import { drainLongTasks, installPageInstruments } from './bench/pageInstruments'
import { startWebServer } from './webServer'

const arg = (name: string, fallback: string): string => argValue(process.argv, name) ?? fallback

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
  __sampleResult?: ArchiveSyncResult | null
  __pwcSearchStatus?: {
    state: string
    stale: boolean
    partial: boolean
    importing?: boolean
    papers: number
    loadMs: number | null
    fullLoadMs: number | null
    buildMs: number | null
    message: string | null
  }
}

/** The app served for a run: `--renderer` picks the build, a fixed `--port` reopens a kept profile. */
async function startBenchServer(): Promise<{ server: Server; base: string }> {
  const server = await startWebServer({
    rendererDir: path.resolve(repo, arg('renderer', 'out/renderer')),
    resourcesDir: path.join(repo, 'resources'),
    // IndexedDB is per origin: a kept profile opened on another port looks empty.
    port: Number(arg('port', '0'))
  })
  const address = server.address()
  return { server, base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` }
}

async function benchScale(scale: number): Promise<void> {
  const dir = await ensureSyntheticArchive(scale)
  const files = archiveFiles(dir)
  console.log(
    `\n=== scale ${scale} (${files.map((f) => `${path.basename(f)} ${mb(statSync(f).size)} MB`).join(', ')})`
  )

  const floors = new Map<string, Floor>()
  for (const file of files) floors.set(path.basename(file), await measureFloor(file))

  const { server, base } = await startBenchServer()
  const profile = mkdtempSync(path.join(tmpdir(), 'pwc-bench-profile-'))
  const { context, page } = await launchBenchBrowser(profile)
  try {
    await installPageInstruments(page)
    await page.goto(`${base}/sync`)
    // The first launch imports the bundled sample; the benchmark measures what comes after.
    await page.locator('html[data-archive-state="idle"]').waitFor({ state: 'attached', timeout: 600_000 })
    // …and its search index, so that papers searchable from here on are the import's.
    await page.locator('html[data-search-state="ready"]').waitFor({ state: 'attached', timeout: 600_000 })
    await drainLongTasks(page)
    // The sample's import left a result: the loop below waits for the next one.
    await page.evaluate(() => {
      const w = globalThis as unknown as BenchWindow
      w.__sampleResult = w.__pwcArchiveSync?.lastResult ?? null
    })
    const started = Date.now()
    await page.getByLabel('Choose dump files').setInputFiles(files)
    // Picked files are staged first (kinds detected, add or replace): add them, as a first import does.
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await page.locator('html[data-archive-state="importing"]').waitFor({ state: 'attached' })
    const doneAt = new Map<string, { seconds: number; file: FileSyncProgress }>()
    let peakRss = 0
    let firstSearchable: number | null = null
    const samplePapers = await searchedPapers(page)
    for (;;) {
      peakRss = Math.max(peakRss, await browserRssBytes(profile))
      const snapshot = await page.evaluate(() => {
        const w = globalThis as unknown as BenchWindow
        const sync = w.__pwcArchiveSync
        return {
          status: sync?.status,
          files: sync?.progress?.files ?? [],
          outcome: sync?.lastResult === w.__sampleResult ? undefined : sync?.lastResult?.outcome,
          names: sync?.lastResult?.summary.files.map((f) => f.name) ?? [],
          searched: w.__pwcSearchStatus?.papers ?? 0
        }
      })
      if (firstSearchable === null && snapshot.searched > samplePapers)
        firstSearchable = (Date.now() - started) / 1000
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
    const searchedAtEnd = await searchedPapers(page)
    const result = await page.evaluate(
      () => (globalThis as unknown as BenchWindow).__pwcArchiveSync?.lastResult
    )
    const longTasks = await drainLongTasks(page)

    console.log(`outcome ${result?.outcome}; wall ${wall.toFixed(1)} s; peak browser RSS ${mb(peakRss)} MB`)
    console.log(
      `search during the import: first imported paper searchable at ${firstSearchable === null ? '—' : `${firstSearchable.toFixed(1)} s`}; ` +
        `${searchedAtEnd} papers searchable when the import ended`
    )
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
    const importedPapers = result?.summary.tables.papers.added ?? 0
    await waitForSearchCoverage(page, profile, started, wall, importedPapers, peakRss)
    await benchBrowsingInBrowser(page, base, 'idle')
    if (search) await benchSearchInBrowser(page, base)
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
  await benchNavigations(page, machine)
  const href = await page.locator('.paper-row__title').first().getAttribute('href')
  if (href)
    await timed(`paper page with related papers (${href})`, `${base}${href}`, () =>
      page
        .getByRole('heading', { name: 'Related papers' })
        .waitFor({ timeout: 60_000 })
        .catch(() => console.log('(the paper page showed no related papers within 60 s)'))
    )
}

async function searchedPapers(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as BenchWindow).__pwcSearchStatus?.papers ?? 0)
}

/** The little of the DOM the scroll check reads (this file is typed for Node). */
interface ScrolledPage {
  document: {
    querySelector(selector: string): {
      offsetHeight: number
      firstElementChild: { childElementCount: number; style: { transform: string } } | null
    } | null
  }
}

/** The largest leaderboards and tasks, a dataset and a method: what `benchBrowsingInBrowser` opens. */
interface BrowseTargets {
  boards: string[]
  tasks: string[]
  dataset: string | null
  method: string | null
}

/** Read from IndexedDB as stored, whatever the listings' shape (a head's `size`, or ids whole). */
function findBrowseTargets(page: Page): Promise<BrowseTargets> {
  // In-page source (this file is typed for Node, without the DOM).
  return page.evaluate(`(async () => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('papers-with-code-2')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const all = (store, query) => new Promise((resolve, reject) => {
      const request = db.transaction(store).objectStore(store).getAll(query)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const boards = (await all('leaderboards')).sort((a, b) => b.resultCount - a.resultCount)
    const listings = await all('paperListings', IDBKeyRange.bound('task:', 'task:\\uffff'))
    const tasks = listings
      .map((l) => [l.key.slice(5), l.size ?? (l.ids ? l.ids.split('\\n').length : 0)])
      .sort((a, b) => b[1] - a[1])
      .map(([id]) => id)
    const methods = await all('methods')
    db.close()
    return {
      boards: boards.slice(0, 5).map((b) => b.id),
      tasks: tasks.slice(0, 2),
      dataset: boards[0] ? boards[0].datasetSlug : null,
      method: methods[0] ? methods[0].id : null
    }
  })()`)
}

/** The little of the DOM the navigation checks read (this file is typed for Node). */
interface BenchDocument {
  document: { querySelector(selector: string): { textContent: string | null } | null }
}

/**
 * Milliseconds from an in-app navigation (what a click on a link does: a history entry, no page
 * load) to its content: a new heading, nothing busy, and `selector` if given.
 */
async function navigateInApp(page: Page, url: string, selector: string | null): Promise<number> {
  const before = (await page.locator('h1').first().textContent()) ?? ''
  const started = Date.now()
  await page.evaluate(
    `history.pushState(null, '', ${JSON.stringify(url)}); dispatchEvent(new PopStateEvent('popstate'))`
  )
  await page.waitForFunction(
    ({ before, selector }) => {
      const { document } = globalThis as unknown as BenchDocument
      const heading = document.querySelector('h1')?.textContent
      return (
        heading !== undefined &&
        heading !== before &&
        document.querySelector('[aria-busy="true"]') === null &&
        (selector === null || document.querySelector(selector) !== null)
      )
    },
    { before, selector },
    { timeout: 120_000, polling: 10 }
  )
  return Date.now() - started
}

/**
 * In-app navigations, each from `/about`: `/papers` with each filter (has code, the largest
 * framework, include stubs, the largest task), the largest tasks' and leaderboards' pages, a
 * dataset's and a method's; then scrolling `/papers` to its last row.
 */
async function benchNavigations(page: Page, machine: string): Promise<void> {
  const targets = await findBrowseTargets(page)
  const base = new URL(page.url()).origin
  const framework = (await page.getByLabel('Framework').locator('option').nth(1).getAttribute('value')) ?? ''
  const row = '.paper-row'
  const cases: [string, string, string | null][] = [
    ['/papers', '/papers', row],
    ['/papers year 2020', '/papers?year=2020', row],
    ['/papers has code', '/papers?code=1', row],
    [`/papers framework ${framework}`, `/papers?framework=${encodeURIComponent(framework)}`, row],
    ['/papers include stubs', '/papers?stubs=1', row],
    [`/papers task ${targets.tasks[0]}`, `/papers?task=${encodeURIComponent(targets.tasks[0] ?? '')}`, row],
    ...targets.tasks.map((id): [string, string, null] => [
      `task page ${id}`,
      `/task/${encodeURIComponent(id)}`,
      null
    ]),
    ...targets.boards.map((id): [string, string, null] => [
      `leaderboard ${id}`,
      `/sota/${encodeURIComponent(id)}`,
      null
    ]),
    ...(targets.dataset
      ? [[`dataset ${targets.dataset}`, `/dataset/${targets.dataset}`, null] as [string, string, null]]
      : []),
    ...(targets.method
      ? [[`method ${targets.method}`, `/method/${targets.method}`, null] as [string, string, null]]
      : [])
  ]
  await page.goto(`${base}/about`)
  await page.locator('h1').first().waitFor()
  // `--repeat N`: each navigation N times; the machine is shared, so the least is the fairest figure.
  const repeat = Number(arg('repeat', '1'))
  const times = async (url: string, selector: string | null): Promise<string> => {
    const ms: number[] = []
    for (let i = 0; i < repeat; i++) {
      ms.push(await navigateInApp(page, url, selector))
      if (i < repeat - 1) await navigateInApp(page, '/about', null)
    }
    ms.sort((a, b) => a - b)
    return repeat === 1
      ? `${ms[0]} ms`
      : `min ${ms[0]} ms, median ${ms[Math.floor(repeat / 2)]} ms of ${repeat}`
  }
  for (const [label, url, selector] of cases) {
    const ms = await times(url, selector)
    const count = url.startsWith('/papers') ? ` (${await page.getByTestId('paper-count').textContent()})` : ''
    console.log(`navigate ${label} (${machine}): ${ms}${count}`)
    const href = await page
      .locator('.paper-row__title')
      .first()
      .getAttribute('href')
      .catch(() => null)
    if (url === '/papers' && href) {
      await navigateInApp(page, '/about', null)
      console.log(
        `navigate paper page with related papers ${href} (${machine}): ${await times(href, '#related')}`
      )
    }
    await navigateInApp(page, '/about', null)
  }
  await navigateInApp(page, '/papers', row)
  const started = Date.now()
  await page.evaluate('window.scrollTo(0, document.body.scrollHeight)')
  // The rows are drawn at the offset of the window's first row: near the list's end.
  await page.waitForFunction(
    () => {
      const { document } = globalThis as unknown as ScrolledPage
      const rows = document.querySelector('.virtual-rows')
      const shown = rows?.firstElementChild
      const shift = Number(/translateY\(([^p]+)px\)/.exec(shown?.style.transform ?? '')?.[1] ?? 0)
      return (
        rows !== null &&
        shown !== null &&
        shown !== undefined &&
        shown.childElementCount > 0 &&
        shift > rows.offsetHeight * 0.9
      )
    },
    undefined,
    { timeout: 120_000, polling: 10 }
  )
  console.log(`navigate /papers scrolled to the last row (${machine}): ${Date.now() - started} ms`)
  await page.goto(`${base}/papers`)
  await page.locator(row).first().waitFor({ timeout: 120_000 })
}

/**
 * Waits, on the page that ran the import (a reload would restart the search worker), until the
 * search index covers every paper and is stored; prints when that was from the import's start.
 */
async function waitForSearchCoverage(
  page: Page,
  profile: string,
  started: number,
  importSeconds: number,
  papers: number,
  importPeakRss: number
): Promise<void> {
  // The import's long tasks were drained when it ended: these are the index pass's.
  let peakRss = importPeakRss
  for (;;) {
    peakRss = Math.max(peakRss, await browserRssBytes(profile))
    const status = await page.evaluate(() => (globalThis as unknown as BenchWindow).__pwcSearchStatus)
    if (status?.state === 'error') throw new Error(`search index failed: ${status.message}`)
    // The first launch's index (the sample) is ready too: wait for the one covering the import.
    if (
      status?.state === 'ready' &&
      !status.stale &&
      !status.importing &&
      status.buildMs !== null &&
      status.papers >= papers
    ) {
      const longTasks = await drainLongTasks(page)
      const covered = (Date.now() - started) / 1000
      console.log(
        `search covers all ${status.papers} papers ${covered.toFixed(1)} s after the import started ` +
          `(${(covered - importSeconds).toFixed(1)} s after it ended; last index pass ${(status.buildMs / 1000).toFixed(1)} s); ` +
          `peak browser RSS import + index ${mb(peakRss)} MB; UI-thread long tasks ${longTasks.length}, longest ${Math.max(0, ...longTasks).toFixed(0)} ms`
      )
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

/** The next start loads the persisted index from IndexedDB, in the profile the import filled. */
async function benchSearchInBrowser(page: Page, base: string): Promise<void> {
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

/**
 * `--browse <profile> --port <port>`: the browse step alone, in a profile a `--keep-profile` run
 * left (opened on the port it was filled on: IndexedDB is per origin). With `--rebuild-search`
 * the stored search index is dropped first, so the pages are timed while the worker builds it.
 */
async function benchKeptProfile(profile: string): Promise<void> {
  const { server, base } = await startBenchServer()
  const { context, page } = await launchBenchBrowser(profile)
  try {
    await page.goto(`${base}/sync`)
    await page.locator('html[data-archive-state="idle"]').waitFor({ state: 'attached', timeout: 600_000 })
    const searchReady = () =>
      page.waitForFunction(
        () => {
          const status = (globalThis as unknown as BenchWindow).__pwcSearchStatus
          return status?.state === 'ready' && !status.stale
        },
        undefined,
        { timeout: 1_200_000, polling: 1000 }
      )
    if (process.argv.includes('--rebuild-search')) {
      await searchReady()
      await page.evaluate(`new Promise((resolve, reject) => {
        const request = indexedDB.open('papers-with-code-2')
        request.onerror = () => reject(request.error)
        request.onsuccess = () => {
          const tx = request.result.transaction('searchIndex', 'readwrite')
          tx.objectStore('searchIndex').clear()
          tx.oncomplete = () => { request.result.close(); resolve(null) }
          tx.onerror = () => reject(tx.error)
        }
      })`)
      await page.goto(`${base}/papers`)
      await benchBrowsingInBrowser(page, base, 'while the search index builds')
    }
    await searchReady()
    await benchBrowsingInBrowser(page, base, 'idle')
  } finally {
    await context.close()
    server.close()
  }
}

async function main(): Promise<void> {
  if (!existsSync(path.join(rendererDir(), 'index.html'))) {
    execFileSync(path.join(repo, 'node_modules/.bin/electron-vite'), ['build'], {
      cwd: repo,
      stdio: 'inherit'
    })
  }
  const kept = arg('browse', '')
  if (kept !== '') await benchKeptProfile(kept)
  else for (const scale of arg('scales', '0.1,1').split(',').map(Number)) await benchScale(scale)
}

void main()
