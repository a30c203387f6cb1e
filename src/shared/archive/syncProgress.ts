/**
 * What the archive sync engine reports while it runs and when it ends. Plain data only, so a
 * Worker can post it with `postMessage` and the UI can keep the last value in state.
 */
import type { ArchiveEntityTable } from './entities'
import type { DumpKind } from './dumpKinds'
import type { RemovalCounts } from './removalPlan'

/** Where one file is. `downloading` is for a caller that fetches files before handing them over. */
export type FileSyncPhase =
  'queued' | 'downloading' | 'parsing' | 'writing' | 'finalizing' | 'done' | 'skipped' | 'error' | 'cancelled'

export type SyncPhase = 'preparing' | 'importing' | 'finalizing' | 'done' | 'error' | 'cancelled'

export interface FileSyncProgress {
  name: string
  kind: DumpKind | null
  /** Bytes of the file as stored (compressed for `.gz`), `null` when unknown. */
  bytesTotal: number | null
  bytesRead: number
  /** Top-level records parsed so far (a whole task tree counts as one evaluation-tables record). */
  records: number
  recordsPerSecond: number
  /** `null` until a rate and a total are known. */
  etaSeconds: number | null
  phase: FileSyncPhase
}

export interface ArchiveSyncProgress {
  phase: SyncPhase
  /** Files in the order the engine processes them. */
  files: FileSyncProgress[]
  elapsedSeconds: number
  /** Set once `phase` is `error`. */
  error: ArchiveSyncError | null
}

/** A sync stopped by bad input: where it happened, precisely enough to look at the bytes. */
export interface ArchiveSyncError {
  /** The file's name, `null` for failures outside any file (the database refused a write). */
  file: string | null
  /** 0-based index of the top-level record in its file; `null` when no record was involved. */
  recordIndex: number | null
  /** Offset in the uncompressed JSON where that record starts (or where parsing stopped). */
  byteOffset: number | null
  message: string
  /**
   * Set when the database refused a write for lack of space: the sync can resume from its last
   * checkpoint once space is freed. `bytesNeeded` estimates what the sync still had to write.
   */
  storageFull?: { bytesNeeded: number | null }
}

export interface TableChangeCounts {
  added: number
  changed: number
  removed: number
  unchanged: number
}

export type FileSyncOutcome = 'imported' | 'resumed' | 'unchanged' | 'failed' | 'cancelled' | 'not-reached'

export interface FileSyncSummary {
  name: string
  kind: DumpKind | null
  fingerprint: string | null
  outcome: FileSyncOutcome
  records: number
  /** Records parsed again but not written because a checkpoint said they were committed. */
  recordsSkippedByCheckpoint: number
  /** Evaluation tables: leaderboards repeated under another parent task (stored once). */
  repeatedLeaderboards: number
  /** Metric strings that hold no single number (`"-"`, `"N/A"`, `"54.60/55.55"`). */
  unparsedMetricValues: number
  /** What the user should know about the file although it imported (rows in an unread field). */
  warnings: string[]
}

export interface StubChangeCounts {
  /** Stub papers written for links or rows whose paper is not (yet) in the papers table. */
  created: number
  /** Stubs replaced by the real paper or re-pointed to it. */
  resolved: number
  /** Stubs nothing refers to any more. */
  removed: number
}

export interface ArchiveSyncSummary {
  tables: Record<ArchiveEntityTable, TableChangeCounts>
  stubs: StubChangeCounts
  /** Results whose `paperId` moved from a stub to the real paper in the finalize pass. */
  resultsRepointed: number
  /**
   * What a replace removed (a preview: would remove) and kept for the user; `null` when no kind
   * was replaced, so nothing but uncited stubs was removed.
   */
  removals: RemovalCounts | null
  files: FileSyncSummary[]
  durationSeconds: number
  /** Records put into the database, per second of the whole run. */
  writtenRecordsPerSecond: number
  /** Where the time went, in seconds (stages overlap nothing: their sum is at most the duration). */
  stageSeconds: Record<SyncStage, number>
}

/**
 * `reading`: decompressing, splitting, parsing and normalizing; `writing`: chunk transactions;
 * `finalizing`: removals, re-pointing and stub clean-up after the last file.
 */
export type SyncStage = 'reading' | 'writing' | 'finalizing'

export type ArchiveSyncOutcome = 'completed' | 'cancelled' | 'failed'

export interface ArchiveSyncResult {
  outcome: ArchiveSyncOutcome
  summary: ArchiveSyncSummary
  /** Set when `outcome` is `failed`; everything committed before it stays, user tables untouched. */
  error: ArchiveSyncError | null
}
