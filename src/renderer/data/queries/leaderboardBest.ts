import type { LeaderboardRecord, ResultRecord } from '../../../shared/archive/entities'
import { resolveMetricDirection, type MetricDirection } from '../../../shared/sota/metricDirection'
import { isBetterValue } from '../../../shared/sota/frontier'

/** The leading metric of a board: what its "best" and its SotA flag refer to by default. */
export function primaryMetric(board: Pick<LeaderboardRecord, 'metrics'>): string | null {
  return board.metrics[0] ?? null
}

/** The best result on `metric` (ties go to the earlier-listed row, as on the old site). */
export function bestResult(
  results: readonly ResultRecord[],
  metric: string,
  direction: MetricDirection = resolveMetricDirection(metric).direction
): ResultRecord | null {
  let best: ResultRecord | null = null
  for (const result of results) {
    const value = Object.hasOwn(result.metrics, metric) ? result.metrics[metric]?.value : null
    if (value === null || value === undefined || !Number.isFinite(value)) continue
    const bestValue = best?.metrics[metric]?.value
    if (
      best === null ||
      bestValue === null ||
      bestValue === undefined ||
      isBetterValue(value, bestValue, direction)
    )
      best = result
  }
  return best
}
