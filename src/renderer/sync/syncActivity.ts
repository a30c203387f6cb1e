import { syncReadPercent } from '../../shared/archive/syncCompletion'
import { isImportRunning, type ArchiveSyncState } from './archiveSync'

/** What a running import is doing, in the words the header and the waiting pages both use. */
export interface SyncActivity {
  text: string
  /** Whole percent of the bytes to read that are read, `null` when unknown. */
  percent: number | null
}

/** `null` when no import is running. */
export function syncActivity(sync: ArchiveSyncState): SyncActivity | null {
  if (!isImportRunning(sync)) return null
  if (sync.status === 'downloading') return { text: 'Downloading archive…', percent: null }
  const progress = sync.progress
  // Every byte is read by then, but the import is not over: "100 %" would say it is.
  if (progress?.phase === 'finalizing') return { text: 'Importing: finishing…', percent: null }
  const percent = progress ? syncReadPercent(progress) : null
  return { text: percent === null ? 'Importing…' : `Importing ${percent}%`, percent }
}

/** ` (42% read)` after a phrase about the running import, `''` while the share is unknown. */
export function percentReadSuffix(activity: SyncActivity): string {
  return activity.percent === null ? '' : ` (${activity.percent}% read)`
}
