import type { PaperRecord } from '../../shared/archive/entities'
import type { ArchiveDatabase, ListEntryRecord, PaperSnapshot } from '../data/db'

/** The list every bookmark lands in unless the user picks another. */
export const DEFAULT_LIST_ID = 'reading-list'
const DEFAULT_LIST_NAME = 'Reading list'

export async function ensureDefaultList(db: ArchiveDatabase): Promise<void> {
  await db.transaction('rw', db.readingLists, async () => {
    if (await db.readingLists.get(DEFAULT_LIST_ID)) return
    await db.readingLists.add({
      id: DEFAULT_LIST_ID,
      name: DEFAULT_LIST_NAME,
      order: 0,
      createdAt: new Date().toISOString()
    })
  })
}

/** What an entry keeps of its paper, so it still says what it was if a newer dump drops it. */
export function snapshotPaper(paper: PaperRecord): PaperSnapshot {
  return {
    title: paper.title,
    authors: paper.authors,
    arxivId: paper.arxivId,
    date: paper.date,
    urlAbs: paper.urlAbs,
    urlPdf: paper.urlPdf
  }
}

export async function isBookmarked(db: ArchiveDatabase, paperId: string): Promise<boolean> {
  return (await db.listEntries.where('paperId').equals(paperId).count()) > 0
}

/** Adds the paper to the list, or removes it if it is there; resolves to the new state. */
export async function toggleBookmark(
  db: ArchiveDatabase,
  paper: PaperRecord,
  listId: string = DEFAULT_LIST_ID
): Promise<boolean> {
  if (listId === DEFAULT_LIST_ID) await ensureDefaultList(db)
  return db.transaction('rw', db.listEntries, async () => {
    const key: [string, string] = [listId, paper.id]
    if (await db.listEntries.get(key)) {
      await db.listEntries.delete(key)
      return false
    }
    const entry: ListEntryRecord = {
      listId,
      paperId: paper.id,
      addedAt: new Date().toISOString(),
      status: 'to-read',
      tags: [],
      note: null,
      snapshot: snapshotPaper(paper)
    }
    await db.listEntries.add(entry)
    return true
  })
}
