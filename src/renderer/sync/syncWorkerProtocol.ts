import type { DumpKind } from '../../shared/archive/dumpKinds'
import type { ArchiveSyncProgress, ArchiveSyncResult } from '../../shared/archive/syncProgress'

/**
 * A file the sync worker streams: a URL it can fetch, or a file the user picked or dropped.
 * `kind` is the user's choice for a file whose name does not announce one.
 */
export type SyncFileSpec = (
  { name: string; size: number | null; url: string } | { name: string; size: number; file: File }
) & { kind?: DumpKind }

/** How a sync treats what it reads; the same for a preview and the import it precedes. */
export interface SyncChoices {
  /** Read files even when their content matches the last sync ("Re-read"). */
  force: boolean
  /** Kinds the files replace (removing what they no longer list); none: add and update only. */
  replaceKinds: DumpKind[] | 'all'
}

export type SyncWorkerRequest =
  | {
      type: 'start'
      files: SyncFileSpec[]
      snapshotDate?: string | null
      choices?: SyncChoices
      /** Read and plan the removals only; write nothing. */
      preview?: boolean
      /** Where the papers the sync writes go for the search index (not for a preview). */
      searchFeed?: MessagePort
    }
  | { type: 'cancel' }

export type SyncWorkerEvent =
  | { type: 'progress'; progress: ArchiveSyncProgress }
  | { type: 'finished'; result: ArchiveSyncResult }
  /** Only for failures outside the engine's own reporting (the worker itself broke). */
  | { type: 'crashed'; message: string }
