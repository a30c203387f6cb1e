/**
 * Reads what removal planning needs (`planReplaceRemovals`): which result belongs to which board
 * and cites which paper, from key-only cursors over the results' indexes (no record is loaded),
 * and what the user follows and bookmarks. User tables are only read here, never written.
 */
import type { ArchiveDatabase } from '../db'
import type { ArchiveHoldings, UserHoldings } from '../../../shared/archive/removalPlan'
import type { StoredArchiveIds } from './storedArchiveIds'

async function resultIndex(
  db: ArchiveDatabase,
  index: 'leaderboardId' | 'paperId'
): Promise<Map<string, string>> {
  const byResult = new Map<string, string>()
  await db.results
    .orderBy(index)
    .eachKey((key, cursor) => byResult.set(String(cursor.primaryKey), String(key)))
  return byResult
}

export async function readUserHoldings(db: ArchiveDatabase): Promise<UserHoldings> {
  const [followed, bookmarked] = await Promise.all([
    db.followedLeaderboards.toCollection().primaryKeys(),
    db.listEntries.orderBy('paperId').uniqueKeys()
  ])
  return {
    followedLeaderboards: new Set(followed.map(String)),
    bookmarkedPapers: new Set(bookmarked.map(String))
  }
}

export async function readArchiveHoldings(
  db: ArchiveDatabase,
  stored: StoredArchiveIds,
  user: UserHoldings
): Promise<ArchiveHoldings> {
  const [resultBoards, resultPapers, boards] = await Promise.all([
    resultIndex(db, 'leaderboardId'),
    resultIndex(db, 'paperId'),
    db.leaderboards.bulkGet([...user.followedLeaderboards])
  ])
  const followedBoardTasks = new Map<string, string>()
  for (const board of boards) if (board) followedBoardTasks.set(board.id, board.taskId)
  return {
    idsOf: (table) => stored.idsOf(table),
    stubIds: () => stored.stubIds(),
    resultBoards,
    // Results without a paper are not in the paperId index at all.
    resultPapers,
    followedBoardTasks
  }
}
