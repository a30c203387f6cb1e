/**
 * Typing a dataset's name into the command palette lists the dataset and its leaderboards. The
 * entities are the real 2020 evaluation tables and the 2022 methods and datasets dumps, through the
 * real normalizers and the app's own mapping to search documents (`loadSearchableEntities`).
 */
// First: Dexie picks up the IndexedDB implementation when it is loaded.
import 'fake-indexeddb/auto'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadSearchableEntities } from '../../../src/renderer/search/searchableRecords'
import type { DumpKind } from '../../../src/shared/archive/dumpKinds'
import { createEntityBatch, createNormalizationContext } from '../../../src/shared/archive/dumpNormalizer'
import { createDumpNormalizer } from '../../../src/shared/archive/dumpNormalizers'
import { EntitySearchIndex, type EntityHit } from '../../../src/shared/search/entitySearchIndex'
import { REAL_FILES, freshDatabase, realRecords } from '../archive/archiveFixtures'

/** The palette's entity slots (`useQuickResults`). */
const PALETTE_SLOTS = 8

let index: EntitySearchIndex

beforeAll(async () => {
  const context = createNormalizationContext()
  const batch = createEntityBatch()
  const files: [DumpKind, string][] = [
    ['methods', REAL_FILES.methods],
    ['datasets', REAL_FILES.datasets],
    ['evaluation-tables', REAL_FILES.evaluationTables]
  ]
  for (const [kind, file] of files) {
    const normalizer = createDumpNormalizer(kind, context)
    for (const record of realRecords(file)) normalizer.add(record, batch)
    normalizer.finish(batch)
  }
  const db = freshDatabase()
  await db.methods.bulkPut(batch.methods)
  await db.datasets.bulkPut(batch.datasets)
  await db.tasks.bulkPut(batch.tasks)
  await db.leaderboards.bulkPut(batch.leaderboards)
  index = EntitySearchIndex.build(await loadSearchableEntities(db))
}, 60_000)

/** The words a reader sees in a name: "SQuAD1.1" reads as squad, 1, 1. */
const words = (text: string): string[] => text.toLowerCase().match(/\p{L}+|\p{N}+/gu) ?? []

describe.each([
  // [query, its dataset, the boards the palette must reach]
  ['squad', 'SQuAD', ['Question Answering on SQuAD1.1', 'Question Answering on SQuAD2.0']],
  ['imagenet', 'ImageNet', ['Image Classification on ImageNet']],
  ['coco', 'COCO', ['Object Detection on COCO test-dev']],
  ['cifar-10', 'CIFAR-10', ['Image Classification on CIFAR-10']],
  [
    'wmt2014',
    'WMT 2014',
    ['Machine Translation on WMT2014 English-German', 'Machine Translation on WMT 2014 EN-DE']
  ]
])('"%s" in the palette', (query, dataset, keyBoards) => {
  // A board is on the dataset when its dataset part holds every word typed ("SQuAD1.1" holds "squad").
  const typed = words(query)
  const isOnDataset = (hit: EntityHit): boolean => {
    const datasetWords = words(hit.name.slice(hit.name.lastIndexOf(' on ') + 4))
    return typed.every((word) => datasetWords.includes(word))
  }

  it(`lists the dataset ${dataset} and its leaderboards`, () => {
    const hits = index.search(query, { limit: PALETTE_SLOTS })
    expect(hits.filter((hit) => hit.kind === 'dataset').map((hit) => hit.name)).toContain(dataset)
    const boards = hits.filter((hit) => hit.kind === 'leaderboard')
    expect(boards.length).toBeGreaterThanOrEqual(3)
    expect(boards.filter((hit) => !isOnDataset(hit)).map((hit) => hit.name)).toEqual([])
  })

  it('finds its key leaderboards, and ranks no typo or prefix match above a board on the dataset', () => {
    const boards = index.search(query, { kinds: ['leaderboard'], limit: 1000 })
    expect(boards.map((hit) => hit.name)).toEqual(expect.arrayContaining(keyBoards))
    const firstLookAlike = boards.findIndex((hit) => !isOnDataset(hit))
    const lastOnDataset = boards.findLastIndex(isOnDataset)
    expect(firstLookAlike === -1 || firstLookAlike > lastOnDataset, boards[firstLookAlike]?.name).toBe(true)
  })
})
