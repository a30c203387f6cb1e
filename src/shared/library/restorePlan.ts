/**
 * Restoring a backup, planned before anything is written: the exact rows to put, and a report the
 * user reads before confirming.
 *
 * `replace` clears the user tables (settings stay) and writes the backup as it is.
 *
 * `merge` never removes or overwrites what the user has; it only adds and combines:
 * - Lists match by id. A backup list whose id is new but whose name is taken is added under a new
 *   name ("To read (restored)") rather than mixed into the other list: the user decides.
 * - An entry already in a list keeps the earlier `addedAt`, the furthest status (to-read < reading
 *   < read: progress made on either machine counts), the union of tags, and its snapshot with gaps
 *   filled from the backup's.
 * - Notes carry no timestamp to pick "the newer" by, so nothing is dropped: when one note contains
 *   the other the longer is kept, otherwise both are kept, the backup's below a dated separator.
 *   Restoring the same backup twice therefore changes nothing the second time.
 * - Saved searches match by id (the newer last run wins); a followed leaderboard keeps its earlier
 *   follow date and the union of results seen on either machine.
 */
import type { LibraryBackup } from './backup'
import {
  canonicalLibrary,
  copyEntry,
  copyFollowedLeaderboard,
  copyList,
  copySavedSearch
} from './libraryRecords'
import { mergeTags } from './libraryTags'
import {
  READING_STATUSES,
  listEntryKey,
  type FollowedLeaderboard,
  type LibraryContents,
  type ListEntry,
  type PaperSnapshot,
  type ReadingList,
  type SavedSearch
} from './libraryTypes'
import { countLabel } from '../countLabel'

export type RestoreMode = 'replace' | 'merge'

/** The rows to write, in one transaction over the user tables. */
export interface RestoreWrites {
  /** Clear lists, entries, saved searches and followed leaderboards first (replace mode). */
  clearExisting: boolean
  lists: ReadingList[]
  entries: ListEntry[]
  savedSearches: SavedSearch[]
  followedLeaderboards: FollowedLeaderboard[]
}

export interface RecordCounts {
  added: number
  updated: number
  /** Present in both and already identical. */
  unchanged: number
  /** Replace mode only: what the current library had. */
  removed: number
}

export interface Rename {
  from: string
  to: string
}

export interface RestoreReport {
  mode: RestoreMode
  /** Names of the lists the restore creates (after renaming). */
  listsAdded: string[]
  listsRenamed: Rename[]
  lists: RecordCounts
  entries: RecordCounts
  /** Entries that gained tags from the backup. */
  tagsMerged: number
  /** Entries whose note now holds both versions. */
  notesCombined: number
  /** Entries whose status moved forward from the backup. */
  statusesAdvanced: number
  savedSearches: RecordCounts
  /** Saved searches added under a new name because another search already had theirs. */
  savedSearchesRenamed: Rename[]
  followedLeaderboards: RecordCounts
  /** The report in sentences, for the confirmation dialog. */
  summary: string[]
}

export interface RestorePlan {
  writes: RestoreWrites
  report: RestoreReport
}

export function planRestore(current: LibraryContents, backup: LibraryBackup, mode: RestoreMode): RestorePlan {
  return mode === 'replace' ? planReplace(current, backup) : planMerge(current, backup)
}

/** The library after the writes: what IndexedDB will hold, for previews and tests. */
export function applyRestoreWrites(current: LibraryContents, writes: RestoreWrites): LibraryContents {
  const base: LibraryContents = writes.clearExisting
    ? { lists: [], entries: [], savedSearches: [], followedLeaderboards: [] }
    : current
  return canonicalLibrary({
    lists: upsert(base.lists, writes.lists, (list) => list.id),
    entries: upsert(base.entries, writes.entries, listEntryKey),
    savedSearches: upsert(base.savedSearches, writes.savedSearches, (search) => search.id),
    followedLeaderboards: upsert(
      base.followedLeaderboards,
      writes.followedLeaderboards,
      (followed) => followed.leaderboardId
    )
  })
}

