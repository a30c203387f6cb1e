/**
 * The whole-app benchmark (issue #14): a synthetic archive served from 127.0.0.1 as the remote
 * source, a fresh browser-mode profile taken through the full sync, the index build, a restart
 * and cold start, search per query class, paper, task and leaderboard pages, `/papers` to its
 * end, 1,000 bookmarks, their exports and a backup restored. `npm run bench:app` prints the
 * table; the 10 % smoke run in `npm test` calls the same function with smaller counts.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import { cpus, tmpdir } from 'node:os'
import path from 'node:path'
import { FULL_SCALE_COUNTS, scaledCount } from '../../src/main/archive/syntheticArchive'
import { startRangeFileServer } from '../../tests/support/rangeFileServer'
import { ensureSyntheticArchive, rendererDir, repoRoot } from '../bench/benchArchive'
import { launchBenchBrowser, type BenchBrowser } from '../bench/benchBrowser'
import { installPageInstruments, waitForContent } from '../bench/pageInstruments'
import { startWebServer } from '../webServer'
import { pickArchiveTargets } from './archiveTargets'
import {
  leaderboardPage,
  paperPage,
  papersPage,
  runNavigationStep,
  runPapersScroll,
  taskPage
} from './browseSteps'
import { runBookmarkSteps, runLibrarySteps } from './librarySteps'
import { buildQuerySet } from './queryClasses'
import { percentile, stepChecks, type BenchReport, type Check } from './report'
import { runSearchSteps } from './searchSteps'
import { StepRecorder } from './stepRecorder'
import {
  listedPaperCount,
  runFirstLaunch,
  runRemoteSync,
  searchStatus,
  until,
  waitForSearchIndex
} from './syncSteps'
import type { Limits } from './targets'

export interface AppBenchOptions {
  scale: number
  /** The app's origin port: fixed, so the restart reopens the same IndexedDB. */
  port: number
  limits: Limits
  queriesPerClass: number
  paperPages: number
  taskPages: number
  leaderboards: number
  /** Screenfuls of `/papers` scrolled one at a time before the jump to the end. */
  scrollPages: number
  bookmarks: number
  /** Navigations made while the index builds, paper pages and `/papers`. */
  pagesWhileIndexing: number
  /** Keep a copy of the profile as it is after the sync (closed at the restart), before daily use changes it. */
  keepProfile: boolean
  /**
   * A profile kept by an earlier run on the same port (`--keep-profile`): copied, and the run
   * starts at the restart, for iterating on daily use without a sync. Its import steps are absent.
   */
  fromProfile?: string
}

export const FULL_RUN: Omit<AppBenchOptions, 'scale' | 'port' | 'limits' | 'keepProfile'> = {
  queriesPerClass: 20,
  paperPages: 20,
  taskPages: 10,
  leaderboards: 5,
  scrollPages: 50,
  bookmarks: 1000,
  pagesWhileIndexing: 5
}

function listen(server: Server): string {
  const address = server.address()
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
}

