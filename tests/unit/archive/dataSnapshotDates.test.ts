// First: Dexie picks up the IndexedDB implementation when it is loaded.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { importArchive } from '../../../src/renderer/data/sync/importArchive'
import { readArchiveSnapshot } from '../../../src/renderer/data/queries/archiveSnapshotQueries'
import {
  leaderboardSnapshotDate,
  loadLeaderboardPage
} from '../../../src/renderer/pages/leaderboard/leaderboardQueries'
import { kindSnapshotDate, kindSnapshots } from '../../../src/shared/archive/dataSnapshotDates'
import { detectDumpKind, snapshotDateFromFileName } from '../../../src/shared/archive/dumpKinds'
import type { ArchiveSnapshotMeta, ImportedFileMeta } from '../../../src/shared/archive/entities'
import {
  REAL_FILES,
  freshDatabase,
  gzipDump,
  memorySource,
  realFileBytes,
  realRecords
} from './archiveFixtures'

/** The meta a completed sync of these files records (dates from the names, as the sync reads them). */
function metaOf(fileNames: string[], snapshotDate: string | null): ArchiveSnapshotMeta {
  const kinds: Record<string, ImportedFileMeta[]> = {}
  for (const name of fileNames) {
    const kind = detectDumpKind(name) ?? 'unknown'
    const file = { name, kind, fingerprint: name, records: 1, snapshotDate: snapshotDateFromFileName(name) }
    kinds[kind] = [...(kinds[kind] ?? []), file]
  }
  return { key: 'archive', snapshotDate, completedAt: '2025-01-01T00:00:00.000Z', kinds }
}

const SAMPLE_FILES = [
  REAL_FILES.evaluationTables,
  REAL_FILES.methods,
  REAL_FILES.datasets,
  REAL_FILES.papers,
  REAL_FILES.links
]

describe('the snapshot date of each kind of data', () => {
  // The sync dates the archive by the latest file name: 2022-06 for the bundled sample.
  const sample = metaOf(SAMPLE_FILES, '2022-06')

  it('dates leaderboards by the evaluation tables, not by the newest dump', () => {
    expect(kindSnapshotDate(sample, 'evaluation-tables')).toBe('2020-09')
    expect(kindSnapshotDate(sample, 'methods')).toBe('2022-06')
    expect(kindSnapshotDate(sample, 'datasets')).toBe('2022-06')
  })

  it('leaves undated files undated rather than lending them another file’s date', () => {
    expect(kindSnapshotDate(sample, 'papers')).toBeNull()
    expect(kindSnapshotDate(sample, 'links')).toBeNull()
  })

  it('uses a date given to the sync for files whose names carry none (the archive’s jul-28-… names)', () => {
    const archive = metaOf(['jul-28-evaluation-tables.json.gz', 'jul-28-methods.json.gz'], '2025-07-28')
    expect(kindSnapshotDate(archive, 'evaluation-tables')).toBe('2025-07-28')
    // A dated name still wins over the given date.
    const mixed = metaOf(['jul-28-methods.json.gz', REAL_FILES.evaluationTables], '2025-07-28')
    expect(kindSnapshotDate(mixed, 'evaluation-tables')).toBe('2020-09')
    expect(kindSnapshotDate(mixed, 'methods')).toBe('2025-07-28')
  })

  it('knows no date before a sync, or for a kind no sync imported', () => {
    expect(kindSnapshotDate(null, 'evaluation-tables')).toBeNull()
    expect(kindSnapshotDate(metaOf([REAL_FILES.methods], '2022-06'), 'evaluation-tables')).toBeNull()
  })

  it('lists each imported kind in import order with its own date and files', () => {
    expect(kindSnapshots(sample)).toEqual([
      { kind: 'methods', date: '2022-06', fileNames: [REAL_FILES.methods] },
      { kind: 'datasets', date: '2022-06', fileNames: [REAL_FILES.datasets] },
      { kind: 'papers', date: null, fileNames: [REAL_FILES.papers] },
      { kind: 'links', date: null, fileNames: [REAL_FILES.links] },
      { kind: 'evaluation-tables', date: '2020-09', fileNames: [REAL_FILES.evaluationTables] }
    ])
  })
})

describe('leaderboard pages stamp their exports with the evaluation tables’ date', () => {
  it('after a sync of the 2020-09 evaluation tables and the 2022-06 methods dump', async () => {
    const db = freshDatabase()
    const result = await importArchive(db, [
      memorySource(
        REAL_FILES.evaluationTables,
        gzipDump(realRecords(REAL_FILES.evaluationTables).slice(0, 8))
      ),
      memorySource(REAL_FILES.methods, realFileBytes(REAL_FILES.methods))
    ])
    expect(result.outcome).toBe('completed')
    expect((await readArchiveSnapshot(db))?.snapshotDate).toBe('2022-06')

    const [board] = await db.leaderboards.limit(1).toArray()
    expect((await loadLeaderboardPage(db, board.id))?.snapshotDate).toBe('2020-09')
    // What /compare stamps its exports with too.
    expect(await leaderboardSnapshotDate(db)).toBe('2020-09')
  })
})
