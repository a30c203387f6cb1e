/**
 * Every write the library pages make to the user tables. Each action is one short Dexie
 * transaction over the user tables it touches (plus a read of the archive's paper and code links
 * when a paper is added), so two windows editing the same list never leave half an edit behind.
 */
import type { PaperRecord } from '../../shared/archive/entities'
import { utf8ByteLength } from '../../shared/byteSize'
import { copyEntry } from '../../shared/library/libraryRecords'
import { normalizeTag, normalizeTags, tagIdentity } from '../../shared/library/libraryTags'
import type {
  LibraryContents,
  ListEntry,
  ReadingList,
  ReadingStatus
} from '../../shared/library/libraryTypes'
import { snapshotFromPaper } from '../../shared/library/paperSnapshot'
import type { LibraryBackup } from '../../shared/library/backup'
import { planRestore, type RestoreMode, type RestoreReport } from '../../shared/library/restorePlan'
import { mapStorageFull } from '../../shared/storage/storageFull'
import type { ArchiveDatabase } from '../data/db'
import { codeLinksOfPapers } from '../data/queries/codeLinkQueries'

/** The list every bookmark lands in unless the user picks another. */
export const DEFAULT_LIST_ID = 'reading-list'
export const DEFAULT_LIST_NAME = 'Reading list'

export type EntryKey = [listId: string, paperId: string]

function now(): string {
  return new Date().toISOString()
}

export async function ensureDefaultList(db: ArchiveDatabase): Promise<void> {
  await db.transaction('rw', db.readingLists, async () => {
    if (await db.readingLists.get(DEFAULT_LIST_ID)) return
    const at = now()
    await db.readingLists.add({
      id: DEFAULT_LIST_ID,
      name: DEFAULT_LIST_NAME,
      order: 0,
      createdAt: at,
      updatedAt: at
    })
  })
}

/** The lists in the user's order; the default list exists from the first visit on. */
export async function loadLists(db: ArchiveDatabase): Promise<ReadingList[]> {
  const lists = await db.readingLists.orderBy('order').toArray()
  return lists.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'en'))
}

/** Whether the paper is in `listId` (the default list unless another is named). */
export async function isBookmarked(
  db: ArchiveDatabase,
  paperId: string,
  listId: string = DEFAULT_LIST_ID
): Promise<boolean> {
  return (await db.listEntries.get([listId, paperId])) !== undefined
}

/** The ids of the lists holding each saved paper, by paper id: keys only, one read for the whole library. */
export async function listsByPaper(db: ArchiveDatabase): Promise<Map<string, string[]>> {
  const byPaper = new Map<string, string[]>()
  for (const [listId, paperId] of await db.listEntries.toCollection().primaryKeys()) {
    const lists = byPaper.get(paperId)
    if (lists) lists.push(listId)
    else byPaper.set(paperId, [listId])
  }
  return byPaper
}

/** A new entry for the paper, its snapshot taken with the code links the archive has for it. */
async function newEntry(db: ArchiveDatabase, paper: PaperRecord, listId: string): Promise<ListEntry> {
  const codeLinks = await codeLinksOfPapers(db, [paper.id])
  return {
    listId,
    paperId: paper.id,
    addedAt: now(),
    status: 'to-read',
    tags: [],
    note: '',
    snapshot: snapshotFromPaper(paper, codeLinks)
  }
}

export async function addToList(db: ArchiveDatabase, paper: PaperRecord, listId: string): Promise<void> {
  if (listId === DEFAULT_LIST_ID) await ensureDefaultList(db)
  const entry = await newEntry(db, paper, listId)
  await db.transaction('rw', db.listEntries, async () => {
    if (!(await db.listEntries.get([listId, paper.id]))) await db.listEntries.add(entry)
  })
}

export async function removeFromList(db: ArchiveDatabase, key: EntryKey): Promise<ListEntry | undefined> {
  return db.transaction('rw', db.listEntries, async () => {
    const entry = await db.listEntries.get(key)
    if (entry) await db.listEntries.delete(key)
    return entry
  })
}

/** Adds the paper to the list, or removes it if it is there; resolves to the new state. */
export async function toggleBookmark(
  db: ArchiveDatabase,
  paper: PaperRecord,
  listId: string = DEFAULT_LIST_ID
): Promise<boolean> {
  if (listId === DEFAULT_LIST_ID) await ensureDefaultList(db)
  // The snapshot is prepared before the transaction: it reads the archive's code links.
  const entry = await newEntry(db, paper, listId)
  return db.transaction('rw', db.listEntries, async () => {
    const key: EntryKey = [listId, paper.id]
    if (await db.listEntries.get(key)) {
      await db.listEntries.delete(key)
      return false
    }
    await db.listEntries.add(entry)
    return true
  })
}

export type EntryChange = Partial<Pick<ListEntry, 'status' | 'note' | 'tags'>>

/**
 * Rejects with a `StorageFullError` when storage is full; the entry is then as it was, and the
 * caller still holds the change to retry.
 */
export async function updateEntry(db: ArchiveDatabase, key: EntryKey, change: EntryChange): Promise<void> {
  const bytesNeeded = change.note === undefined ? null : utf8ByteLength(change.note)
  await mapStorageFull(bytesNeeded, () => db.listEntries.update(key, change))
}

export async function setStatus(db: ArchiveDatabase, key: EntryKey, status: ReadingStatus): Promise<void> {
  await updateEntry(db, key, { status })
}

