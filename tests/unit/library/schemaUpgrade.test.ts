import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createEntityBatch, createNormalizationContext } from '../../../src/shared/archive/dumpNormalizer'
import { createEvaluationTablesNormalizer } from '../../../src/shared/archive/normalizeEvaluationTables'
import type { CodeLinkRecord, PaperRecord } from '../../../src/shared/archive/entities'
import {
  ANY_CODE_LISTING,
  decodeListing,
  PAPERS_LISTING,
  taskListingKey,
  type ListingEntry
} from '../../../src/shared/archive/paperListings'
import { openArchiveDatabase, type ArchiveDatabase } from '../../../src/renderer/data/db'
import { rebuildPaperListings } from '../../../src/renderer/data/paperListingStore'
import { snapshotFromPaper } from '../../../src/shared/library/paperSnapshot'
import {
  ARXIV_PAPER,
  NON_ASCII_PAPER,
  PUBLISHER_PAPER,
  SHARED_DATA,
  sampleCodeLinks,
  samplePaper
} from './libraryFixtures'
import { SCHEMA_V1, SCHEMA_V6_CHANGES } from './frozenSchemas'

/** A row as version 1's bookmark button wrote it (`libraryActions.ts` before the library types). */
function v1Entry(paper: PaperRecord, listId: string, fields: { note: string | null; tags: string[] }) {
  return {
    listId,
    paperId: paper.id,
    addedAt: '2025-07-30T10:00:00.000Z',
    status: 'reading',
    tags: fields.tags,
    note: fields.note,
    snapshot: {
      title: paper.title,
      authors: paper.authors,
      arxivId: paper.arxivId,
      date: paper.date,
      urlAbs: paper.urlAbs,
      urlPdf: paper.urlPdf
    }
  }
}

const opened: Dexie[] = []
let counter = 0

function uniqueName(): string {
  counter += 1
  return `schema-upgrade-${process.pid}-${counter}`
}

afterEach(async () => {
  const dbs = opened.splice(0)
  for (const db of dbs) db.close()
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name)
})

/** Every stored listing, decoded from its head and pages. */
async function storedListings(db: ArchiveDatabase): Promise<Record<string, ListingEntry[]>> {
  const pages = await db.paperListingPages.toArray()
  return Object.fromEntries(
    (await db.paperListings.toArray()).map((head) => [
      head.key,
      decodeListing({ head, pages: pages.filter((page) => page.key === head.key) })
    ])
  )
}

async function listingIds(db: ArchiveDatabase): Promise<Record<string, string[]>> {
  const listings = await storedListings(db)
  return Object.fromEntries(Object.entries(listings).map(([key, entries]) => [key, entries.map((e) => e.id)]))
}

/** The code listings links put their papers in (`paperListings.ts`), written out again here. */
function codeListingKeys(links: readonly CodeLinkRecord[]): string[] {
  const keys = new Set<string>()
  for (const link of links) {
    keys.add('code:any')
    if (link.isOfficial) keys.add('code:official')
    if (link.framework !== null) keys.add(`code:framework:${link.framework}`)
  }
  return [...keys]
}

async function createV1Profile(name: string): Promise<void> {
  const old = new Dexie(name)
  old.version(1).stores(SCHEMA_V1)
  await old.open()
  const arxiv = samplePaper(ARXIV_PAPER)
  const publisher = samplePaper(PUBLISHER_PAPER)
  const nonAscii = samplePaper(NON_ASCII_PAPER)
  // The archive still has two of the papers (one with code); the third was dropped by a newer dump.
  await old.table('papers').bulkPut([arxiv, publisher])
  const links: CodeLinkRecord[] = sampleCodeLinks()
    .slice(0, 2)
    .map((link) => ({
      id: `${arxiv.id}|${link.repo_url}`,
      paperId: arxiv.id,
      paperTitle: arxiv.title,
      paperArxivId: arxiv.arxivId,
      repoUrl: link.repo_url,
      isOfficial: link.is_official,
      framework: link.framework,
      mentionedInPaper: null,
      mentionedInGithub: null
    }))
  await old.table('codeLinks').bulkPut(links)
  await old.table('readingLists').bulkPut([
    { id: 'reading-list', name: 'Reading list', order: 0, createdAt: '2025-07-30T09:00:00.000Z' },
    { id: 'theory', name: 'Théorie', order: 1, createdAt: '2025-07-30T09:30:00.000Z' }
  ])
  await old.table('listEntries').bulkPut([
    v1Entry(arxiv, 'reading-list', {
      note: 'Section 3: **R-parity** signatures.',
      tags: ['SUSY', 'higgs']
    }),
    v1Entry(publisher, 'reading-list', { note: null, tags: [] }),
    v1Entry(publisher, 'theory', {
      note: 'Energy function $E = -\\frac{1}{2}\\sum w_{ij}s_is_j$',
      tags: ['memory']
    }),
    v1Entry(nonAscii, 'theory', { note: null, tags: ['fusion', 'Ortiz‐Monasterio'] })
  ])
  await old.table('settings').put({ key: 'theme', value: 'dark' })
  await old.table('savedSearches').bulkPut([
    {
      id: 'search-hopfield',
      name: 'Hopfield',
      query: 'associative memory',
      createdAt: '2025-07-30T11:00:00.000Z'
    }
  ])
  await old.table('followedLeaderboards').put({
    leaderboardId: 'image-classification-on-imagenet',
    followedAt: '2025-07-30T12:00:00.000Z'
  })
  old.close()
}

