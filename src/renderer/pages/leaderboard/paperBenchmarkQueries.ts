/**
 * Where each result of one paper stands on its leaderboards: its competition rank on every
 * metric it reports, out of the results with a value on that metric. Directions are the ones
 * the leaderboard page uses, the user's overrides included, and a result the board lists twice
 * counts once there too, so both pages agree on a rank.
 */
import type { LeaderboardRecord, ResultRecord, TaskRecord } from '../../../shared/archive/entities'
import { rankWithinLeaderboard } from '../../../shared/sota/frontier'
import { sotaPointsForMetric } from '../../../shared/sota/leaderboardPoints'
import type { MetricDirection } from '../../../shared/sota/metricDirection'
import { findRepeatedResults, withoutRepeats } from '../../../shared/sota/repeatedResults'
import type { ArchiveDatabase } from '../../data/db'
import { readDirectionOverridesFor, resolveBoardDirection } from './directionOverrides'
import { leaderboardTitle } from './leaderboardQueries'

export interface BenchmarkStanding {
  key: string
  leaderboard: LeaderboardRecord
  title: string
  task: TaskRecord | null
  result: ResultRecord
  metric: string
  raw: string
  direction: MetricDirection
  rank: number
  outOf: number
}

export interface PaperBenchmarks {
  standings: BenchmarkStanding[]
  /** Results on boards the archive no longer holds (a partial sync), which cannot be ranked. */
  unranked: number
}

export async function loadPaperBenchmarks(db: ArchiveDatabase, paperId: string): Promise<PaperBenchmarks> {
  const results = await db.results.where('paperId').equals(paperId).toArray()
  const boardIds = [...new Set(results.map((result) => result.leaderboardId))]
  const [boards, overrides, boardResults] = await Promise.all([
    db.leaderboards.bulkGet(boardIds),
    readDirectionOverridesFor(db, boardIds),
    Promise.all(boardIds.map((id) => db.results.where('leaderboardId').equals(id).toArray()))
  ])
  const tasks = await db.tasks.bulkGet(boards.map((board) => board?.taskId ?? ''))
  const standings: BenchmarkStanding[] = []
  let unranked = 0
  boardIds.forEach((boardId, boardIndex) => {
    const board = boards[boardIndex]
    const repeats = findRepeatedResults(boardResults[boardIndex])
    const own = results
      .filter((result) => result.leaderboardId === boardId && !repeats.has(result.id))
      .sort((a, b) => a.position - b.position)
    if (board === undefined) {
      unranked += own.length
      return
    }
    const task = tasks[boardIndex] ?? null
    for (const metric of board.metrics) {
      const direction = resolveBoardDirection(metric, overrides.get(boardId) ?? {}).direction
      const points = sotaPointsForMetric(withoutRepeats(boardResults[boardIndex], repeats), metric)
      for (const result of own) {
        const standing = rankWithinLeaderboard(points, result.id, direction)
        if (standing === null) continue
        standings.push({
          key: `${result.id}:${metric}`,
          leaderboard: board,
          title: leaderboardTitle(board, task),
          task,
          result,
          metric,
          raw: result.metrics[metric]?.raw ?? '',
          direction,
          ...standing
        })
      }
    }
  })
  // Best placings first: a reader wants "where did this paper win" before the long tail.
  standings.sort(
    (a, b) =>
      a.rank - b.rank ||
      b.outOf - a.outOf ||
      a.title.localeCompare(b.title, 'en') ||
      a.leaderboard.metrics.indexOf(a.metric) - b.leaderboard.metrics.indexOf(b.metric)
  )
  return { standings, unranked }
}

/** 1 for first place, 0 for last; a board of one counts as first. */
export function standingScore(rank: number, outOf: number): number {
  return outOf <= 1 ? 1 : 1 - (rank - 1) / (outOf - 1)
}
