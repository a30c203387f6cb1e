/**
 * The date of the data a page shows. The archive's own date (`ArchiveSnapshotMeta.snapshotDate`)
 * is the latest date in any file name: the bundled sample's 2022-06 methods dump made every
 * leaderboard export claim "2022-06" while its results come from the 2020-09 evaluation tables.
 * Whatever names "the snapshot" of some data must take the date of the files that data came from.
 */
import { DUMP_KINDS_IN_IMPORT_ORDER, type DumpKind } from './dumpKinds'
import type { ArchiveSnapshotMeta, ImportedFileMeta } from './entities'

/** Leaderboards, their tasks and results all come from the evaluation-tables dump. */
export const LEADERBOARD_DUMP_KIND: DumpKind = 'evaluation-tables'

function latestDate(files: readonly ImportedFileMeta[]): string | null {
  const dates = files.map((file) => file.snapshotDate).filter((date): date is string => date !== null)
  return dates.length === 0 ? null : dates.sort()[dates.length - 1]
}

/**
 * Whether the archive's date was handed to the sync (for names like `jul-28-…` that carry none)
 * rather than read off some file's name: only then does it also date a kind whose files are undated.
 */
function archiveDateWasGiven(meta: ArchiveSnapshotMeta): boolean {
  const date = meta.snapshotDate
  return (
    date !== null && !Object.values(meta.kinds).some((files) => files.some((f) => f.snapshotDate === date))
  )
}

/**
 * The date of the files the tables hold for `kind` (the latest, when several are dated), `null`
 * when no sync recorded one or the kind's files carry no date.
 */
export function kindSnapshotDate(
  meta: ArchiveSnapshotMeta | null | undefined,
  kind: DumpKind
): string | null {
  const files = meta?.kinds[kind]
  if (meta === null || meta === undefined || files === undefined || files.length === 0) return null
  return latestDate(files) ?? (archiveDateWasGiven(meta) ? meta.snapshotDate : null)
}

export interface KindSnapshot {
  kind: DumpKind
  date: string | null
  fileNames: string[]
}

/** Every kind the tables hold, in import order, with its own date and files. */
export function kindSnapshots(meta: ArchiveSnapshotMeta | null | undefined): KindSnapshot[] {
  if (meta === null || meta === undefined) return []
  return DUMP_KINDS_IN_IMPORT_ORDER.filter((kind) => (meta.kinds[kind]?.length ?? 0) > 0).map((kind) => ({
    kind,
    date: kindSnapshotDate(meta, kind),
    fileNames: meta.kinds[kind].map((file) => file.name)
  }))
}
