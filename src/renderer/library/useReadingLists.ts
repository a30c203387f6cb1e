import { liveQuery, type Subscription } from 'dexie'
import { useSyncExternalStore } from 'react'
import type { ReadingList } from '../../shared/library/libraryTypes'
import { appDatabase } from '../data/appDatabase'
import { loadLists } from './libraryActions'

/**
 * The reading lists, read once for every control on screen: a results page or a screenful of
 * `/papers` shows 20–30 bookmark controls, and each used to run (and re-run on every save) its
 * own query of the same table.
 */
let lists: ReadingList[] | undefined
let subscription: Subscription | null = null
const listeners = new Set<() => void>()

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  subscription ??= liveQuery(() => loadLists(appDatabase)).subscribe({
    next: (next) => {
      lists = next
      for (const notify of listeners) notify()
    },
    // A failed read keeps the last lists; the next change of the table reads again.
    error: () => undefined
  })
  return () => {
    listeners.delete(listener)
    if (listeners.size > 0) return
    // The last lists stay as a first answer for the next page's controls, until its read.
    subscription?.unsubscribe()
    subscription = null
  }
}

/** `undefined` until first read. */
export function useReadingLists(): ReadingList[] | undefined {
  return useSyncExternalStore(subscribe, () => lists)
}
