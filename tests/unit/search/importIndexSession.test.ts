/**
 * The search index built from what the sync writes, while it writes (issue #14), against the
 * index built from scratch by reading every paper back after the sync: the same papers, and the
 * same results (ids, order, totals, facets) for known-item, free-text, filter and facet queries,
 * on the bundled sample imported by the real sync engine with the app's own feed between them.
 */
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type { ArchiveDatabase } from '../../../src/renderer/data/db'
import { loadSearchIndex, type SearchIndexUpdate } from '../../../src/renderer/search/searchIndexStore'
import { archiveStamp } from '../../../src/renderer/data/sync/syncMetaStore'
import type { PaperSearchIndex } from '../../../src/shared/search/paperSearchIndex'
import { REAL_FILES, freshDatabase, gzipDump, memorySource, realRecords } from '../archive/archiveFixtures'
import {
  buildIndexFromTables,
  bundledSampleSources,
  importWithStreamedIndex
} from '../sample/bundledSampleArchive'
import { KNOWN_ITEM_QUERIES, LATER_KNOWN_ITEM_QUERIES } from '../sample/knownItemQueries'
import { storedSearchStamp } from '../../../src/renderer/search/searchIndexStore'

const QUERIES = [
  ...KNOWN_ITEM_QUERIES.map((q) => q.query),
  ...LATER_KNOWN_ITEM_QUERIES.map((q) => q.query),
  'neural networks',
  'learning',
  'con',
  'transformer language model',
  '"object detection"',
  'segmentation -medical',
  'has:code detection',
  'official:yes',
  'framework:pytorch',
  'framework:tf classification',
  'task:"Image Classification"',
  'dataset:ImageNet',
  'year:2017..2019 attention',
  'author:"Kaiming He"'
]

function liveIds(index: PaperSearchIndex): string[] {
  const ids: string[] = []
  for (const { segment } of index.segments()) {
    for (let doc = 0; doc < segment.docCount; doc += 1) if (!segment.isDeleted(doc)) ids.push(segment.id(doc))
  }
  return ids.sort()
}

/**
 * Every match with its score, in rank order; papers with equal scores in id order (the engine
 * breaks ties by where a paper sits in the index, which follows the order papers came in).
 */
function answers(index: PaperSearchIndex, query: string) {
  const response = index.search(query, { limit: 100_000 })
  return {
    query,
    total: response.total,
    hits: response.hits
      .map((hit) => ({ id: hit.id, score: Number(hit.score.toPrecision(9)) }))
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)),
    facets: response.facets
  }
}

function expectSameIndex(actual: PaperSearchIndex, expected: PaperSearchIndex): void {
  expect(actual.documentCount).toBe(expected.documentCount)
  expect(liveIds(actual)).toEqual(liveIds(expected))
  for (const query of QUERIES) expect(answers(actual, query)).toEqual(answers(expected, query))
}

function streamedIndex(result: Awaited<ReturnType<typeof importWithStreamedIndex>>): SearchIndexUpdate {
  expect(result.sync.outcome).toBe('completed')
  if (typeof result.index !== 'object') throw new Error(`the session ended with ${result.index}`)
  expect(result.index.mode).toBe('streamed')
  return result.index
}

async function storedIndex(db: ArchiveDatabase): Promise<PaperSearchIndex> {
  const loaded = await loadSearchIndex(db, () => undefined)
  if (loaded === null) throw new Error('no stored index')
  return loaded.papers
}

describe('the search index built while the sync writes', () => {
  it('grows during the first import and ends equal to a build from the tables, stored as one', async () => {
    const db = freshDatabase()
    const streamed = await importWithStreamedIndex(db, bundledSampleSources(), null)
    const index = streamedIndex(streamed)
    const scratch = await buildIndexFromTables(db)
    // Searchable while the sync ran: the count grew batch by batch, before the end.
    expect(
      streamed.growth.filter((count) => count > 0 && count < scratch.documentCount).length
    ).toBeGreaterThan(1)
    expectSameIndex(index.papers, scratch)
    expect(await storedSearchStamp(db)).toBe(await archiveStamp(db))
    expectSameIndex(await storedIndex(db), scratch)
  }, 600_000)

  it('updates the stored index through a replace that removes rows, stubs and links', async () => {
    const db = freshDatabase()
    streamedIndex(await importWithStreamedIndex(db, bundledSampleSources(), null))
    // A replace of the links and evaluation tables by small slices: rows and links go, papers
    // lose row facts (rewritten by the sync), stubs nobody cites are deleted, and papers the
    // sync does not write lose their code (only the code listings say so).
    const sources = [
      memorySource(REAL_FILES.links, gzipDump(realRecords(REAL_FILES.links).slice(0, 200))),
      memorySource(
        REAL_FILES.evaluationTables,
        gzipDump(realRecords(REAL_FILES.evaluationTables).slice(0, 20))
      )
    ]
    const update = streamedIndex(
      await importWithStreamedIndex(db, sources, await storedIndex(db), { replaceKinds: 'all' })
    )
    const scratch = await buildIndexFromTables(db)
    expectSameIndex(update.papers, scratch)
    expectSameIndex(await storedIndex(db), scratch)
  }, 600_000)

  it('falls back to a build from the tables after a sync that stopped part-way', async () => {
    const db = freshDatabase()
    const controller = new AbortController()
    const stopped = await importWithStreamedIndex(db, bundledSampleSources(), null, {
      signal: controller.signal,
      progressIntervalMs: 0,
      onProgress: (progress) => {
        if (progress.files.some((file) => file.records >= 1000)) controller.abort()
      }
    })
    expect(stopped.sync.outcome).toBe('cancelled')
    expect(stopped.index).toBe('reload')
    const resumed = await importWithStreamedIndex(db, bundledSampleSources(), null)
    expect(resumed.sync.outcome).toBe('completed')
    // Papers the first run committed were not handed over again: only a build sees them all.
    expect(resumed.index).toBe('rebuild')
  }, 600_000)
})
