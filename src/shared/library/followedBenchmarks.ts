/**
 * What changed on a followed leaderboard since the user last looked: the results that are new, and
 * whether one of them is a new state of the art on the metric the user follows.
 *
 * The previous best is the better of the stored `lastSeenBest` (a value, because a newer dump may
 * drop the row that set it) and the best seen result still on the board (after a backup merge the
 * seen ids may include results seen on another machine). A new result must beat it strictly: a
 * tie is not a new SotA. Results whose cell states no number ("-", "78.6/84.4") are new, never SotA.
 */
import type { MetricValue } from '../archive/entities'
import { isBetterValue } from '../sota/frontier'
import type { MetricDirection } from '../sota/metricDirection'
import type { FollowedLeaderboard, SeenBest } from './libraryTypes'

/** The fields of a leaderboard result this needs; stored result records fit as they are. */
export interface BenchmarkResult {
  id: string
  modelName: string
  paperTitle: string | null
  paperDate: string | null
  metrics: Record<string, MetricValue>
}

export interface FollowedMetric {
  metric: string
  direction: MetricDirection
}

export interface ScoredResult<R extends BenchmarkResult> {
  result: R
  resultId: string
  value: number
  raw: string
}

export interface LeaderboardChanges<R extends BenchmarkResult> {
  /** Results not seen before, in the board's order. */
  newResults: R[]
  /** The best value the user had seen, `null` when none was a number. */
  previousBest: { resultId: string; value: number; raw: string } | null
  /** The best new result when it beats `previousBest` (or when nothing was seen to beat). */
  newSota: (ScoredResult<R> & { improvement: number | null }) | null
  /** Seen results the current board no longer has (a newer dump dropped or re-keyed them). */
  vanishedResultIds: string[]
}

export function findLeaderboardChanges<R extends BenchmarkResult>(
  followed: FollowedLeaderboard,
  results: readonly R[],
  choice: FollowedMetric
): LeaderboardChanges<R> {
  const seen = new Set(followed.lastSeenResultIds)
  const newResults = results.filter((result) => !seen.has(result.id))
  const currentIds = new Set(results.map((result) => result.id))
  const seenResults = results.filter((result) => seen.has(result.id))
  const previous = bestOf<Candidate>(
    [...seenBestCandidate(followed.lastSeenBest, choice.metric), ...scored(seenResults, choice.metric)],
    choice.direction
  )
  const previousBest =
    previous === null ? null : { resultId: previous.resultId, value: previous.value, raw: previous.raw }
  const bestNew = bestOf(scored(newResults, choice.metric), choice.direction)
  const beats =
    bestNew !== null &&
    (previousBest === null || isBetterValue(bestNew.value, previousBest.value, choice.direction))
  return {
    newResults,
    previousBest,
    newSota: beats
      ? {
          ...bestNew,
          improvement: previousBest === null ? null : Math.abs(bestNew.value - previousBest.value)
        }
      : null,
    vanishedResultIds: followed.lastSeenResultIds.filter((id) => !currentIds.has(id))
  }
}

/** The state to store once the user has seen the board as it is now. */
export function markLeaderboardSeen(
  followed: FollowedLeaderboard,
  results: readonly BenchmarkResult[],
  choice: FollowedMetric
): FollowedLeaderboard {
  const changes = findLeaderboardChanges(followed, results, choice)
  const seen = [...new Set([...followed.lastSeenResultIds, ...results.map((result) => result.id)])]
  const updated: FollowedLeaderboard = {
    leaderboardId: followed.leaderboardId,
    followedAt: followed.followedAt,
    lastSeenResultIds: seen
  }
  const best = changes.newSota ?? changes.previousBest
  if (best !== null) {
    updated.lastSeenBest = {
      resultId: best.resultId,
      metric: choice.metric,
      value: best.value,
      raw: best.raw
    }
  }
  return updated
}

/** A new follow: everything on the board now counts as seen. */
export function followLeaderboard(
  leaderboardId: string,
  results: readonly BenchmarkResult[],
  choice: FollowedMetric,
  followedAt: string
): FollowedLeaderboard {
  return markLeaderboardSeen({ leaderboardId, followedAt, lastSeenResultIds: [] }, results, choice)
}

interface Candidate {
  resultId: string
  value: number
  raw: string
}

function scored<R extends BenchmarkResult>(results: readonly R[], metric: string): ScoredResult<R>[] {
  const candidates: ScoredResult<R>[] = []
  for (const result of results) {
    const cell = Object.hasOwn(result.metrics, metric) ? result.metrics[metric] : undefined
    if (cell?.value != null && Number.isFinite(cell.value)) {
      candidates.push({ result, resultId: result.id, value: cell.value, raw: cell.raw })
    }
  }
  return candidates
}

// A stored best for another metric says nothing about this one.
function seenBestCandidate(best: SeenBest | undefined, metric: string): Candidate[] {
  return best !== undefined && best.metric === metric
    ? [{ resultId: best.resultId, value: best.value, raw: best.raw }]
    : []
}

/** The best candidate; the first of equals, so the stored best wins a tie against the board. */
function bestOf<C extends Candidate>(candidates: readonly C[], direction: MetricDirection): C | null {
  let best: C | null = null
  for (const candidate of candidates) {
    if (best === null || isBetterValue(candidate.value, best.value, direction)) best = candidate
  }
  return best
}
