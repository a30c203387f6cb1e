/**
 * Several leaderboards' frontiers on one axis. Scales and directions differ between boards
 * (accuracy up, perplexity down, FID in the hundreds), so each frontier is normalized: its first
 * SotA is 0 and its final best is 1 (`normalizeFrontier`), which shows how fast each field moved
 * and when, not which numbers are bigger.
 */
import type { LeaderboardRecord, ResultRecord, TaskRecord } from '../../../shared/archive/entities'
import { computeSotaFrontier, normalizeFrontier } from '../../../shared/sota/frontier'
import { sotaPointsForMetric } from '../../../shared/sota/leaderboardPoints'
import type { MetricDirection } from '../../../shared/sota/metricDirection'
import type { OverlayPoint, OverlaySeries } from '../../charts/CompareChart'
import { dayToTime } from '../../charts/timeAxis'
import type { ArchiveDatabase } from '../../data/db'
import { readDirectionOverridesFor, type DirectionOverrides } from '../leaderboard/directionOverrides'
import { leaderboardSnapshotDate } from '../leaderboard/leaderboardQueries'

export interface ComparedBoard {
  board: LeaderboardRecord
  task: TaskRecord | null
  results: ResultRecord[]
  overrides: DirectionOverrides
}

export interface CompareData {
  boards: ComparedBoard[]
  /** Requested ids the local archive does not hold. */
  missing: string[]
  snapshotDate: string | null
}

export async function loadCompareData(db: ArchiveDatabase, ids: readonly string[]): Promise<CompareData> {
  const [records, overrides, snapshotDate] = await Promise.all([
    db.leaderboards.bulkGet([...ids]),
    readDirectionOverridesFor(db, ids),
    leaderboardSnapshotDate(db)
  ])
  const found = records.filter((board): board is LeaderboardRecord => board !== undefined)
  const tasks = await db.tasks.bulkGet(found.map((board) => board.taskId))
  const results = await Promise.all(
    found.map((board) => db.results.where('leaderboardId').equals(board.id).toArray())
  )
  return {
    boards: found.map((board, index) => ({
      board,
      task: tasks[index] ?? null,
      results: results[index],
      overrides: overrides.get(board.id) ?? {}
    })),
    missing: ids.filter((_, index) => records[index] === undefined),
    snapshotDate
  }
}

/** One board's frontier, normalized, as the overlay draws it. */
export function progressSeries(
  results: readonly ResultRecord[],
  metric: string,
  direction: MetricDirection
): Pick<OverlaySeries, 'points' | 'line'> {
  const frontier = computeSotaFrontier(sotaPointsForMetric(results, metric), direction)
  const points = normalizeFrontier(frontier.steps).map(({ point, date, progress }): OverlayPoint => ({
    x: dayToTime(date),
    y: progress,
    date,
    modelName: point.modelName,
    raw: Object.hasOwn(point.result.metrics, metric) ? (point.result.metrics[metric]?.raw ?? '') : '',
    paperId: point.result.paperId
  }))
  const line = points.map(({ x, y }) => ({ x, y }))
  // Carried to the board's last dated result, so a field that stalled shows a long flat line.
  let lastDate: string | null = null
  for (const point of frontier.plotted) {
    if (lastDate === null || (point.date as string) > lastDate) lastDate = point.date as string
  }
  const last = points[points.length - 1]
  if (last !== undefined && lastDate !== null && dayToTime(lastDate) > last.x) {
    line.push({ x: dayToTime(lastDate), y: last.y })
  }
  return { points, line }
}
