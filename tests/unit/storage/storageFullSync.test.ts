/**
 * A sync that runs out of space: Chromium refuses every write once the origin's quota is used up,
 * so the engine must stop with a storage-full report, keep what it committed (and the checkpoint
 * that says so), leave user tables alone, and finish by resuming once space is freed.
 */
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { importArchive } from '../../../src/renderer/data/sync/importArchive'
import { REAL_FILES, freshDatabase, memorySource, realRecords } from '../archive/archiveFixtures'
import { installQuotaSwitch } from './quotaMiddleware'

// Plain JSON: Node 20's gunzip stream throws after a mid-file cancel (Chromium's does not).
const PAPERS = new TextEncoder().encode(JSON.stringify(realRecords(REAL_FILES.papers)))
const papersFile = () => memorySource(REAL_FILES.papers, PAPERS)

describe('a sync when storage is full', () => {
  it('reports storage full with the bytes still to write, and resumes from its checkpoint', async () => {
    const db = freshDatabase()
    const quota = installQuotaSwitch(db)
    await db.readingLists.put({
      id: 'list-1',
      name: 'To read',
      order: 0,
      createdAt: '2025-07-30T10:00:00.000Z',
      updatedAt: '2025-07-30T10:00:00.000Z'
    })
    const listsBefore = await db.readingLists.toArray()
    // Space runs out a few chunks in: the first writes (sync state, chunks, checkpoints) fit.
    quota.fill(8)
    const result = await importArchive(db, [papersFile()], { chunkSize: 10 })
    expect(result.outcome).toBe('failed')
    expect(quota.refused).toBeGreaterThan(0)
    expect(result.error?.file).toBe(REAL_FILES.papers)
    expect(result.error?.message).toMatch(/^storage is full: about \d+(\.\d)? [KM]?B more is needed$/)
    const bytesNeeded = result.error?.storageFull?.bytesNeeded ?? 0
    // At least the refused chunk, at most what the whole sync would have written and read.
    expect(bytesNeeded).toBeGreaterThan(1000)
    expect(bytesNeeded).toBeLessThan(PAPERS.length * 2)

    quota.free()
    const committed = await db.papers.count()
    expect(committed).toBeGreaterThan(0)
    const checkpoint = await db.syncMeta.get(`checkpoint:${REAL_FILES.papers}`)
    expect(checkpoint).toMatchObject({ complete: false, recordsDone: committed })
    expect(await db.readingLists.toArray()).toEqual(listsBefore)

    const resumed = await importArchive(db, [papersFile()], { chunkSize: 10 })
    expect(resumed.outcome).toBe('completed')
    expect(resumed.summary.files[0]).toMatchObject({
      outcome: 'resumed',
      recordsSkippedByCheckpoint: committed
    })
    expect(await db.papers.count()).toBe(realRecords(REAL_FILES.papers).length)
    db.close()
  })

  it('reports storage full when finalizing cannot write either', async () => {
    const db = freshDatabase()
    const quota = installQuotaSwitch(db)
    const result = await importArchive(db, [papersFile()], {
      chunkSize: 1000,
      onProgress: (progress) => {
        if (progress.phase === 'finalizing') quota.fill()
      }
    })
    expect(result.outcome).toBe('failed')
    expect(result.error).toMatchObject({ file: null, message: 'storage is full' })
    expect(result.error?.storageFull).toEqual({ bytesNeeded: null })
    db.close()
  })
})
