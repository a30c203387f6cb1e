/**
 * What a "replace" import removes: the records of the replaced kinds that its files no longer
 * list. Computed before anything is deleted, so the same plan is what the Sync page and
 * `archive inspect --replace-preview` show and what the finalize pass carries out.
 *
 * Issue #13: a 190 KB evaluation-tables file imported as the whole archive removed 2,736 of
 * 2,738 leaderboards and ~4,000 papers without a word. So removal happens only for a replace, the
 * user sees this plan first, and what the user follows or bookmarks is never removed:
 * - a followed leaderboard keeps its board, its task and every result it has;
 * - a bookmarked paper (in any reading list) is kept, as a stub when its dump dropped it.
 */
import { paperIdOfCodeLink } from './codeLinkIds'
import type { ArchiveEntityTable } from './entities'
import { ARCHIVE_ENTITY_TABLES } from './entities'
import type { DumpKind } from './dumpKinds'

/** What the archive tables hold, as far as removal needs to know. */
export interface ArchiveHoldings {
  idsOf(table: ArchiveEntityTable): ReadonlySet<string>
  stubIds(): ReadonlySet<string>
  /** Result id → its leaderboard id. */
  resultBoards: ReadonlyMap<string, string>
  /** Result id → the paper it cites (`null`: none). */
  resultPapers: ReadonlyMap<string, string | null>
  /** Leaderboard id → task id, for the followed boards. */
  followedBoardTasks: ReadonlyMap<string, string>
}

/** What the user keeps whatever a sync does (read from the user tables, never written). */
export interface UserHoldings {
  followedLeaderboards: ReadonlySet<string>
  bookmarkedPapers: ReadonlySet<string>
}

export interface ReplaceInput {
  kinds: readonly DumpKind[]
  /** Ids the replacing files list, for each table of a replaced kind. */
  listed: ReadonlyMap<ArchiveEntityTable, ReadonlySet<string>>
  /** Papers the incoming results and links cite (they may not be stored yet). */
  citedByIncoming: ReadonlySet<string>
}

export interface RemovalPlan {
  kinds: DumpKind[]
  /** Ids to delete per table; for papers, the real papers nothing cites or keeps. */
  remove: Record<ArchiveEntityTable, string[]>
  /** Real papers no longer listed but cited or bookmarked: kept as stubs. */
  demotePapers: string[]
  /** Stubs nothing would cite any more. */
  uncitedStubs: string[]
  kept: {
    followedLeaderboards: string[]
    resultsOfFollowed: number
    tasksOfFollowed: number
    bookmarkedPapers: string[]
  }
}

/** A plan as plain counts, for the UI, the worker's messages and the CLI. */
export interface RemovalCounts {
  kinds: DumpKind[]
  /** Per table; papers count deleted papers, papers demoted to stubs and stubs deleted. */
  removed: Record<ArchiveEntityTable, number>
  papers: { deleted: number; demotedToStubs: number; stubsDeleted: number }
  kept: {
    followedLeaderboards: number
    resultsOfFollowed: number
    tasksOfFollowed: number
    bookmarkedPapers: number
  }
}

function emptyTables<T>(value: () => T): Record<ArchiveEntityTable, T> {
  return Object.fromEntries(ARCHIVE_ENTITY_TABLES.map((table) => [table, value()])) as Record<
    ArchiveEntityTable,
    T
  >
}

/** Stubs no remaining record cites, except those a reading list holds. */
export function uncitedStubIds(
  stubs: Iterable<string>,
  cited: ReadonlySet<string>,
  user: UserHoldings
): string[] {
  return [...stubs].filter((id) => !cited.has(id) && !user.bookmarkedPapers.has(id))
}

export function planReplaceRemovals(
  holdings: ArchiveHoldings,
  user: UserHoldings,
  input: ReplaceInput
): RemovalPlan {
  const remove = emptyTables<string[]>(() => [])
  const followed = [...user.followedLeaderboards].filter((id) => holdings.idsOf('leaderboards').has(id))
  const followedSet = new Set(followed)
  const followedTasks = new Set(followed.map((id) => holdings.followedBoardTasks.get(id)))
  let resultsOfFollowed = 0
  let tasksOfFollowed = 0
  const stubs = holdings.stubIds()
  for (const [table, listed] of input.listed) {
    if (table === 'papers') continue
    for (const id of holdings.idsOf(table)) {
      if (listed.has(id)) continue
      if (table === 'leaderboards' && followedSet.has(id)) continue
      if (table === 'results' && followedSet.has(holdings.resultBoards.get(id) ?? '')) {
        resultsOfFollowed++
        continue
      }
      if (table === 'tasks' && followedTasks.has(id)) {
        tasksOfFollowed++
        continue
      }
      remove[table].push(id)
    }
  }

  // What still cites a paper once the removals above are done.
  const removedResults = new Set(remove.results)
  const removedLinks = new Set(remove.codeLinks)
  const cited = new Set(input.citedByIncoming)
  for (const [id, paperId] of holdings.resultPapers) {
    if (paperId !== null && !removedResults.has(id)) cited.add(paperId)
  }
  for (const id of holdings.idsOf('codeLinks')) if (!removedLinks.has(id)) cited.add(paperIdOfCodeLink(id))

  const demotePapers: string[] = []
  const bookmarkedKept: string[] = []
  const listedPapers = input.listed.get('papers')
  if (listedPapers !== undefined) {
    for (const id of holdings.idsOf('papers')) {
      if (listedPapers.has(id) || stubs.has(id)) continue
      if (cited.has(id)) demotePapers.push(id)
      else if (user.bookmarkedPapers.has(id)) {
        demotePapers.push(id)
        bookmarkedKept.push(id)
      } else remove.papers.push(id)
    }
  }
  const uncited = [...stubs].filter((id) => !cited.has(id))
  for (const id of uncited) if (user.bookmarkedPapers.has(id)) bookmarkedKept.push(id)
  return {
    kinds: [...input.kinds],
    remove,
    demotePapers,
    uncitedStubs: uncitedStubIds(uncited, cited, user),
    kept: {
      followedLeaderboards: followed.filter((id) => input.listed.get('leaderboards')?.has(id) === false),
      resultsOfFollowed,
      tasksOfFollowed,
      bookmarkedPapers: bookmarkedKept
    }
  }
}

export function countRemovals(plan: RemovalPlan): RemovalCounts {
  const removed = emptyTables(() => 0)
  for (const table of ARCHIVE_ENTITY_TABLES) removed[table] = plan.remove[table].length
  removed.papers += plan.demotePapers.length + plan.uncitedStubs.length
  return {
    kinds: plan.kinds,
    removed,
    papers: {
      deleted: plan.remove.papers.length,
      demotedToStubs: plan.demotePapers.length,
      stubsDeleted: plan.uncitedStubs.length
    },
    kept: {
      followedLeaderboards: plan.kept.followedLeaderboards.length,
      resultsOfFollowed: plan.kept.resultsOfFollowed,
      tasksOfFollowed: plan.kept.tasksOfFollowed,
      bookmarkedPapers: plan.kept.bookmarkedPapers.length
    }
  }
}

/** Whether a plan removes anything or keeps anything only because the user holds it. */
export function hasRemovals(counts: RemovalCounts): boolean {
  return Object.values(counts.removed).some((n) => n > 0) || Object.values(counts.kept).some((n) => n > 0)
}