function planReplace(current: LibraryContents, backup: LibraryBackup): RestorePlan {
  const restored = canonicalLibrary(backup)
  const counts = (added: number, removed: number): RecordCounts => ({
    added,
    updated: 0,
    unchanged: 0,
    removed
  })
  const report: RestoreReport = {
    mode: 'replace',
    listsAdded: restored.lists.map((list) => list.name),
    listsRenamed: [],
    lists: counts(restored.lists.length, current.lists.length),
    entries: counts(restored.entries.length, current.entries.length),
    tagsMerged: 0,
    notesCombined: 0,
    statusesAdvanced: 0,
    savedSearches: counts(restored.savedSearches.length, current.savedSearches.length),
    savedSearchesRenamed: [],
    followedLeaderboards: counts(restored.followedLeaderboards.length, current.followedLeaderboards.length),
    summary: []
  }
  report.summary = [
    `The current library is replaced by the backup of ${backup.exportedAt}.`,
    `Removed: ${describeTotals(current)}.`,
    `Restored: ${describeTotals(restored)}.`
  ]
  return { writes: { clearExisting: true, ...restored }, report }
}

function planMerge(current: LibraryContents, backup: LibraryBackup): RestorePlan {
  const report: RestoreReport = {
    mode: 'merge',
    listsAdded: [],
    listsRenamed: [],
    lists: emptyCounts(),
    entries: emptyCounts(),
    tagsMerged: 0,
    notesCombined: 0,
    statusesAdvanced: 0,
    savedSearches: emptyCounts(),
    savedSearchesRenamed: [],
    followedLeaderboards: emptyCounts(),
    summary: []
  }
  const writes: RestoreWrites = {
    clearExisting: false,
    lists: mergeLists(current.lists, backup.lists, report),
    entries: mergeEntries(current.entries, backup, report),
    savedSearches: mergeSavedSearches(current.savedSearches, backup.savedSearches, report),
    followedLeaderboards: mergeFollowed(current.followedLeaderboards, backup.followedLeaderboards, report)
  }
  report.summary = mergeSummary(report)
  return { writes, report }
}

function mergeLists(
  current: readonly ReadingList[],
  incoming: readonly ReadingList[],
  report: RestoreReport
): ReadingList[] {
  const byId = new Map(current.map((list) => [list.id, list]))
  const takenNames = new Set(current.map((list) => nameIdentity(list.name)))
  const added = incoming.filter((list) => !byId.has(list.id))
  report.lists.unchanged = incoming.length - added.length
  // New lists go after the user's own, keeping the backup's relative order (and its exact
  // positions when the library is empty, so a restore into a fresh install round-trips).
  const currentMax = Math.max(...current.map((list) => list.order))
  const addedMin = Math.min(...added.map((list) => list.order))
  const offset = current.length === 0 ? 0 : currentMax + 1 - addedMin
  return [...added]
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
    .map((list) => {
      const name = freeName(list.name, takenNames)
      takenNames.add(nameIdentity(name))
      if (name !== list.name) report.listsRenamed.push({ from: list.name, to: name })
      report.listsAdded.push(name)
      report.lists.added++
      return { ...copyList(list), name, order: list.order + offset }
    })
}

function mergeEntries(
  current: readonly ListEntry[],
  backup: LibraryBackup,
  report: RestoreReport
): ListEntry[] {
  const byKey = new Map(current.map((entry) => [listEntryKey(entry), entry]))
  const writes: ListEntry[] = []
  for (const incoming of backup.entries) {
    const existing = byKey.get(listEntryKey(incoming))
    if (existing === undefined) {
      writes.push(copyEntry(incoming))
      report.entries.added++
      continue
    }
    const merged = mergeEntry(existing, incoming, backup.exportedAt, report)
    if (sameJson(merged, copyEntry(existing))) report.entries.unchanged++
    else {
      writes.push(merged)
      report.entries.updated++
    }
  }
  return writes
}

