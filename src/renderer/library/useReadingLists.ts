import { liveQuery, type Subscription } from 'dexie'
import { useSyncExternalStore } from 'react'
import { appDatabase } from '../data/appDatabase'
import type { ArchiveDatabase } from '../data/db'
import { listsByPaper, loadLists } from './libraryActions'

/**
 * One live read shared by every component that shows it. A results page or a screenful of
 * `/papers` shows 20–30 bookmark controls, and each used to run (and re-run on every save) its
 * own queries of the same tables.
 */
function sharedLiveQuery<T>(query: (db: ArchiveDatabase) => Promise<T>): () => T | undefined {
  let value: T | undefined
  let subscription: Subscription | null = null
  const listeners = new Set<() => void>()
  const subscribe = (listener: () => void): (() => void) => {
    listeners.add(listener)
    subscription ??= liveQuery(() => query(appDatabase)).subscribe({
      next: (next) => {
        value = next
        for (const notify of listeners) notify()
      },
      // A failed read keeps the last value; the next change of the tables reads again.
      error: () => undefined
    })
    return () => {
      listeners.delete(listener)
      if (listeners.size > 0) return
      // The last value stays as a first answer for the next page's components, until its read.
      subscription?.unsubscribe()
      subscription = null
    }
  }
  return () => useSyncExternalStore(subscribe, () => value)
}

/** The reading lists; `undefined` until first read. */
export const useReadingLists = sharedLiveQuery((db) => loadLists(db))

const useListsByPaper = sharedLiveQuery((db) => listsByPaper(db))

const NO_LISTS: readonly string[] = []

/** The ids of the lists holding the paper; `undefined` until first read. */
export function useListsHolding(paperId: string): readonly string[] | undefined {
  const byPaper = useListsByPaper()
  return byPaper === undefined ? undefined : (byPaper.get(paperId) ?? NO_LISTS)
}
