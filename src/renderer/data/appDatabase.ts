import { openArchiveDatabase } from './db'

/**
 * The UI thread's connection. The sync worker opens its own; Dexie's live queries see the
 * worker's commits through IndexedDB's storage events.
 */
export const appDatabase = openArchiveDatabase()
