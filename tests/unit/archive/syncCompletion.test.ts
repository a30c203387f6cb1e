// First: Dexie picks up the IndexedDB implementation when it is loaded.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { importArchive } from '../../../src/renderer/data/sync/importArchive'
import { syncReadPercent } from '../../../src/shared/archive/syncCompletion'
import type { ArchiveSyncProgress } from '../../../src/shared/archive/syncProgress'
import { REAL_FILES, freshDatabase, memorySource, realFileBytes } from './archiveFixtures'

const methods = () => memorySource(REAL_FILES.methods, realFileBytes(REAL_FILES.methods))
// Small chunks, so the papers file reports several partial byte counts on its way.
const papers = () => memorySource(REAL_FILES.papers, realFileBytes(REAL_FILES.papers), { chunkBytes: 2048 })

describe('the sync percentage', () => {
  it('counts the bytes of the files being read, not of the files a re-sync skips', async () => {
    const db = freshDatabase()
    await importArchive(db, [methods()])
    const progress: ArchiveSyncProgress[] = []
    const result = await importArchive(db, [methods(), papers()], {
      progressIntervalMs: 0,
      onProgress: (p) => progress.push(p)
    })
    expect(result.summary.files.map((f) => [f.name, f.outcome])).toEqual([
      [REAL_FILES.methods, 'unchanged'],
      [REAL_FILES.papers, 'imported']
    ])

    const reading = progress.filter((p) => p.files[1]?.phase === 'parsing' && p.files[1].bytesRead > 0)
    expect(reading.length).toBeGreaterThan(3)
    for (const p of reading) {
      const [skipped, file] = p.files
      expect(skipped.phase).toBe('skipped')
      // The papers file alone is the work: the methods file's 679 KB are not "still to read".
      expect(syncReadPercent(p)).toBe(Math.floor((file.bytesRead / (file.bytesTotal ?? NaN)) * 100))
    }
    const percents = progress.map(syncReadPercent).filter((percent) => percent !== null)
    expect(percents).toEqual([...percents].sort((a, b) => a - b))
    expect(progress.filter((p) => p.phase === 'finalizing').map(syncReadPercent)).toContain(100)
    expect(syncReadPercent(progress[progress.length - 1])).toBe(100)
  })

  it('says nothing rather than a wrong figure when nothing is read or a size is unknown', async () => {
    const db = freshDatabase()
    await importArchive(db, [methods()])
    const progress: ArchiveSyncProgress[] = []
    await importArchive(db, [methods()], { onProgress: (p) => progress.push(p) })
    expect(progress.at(-1)?.files.map((f) => f.phase)).toEqual(['skipped'])
    const decided = progress.filter((p) => p.files[0]?.phase === 'skipped')
    expect(decided.length).toBeGreaterThan(0)
    expect(decided.map(syncReadPercent)).toEqual(decided.map(() => null))

    // A download whose server sent no length: a percentage of the others would be made up.
    const unsized = { ...methods(), size: undefined }
    const unknown: ArchiveSyncProgress[] = []
    await importArchive(freshDatabase(), [unsized], {
      progressIntervalMs: 0,
      onProgress: (p) => unknown.push(p)
    })
    expect(unknown.some((p) => p.files[0]?.phase === 'parsing')).toBe(true)
    expect(unknown.filter((p) => p.files[0]?.phase === 'parsing').map(syncReadPercent)).not.toContain(
      expect.any(Number)
    )
  })
})