export async function runAppBench(options: AppBenchOptions): Promise<BenchReport> {
  const startedAt = new Date().toISOString()
  const archiveDir = await ensureSyntheticArchive(options.scale)
  const archivePapers = scaledCount(FULL_SCALE_COUNTS.papers, options.scale)
  const querySet = await buildQuerySet(
    path.join(archiveDir, 'jul-29-papers-with-abstracts.json.gz'),
    options.queriesPerClass
  )
  const mirror = await startRangeFileServer(archiveDir)
  const app = await startWebServer({
    rendererDir: rendererDir(),
    resourcesDir: path.join(repoRoot, 'resources'),
    port: options.port
  })
  const appUrl = listen(app)
  const profile = mkdtempSync(path.join(tmpdir(), 'pwc-bench-app-'))
  if (options.fromProfile) cpSync(options.fromProfile, profile, { recursive: true })
  const keptProfile = `${profile}-kept`
  let browser: BenchBrowser = await launchBenchBrowser(profile)
  await installPageInstruments(browser.page)
  const recorder = new StepRecorder(profile, browser.page)
  const checks: Check[] = []
  const check = (step: string, what: string, ok: boolean): void => {
    checks.push({ step, what, ok })
  }
  console.log(
    `bench:app scale ${options.scale}: ${archivePapers.toLocaleString('en')} papers, app on ${appUrl}, mirror ${mirror.baseUrl}`
  )
  try {
    const page = (): BenchBrowser['page'] => recorder.page
    let sync: Awaited<ReturnType<typeof runRemoteSync>> | null = null
    if (options.fromProfile) await page().goto(`${appUrl}/`)
    else {
      await runFirstLaunch(recorder, appUrl)
      sync = await runRemoteSync(recorder, mirror.baseUrl)
    }
    const targets = await pickArchiveTargets(page(), {
      papers: options.paperPages + options.pagesWhileIndexing,
      tasks: options.taskPages,
      leaderboards: options.leaderboards
    })
    if (sync) {
      const { importedAt, startedAt: syncStartedAt } = sync
      const whileIndexing = targets.papers.slice(options.paperPages)
      await runNavigationStep(
        recorder,
        'navigation while the index builds (paper pages, /papers)',
        [...whileIndexing.map(paperPage), papersPage],
        `index ${(await searchStatus(page()))?.state ?? 'unknown'} at the start`
      )
      await recorder.step(
        'search index build (sync end → search covers every paper)',
        'import',
        async (step) => {
          const status = await waitForSearchIndex(step.page, archivePapers)
          step.sample(Date.now() - importedAt)
          step.note(
            `${status.papers.toLocaleString('en')} papers; the worker's own build ${((status.buildMs ?? 0) / 1000).toFixed(1)} s`
          )
        },
        { critical: true }
      )
      await recorder.step('full import + index (download → index ready)', 'total', async (step) => {
        step.sample(Date.now() - syncStartedAt)
      })
    }
    await page().goto(`${appUrl}/sync`)
    const synced = await listedPaperCount(page())
    check(
      'sync',
      `synced papers (${synced.toLocaleString('en')}) = the archive's (${archivePapers.toLocaleString('en')})`,
      synced === archivePapers
    )

    await recorder.step(
      'restart (relaunch on the same profile → home page content)',
      'navigation',
      async (step) => {
        await step.collectLongTasks()
        await browser.context.close()
        if (options.keepProfile && sync) {
          cpSync(profile, keptProfile, { recursive: true })
          console.log(`profile kept as after the sync: ${keptProfile}`)
        }
        browser = await launchBenchBrowser(profile)
        await installPageInstruments(browser.page)
        step.page = browser.page
        await step.page.goto(`${appUrl}/`)
        step.sample(
          await waitForContent(step.page, { visible: ['main h1'], since: 'navigation', timeoutMs: 120_000 })
        )
      },
      { critical: true }
    )
    await recorder.step('cold start (page load → first search results)', 'navigation', async (step) => {
      await step.collectLongTasks()
      const query = querySet.queries['common word'][0]
      await step.page.goto(`${appUrl}/search?q=${encodeURIComponent(query)}`)
      step.sample(
        await waitForContent(step.page, {
          text: [{ selector: 'main h1', includes: `Results for “${query}”` }],
          visible: ['[data-testid="result-count"]', 'ol[aria-label="Search results"] li'],
          since: 'navigation',
          timeoutMs: 120_000
        })
      )
      const status = await searchStatus(step.page)
      step.note(`"${query}"; the worker's index answered after ${status?.loadMs ?? '?'} ms`)
    })
    await recorder.step('index fully loaded after the cold start (abstracts too)', 'action', async (step) => {
      const status = await until('every part of the index', 600_000, async () => {
        const now = await searchStatus(step.page)
        return now?.state === 'ready' && !now.partial ? now : null
      })
      // The worker's own figure: from its start, not from this step's.
      step.sample(status.fullLoadMs ?? NaN)
    })

    await runSearchSteps(recorder, querySet)
    await runNavigationStep(
      recorder,
      `paper pages (${options.paperPages} random)`,
      targets.papers.slice(0, options.paperPages).map(paperPage)
    )
    await runNavigationStep(
      recorder,
      `task pages (${targets.tasks.length} random + the one with most leaderboards)`,
      [...targets.tasks, targets.largestTask].map(taskPage),
      `largest: ${targets.largestTask.name}`
    )
    await runNavigationStep(
      recorder,
      `the ${targets.largestLeaderboards.length} largest leaderboards`,
      targets.largestLeaderboards.map(leaderboardPage),
      `results ${targets.largestLeaderboards.map((b) => (b.resultCount ?? 0).toLocaleString('en')).join(', ')}`
    )
    await runPapersScroll(recorder, options.scrollPages)
    await runBookmarkSteps(recorder, options.bookmarks)
    await runLibrarySteps(recorder, options.bookmarks)
    check('bench', 'every step ran', true)
  } catch (error) {
    console.error(`bench:app stopped: ${error instanceof Error ? error.message : String(error)}`)
    check('bench', 'every step ran', false)
  } finally {
    recorder.stop()
    await browser.context.close().catch(() => undefined)
    app.close()
    await mirror.close()
    rmSync(profile, { recursive: true, force: true })
  }
  for (const step of recorder.steps) checks.push(...stepChecks(step, options.limits))
  return {
    scale: options.scale,
    startedAt,
    machine: `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), shared with other work`,
    limits: options.limits,
    steps: recorder.steps.map((s) => ({
      ...s,
      p50: percentile(s.samples, 50),
      p95: percentile(s.samples, 95)
    })),
    checks
  }
}