function mergeEntry(
  existing: ListEntry,
  incoming: ListEntry,
  backupDate: string,
  report: RestoreReport
): ListEntry {
  const ownTags = mergeTags(existing.tags, [])
  const allTags = mergeTags(existing.tags, incoming.tags)
  const gainedTags = allTags.length > ownTags.length
  if (gainedTags) report.tagsMerged++
  const status = furthestStatus(existing.status, incoming.status)
  if (status !== existing.status) report.statusesAdvanced++
  const note = combineNotes(existing.note, incoming.note, backupDate)
  if (note !== existing.note && note !== incoming.note) report.notesCombined++
  return {
    ...copyEntry(existing),
    addedAt: incoming.addedAt < existing.addedAt ? incoming.addedAt : existing.addedAt,
    status,
    // Untouched tags stay byte-for-byte as the user typed them; only a real addition normalises.
    tags: gainedTags ? allTags : [...existing.tags],
    note,
    snapshot: fillSnapshot(existing.snapshot, incoming.snapshot)
  }
}

/** The merged note; see the module comment for why nothing is ever dropped. */
export function combineNotes(current: string, incoming: string, backupDate: string): string {
  const mine = current.replace(/\r\n?/g, '\n').trim()
  const theirs = incoming.replace(/\r\n?/g, '\n').trim()
  if (theirs === '' || mine.includes(theirs)) return current
  if (mine === '' || theirs.includes(mine)) return incoming
  return `${current.trimEnd()}\n\n---\n\n*From the backup of ${backupDate.slice(0, 10)}:*\n\n${theirs}`
}

function furthestStatus(a: ListEntry['status'], b: ListEntry['status']): ListEntry['status'] {
  return READING_STATUSES.indexOf(b) > READING_STATUSES.indexOf(a) ? b : a
}

// The snapshot is a cache of archive data: the current one wins, the backup only fills its gaps.
function fillSnapshot(current: PaperSnapshot, backup: PaperSnapshot): PaperSnapshot {
  return {
    title: current.title.trim() === '' ? backup.title : current.title,
    authors: current.authors.length === 0 ? [...backup.authors] : [...current.authors],
    date: current.date ?? backup.date,
    arxivId: current.arxivId ?? backup.arxivId,
    venue: current.venue ?? backup.venue,
    urlAbs: current.urlAbs ?? backup.urlAbs,
    urlPdf: current.urlPdf ?? backup.urlPdf,
    codeUrls: [...new Set([...current.codeUrls, ...backup.codeUrls])],
    paperUrl: current.paperUrl ?? backup.paperUrl
  }
}

function mergeSavedSearches(
  current: readonly SavedSearch[],
  incoming: readonly SavedSearch[],
  report: RestoreReport
): SavedSearch[] {
  const byId = new Map(current.map((search) => [search.id, search]))
  const takenNames = new Set(current.map((search) => nameIdentity(search.name)))
  const writes: SavedSearch[] = []
  for (const search of incoming) {
    const existing = byId.get(search.id)
    if (existing !== undefined) {
      const newerRun = search.lastRunAt !== undefined && (existing.lastRunAt ?? '') < search.lastRunAt
      if (!newerRun) report.savedSearches.unchanged++
      else {
        const merged = copySavedSearch(existing)
        merged.lastRunAt = search.lastRunAt
        if (search.lastResultIds !== undefined) merged.lastResultIds = [...search.lastResultIds]
        else delete merged.lastResultIds
        writes.push(merged)
        report.savedSearches.updated++
      }
      continue
    }
    // The same search saved on two machines (different ids, same name and query) is kept once.
    const twin = current.find(
      (other) => nameIdentity(other.name) === nameIdentity(search.name) && other.query === search.query
    )
    if (twin !== undefined) {
      report.savedSearches.unchanged++
      continue
    }
    const name = freeName(search.name, takenNames)
    takenNames.add(nameIdentity(name))
    if (name !== search.name) report.savedSearchesRenamed.push({ from: search.name, to: name })
    writes.push({ ...copySavedSearch(search), name })
    report.savedSearches.added++
  }
  return writes
}

