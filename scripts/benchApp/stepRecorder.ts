/**
 * Runs the benchmark's steps one after another and records, for each, its timings and what the
 * machine went through meanwhile: the longest UI task, the peak memory of the renderers (their
 * workers included) and of the whole browser, and the size of the app's IndexedDB.
 */
import type { Page } from '@playwright/test'
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { PeakMemorySampler } from '../bench/browserMemory'
import { drainLongTasks } from '../bench/pageInstruments'
import type { StepKind } from './targets'

const run = promisify(execFile)

export interface StepRecord {
  name: string
  kind: StepKind
  /** Milliseconds, one per repetition (one for a single action). */
  samples: number[]
  longestTaskMs: number
  /** Peaks of resident memory (RSS) and of its proportional share (PSS, what the check uses: browserMemory.ts). */
  rendererPeakBytes: number
  rendererPeakPssBytes: number
  browserPeakBytes: number
  browserPeakPssBytes: number
  /** `navigator.storage.estimate()`'s IndexedDB part, after the step. */
  indexedDbEstimateBytes: number | null
  /** The profile's IndexedDB folder on disk, after the step. */
  indexedDbDiskBytes: number | null
  /** Counts and facts a reader needs to trust the figure ("57,626 papers"). */
  note: string
  /** What went wrong; the step's figures are partial then. */
  error: string | null
}

export interface StepContext {
  /** The page the step drives; replaced after a restart. */
  page: Page
  /** Adds one repetition's time. */
  sample(ms: number): void
  note(text: string): void
  /** Long tasks of the current document so far; call before a page load drops them. */
  collectLongTasks(): Promise<void>
}

async function diskBytes(dir: string): Promise<number | null> {
  try {
    const { stdout } = await run('du', ['-sb', dir])
    return Number(stdout.split('\t')[0])
  } catch {
    return null
  }
}

async function indexedDbEstimate(page: Page): Promise<number | null> {
  return page
    .evaluate(async () => {
      const storage = (globalThis as unknown as { navigator: { storage: { estimate(): Promise<unknown> } } })
        .navigator.storage
      const estimate = (await storage.estimate()) as { usage?: number; usageDetails?: { indexedDB?: number } }
      return estimate.usageDetails?.indexedDB ?? estimate.usage ?? null
    })
    .catch(() => null)
}

export class StepRecorder {
  readonly steps: StepRecord[] = []
  private sampler: PeakMemorySampler

  constructor(
    private profileDir: string,
    public page: Page
  ) {
    this.sampler = new PeakMemorySampler(profileDir)
    this.sampler.start()
  }

  stop(): void {
    this.sampler.stop()
  }

  /**
   * A row over steps already run (`first` to the last): its time, and the worst of their long
   * tasks and memory peaks.
   */
  summarize(name: string, kind: StepKind, first: StepRecord, ms: number): StepRecord {
    const covered = this.steps.slice(this.steps.indexOf(first))
    const last = covered[covered.length - 1]
    const record: StepRecord = {
      name,
      kind,
      samples: [ms],
      longestTaskMs: Math.max(...covered.map((s) => s.longestTaskMs)),
      rendererPeakBytes: Math.max(...covered.map((s) => s.rendererPeakBytes)),
      rendererPeakPssBytes: Math.max(...covered.map((s) => s.rendererPeakPssBytes)),
      browserPeakBytes: Math.max(...covered.map((s) => s.browserPeakBytes)),
      browserPeakPssBytes: Math.max(...covered.map((s) => s.browserPeakPssBytes)),
      indexedDbEstimateBytes: last.indexedDbEstimateBytes,
      indexedDbDiskBytes: last.indexedDbDiskBytes,
      note: `the ${covered.length} steps above from "${first.name}"`,
      error: covered.find((s) => s.error)?.error ?? null
    }
    this.steps.push(record)
    return record
  }

  /**
   * Runs `body` as one step. A failure is recorded and the run goes on, unless the step is
   * `critical` (the sync, the restart: what every later step stands on), which rethrows.
   */
  async step(
    name: string,
    kind: StepKind,
    body: (step: StepContext) => Promise<void>,
    { critical = false }: { critical?: boolean } = {}
  ): Promise<StepRecord> {
    const record: StepRecord = {
      name,
      kind,
      samples: [],
      longestTaskMs: 0,
      rendererPeakBytes: 0,
      rendererPeakPssBytes: 0,
      browserPeakBytes: 0,
      browserPeakPssBytes: 0,
      indexedDbEstimateBytes: null,
      indexedDbDiskBytes: null,
      note: '',
      error: null
    }
    this.steps.push(record)
    await drainLongTasks(this.page)
    await this.sampler.take()
    const longTasks: number[] = []
    const context: StepContext = {
      page: this.page,
      sample: (ms) => record.samples.push(ms),
      note: (text) => {
        record.note = record.note ? `${record.note}; ${text}` : text
      },
      collectLongTasks: async () => {
        longTasks.push(...(await drainLongTasks(context.page)))
      }
    }
    const started = performance.now()
    try {
      await body(context)
    } catch (error) {
      record.error = error instanceof Error ? error.message.split('\n')[0] : String(error)
      if (critical) throw error
    } finally {
      this.page = context.page
      if (record.samples.length === 0 && (kind === 'import' || kind === 'action'))
        record.samples.push(performance.now() - started)
      await context.collectLongTasks()
      record.longestTaskMs = Math.max(0, ...longTasks)
      const memory = await this.sampler.take()
      record.rendererPeakBytes = memory.rendererBytes
      record.rendererPeakPssBytes = memory.rendererPssBytes
      record.browserPeakBytes = memory.browserBytes
      record.browserPeakPssBytes = memory.browserPssBytes
      record.indexedDbEstimateBytes = await indexedDbEstimate(this.page)
      record.indexedDbDiskBytes = await diskBytes(path.join(this.profileDir, 'Default', 'IndexedDB'))
      const shown = record.samples.length > 1 ? `${record.samples.length}×` : ''
      console.log(`  ${record.error ? '✗' : '✓'} ${name} ${shown}${record.error ? ` — ${record.error}` : ''}`)
    }
    return record
  }
}
