/** Issue #14's targets on 2 cores, and the loose limits of the 10 % smoke run in `npm test`. */

export interface Limits {
  /** Every navigation's p95 (while the index builds too). */
  navigationP95Ms: number
  /** Every search class's p95, as typed and on the results page. */
  searchP95Ms: number
  /** The full sync from the remote plus the search index build. */
  importAndIndexSeconds: number
  /** Renderer processes, their workers included. */
  peakMemoryBytes: number
  /** The longest task on the UI thread during any step. */
  longestTaskMs: number
}

export const TARGETS: Limits = {
  navigationP95Ms: 200,
  searchP95Ms: 50,
  importAndIndexSeconds: 360,
  peakMemoryBytes: 2e9,
  longestTaskMs: 100
}

/**
 * Loose: the smoke run proves every step works at 10 % and nothing is pathologically slow, on a
 * CI machine that may be shared (here one results page took 5.4 s while other jobs ran). The
 * targets above are for `npm run bench:app` to report against.
 */
export const SMOKE_LIMITS: Limits = {
  navigationP95Ms: 8000,
  searchP95Ms: 8000,
  importAndIndexSeconds: 600,
  peakMemoryBytes: 4e9,
  longestTaskMs: 5000
}

/** What a step's repeated figure is held to. */
export type StepKind = 'navigation' | 'search' | 'import' | 'total' | 'action'

export function p95Limit(kind: StepKind, limits: Limits): number | null {
  if (kind === 'navigation') return limits.navigationP95Ms
  if (kind === 'search') return limits.searchP95Ms
  if (kind === 'total') return limits.importAndIndexSeconds * 1000
  return null
}
