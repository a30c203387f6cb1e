import { kindSnapshotDate } from '../../../shared/archive/dataSnapshotDates'
import type { DumpKind } from '../../../shared/archive/dumpKinds'
import type { ArchiveSnapshotMeta } from '../../../shared/archive/entities'
import type { ArchiveDatabase } from '../db'

/** What the last completed sync recorded about the archive tables, `null` before any sync. */
export async function readArchiveSnapshot(db: ArchiveDatabase): Promise<ArchiveSnapshotMeta | null> {
  const meta = await db.syncMeta.get('archive')
  return meta?.key === 'archive' ? meta : null
}

/** The date of the files the tables hold for `kind` (see `kindSnapshotDate`). */
export async function readKindSnapshotDate(db: ArchiveDatabase, kind: DumpKind): Promise<string | null> {
  return kindSnapshotDate(await readArchiveSnapshot(db), kind)
}
