/**
 * The state-of-the-art frontier of one leaderboard metric: the results that, in date order,
 * beat every earlier result. This is the staircase a SotA chart draws.
 *
 * Points are structural so stored result records fit without copying; whatever else a caller's
 * points carry comes back untouched in the steps.
 */

import type { MetricDirection } from './metricDirection'

export interface SotaPoint {
  id: string
  /** `YYYY-MM-DD`; 806 of the 28,183 rows of the 2020 dump have none. */
  date: string | null
  /** The parsed metric value; `null` when the raw string is not a number ("-", "78.9/78.6"). */
  value: number | null
  modelName: string
  /** `null` (or `''`) for the rows that cite no paper. */
  paperTitle: string | null
}

export interface FrontierStep<P extends SotaPoint> {
  point: P
  /** The value this step beat, `null` for the first result on the board. */
  previousBest: number | null
  /** How far it moved the best in the good direction (always > 0), `null` for the first step. */
  improvement: number | null
}

export type UnplottedReason = 'missing-date' | 'missing-value' | 'missing-date-and-value'

export interface SotaFrontier<P extends SotaPoint> {
  direction: MetricDirection
  /** Results that set a new SotA, oldest first; at most one per date. */
  steps: FrontierStep<P>[]
  /** Every result with a date and a value, in the order the frontier walked them. */
  plotted: P[]
  /** Results that cannot be placed on a time axis, in input order. */
  unplotted: { point: P; reason: UnplottedReason }[]
  unplottedCounts: Record<UnplottedReason, number>
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

function hasUsableDate(date: string | null): date is string {
  return date !== null && ISO_DAY.test(date)
}

function hasUsableValue(value: number | null): value is number {
  return value !== null && Number.isFinite(value)
}

/** `true` when `a` is strictly better than `b` under `direction`. */
export function isBetterValue(a: number, b: number, direction: MetricDirection): boolean {
  return direction === 'lower-is-better' ? a < b : a > b
}

// Plain code-unit comparison, not localeCompare: the order must not depend on the user's locale.
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Walk order, which is also the tie rule:
 * 1. older date first (ISO days compare as strings);
 * 2. on the same date, the better value first, so a day contributes at most one step;
 * 3. same date and value: smaller `id` first (code-unit order), so the output never depends on
 *    the input order.
 * A result equal to the current best does not set a new SotA: the earliest holder keeps it.
 */
function compareForWalk<P extends SotaPoint>(direction: MetricDirection) {
  return (a: P, b: P): number => {
    const byDate = compareStrings(a.date as string, b.date as string)
    if (byDate !== 0) return byDate
    const av = a.value as number
    const bv = b.value as number
    if (av !== bv) return isBetterValue(av, bv, direction) ? -1 : 1
    return compareStrings(a.id, b.id)
  }
}

function unplottedReason(point: SotaPoint): UnplottedReason | null {
  const dated = hasUsableDate(point.date)
  const valued = hasUsableValue(point.value)
  if (dated && valued) return null
  if (!dated && !valued) return 'missing-date-and-value'
  return dated ? 'missing-value' : 'missing-date'
}

export function computeSotaFrontier<P extends SotaPoint>(
  points: readonly P[],
  direction: MetricDirection
): SotaFrontier<P> {
  const plotted: P[] = []
  const unplotted: { point: P; reason: UnplottedReason }[] = []
  const unplottedCounts: Record<UnplottedReason, number> = {
    'missing-date': 0,
    'missing-value': 0,
    'missing-date-and-value': 0
  }
  for (const point of points) {
    const reason = unplottedReason(point)
    if (reason === null) {
      plotted.push(point)
    } else {
      unplotted.push({ point, reason })
      unplottedCounts[reason] += 1
    }
  }
  plotted.sort(compareForWalk<P>(direction))

  const steps: FrontierStep<P>[] = []
  let best: number | null = null
  for (const point of plotted) {
    const value = point.value as number
    if (best !== null && !isBetterValue(value, best, direction)) continue
    steps.push({ point, previousBest: best, improvement: best === null ? null : Math.abs(value - best) })
    best = value
  }
  return { direction, steps, plotted, unplotted, unplottedCounts }
}

export interface NormalizedFrontierStep<P extends SotaPoint> {
  point: P
  date: string
  value: number
  /** 0 at the first step, 1 at the best, whatever the metric's scale or direction. */
  progress: number
}

/**
 * Rescales a frontier so leaderboards with different scales and directions can share one
 * compare-overlay axis: the first step is 0 and the final best is 1. A one-step frontier has no
 * span to divide by; its only step is the best, so it maps to 1.
 */
export function normalizeFrontier<P extends SotaPoint>(
  steps: readonly FrontierStep<P>[]
): NormalizedFrontierStep<P>[] {
  if (steps.length === 0) return []
  const start = steps[0].point.value as number
  const best = steps[steps.length - 1].point.value as number
  const span = best - start
  const last = steps.length - 1
  return steps.map(({ point }, index) => {
    const value = point.value as number
    // The ends are set, not computed: a lower-is-better span would give -0 at the start, and
    // float division need not land exactly on 1 at the best.
    let progress = (value - start) / span
    if (index === last || span === 0) progress = 1
    else if (index === 0) progress = 0
    return { point, date: point.date as string, value, progress }
  })
}

export interface LeaderboardRank {
  /** Competition ranking ("1224"): one more than the number of strictly better results. */
  rank: number
  /** How many results on the board have a numeric value, dated or not. */
  outOf: number
}

/**
 * Where result `id` stands on its leaderboard. Dates do not matter for a rank; results without
 * a numeric value are not ranked, and asking for one (or for an unknown id) gives `null`.
 */
export function rankWithinLeaderboard(
  points: readonly SotaPoint[],
  id: string,
  direction: MetricDirection
): LeaderboardRank | null {
  const target = points.find((point) => point.id === id)
  if (target === undefined || !hasUsableValue(target.value)) return null
  const targetValue = target.value
  let outOf = 0
  let better = 0
  for (const point of points) {
    if (!hasUsableValue(point.value)) continue
    outOf += 1
    if (isBetterValue(point.value, targetValue, direction)) better += 1
  }
  return { rank: better + 1, outOf }
}
