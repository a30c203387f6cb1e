/**
 * The researcher's own library: reading lists, their entries, saved searches and followed
 * leaderboards. These are the exact shapes the user tables in IndexedDB store and the backup file
 * carries, so a backup restores without any translation.
 *
 * Timestamps are ISO 8601 strings (`new Date().toISOString()`): they survive JSON and IndexedDB
 * unchanged and sort correctly as text.
 */

export type ReadingStatus = 'to-read' | 'reading' | 'read'

/** In the order a paper moves through them; merges use it to keep the furthest progress. */
export const READING_STATUSES: readonly ReadingStatus[] = ['to-read', 'reading', 'read']

/** How exports and the UI name a status. */
export const READING_STATUS_LABELS: Readonly<Record<ReadingStatus, string>> = {
  'to-read': 'To read',
  reading: 'Reading',
  read: 'Read'
}

export interface ReadingList {
  id: string
  name: string
  /** Position among the lists, for user-chosen ordering. */
  order: number
  createdAt: string
  updatedAt: string
}

/**
 * The entry's own copy of what it cites. A newer dump may drop the paper, or the user may not have
 * synced it yet; the list must still say what it was, and every export works from this copy alone.
 */
export interface PaperSnapshot {
  title: string
  authors: string[]
  /** `YYYY-MM-DD`. */
  date: string | null
  /** Without version: `1706.03762`, `hep-ph/9206214`. */
  arxivId: string | null
  /** The dump's `proceeding`, verbatim: `"NeurIPS 2018 12"`, `"CVPR 2019 2019 4"`, `"arXiv 2019 3"`. */
  venue: string | null
  urlAbs: string | null
  urlPdf: string | null
  /** Repository URLs, official ones first. */
  codeUrls: string[]
  /** The paper's page on the old site; `null` for papers known only from a leaderboard row. */
  paperUrl: string | null
}

export interface ListEntry {
  listId: string
  /** The archive's paper id (the PWC slug). */
  paperId: string
  addedAt: string
  status: ReadingStatus
  tags: string[]
  /** Markdown; `''` when the user wrote none. */
  note: string
  snapshot: PaperSnapshot
}

/** What the exports need of an entry; a paper in several lists is exported once. */
export type ExportablePaper = Pick<ListEntry, 'paperId' | 'snapshot'>

export interface SavedSearch {
  id: string
  name: string
  query: string
  createdAt: string
  lastRunAt?: string
  /** Paper ids the search returned when last run, so the next run can say what is new. */
  lastResultIds?: string[]
}

/** The best value the user has seen on a followed leaderboard, kept as a value because a newer dump may drop its row. */
export interface SeenBest {
  resultId: string
  metric: string
  value: number
  /** The cell as the dump wrote it (`"88.5%"`), for display. */
  raw: string
}

export interface FollowedLeaderboard {
  leaderboardId: string
  followedAt: string
  lastSeenResultIds: string[]
  lastSeenBest?: SeenBest
}

/** Everything the user owns; what a backup carries and a restore writes. */
export interface LibraryContents {
  lists: ReadingList[]
  entries: ListEntry[]
  savedSearches: SavedSearch[]
  followedLeaderboards: FollowedLeaderboard[]
}

/** The key IndexedDB gives an entry (`[listId+paperId]`), as one string for maps and sets. */
export function listEntryKey(entry: Pick<ListEntry, 'listId' | 'paperId'>): string {
  return `${entry.listId}\u0000${entry.paperId}`
}
