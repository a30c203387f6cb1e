import type { LeaderboardRecord, ResultRecord, TaskRecord } from '../../../shared/archive/entities'
import type { ArchiveDatabase } from '../../data/db'
import { readDirectionOverrides, type DirectionOverrides } from './directionOverrides'
import { officialCodeKey } from '../../../shared/sota/leaderboardExport'
import { codeLinksOfPapers } from '../../data/queries/codeLinkQueries'
import { readKindSnapshotDate } from '../../data/queries/archiveSnapshotQueries'
import { LEADERBOARD_DUMP_KIND } from '../../../shared/archive/dataSnapshotDates'

export interface LeaderboardPageData {
  board: LeaderboardRecord
  task: TaskRecord | null
  /** In the board's own row order. */
  results: ResultRecord[]
  /** `officialCodeKey(paperId, url)` of the official code links of the board's papers. */
  officialCode: Set<string>
  /** The date of the evaluation tables the board comes from, for export stamps. */
  snapshotDate: string | null
  /** The user's direction choices for this board's metrics (read here, so the first draw has them). */
  overrides: DirectionOverrides
}

/** The date of the evaluation-tables file the stored leaderboards came from. */
export function leaderboardSnapshotDate(db: ArchiveDatabase): Promise<string | null> {
  return readKindSnapshotDate(db, LEADERBOARD_DUMP_KIND)
}

export async function loadLeaderboardPage(
  db: ArchiveDatabase,
  id: string
): Promise<LeaderboardPageData | null> {
  // Everything keyed by the board id at once; only the task and the code links wait for it.
  const [board, results, snapshotDate, overrides] = await Promise.all([
    db.leaderboards.get(id),
    db.results.where('leaderboardId').equals(id).toArray(),
    leaderboardSnapshotDate(db),
    readDirectionOverrides(db, id)
  ])
  if (!board) return null
  results.sort((a, b) => a.position - b.position)
  const paperIds = [...new Set(results.map((r) => r.paperId).filter((p): p is string => p !== null))]
  const [task, links] = await Promise.all([db.tasks.get(board.taskId), codeLinksOfPapers(db, paperIds)])
  const officialCode = new Set(
    links.filter((link) => link.isOfficial).map((link) => officialCodeKey(link.paperId, link.repoUrl))
  )
  return { board, task: task ?? null, results, officialCode, snapshotDate, overrides }
}

/** `Image Classification on ImageNet`: the old site's leaderboard title. */
export function leaderboardTitle(board: LeaderboardRecord, task: TaskRecord | null): string {
  return `${task?.name ?? board.taskId} on ${board.datasetName.trim() || board.datasetSlug}`
}
