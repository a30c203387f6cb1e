/**
 * The sync's bookkeeping in `syncMeta`: per-file checkpoints (committed with each chunk, so an
 * interrupted file resumes where its last transaction ended) and the archive snapshot (which
 * files the tables hold, so an unchanged file is not read again).
 */
import type { ArchiveDatabase } from '../db'
import type {
  ArchiveSnapshotMeta,
  ImportedFileMeta,
  SyncCheckpointMeta
} from '../../../shared/archive/entities'
import type { DumpKind } from '../../../shared/archive/dumpKinds'

const ARCHIVE_META_KEY = 'archive'
const PAPER_LISTINGS_STALE_KEY = 'paperListingsStale'

/**
 * The archive a completed sync left: changes when a sync changed the tables. The stored search
 * index is marked with it; caches of what the tables hold are kept per stamp.
 */
export async function archiveStamp(db: ArchiveDatabase): Promise<string | null> {
  const meta = (await db.syncMeta.get(ARCHIVE_META_KEY)) as ArchiveSnapshotMeta | undefined
  return meta ? (meta.changedAt ?? meta.completedAt) : null
}

export function checkpointKey(fileName: string): SyncCheckpointMeta['key'] {
  return `checkpoint:${fileName}`
}

export interface StoredSyncState {
  archive: ArchiveSnapshotMeta | null
  checkpoints: Map<string, SyncCheckpointMeta>
  /** Whether a sync that may have written papers did not reach the end of its finalize pass. */
  paperListingsStale: boolean
}

export async function readSyncState(db: ArchiveDatabase): Promise<StoredSyncState> {
  const rows = await db.syncMeta.toArray()
  const checkpoints = new Map<string, SyncCheckpointMeta>()
  let archive: ArchiveSnapshotMeta | null = null
  let paperListingsStale = false
  for (const row of rows) {
    if (row.key === ARCHIVE_META_KEY) archive = row as ArchiveSnapshotMeta
    else if (row.key === PAPER_LISTINGS_STALE_KEY) paperListingsStale = true
    else if (row.key.startsWith('checkpoint:')) {
      const checkpoint = row as SyncCheckpointMeta
      checkpoints.set(checkpoint.fileName, checkpoint)
    }
  }
  return { archive, checkpoints, paperListingsStale }
}

/**
 * Set before a sync's first paper write and cleared with the listings it writes at its end: a
 * sync that stops between the two leaves papers the listings do not show, so the next one
 * rebuilds them instead of updating them.
 */
export async function markPaperListingsStale(db: ArchiveDatabase): Promise<void> {
  await db.syncMeta.put({ key: PAPER_LISTINGS_STALE_KEY })
}

export async function clearPaperListingsStale(db: ArchiveDatabase): Promise<void> {
  await db.syncMeta.delete(PAPER_LISTINGS_STALE_KEY)
}

/**
 * Drops a kind from the snapshot before its tables change: if this sync fails half-way, the next
 * one must not skip the old file as "already imported" over a half-replaced table.
 */
export async function forgetImportedKind(db: ArchiveDatabase, kind: DumpKind): Promise<void> {
  await db.transaction('rw', db.syncMeta, async () => {
    const archive = (await db.syncMeta.get(ARCHIVE_META_KEY)) as ArchiveSnapshotMeta | undefined
    if (!archive || !(kind in archive.kinds)) return
    const kinds = { ...archive.kinds }
    delete kinds[kind]
    await db.syncMeta.put({ ...archive, kinds })
  })
}

export interface CompletedSync {
  /** Files of every kind this sync read to the end (kinds it skipped keep their entries). */
  importedKinds: Map<DumpKind, ImportedFileMeta[]>
  snapshotDate: string | null
  completedAt: string
  /** Whether this sync added, changed or removed any record. */
  changedRecords: boolean
  /** Files whose checkpoints are now obsolete. */
  fileNames: string[]
}

export async function recordCompletedSync(db: ArchiveDatabase, completed: CompletedSync): Promise<void> {
  await db.transaction('rw', db.syncMeta, async () => {
    const previous = (await db.syncMeta.get(ARCHIVE_META_KEY)) as ArchiveSnapshotMeta | undefined
    const kinds = { ...previous?.kinds, ...Object.fromEntries(completed.importedKinds) }
    const fileDates = Object.values(kinds)
      .flat()
      .map((file) => file.snapshotDate)
      .filter((date): date is string => date !== null)
      .sort()
    const snapshot: ArchiveSnapshotMeta = {
      key: ARCHIVE_META_KEY,
      snapshotDate:
        completed.snapshotDate ?? fileDates[fileDates.length - 1] ?? previous?.snapshotDate ?? null,
      completedAt: completed.completedAt,
      changedAt:
        completed.changedRecords || previous === undefined
          ? completed.completedAt
          : (previous.changedAt ?? previous.completedAt),
      kinds
    }
    await db.syncMeta.put(snapshot)
    await db.syncMeta.bulkDelete(completed.fileNames.map(checkpointKey))
  })
}
