import { useLiveQuery } from 'dexie-react-hooks'
import type { ArchiveDatabase } from '../data/db'
import { appDatabase } from '../data/appDatabase'

/**
 * A live query over the app's database: re-runs when a sync or a user action changes the
 * tables it read. `undefined` while loading, so pages can show a busy state.
 */
export function useArchiveQuery<T>(
  query: (db: ArchiveDatabase) => Promise<T>,
  deps: unknown[]
): T | undefined {
  return useLiveQuery(() => query(appDatabase), deps)
}
