/**
 * Stored leaderboard results → points of one metric column, ready for `computeSotaFrontier` and
 * `rankWithinLeaderboard`. Only the fields read here are required, so lighter result shapes fit.
 */
import type { ResultRecord } from '../archive/entities'
import type { SotaPoint } from './frontier'

export type FrontierResult = Pick<ResultRecord, 'id' | 'modelName' | 'paperTitle' | 'paperDate' | 'metrics'>

export interface ResultPoint<R extends FrontierResult> extends SotaPoint {
  result: R
}

/** One point per result, in input order; a result without the metric gets `value: null`. */
export function sotaPointsForMetric<R extends FrontierResult>(
  results: readonly R[],
  metric: string
): ResultPoint<R>[] {
  return results.map((result) => ({
    id: result.id,
    date: result.paperDate,
    // `Object.hasOwn`: a metric column named "constructor" must not read the prototype.
    value: Object.hasOwn(result.metrics, metric) ? (result.metrics[metric]?.value ?? null) : null,
    modelName: result.modelName,
    paperTitle: result.paperTitle,
    result
  }))
}
