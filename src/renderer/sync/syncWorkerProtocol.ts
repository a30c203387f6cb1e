import type { ArchiveSyncProgress, ArchiveSyncResult } from '../../shared/archive/syncProgress'

/** A file the sync worker streams: a URL it can fetch, or a file the user picked or dropped. */
export type SyncFileSpec =
  { name: string; size: number | null; url: string } | { name: string; size: number; file: File }

export type SyncWorkerRequest =
  { type: 'start'; files: SyncFileSpec[]; snapshotDate?: string | null; force?: boolean } | { type: 'cancel' }

export type SyncWorkerEvent =
  | { type: 'progress'; progress: ArchiveSyncProgress }
  | { type: 'finished'; result: ArchiveSyncResult }
  /** Only for failures outside the engine's own reporting (the worker itself broke). */
  | { type: 'crashed'; message: string }