async function reopen(name: string): Promise<ArchiveDatabase> {
  const db = openArchiveDatabase(name)
  opened.push(db)
  await db.open()
  return db
}

describe('opening a version 1 profile with the current schema', () => {
  it('keeps every list, entry, note, tag, setting and saved search, in the library types', async () => {
    const name = uniqueName()
    await createV1Profile(name)
    const db = await reopen(name)
    expect(db.verno).toBe(8)
    // Versions 4 and 5 dropped every papers index but the stubs'; the papers themselves stay.
    expect(await db.papers.count()).toBe(2)
    expect(db.papers.schema.indexes.map((index) => index.name)).toEqual(['stubSource', 'citedBy'])

    expect(await db.readingLists.orderBy('order').toArray()).toEqual([
      {
        id: 'reading-list',
        name: 'Reading list',
        order: 0,
        createdAt: '2025-07-30T09:00:00.000Z',
        updatedAt: '2025-07-30T09:00:00.000Z'
      },
      {
        id: 'theory',
        name: 'Théorie',
        order: 1,
        createdAt: '2025-07-30T09:30:00.000Z',
        updatedAt: '2025-07-30T09:30:00.000Z'
      }
    ])

    // In primary-key order: list, then paper id.
    const entries = await db.listEntries.toArray()
    expect(entries.map((e) => [e.listId, e.paperId, e.status, e.tags, e.note])).toEqual([
      ['reading-list', PUBLISHER_PAPER, 'reading', [], ''],
      ['reading-list', ARXIV_PAPER, 'reading', ['SUSY', 'higgs'], 'Section 3: **R-parity** signatures.'],
      ['theory', NON_ASCII_PAPER, 'reading', ['fusion', 'Ortiz‐Monasterio'], ''],
      [
        'theory',
        PUBLISHER_PAPER,
        'reading',
        ['memory'],
        'Energy function $E = -\\frac{1}{2}\\sum w_{ij}s_is_j$'
      ]
    ])
    // The indexes still answer the queries the pages make.
    expect(await db.listEntries.where('tags').equals('higgs').primaryKeys()).toEqual([
      ['reading-list', ARXIV_PAPER]
    ])
    expect(await db.listEntries.where('listId').equals('theory').count()).toBe(2)

    expect(await db.settings.get('theme')).toEqual({ key: 'theme', value: 'dark' })
    expect(await db.savedSearches.toArray()).toEqual([
      {
        id: 'search-hopfield',
        name: 'Hopfield',
        query: 'associative memory',
        createdAt: '2025-07-30T11:00:00.000Z'
      }
    ])
  })

  it('completes snapshots from the archive where it still has the paper, and keeps the user’s copy otherwise', async () => {
    const name = uniqueName()
    await createV1Profile(name)
    const db = await reopen(name)
    const arxiv = samplePaper(ARXIV_PAPER)
    const links = (await db.codeLinks.filter((link) => link.paperId === arxiv.id).toArray()).map((link) => ({
      repoUrl: link.repoUrl,
      isOfficial: link.isOfficial
    }))
    expect(links).toHaveLength(2)
    const upgraded = await db.listEntries.get(['reading-list', ARXIV_PAPER])
    expect(upgraded?.snapshot).toEqual(snapshotFromPaper(arxiv, links))

    // Dropped from the archive: the title and authors the user saved stay; the page URL is rebuilt from the slug.
    const nonAscii = samplePaper(NON_ASCII_PAPER)
    const orphan = await db.listEntries.get(['theory', NON_ASCII_PAPER])
    expect(orphan?.snapshot).toEqual({
      title: nonAscii.title,
      authors: nonAscii.authors,
      date: nonAscii.date,
      arxivId: nonAscii.arxivId,
      venue: null,
      urlAbs: nonAscii.urlAbs,
      urlPdf: nonAscii.urlPdf,
      codeUrls: [],
      paperUrl: `https://paperswithcode.com/paper/${NON_ASCII_PAPER}`
    })
  })

  it('gives a followed leaderboard an empty seen set when the archive lacks the board', async () => {
    const name = uniqueName()
    await createV1Profile(name)
    const db = await reopen(name)
    expect(await db.followedLeaderboards.toArray()).toEqual([
      {
        leaderboardId: 'image-classification-on-imagenet',
        followedAt: '2025-07-30T12:00:00.000Z',
        lastSeenResultIds: []
      }
    ])
  })

  it('counts everything on a followed board as seen when the archive has the board', async () => {
    // ReCoRD, a real leaderboard PWC scraped from an external tracker, through the real normalizer.
    const context = createNormalizationContext()
    const normalizer = createEvaluationTablesNormalizer(context)
    const batch = createEntityBatch()
    const tasks = JSON.parse(readFileSync(resolve(SHARED_DATA, 'sota-extractor_tasks_record.json'), 'utf8'))
    for (const task of tasks as unknown[]) normalizer.add(task, batch)
    normalizer.finish(batch)
    const [board] = batch.leaderboards
    expect(board.metrics).toEqual(['EM', 'F1'])

    const name = uniqueName()
    await createV1Profile(name)
    const old = new Dexie(name)
    old.version(1).stores(SCHEMA_V1)
    await old.table('leaderboards').bulkPut(batch.leaderboards)
    await old.table('results').bulkPut(batch.results)
    await old
      .table('followedLeaderboards')
      .put({ leaderboardId: board.id, followedAt: '2025-07-31T08:00:00.000Z' })
    old.close()

    const db = await reopen(name)
    const followed = await db.followedLeaderboards.get(board.id)
    expect(new Set(followed?.lastSeenResultIds)).toEqual(new Set(batch.results.map((result) => result.id)))
    expect(followed?.followedAt).toBe('2025-07-31T08:00:00.000Z')
    expect(followed?.lastSeenBest).toMatchObject({ metric: 'EM', raw: '90.640', value: 90.64 })
  })

  it('gives a paper its leaderboard rows’ tasks (version 6), and lists it under them', async () => {
    // ReCoRD, a real leaderboard PWC scraped from an external tracker, through the real normalizer;
    // one of its rows is joined to a paper the profile holds, as a v5 sync would have joined it.
    const context = createNormalizationContext()
    const normalizer = createEvaluationTablesNormalizer(context)
    const batch = createEntityBatch()
    const tasks = JSON.parse(readFileSync(resolve(SHARED_DATA, 'sota-extractor_tasks_record.json'), 'utf8'))
    for (const task of tasks as unknown[]) normalizer.add(task, batch)
    normalizer.finish(batch)
    const [board] = batch.leaderboards
    const [row, ...otherRows] = batch.results
    const name = uniqueName()
    await createV1Profile(name)
    const old = new Dexie(name)
    old.version(1).stores(SCHEMA_V1)
    await old.table('leaderboards').bulkPut(batch.leaderboards)
    await old.table('results').bulkPut([{ ...row, paperId: PUBLISHER_PAPER }, ...otherRows])
    old.close()

    const db = await reopen(name)
    const paper = await db.papers.get(PUBLISHER_PAPER)
    const own = samplePaper(PUBLISHER_PAPER)
    expect(paper?.taskIds).toEqual([...own.taskIds, board.taskId])
    expect(paper?.citedBy).toBe(1)
    // Its own date stays: rows date only papers that have none.
    expect(paper?.date).toBe(own.date)
    expect((await listingIds(db))[taskListingKey(board.taskId)]).toEqual([PUBLISHER_PAPER])
    expect((await db.papers.get(ARXIV_PAPER))?.citedBy).toBeUndefined()
  })

  it('lists the papers the profile holds, newest first, overall and per task, and those with code', async () => {
    const name = uniqueName()
    await createV1Profile(name)
    // The sample papers carry no tasks (the converted dump has none): give one a real task id.
    const papers = [
      samplePaper(ARXIV_PAPER),
      { ...samplePaper(PUBLISHER_PAPER), taskIds: ['image-classification'] }
    ]
    const old = new Dexie(name)
    old.version(1).stores(SCHEMA_V1)
    await old.table('papers').put(papers[1])
    old.close()
    const db = await reopen(name)
    const listings = await storedListings(db)
    const newestFirst = [...papers].sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? 1 : -1))
    expect(listings[PAPERS_LISTING].map((entry) => entry.id)).toEqual(newestFirst.map((paper) => paper.id))
    expect(listings[PAPERS_LISTING][0].date).toBe(newestFirst[0].date)
    const taskKeys = new Set(papers.flatMap((paper) => paper.taskIds.map(taskListingKey)))
    expect(
      Object.keys(listings)
        .filter((key) => !key.startsWith('code:'))
        .sort()
    ).toEqual([PAPERS_LISTING, ...taskKeys].sort())
    // Of the two papers, only the arXiv one has code in the profile.
    const ids = await listingIds(db)
    expect(ids[ANY_CODE_LISTING]).toEqual([papers[0].id])
    expect(ids[taskListingKey('image-classification')]).toEqual([papers[1].id])
  })

  it('brings version 6 listings (one record each) to pages, as a rebuild from the tables would', async () => {
    const name = uniqueName()
    await createV1Profile(name)
    const arxiv = samplePaper(ARXIV_PAPER)
    const publisher = { ...samplePaper(PUBLISHER_PAPER), taskIds: ['image-classification'] }
    const stub: PaperRecord = {
      ...samplePaper(NON_ASCII_PAPER),
      isStub: true,
      stubSource: 'result',
      taskIds: ['image-classification']
    }
    const old = new Dexie(name)
    old.version(1).stores(SCHEMA_V1)
    old.version(6).stores(SCHEMA_V6_CHANGES)
    await old.table('papers').bulkPut([publisher, stub])
    const dated = (paper: PaperRecord) => (paper.date ?? '').padEnd(10)
    const newestFirst = [arxiv, publisher].sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? 1 : -1))
    // The listings exactly as version 6 wrote them: real papers and stubs apart, code as id sets.
    await old.table('paperListings').bulkPut([
      { key: 'papers', ids: newestFirst.map((p) => p.id).join('\n'), dates: newestFirst.map(dated).join('') },
      { key: 'stubs', ids: stub.id, dates: dated(stub) },
      {
        key: taskListingKey('image-classification'),
        ids: [publisher, stub]
          .sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? 1 : -1))
          .map((p) => p.id)
          .join('\n'),
        dates: [publisher, stub]
          .sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? 1 : -1))
          .map(dated)
          .join('')
      },
      // Every code listing of the profile's links, as the id sets version 6 kept.
      ...codeListingKeys(await old.table('codeLinks').toArray()).map((key) => ({
        key,
        ids: arxiv.id,
        dates: ''
      }))
    ])
    old.close()
    const db = await reopen(name)
    const converted = await storedListings(db)
    expect(converted[ANY_CODE_LISTING]).toEqual([{ id: arxiv.id, date: arxiv.date, isStub: false }])
    expect(converted[PAPERS_LISTING].find((entry) => entry.id === stub.id)?.isStub).toBe(true)
    await db.transaction('rw', db.papers, db.paperListings, db.paperListingPages, db.codeLinks, () =>
      rebuildPaperListings(db.papers, {
        listings: db.paperListings,
        pages: db.paperListingPages,
        links: db.codeLinks
      })
    )
    expect(converted).toEqual(await storedListings(db))
  })

  it('reopens a current profile without changing its user data', async () => {
    const name = uniqueName()
    await createV1Profile(name)
    const first = await reopen(name)
    const before = {
      lists: await first.readingLists.toArray(),
      entries: await first.listEntries.toArray(),
      searches: await first.savedSearches.toArray(),
      followed: await first.followedLeaderboards.toArray()
    }
    first.close()
    const second = await reopen(name)
    expect({
      lists: await second.readingLists.toArray(),
      entries: await second.listEntries.toArray(),
      searches: await second.savedSearches.toArray(),
      followed: await second.followedLeaderboards.toArray()
    }).toEqual(before)
  })
})
