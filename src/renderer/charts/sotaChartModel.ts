/**
 * A leaderboard metric as the SotA chart draws it: every dated, numeric result a point (a
 * result the board lists twice, once), the frontier as a staircase, and the results that cannot
 * be placed, counted by reason.
 */
import type { ResultRecord } from '../../shared/archive/entities'
import { computeSotaFrontier, type UnplottedReason } from '../../shared/sota/frontier'
import { sotaPointsForMetric } from '../../shared/sota/leaderboardPoints'
import type { MetricDirection } from '../../shared/sota/metricDirection'
import { withoutRepeats, type RepeatableResult } from '../../shared/sota/repeatedResults'
import { dayToTime, timeDomain } from './timeAxis'

export type ChartResult = RepeatableResult & Pick<ResultRecord, 'paperId'>

export interface ChartPoint {
  id: string
  /** Paper date as UTC milliseconds. */
  x: number
  y: number
  date: string
  raw: string
  modelName: string
  paperTitle: string | null
  paperId: string | null
  /** True when this result set a new state of the art. */
  isStep: boolean
}

export interface UnplottedResult {
  id: string
  modelName: string
  raw: string
  date: string | null
  reason: UnplottedReason
}

export interface SotaChartModel {
  metric: string
  direction: MetricDirection
  /** Every plotted result, frontier steps included, oldest first. */
  points: ChartPoint[]
  steps: ChartPoint[]
  /** The staircase: each step, then the last best carried to the end of the time axis. */
  frontierLine: { x: number; y: number }[]
  xDomain: [number, number]
  unplotted: UnplottedResult[]
  unplottedCounts: Record<UnplottedReason, number>
  /** Plotted values ≤ 0, which a log axis cannot show. */
  nonPositiveCount: number
  /** Results left out because they repeat another shown result (`findRepeatedResults`). */
  repeatCount: number
}

export function sotaChartModel(
  results: readonly ChartResult[],
  metric: string,
  direction: MetricDirection
): SotaChartModel {
  const distinct = withoutRepeats(results)
  const frontier = computeSotaFrontier(sotaPointsForMetric(distinct, metric), direction)
  const stepIds = new Set(frontier.steps.map((step) => step.point.id))
  const rawOf = (result: ChartResult): string =>
    Object.hasOwn(result.metrics, metric) ? (result.metrics[metric]?.raw ?? '') : ''
  const points = frontier.plotted.map(({ id, value, date, result }): ChartPoint => ({
    id,
    x: dayToTime(date as string),
    y: value as number,
    date: date as string,
    raw: rawOf(result),
    modelName: result.modelName,
    paperTitle: result.paperTitle,
    paperId: result.paperId,
    isStep: stepIds.has(id)
  }))
  const steps = points.filter((point) => point.isStep)
  const xDomain = timeDomain(points.map((point) => point.x))
  const frontierLine = steps.map((step) => ({ x: step.x, y: step.y }))
  const last = steps[steps.length - 1]
  const lastTime = points.reduce((max, point) => Math.max(max, point.x), -Infinity)
  if (last !== undefined && lastTime > last.x) frontierLine.push({ x: lastTime, y: last.y })
  return {
    metric,
    direction,
    points,
    steps,
    frontierLine,
    xDomain,
    unplotted: frontier.unplotted.map(({ point, reason }) => ({
      id: point.id,
      modelName: point.modelName,
      raw: rawOf(point.result),
      date: point.date,
      reason
    })),
    unplottedCounts: frontier.unplottedCounts,
    nonPositiveCount: points.filter((point) => point.y <= 0).length,
    repeatCount: results.length - distinct.length
  }
}