function mergeFollowed(
  current: readonly FollowedLeaderboard[],
  incoming: readonly FollowedLeaderboard[],
  report: RestoreReport
): FollowedLeaderboard[] {
  const byId = new Map(current.map((followed) => [followed.leaderboardId, followed]))
  const writes: FollowedLeaderboard[] = []
  for (const followed of incoming) {
    const existing = byId.get(followed.leaderboardId)
    if (existing === undefined) {
      writes.push(copyFollowedLeaderboard(followed))
      report.followedLeaderboards.added++
      continue
    }
    const merged = copyFollowedLeaderboard(existing)
    if (followed.followedAt < merged.followedAt) merged.followedAt = followed.followedAt
    merged.lastSeenResultIds = [...new Set([...existing.lastSeenResultIds, ...followed.lastSeenResultIds])]
    if (merged.lastSeenBest === undefined && followed.lastSeenBest !== undefined) {
      merged.lastSeenBest = { ...followed.lastSeenBest }
    }
    if (sameJson(merged, copyFollowedLeaderboard(existing))) report.followedLeaderboards.unchanged++
    else {
      writes.push(merged)
      report.followedLeaderboards.updated++
    }
  }
  return writes
}

/** `name`, or `name (restored)`, `name (restored 2)`… whichever is not taken (case-insensitively). */
function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(nameIdentity(name))) return name
  for (let attempt = 1; ; attempt++) {
    const candidate = attempt === 1 ? `${name} (restored)` : `${name} (restored ${attempt})`
    if (!taken.has(nameIdentity(candidate))) return candidate
  }
}

function nameIdentity(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLocaleLowerCase('en-US')
}

function upsert<T>(base: readonly T[], writes: readonly T[], keyOf: (record: T) => string): T[] {
  const byKey = new Map(base.map((record) => [keyOf(record), record]))
  for (const record of writes) byKey.set(keyOf(record), record)
  return [...byKey.values()]
}

// Records built by the copy functions have a fixed key order, so their JSON compares them exactly.
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

function emptyCounts(): RecordCounts {
  return { added: 0, updated: 0, unchanged: 0, removed: 0 }
}

function mergeSummary(report: RestoreReport): string[] {
  const lines: string[] = []
  const listNames = report.listsAdded.map((name) => `“${name}”`).join(', ')
  lines.push(
    report.lists.added > 0
      ? `Lists: ${countLabel(report.lists.added, 'list')} added (${listNames}), ${report.lists.unchanged} already here.`
      : `Lists: no new lists, ${report.lists.unchanged} already here.`
  )
  for (const { from, to } of report.listsRenamed) {
    lines.push(
      `The backup’s list “${from}” is added as “${to}”, because a different list already has that name.`
    )
  }
  lines.push(`Papers in lists: ${describeCounts(report.entries)}.`)
  const details = [
    report.tagsMerged > 0 ? `tags merged on ${countLabel(report.tagsMerged, 'entry', 'entries')}` : null,
    report.statusesAdvanced > 0
      ? `reading status moved forward on ${countLabel(report.statusesAdvanced, 'entry', 'entries')}`
      : null,
    report.notesCombined > 0
      ? `both versions of the note kept on ${countLabel(report.notesCombined, 'entry', 'entries')}`
      : null
  ].filter((detail) => detail !== null)
  if (details.length > 0) lines.push(`${capitalize(details.join('; '))}.`)
  lines.push(`Saved searches: ${describeCounts(report.savedSearches)}.`)
  for (const { from, to } of report.savedSearchesRenamed) {
    lines.push(
      `The backup’s saved search “${from}” is added as “${to}”, because another search has that name.`
    )
  }
  lines.push(`Followed leaderboards: ${describeCounts(report.followedLeaderboards)}.`)
  lines.push('Nothing in the current library is removed or overwritten.')
  return lines
}

function describeCounts(counts: RecordCounts): string {
  return `${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged`
}

function describeTotals(contents: LibraryContents): string {
  return [
    countLabel(contents.lists.length, 'list'),
    countLabel(contents.entries.length, 'paper in lists', 'papers in lists'),
    countLabel(contents.savedSearches.length, 'saved search', 'saved searches'),
    countLabel(contents.followedLeaderboards.length, 'followed leaderboard')
  ].join(', ')
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
