/**
 * The sync as a user runs it: the first launch's sample import, then the Sync page's "Download
 * the archive" form pointed at the benchmark's mirror, the replace preview and its confirmation,
 * and the import; then the search index build after it.
 */
import type { Page } from '@playwright/test'
import type { DownloadProgress } from '../../src/shared/api'
import type { ArchiveSyncResult, FileSyncProgress } from '../../src/shared/archive/syncProgress'
import type { SearchIndexStatus } from '../../src/renderer/search/searchIndexStatus'
import { navigateInApp } from '../bench/pageInstruments'
import { papersPage } from './browseSteps'
import type { StepRecord, StepRecorder } from './stepRecorder'

/** What the page exposes for diagnostics, seen from Node. */
interface DiagnosticsWindow {
  __pwcArchiveSync?: {
    status: string
    previewing: boolean
    downloads: Record<string, DownloadProgress>
    progress: { files: FileSyncProgress[] } | null
    lastResult: ArchiveSyncResult | null
  }
  __pwcSearchStatus?: SearchIndexStatus
}

type SyncSnapshot = NonNullable<DiagnosticsWindow['__pwcArchiveSync']>

const snapshot = (page: Page): Promise<SyncSnapshot | null> =>
  page.evaluate(() => (globalThis as unknown as DiagnosticsWindow).__pwcArchiveSync ?? null)

export const searchStatus = (page: Page): Promise<SearchIndexStatus | null> =>
  page.evaluate(() => (globalThis as unknown as DiagnosticsWindow).__pwcSearchStatus ?? null)

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null>): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = await probe()
    if (value !== null) return value
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await pause(250)
  }
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`

export interface SyncOutcome {
  result: ArchiveSyncResult
  /** `Date.now()` when the import finished (the index build starts then). */
  importedAt: number
  startedAt: number
  /** The download step, where the total from download to index ready begins. */
  firstStep: StepRecord
}

export async function runFirstLaunch(recorder: StepRecorder, appUrl: string): Promise<void> {
  await recorder.step(
    'first launch (bundled sample import)',
    'action',
    async (step) => {
      await step.page.goto(`${appUrl}/sync`)
      await until('the sample import', 600_000, async () => {
        const sync = await snapshot(step.page)
        return sync?.status === 'idle' && sync.lastResult?.outcome === 'completed' ? true : null
      })
    },
    { critical: true }
  )
}

/** Download, preview and import of the five dumps from `mirrorUrl`, through the Sync page. */
export async function runRemoteSync(recorder: StepRecorder, mirrorUrl: string): Promise<SyncOutcome> {
  const page = recorder.page
  const startedAt = Date.now()
  const doneAt = new Map<string, number>()
  const firstStep = await recorder.step(
    'sync: download (5 files from 127.0.0.1)',
    'import',
    async (step) => {
      await page.getByLabel('Base URL (a mirror works too)').fill(mirrorUrl)
      await page.getByRole('button', { name: 'Download and sync' }).click()
      await until('the downloads', 1_800_000, async () => {
        const sync = await snapshot(page)
        for (const d of Object.values(sync?.downloads ?? {})) {
          if (!doneAt.has(d.name) && (d.state === 'done' || d.state === 'cached'))
            doneAt.set(d.name, Date.now())
          if (d.state === 'error') throw new Error(`download of ${d.name} failed: ${d.message}`)
        }
        return sync && sync.status !== 'downloading' && sync.status !== 'starting' ? true : null
      })
      step.note(
        [...doneAt]
          .map(([name, at]) => `${name.replace(/\.json\.gz$/, '')} at ${seconds(at - startedAt)}`)
          .join(', ')
      )
    },
    { critical: true }
  )
  await recorder.step(
    'sync: replace preview (reads every file, writes nothing)',
    'import',
    async (step) => {
      await until('the replace confirmation', 1_800_000, async () => {
        const sync = await snapshot(page)
        if (sync?.status === 'idle' && sync.lastResult?.outcome === 'failed')
          throw new Error(`preview failed: ${sync.lastResult.error?.message}`)
        return sync?.status === 'confirming' ? true : null
      })
      step.note('confirmed with "Remove and import" (the bundled sample gives way to the archive)')
      await page.getByRole('button', { name: 'Remove and import' }).click()
    },
    { critical: true }
  )
  const outcome: { result?: ArchiveSyncResult; importedAt?: number } = {}
  await recorder.step(
    'sync: import',
    'import',
    async (step) => {
      const importStarted = Date.now()
      const fileDone = new Map<string, number>()
      let importing = false
      const result = await until('the import', 3_600_000, async () => {
        const sync = await snapshot(page)
        if (sync?.status === 'running' && !sync.previewing) importing = true
        for (const file of sync?.progress?.files ?? []) {
          if (!fileDone.has(file.name) && (file.phase === 'finalizing' || file.phase === 'done'))
            fileDone.set(file.name, Date.now())
        }
        return importing && sync?.status === 'idle' && sync.lastResult ? sync.lastResult : null
      })
      const importedAt = Date.now()
      Object.assign(outcome, { result, importedAt })
      let previous = importStarted
      const perFile = [...fileDone].map(([name, at]) => {
        const text = `${name.replace(/\.json\.gz$/, '')} ${seconds(at - previous)}`
        previous = at
        return text
      })
      step.note(`${perFile.join(', ')}, finalizing ${seconds(importedAt - previous)}`)
      step.note(`papers +${result.summary.tables.papers.added.toLocaleString('en')}`)
      if (result.outcome !== 'completed') throw new Error(`sync ${result.outcome}: ${result.error?.message}`)
    },
    { critical: true }
  )
  return {
    result: outcome.result as ArchiveSyncResult,
    importedAt: outcome.importedAt ?? 0,
    startedAt,
    firstStep
  }
}

/**
 * The papers `/papers` lists: the papers dump's records (the Sync page's count adds the papers
 * known only from leaderboards and code links).
 */
export async function listedPaperCount(page: Page): Promise<number> {
  await navigateInApp(page, ...papersPage)
  return Number(((await page.getByTestId('paper-count').textContent()) ?? '').replace(/[^0-9]/g, ''))
}

/** Waits for the index that covers `papers`; returns its status. */
export async function waitForSearchIndex(page: Page, papers: number): Promise<SearchIndexStatus> {
  return until('the search index', 3_600_000, async () => {
    const status = await searchStatus(page)
    if (status?.state === 'error') throw new Error(`search index failed: ${status.message}`)
    return status?.state === 'ready' && !status.stale && status.buildMs !== null && status.papers >= papers
      ? status
      : null
  })
}

export { until }
