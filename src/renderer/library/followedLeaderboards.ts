/**
 * Following leaderboards: what the user has seen is stored in `followedLeaderboards`; what is new
 * is worked out against the board as the archive has it now (`findLeaderboardChanges`).
 *
 * The metric followed is the one the user's last seen best was measured on, else the board's first
 * column (the one the old site ranked by); its direction is the board's resolved direction.
 */
import type { LeaderboardRecord, ResultRecord, TaskRecord } from '../../shared/archive/entities'
import {
  findLeaderboardChanges,
  followLeaderboard,
  markLeaderboardSeen,
  type FollowedMetric,
  type LeaderboardChanges
} from '../../shared/library/followedBenchmarks'
import type { FollowedLeaderboard } from '../../shared/library/libraryTypes'
import { resolveMetricDirection } from '../../shared/sota/metricDirection'
import type { ArchiveDatabase } from '../data/db'

export function followedMetric(
  board: Pick<LeaderboardRecord, 'metrics'>,
  followed?: Pick<FollowedLeaderboard, 'lastSeenBest'>,
  preferred?: string
): FollowedMetric | null {
  const candidates = [preferred, followed?.lastSeenBest?.metric, board.metrics[0]]
  const metric = candidates.find((name) => name !== undefined && board.metrics.includes(name))
  return metric === undefined ? null : { metric, direction: resolveMetricDirection(metric).direction }
}

async function boardResults(db: ArchiveDatabase, leaderboardId: string): Promise<ResultRecord[]> {
  const results = await db.results.where('leaderboardId').equals(leaderboardId).toArray()
  return results.sort((a, b) => a.position - b.position)
}

export async function isFollowing(db: ArchiveDatabase, leaderboardId: string): Promise<boolean> {
  return (await db.followedLeaderboards.get(leaderboardId)) !== undefined
}

/** Follows the board as it is now: every current result counts as seen. */
export async function followBoard(
  db: ArchiveDatabase,
  leaderboardId: string,
  metric?: string
): Promise<void> {
  const board = await db.leaderboards.get(leaderboardId)
  const results = await boardResults(db, leaderboardId)
  const choice = board ? followedMetric(board, undefined, metric) : null
  const followedAt = new Date().toISOString()
  await db.followedLeaderboards.put(
    choice
      ? followLeaderboard(leaderboardId, results, choice, followedAt)
      : { leaderboardId, followedAt, lastSeenResultIds: results.map((result) => result.id) }
  )
}

export async function unfollowBoard(db: ArchiveDatabase, leaderboardId: string): Promise<void> {
  await db.followedLeaderboards.delete(leaderboardId)
}

export async function markBoardSeen(db: ArchiveDatabase, leaderboardId: string): Promise<void> {
  const followed = await db.followedLeaderboards.get(leaderboardId)
  const board = await db.leaderboards.get(leaderboardId)
  if (!followed || !board) return
  const results = await boardResults(db, leaderboardId)
  const choice = followedMetric(board, followed)
  await db.followedLeaderboards.put(
    choice
      ? markLeaderboardSeen(followed, results, choice)
      : {
          ...followed,
          lastSeenResultIds: [...new Set([...followed.lastSeenResultIds, ...results.map((r) => r.id)])]
        }
  )
}

export interface FollowedBoardView {
  followed: FollowedLeaderboard
  /** `null` when the archive no longer has the board. */
  board: LeaderboardRecord | null
  task: TaskRecord | null
  choice: FollowedMetric | null
  changes: LeaderboardChanges<ResultRecord> | null
}

/** Every followed board with what changed since the user last looked, oldest follow first. */
export async function loadFollowedBoards(db: ArchiveDatabase): Promise<FollowedBoardView[]> {
  const followed = await db.followedLeaderboards.toArray()
  followed.sort((a, b) => (a.followedAt < b.followedAt ? -1 : a.followedAt > b.followedAt ? 1 : 0))
  const views: FollowedBoardView[] = []
  for (const entry of followed) {
    const board = (await db.leaderboards.get(entry.leaderboardId)) ?? null
    if (board === null) {
      views.push({ followed: entry, board, task: null, choice: null, changes: null })
      continue
    }
    const task = (await db.tasks.get(board.taskId)) ?? null
    const choice = followedMetric(board, entry)
    const results = await boardResults(db, board.id)
    // A board without metric columns still has new rows to report; none of them can be a SotA.
    const changes = findLeaderboardChanges(
      entry,
      results,
      choice ?? { metric: '', direction: 'higher-is-better' }
    )
    views.push({ followed: entry, board, task, choice, changes })
  }
  return views
}
