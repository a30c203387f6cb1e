/**
 * Copies of library records holding exactly the known fields, and the library's canonical order.
 * IndexedDB hands back whatever was stored, so a copy is what keeps stray fields (or shared arrays a
 * later edit would mutate) out of backups and restore plans.
 */
import type {
  FollowedLeaderboard,
  LibraryContents,
  ListEntry,
  PaperSnapshot,
  ReadingList,
  SavedSearch
} from './libraryTypes'

/** The library in a fixed order, as copies holding only the known fields. */
export function canonicalLibrary(contents: LibraryContents): LibraryContents {
  const lists = contents.lists.map(copyList).sort(compareLists)
  const listRank = new Map(lists.map((list, index) => [list.id, index]))
  const rank = (entry: ListEntry): number => listRank.get(entry.listId) ?? lists.length
  return {
    lists,
    entries: contents.entries
      .map(copyEntry)
      .sort(
        (a, b) =>
          rank(a) - rank(b) ||
          compareText(a.listId, b.listId) ||
          compareText(a.addedAt, b.addedAt) ||
          compareText(a.paperId, b.paperId)
      ),
    savedSearches: contents.savedSearches
      .map(copySavedSearch)
      .sort((a, b) => compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id)),
    followedLeaderboards: contents.followedLeaderboards
      .map(copyFollowedLeaderboard)
      .sort(
        (a, b) => compareText(a.followedAt, b.followedAt) || compareText(a.leaderboardId, b.leaderboardId)
      )
  }
}

export function copyList(list: ReadingList): ReadingList {
  const { id, name, order, createdAt, updatedAt } = list
  return { id, name, order, createdAt, updatedAt }
}

export function copyEntry(entry: ListEntry): ListEntry {
  const { listId, paperId, addedAt, status, note } = entry
  return {
    listId,
    paperId,
    addedAt,
    status,
    tags: [...entry.tags],
    note,
    snapshot: copySnapshot(entry.snapshot)
  }
}

export function copySnapshot(snapshot: PaperSnapshot): PaperSnapshot {
  const { title, date, arxivId, venue, urlAbs, urlPdf, paperUrl } = snapshot
  return {
    title,
    authors: [...snapshot.authors],
    date,
    arxivId,
    venue,
    urlAbs,
    urlPdf,
    codeUrls: [...snapshot.codeUrls],
    paperUrl
  }
}

export function copySavedSearch(search: SavedSearch): SavedSearch {
  const { id, name, query, createdAt, lastRunAt, lastResultIds } = search
  const copy: SavedSearch = { id, name, query, createdAt }
  if (lastRunAt !== undefined) copy.lastRunAt = lastRunAt
  if (lastResultIds !== undefined) copy.lastResultIds = [...lastResultIds]
  return copy
}

export function copyFollowedLeaderboard(followed: FollowedLeaderboard): FollowedLeaderboard {
  const { leaderboardId, followedAt, lastSeenBest } = followed
  const copy: FollowedLeaderboard = {
    leaderboardId,
    followedAt,
    lastSeenResultIds: [...followed.lastSeenResultIds]
  }
  if (lastSeenBest !== undefined) copy.lastSeenBest = { ...lastSeenBest }
  return copy
}

function compareLists(a: ReadingList, b: ReadingList): number {
  return a.order - b.order || compareText(a.id, b.id)
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
