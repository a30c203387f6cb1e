/**
 * Saved searches in the user tables. The search page saves and runs them; after each run it calls
 * `recordSearchRun`, which says which results are new since the previous run (after a sync, the
 * papers the new dump added).
 */
import type { SavedSearch } from '../../shared/library/libraryTypes'
import type { ArchiveDatabase } from '../data/db'

export async function saveSearch(db: ArchiveDatabase, name: string, query: string): Promise<SavedSearch> {
  const search: SavedSearch = {
    id: `search-${crypto.randomUUID()}`,
    name: name.trim() || query.trim(),
    query: query.trim(),
    createdAt: new Date().toISOString()
  }
  await db.savedSearches.add(search)
  return search
}

/** Newest first. */
export async function listSavedSearches(db: ArchiveDatabase): Promise<SavedSearch[]> {
  const searches = await db.savedSearches.toArray()
  return searches.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
}

export async function deleteSavedSearch(db: ArchiveDatabase, id: string): Promise<void> {
  await db.savedSearches.delete(id)
}

/**
 * Stores this run's result ids and resolves to those the previous run did not return. The first
 * run has nothing to compare with, so nothing is new.
 */
export async function recordSearchRun(
  db: ArchiveDatabase,
  id: string,
  resultIds: readonly string[],
  ranAt: string = new Date().toISOString()
): Promise<string[]> {
  return db.transaction('rw', db.savedSearches, async () => {
    const search = await db.savedSearches.get(id)
    if (!search) return []
    const previous = search.lastResultIds ? new Set(search.lastResultIds) : null
    await db.savedSearches.update(id, { lastRunAt: ranAt, lastResultIds: [...resultIds] })
    return previous === null ? [] : resultIds.filter((resultId) => !previous.has(resultId))
  })
}
