/**
 * Version 2 of the user tables: rows written by version 1 (the first bookmark button) brought to the
 * shapes of `src/shared/library/libraryTypes.ts`, which the library pages, the exports and the
 * backup file read without checking. Indexes did not change; only rows did:
 * - a list gains `updatedAt` (its `createdAt`);
 * - an entry's `note: null` becomes `''`, and its snapshot gains `venue`, `codeUrls` and `paperUrl`
 *   (from the archive when it still has the paper, so an export right after the upgrade cites the
 *   venue and the code);
 * - a followed leaderboard gains `lastSeenResultIds`: everything on the board when the upgrade runs
 *   counts as seen, or every old result would be announced as new the first time the page opens.
 */
import type { Transaction } from 'dexie'
import { codeLinkIdPrefix } from '../../shared/archive/codeLinkIds'
import type {
  CodeLinkRecord,
  LeaderboardRecord,
  PaperRecord,
  ResultRecord
} from '../../shared/archive/entities'
import { isResultStubId } from '../../shared/archive/paperResolution'
import { markLeaderboardSeen } from '../../shared/library/followedBenchmarks'
import type {
  FollowedLeaderboard,
  ListEntry,
  PaperSnapshot,
  ReadingList
} from '../../shared/library/libraryTypes'
import { pwcPaperUrl, snapshotFromPaper } from '../../shared/library/paperSnapshot'
import { resolveMetricDirection } from '../../shared/sota/metricDirection'

/** What version 1 stored; fields may be missing on rows written by hand or by tests. */
interface StoredV1List extends Omit<ReadingList, 'updatedAt'> {
  updatedAt?: string
}

type StoredV1Snapshot = Partial<PaperSnapshot> & Pick<PaperSnapshot, 'title'>

interface StoredV1Entry extends Omit<ListEntry, 'note' | 'snapshot'> {
  note: string | null
  snapshot: StoredV1Snapshot
}

interface StoredV1Followed extends Omit<FollowedLeaderboard, 'lastSeenResultIds'> {
  lastSeenResultIds?: string[]
}

export async function upgradeUserTablesToV2(tx: Transaction): Promise<void> {
  await tx
    .table<StoredV1List, string>('readingLists')
    .toCollection()
    .modify((list) => {
      list.updatedAt ??= list.createdAt
    })

  const entries = tx.table<StoredV1Entry, [string, string]>('listEntries')
  const paperIds = [...new Set((await entries.toArray()).map((entry) => entry.paperId))]
  const papers = await tx.table<PaperRecord, string>('papers').bulkGet(paperIds)
  // By link id, not the `paperId` index: version 5 dropped it, and Dexie checks queries in older
  // upgrade steps against the newest schema.
  const links = await tx
    .table<CodeLinkRecord, string>('codeLinks')
    .where(':id')
    .startsWithAnyOf(paperIds.map(codeLinkIdPrefix))
    .toArray()
  const paperById = new Map(papers.filter((paper) => paper !== undefined).map((paper) => [paper.id, paper]))
  await entries.toCollection().modify((entry) => {
    const paper = paperById.get(entry.paperId)
    const fresh = paper
      ? snapshotFromPaper(
          paper,
          links.filter((link) => link.paperId === paper.id)
        )
      : null
    entry.note ??= ''
    entry.snapshot = upgradeSnapshot(entry.paperId, entry.snapshot, fresh)
  })

  const followed = tx.table<StoredV1Followed, string>('followedLeaderboards')
  for (const row of await followed.toArray()) {
    if (row.lastSeenResultIds !== undefined) continue
    const board = await tx.table<LeaderboardRecord, string>('leaderboards').get(row.leaderboardId)
    const results = board
      ? await tx.table<ResultRecord, string>('results').where('leaderboardId').equals(board.id).toArray()
      : []
    const base: FollowedLeaderboard = { ...row, lastSeenResultIds: [] }
    const metric = board?.metrics[0]
    await followed.put(
      metric === undefined
        ? base
        : markLeaderboardSeen(base, results, { metric, direction: resolveMetricDirection(metric).direction })
    )
  }
}

// What the user's copy said wins over the archive's, except for fields version 1 never stored.
function upgradeSnapshot(paperId: string, old: StoredV1Snapshot, fresh: PaperSnapshot | null): PaperSnapshot {
  return {
    title: old.title,
    authors: old.authors ?? fresh?.authors ?? [],
    date: old.date ?? fresh?.date ?? null,
    arxivId: old.arxivId ?? fresh?.arxivId ?? null,
    venue: old.venue ?? fresh?.venue ?? null,
    urlAbs: old.urlAbs ?? fresh?.urlAbs ?? null,
    urlPdf: old.urlPdf ?? fresh?.urlPdf ?? null,
    codeUrls: old.codeUrls ?? fresh?.codeUrls ?? [],
    paperUrl:
      old.paperUrl ??
      fresh?.paperUrl ??
      // A synthetic stub id never had a page on the old site; a slug did.
      (isResultStubId(paperId) ? null : pwcPaperUrl({ id: paperId, isStub: false }))
  }
}
