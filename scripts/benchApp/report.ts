/** The benchmark's one table: each step's figures with the target beside each, and its JSON. */
import { writeFileSync } from 'node:fs'
import type { StepRecord } from './stepRecorder'
import { p95Limit, type Limits } from './targets'

/** Nearest-rank percentile. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

export interface Check {
  step: string
  what: string
  ok: boolean
}

/** Every target a step is held to, as pass/fail lines (the table's ✓/✗ and the smoke's verdict). */
export function stepChecks(step: StepRecord, limits: Limits): Check[] {
  const checks: Check[] = [{ step: step.name, what: 'completes', ok: step.error === null }]
  const p95 = percentile(step.samples, 95)
  const limit = p95Limit(step.kind, limits)
  if (limit !== null) checks.push({ step: step.name, what: `p95 ≤ ${limit} ms`, ok: p95 <= limit })
  checks.push({
    step: step.name,
    what: `longest UI task ≤ ${limits.longestTaskMs} ms`,
    ok: step.longestTaskMs <= limits.longestTaskMs
  })
  checks.push({
    step: step.name,
    what: `renderer+workers peak (PSS) ≤ ${gb(limits.peakMemoryBytes)}`,
    ok: step.rendererPeakPssBytes <= limits.peakMemoryBytes
  })
  return checks
}

const gb = (bytes: number): string => `${(bytes / 1e9).toFixed(bytes >= 1e10 ? 0 : 1)} GB`
const mbOrGb = (bytes: number | null): string =>
  bytes === null ? '—' : bytes >= 1e9 ? gb(bytes) : `${Math.round(bytes / 1e6)} MB`
const ms = (value: number): string =>
  Number.isNaN(value) ? '—' : value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`
const mark = (ok: boolean): string => (ok ? '✓' : '✗')

export function markdownTable(steps: readonly StepRecord[], limits: Limits): string {
  const lines = [
    '| step | n | p50 | p95 | p95 target | longest UI task (≤ ' +
      `${limits.longestTaskMs} ms) | renderer+workers peak, PSS (≤ ${gb(limits.peakMemoryBytes)}) / RSS | whole browser peak, PSS / RSS | IndexedDB (estimate / disk) | ✓/✗ | notes |`,
    '|---|---|---|---|---|---|---|---|---|---|---|'
  ]
  for (const step of steps) {
    const limit = p95Limit(step.kind, limits)
    const p95 = percentile(step.samples, 95)
    const checks = stepChecks(step, limits)
    const taskOk = step.longestTaskMs <= limits.longestTaskMs
    const memoryOk = step.rendererPeakPssBytes <= limits.peakMemoryBytes
    lines.push(
      [
        '',
        step.name,
        step.samples.length,
        ms(percentile(step.samples, 50)),
        step.samples.length > 1 ? ms(p95) : '—',
        limit === null ? '—' : `≤ ${limit} ms ${mark(p95 <= limit)}`,
        `${ms(step.longestTaskMs)} ${mark(taskOk)}`,
        `${mbOrGb(step.rendererPeakPssBytes)} ${mark(memoryOk)} / ${mbOrGb(step.rendererPeakBytes)}`,
        `${mbOrGb(step.browserPeakPssBytes)} / ${mbOrGb(step.browserPeakBytes)}`,
        `${mbOrGb(step.indexedDbEstimateBytes)} / ${mbOrGb(step.indexedDbDiskBytes)}`,
        mark(checks.every((c) => c.ok)),
        [step.error ? `FAILED: ${step.error}` : '', step.note].filter(Boolean).join(' — '),
        ''
      ]
        .join(' | ')
        .trim()
    )
  }
  return lines.join('\n')
}

export interface BenchReport {
  scale: number
  startedAt: string
  machine: string
  limits: Limits
  steps: (StepRecord & { p50: number; p95: number })[]
  checks: Check[]
}

export function writeJsonReport(file: string, report: BenchReport): void {
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`)
}