/** Adds a tag unless the entry has it already (tags compare case-insensitively). */
export async function addTag(db: ArchiveDatabase, key: EntryKey, tag: string): Promise<void> {
  if (normalizeTag(tag) === '') return
  await db.transaction('rw', db.listEntries, async () => {
    const entry = await db.listEntries.get(key)
    if (entry) await db.listEntries.update(key, { tags: normalizeTags([...entry.tags, tag]) })
  })
}

export async function removeTag(db: ArchiveDatabase, key: EntryKey, tag: string): Promise<void> {
  await db.transaction('rw', db.listEntries, async () => {
    const entry = await db.listEntries.get(key)
    if (!entry) return
    const identity = tagIdentity(tag)
    await db.listEntries.update(key, { tags: entry.tags.filter((own) => tagIdentity(own) !== identity) })
  })
}

/**
 * Copies or moves an entry to another list with its status, tags and note. When the target list
 * has the paper already, its entry is kept as it is (a move then only removes the source).
 */
export async function transferEntry(
  db: ArchiveDatabase,
  key: EntryKey,
  toListId: string,
  mode: 'copy' | 'move'
): Promise<void> {
  if (toListId === key[0]) return
  await db.transaction('rw', db.listEntries, async () => {
    const entry = await db.listEntries.get(key)
    if (!entry) return
    const target: EntryKey = [toListId, entry.paperId]
    if (!(await db.listEntries.get(target))) {
      await db.listEntries.add({ ...copyEntry(entry), listId: toListId, addedAt: now() })
    }
    if (mode === 'move') await db.listEntries.delete(key)
  })
}

/** Creates a list at the end of the user's order; resolves to its id. */
export async function createList(db: ArchiveDatabase, name: string): Promise<string> {
  const id = `list-${crypto.randomUUID()}`
  await db.transaction('rw', db.readingLists, async () => {
    const last = await db.readingLists.orderBy('order').last()
    const at = now()
    await db.readingLists.add({
      id,
      name: name.trim(),
      order: (last?.order ?? 0) + 1,
      createdAt: at,
      updatedAt: at
    })
  })
  return id
}

export async function renameList(db: ArchiveDatabase, id: string, name: string): Promise<void> {
  const trimmed = name.trim()
  if (trimmed === '') return
  await db.readingLists.update(id, { name: trimmed, updatedAt: now() })
}

/** Swaps the list with its neighbour above (`-1`) or below (`+1`) in the user's order. */
export async function moveList(db: ArchiveDatabase, id: string, step: -1 | 1): Promise<void> {
  await db.transaction('rw', db.readingLists, async () => {
    const lists = await loadLists(db)
    const index = lists.findIndex((list) => list.id === id)
    const other = lists[index + step]
    if (index < 0 || other === undefined) return
    // Renumber all: after a restore or a merge two lists may share an order value.
    const reordered = [...lists]
    reordered[index] = other
    reordered[index + step] = lists[index]
    const at = now()
    await db.readingLists.bulkPut(
      reordered.map((list, order) =>
        list.id === id || list.id === other.id ? { ...list, order, updatedAt: at } : { ...list, order }
      )
    )
  })
}

/** What a deletion removed, kept in memory so "Undo" can put it back exactly. */
export interface DeletedList {
  list: ReadingList
  entries: ListEntry[]
}

export async function deleteList(db: ArchiveDatabase, id: string): Promise<DeletedList | null> {
  return db.transaction('rw', db.readingLists, db.listEntries, async () => {
    const list = await db.readingLists.get(id)
    if (!list) return null
    const entries = await db.listEntries.where('listId').equals(id).toArray()
    await db.listEntries.where('listId').equals(id).delete()
    await db.readingLists.delete(id)
    return { list, entries }
  })
}

/** Puts a deleted list (or a removed entry, with `list: null`) back as it was. */
export async function undoDeletion(
  db: ArchiveDatabase,
  deleted: { list: ReadingList | null; entries: ListEntry[] }
): Promise<void> {
  await db.transaction('rw', db.readingLists, db.listEntries, async () => {
    if (deleted.list) await db.readingLists.put(deleted.list)
    await db.listEntries.bulkPut(deleted.entries)
  })
}

/** Everything the user owns (settings aside), for backups, exports and restore plans. */
export async function readLibrary(db: ArchiveDatabase): Promise<LibraryContents> {
  return db.transaction(
    'r',
    [db.readingLists, db.listEntries, db.savedSearches, db.followedLeaderboards],
    async () => ({
      lists: await db.readingLists.toArray(),
      entries: await db.listEntries.toArray(),
      savedSearches: await db.savedSearches.toArray(),
      followedLeaderboards: await db.followedLeaderboards.toArray()
    })
  )
}

/**
 * Restores a backup: the plan is made from the library as it is inside the same transaction that
 * writes it, over the user tables only, so a failure leaves the library as it was and an edit made
 * while the user read the report is not lost. Settings are not part of a backup and stay.
 */
export async function restoreLibrary(
  db: ArchiveDatabase,
  backup: LibraryBackup,
  mode: RestoreMode
): Promise<RestoreReport> {
  const tables = [db.readingLists, db.listEntries, db.savedSearches, db.followedLeaderboards]
  const report = await db.transaction('rw', tables, async () => {
    const { writes, report } = planRestore(await readLibrary(db), backup, mode)
    if (writes.clearExisting) {
      await Promise.all(tables.map((table) => table.clear()))
    }
    await db.readingLists.bulkPut(writes.lists)
    await db.listEntries.bulkPut(writes.entries)
    await db.savedSearches.bulkPut(writes.savedSearches)
    await db.followedLeaderboards.bulkPut(writes.followedLeaderboards)
    return report
  })
  await ensureDefaultList(db)
  return report
}
