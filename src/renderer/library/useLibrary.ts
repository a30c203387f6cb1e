import { useEffect } from 'react'
import type { ListEntry, ReadingList } from '../../shared/library/libraryTypes'
import { useArchiveQuery } from '../components/useArchiveQuery'
import { appDatabase } from '../data/appDatabase'
import { ensureDefaultList, loadLists } from './libraryActions'

export interface LibraryData {
  lists: ReadingList[]
  entries: ListEntry[]
  /** Paper ids the archive tables still have; the others show their snapshot and a flag. */
  inArchive: ReadonlySet<string>
}

/** The user's lists and entries, live: edits, restores and syncs (papers dropped or added) re-run it. */
export function useLibrary(): LibraryData | undefined {
  useEffect(() => {
    void ensureDefaultList(appDatabase)
  }, [])
  return useArchiveQuery(async (db) => {
    const lists = await loadLists(db)
    const entries = await db.listEntries.toArray()
    const ids = [...new Set(entries.map((entry) => entry.paperId))]
    const inArchive = new Set(await db.papers.where(':id').anyOf(ids).primaryKeys())
    return { lists, entries, inArchive }
  }, [])
}
