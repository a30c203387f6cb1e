/**
 * The persisted search index against fake-indexeddb: built once, loaded in stages, then updated
 * after a "sync" by re-indexing only what changed while the untouched segments' stored chunks stay.
 */
// First: Dexie picks up the IndexedDB implementation when it is loaded.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type { PaperRecord } from '../../../src/shared/archive/entities'
import {
  loadSearchIndex,
  storedSearchStamp,
  updateSearchIndex,
  type LoadedSearchIndex
} from '../../../src/renderer/search/searchIndexStore'
import { EntitySearchIndex } from '../../../src/shared/search/entitySearchIndex'
import { createEntityBatch, createNormalizationContext } from '../../../src/shared/archive/dumpNormalizer'
import { createEvaluationTablesNormalizer } from '../../../src/shared/archive/normalizeEvaluationTables'
import { REAL_FILES, freshDatabase, realRecords } from '../archive/archiveFixtures'
import { realAbstractPapers } from './realSearchFixtures'

function paperRecords(): PaperRecord[] {
  return realAbstractPapers().map((paper) => ({
    id: paper.id,
    arxivId: null,
    title: paper.title,
    titleKey: null,
    abstract: paper.abstract,
    authors: paper.authors,
    taskIds: [],
    date: paper.date,
    proceeding: paper.venue,
    conference: null,
    urlAbs: null,
    urlPdf: null,
    methodIds: [],
    isStub: false
  }))
}

const SEGMENT = { maxSegmentDocs: 20 }

describe('the persisted search index', () => {
  it('builds, loads in stages, and updates only what a sync changed', async () => {
    const db = freshDatabase()
    const records = paperRecords()
    await db.papers.bulkPut(records)

    const built = await updateSearchIndex(db, null, 'sync-1', SEGMENT)
    expect(built).toMatchObject({ mode: 'built', indexed: records.length, removed: 0 })
    expect(await storedSearchStamp(db)).toBe('sync-1')

    let answering: { total: number; incomplete: string[] } | null = null
    const loaded = (await loadSearchIndex(
      db,
      (partial) => {
        const response = partial.search('annealing ')
        answering = { total: response.total, incomplete: response.incomplete }
      },
      SEGMENT
    )) as LoadedSearchIndex
    // Before the abstracts are attached, titles answer and the response says what is missing.
    expect(answering).toEqual({ total: 1, incomplete: ['abstract', 'sequences'] })
    expect(loaded.stamp).toBe('sync-1')
    expect(loaded.papers.search('annealing ').incomplete).toEqual([])
    const abstractOnly = loaded.papers.search('multivariate ').total
    expect(abstractOnly).toBeGreaterThan(0)

    const keysBefore = new Set((await db.searchIndex.toCollection().primaryKeys()).map(String))
    const annealing = records.find((r) => r.title === 'Optimization by Simulated Annealing') as PaperRecord
    await db.papers.put({ ...annealing, title: 'Optimization by Simulated Quenching' })
    await db.papers.delete(records[0].id)

    const updated = await updateSearchIndex(db, loaded.papers, 'sync-2', SEGMENT)
    expect(updated).toMatchObject({ mode: 'updated', indexed: 1, removed: 1 })
    expect(await storedSearchStamp(db)).toBe('sync-2')
    const keysAfter = new Set((await db.searchIndex.toCollection().primaryKeys()).map(String))
    // Segments the update did not touch keep their chunks (only their deletion flags may change).
    const kept = [...keysBefore].filter((key) => keysAfter.has(key) && key.includes('/'))
    expect(kept.length).toBeGreaterThan(0)

    const reloaded = (await loadSearchIndex(db, () => undefined, SEGMENT)) as LoadedSearchIndex
    expect(reloaded.papers.documentCount).toBe(records.length - 1)
    expect(reloaded.papers.search('quenching ').hits.map((hit) => hit.id)).toEqual([annealing.id])
    expect(reloaded.papers.search('"simulated annealing"').total).toBe(0)
    expect(reloaded.papers.has(records[0].id)).toBe(false)
    expect(reloaded.papers.search('multivariate ').total).toBe(abstractOnly)
  })

  it('rebuilds an entity index stored in an older format, and stores the new one', async () => {
    const db = freshDatabase()
    await db.papers.bulkPut(paperRecords())
    // The real 2020 "Question Answering" tree: its boards, SQuAD1.1 and SQuAD2.0 among them.
    const normalizer = createEvaluationTablesNormalizer(createNormalizationContext())
    const batch = createEntityBatch()
    const questionAnswering = realRecords<{ task: string }>(REAL_FILES.evaluationTables).find(
      (record) => record.task === 'Question Answering'
    )
    normalizer.add(questionAnswering, batch)
    normalizer.finish(batch)
    await db.tasks.bulkPut(batch.tasks)
    await db.leaderboards.bulkPut(batch.leaderboards)
    const built = await updateSearchIndex(db, null, 'sync-1', SEGMENT)
    // An earlier version's row: MiniSearch's own JSON, where "SQuAD1.1" was the one term "squad1".
    const oldFormat = JSON.stringify(JSON.parse(built.entities.serialize()).miniSearch)
    await db.searchIndex.put({ key: 'entities', data: oldFormat })

    const loaded = await loadSearchIndex(db, () => undefined, SEGMENT)
    const names = loaded?.entities.search('squad', { limit: 8 }).map((hit) => hit.name) ?? []
    expect(names).toEqual(
      expect.arrayContaining([
        'Question Answering on SQuAD1.1',
        'Question Answering on SQuAD1.1 dev',
        'Question Answering on SQuAD2.0',
        'Question Answering on SQuAD2.0 dev'
      ])
    )
    const stored = (await db.searchIndex.get('entities'))?.data
    expect(typeof stored === 'string' && EntitySearchIndex.deserialize(stored)).not.toBeNull()
  })

  it('resolves null when nothing is stored', async () => {
    const db = freshDatabase()
    expect(await loadSearchIndex(db, () => undefined)).toBeNull()
    expect(await storedSearchStamp(db)).toBeNull()
  })
})
