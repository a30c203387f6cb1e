import { useEffect } from 'react'
import type { ListEntry, ReadingList } from '../../shared/library/libraryTypes'
import { useArchiveQuery } from '../components/useArchiveQuery'
import { appDatabase } from '../data/appDatabase'
import { ensureDefaultList, loadLists } from './libraryActions'

export interface LibraryData {
  lists: ReadingList[]
  entries: ListEntry[]
}

/**
 * The user's lists and entries, live: edits and restores re-run it. Which saved papers the archive
 * still holds is asked per screenful of cards (useArchivePresence.ts).
 */
export function useLibrary(): LibraryData | undefined {
  useEffect(() => {
    void ensureDefaultList(appDatabase)
  }, [])
  return useArchiveQuery(async (db) => {
    const lists = await loadLists(db)
    const entries = await db.listEntries.toArray()
    return { lists, entries }
  }, [])
}
