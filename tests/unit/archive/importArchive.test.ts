/**
 * The sync engine against fake-indexeddb, on real data: the full methods dump and slices of the
 * others (fake-indexeddb writes ~2–3k records/s, so the whole sample would take ~25 s per run).
 */
// First: Dexie picks up the IndexedDB implementation when it is loaded.
import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  ARCHIVE_TABLES,
  USER_TABLES,
  type ArchiveDatabase,
  DERIVED_TABLES
} from '../../../src/renderer/data/db'
import { codeLinksOfPapers } from '../../../src/renderer/data/queries/codeLinkQueries'
import { importArchive, type ImportArchiveOptions } from '../../../src/renderer/data/sync/importArchive'
import type { SyncPaperObserver } from '../../../src/renderer/data/sync/syncPaperObserver'
import type { ArchiveSource } from '../../../src/shared/archive/archiveSource'
import type { ArchiveSnapshotMeta, PaperRecord } from '../../../src/shared/archive/entities'
import { decodeListing } from '../../../src/shared/archive/paperListings'
import type { ArchiveSyncProgress } from '../../../src/shared/archive/syncProgress'
import {
  REAL_FILES,
  freshDatabase,
  gzipDump,
  memorySource,
  realFileBytes,
  realFilePath,
  realRecords
} from './archiveFixtures'

interface RawLink {
  paper_url: string
  paper_title: string
  paper_arxiv_id: string | null
}

// Slices keep each import to a second or two; each still holds the cases under test: Link
// Prediction (record 13) cites "Poincaré Embeddings…" (arXiv 1705.08039), link 73 names it.
const EVALUATION_SLICE = realRecords(REAL_FILES.evaluationTables).slice(0, 16)
const LINKS_SLICE = realRecords<RawLink>(REAL_FILES.links).slice(0, 120)
const POINCARE_LINK = LINKS_SLICE[73]
const POINCARE_ID = 'poincare-embeddings-for-learning-hierarchical'

const evaluationSlice = () => memorySource(REAL_FILES.evaluationTables, gzipDump(EVALUATION_SLICE))
const linksSlice = () => memorySource(REAL_FILES.links, gzipDump(LINKS_SLICE))
const methodsFile = (options = {}) =>
  memorySource(REAL_FILES.methods, realFileBytes(REAL_FILES.methods), options)
const samplePapers = () => memorySource(REAL_FILES.papers, realFileBytes(REAL_FILES.papers))

/**
 * The Poincaré paper in the papers-dump schema, assembled only from real fields: its link
 * (PWC URL, title, arXiv id) and its leaderboard row (abstract URL, date). No abstract exists here.
 */
function poincarePapersFile(): ArchiveSource {
  const record = {
    paper_url: POINCARE_LINK.paper_url,
    arxiv_id: POINCARE_LINK.paper_arxiv_id,
    title: POINCARE_LINK.paper_title,
    abstract: null,
    url_abs: 'http://arxiv.org/abs/1705.08039v2',
    url_pdf: null,
    proceeding: null,
    authors: [],
    date: '2017-05-22'
  }
  return memorySource('poincare_papers-with-abstracts.json.gz', gzipDump([record]))
}

async function tableContents(
  db: ArchiveDatabase,
  tables: readonly string[]
): Promise<Record<string, unknown[]>> {
  const contents: Record<string, unknown[]> = {}
  for (const table of tables) contents[table] = await db.table(table).toArray()
  return contents
}

const ENTITY_TABLES = ARCHIVE_TABLES.filter((table) => table !== 'syncMeta')

/** Every stored listing, decoded from its head and pages: key → [id, date, is a stub]. */
async function storedListings(
  db: ArchiveDatabase
): Promise<Record<string, [string, string | null, boolean][]>> {
  const pages = await db.paperListingPages.toArray()
  return Object.fromEntries(
    (await db.paperListings.toArray()).map((head) => {
      const listing = { head, pages: pages.filter((page) => page.key === head.key) }
      return [head.key, decodeListing(listing).map((entry) => [entry.id, entry.date, entry.isStub])]
    })
  )
}

/**
 * Checks the stored listings against the papers and links tables, built here from scratch: every
 * paper in the archive's listing and in each of its tasks', and the papers with any code, official
 * code, and code in each framework; each newest first, undated last, ties by id, stubs marked.
 */
async function expectListingsToMatchPapers(db: ArchiveDatabase): Promise<void> {
  const withCode = new Map<string, Set<string>>()
  for (const link of await db.codeLinks.toArray()) {
    const keys = ['code:any']
    if (link.isOfficial) keys.push('code:official')
    if (link.framework) keys.push(`code:framework:${link.framework}`)
    for (const key of keys) withCode.set(link.paperId, (withCode.get(link.paperId) ?? new Set()).add(key))
  }
  const byKey = new Map<string, PaperRecord[]>()
  for (const paper of await db.papers.toArray()) {
    const keys = [
      'papers',
      ...new Set(paper.taskIds.map((task) => `task:${task}`)),
      ...(withCode.get(paper.id) ?? [])
    ]
    for (const key of keys) byKey.set(key, [...(byKey.get(key) ?? []), paper])
  }
  const newestFirst = (a: PaperRecord, b: PaperRecord) =>
    a.date !== b.date ? ((a.date ?? '') < (b.date ?? '') ? 1 : -1) : a.id < b.id ? -1 : 1
  const expected = Object.fromEntries(
    [...byKey].map(([key, papers]) => [key, papers.sort(newestFirst).map((p) => [p.id, p.date, p.isStub])])
  )
  expect(await storedListings(db)).toEqual(expected)
  expect(await db.syncMeta.get('paperListingsStale')).toBeUndefined()
}

async function run(db: ArchiveDatabase, sources: ArchiveSource[], options: ImportArchiveOptions = {}) {
  const result = await importArchive(db, sources, options)
  if (result.outcome === 'failed') throw new Error(`sync failed: ${JSON.stringify(result.error)}`)
  return result
}

describe('importArchive', () => {
  it('ends its paper observer also when the files write no papers (methods alone)', async () => {
    // The search worker holds its index updates until the feed ends: a methods-only import that
    // never ended it left search stale until a restart.
    const calls: string[] = []
    const observer: SyncPaperObserver = {
      begin: () => calls.push('begin'),
      written: () => calls.push('written'),
      deleted: () => calls.push('deleted'),
      caughtUp: () => Promise.resolve(),
      end: (completed) => calls.push(`end ${completed}`)
    }
    await run(freshDatabase(), [methodsFile()], { paperObserver: observer })
    expect(calls).toEqual(['end true'])
  })

  it('declares archive and user tables as the schema', () => {
    const db = freshDatabase()
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [...ARCHIVE_TABLES, ...USER_TABLES, ...DERIVED_TABLES].sort()
    )
    // Rows are joined to papers in memory and pages list them from the listings: only stubs and
    // the papers rows cite are indexed (each a sparse index: other papers lack the key).
    expect(db.table('papers').schema.indexes.map((i) => i.name)).toEqual(['stubSource', 'citedBy'])
    // A paper's code links are a range of link ids: no index either.
    expect(db.table('codeLinks').schema.indexes).toEqual([])
  })

  it('reads a paper’s code links as a range of link ids, and no other paper’s', async () => {
    const db = freshDatabase()
    await run(db, [linksSlice()])
    const all = await db.codeLinks.toArray()
    const paperIds = [...new Set(all.map((link) => link.paperId))]
    // Ids that extend another paper's id are where a plain prefix match would go wrong.
    const extended = paperIds.filter((id) => paperIds.some((other) => other !== id && other.startsWith(id)))
    for (const ids of [[POINCARE_ID], paperIds.slice(0, 7), extended, []]) {
      const found = await codeLinksOfPapers(db, ids)
      const wanted = all.filter((link) => ids.includes(link.paperId))
      expect(found.map((link) => link.id).sort()).toEqual(wanted.map((link) => link.id).sort())
    }
    expect((await codeLinksOfPapers(db, [POINCARE_ID])).length).toBeGreaterThan(0)
  })

  it('imports real dumps and resolves rows to papers by arXiv id', async () => {
    const db = freshDatabase()
    const progress: ArchiveSyncProgress[] = []
    const result = await run(db, [evaluationSlice(), linksSlice(), methodsFile(), samplePapers()], {
      onProgress: (p) => progress.push(p)
    })
    expect(result.outcome).toBe('completed')
    expect(result.summary.files.map((f) => [f.name, f.outcome])).toEqual([
      [REAL_FILES.methods, 'imported'],
      [REAL_FILES.papers, 'imported'],
      [REAL_FILES.links, 'imported'],
      [REAL_FILES.evaluationTables, 'imported']
    ])
    expect(await db.methods.count()).toBe(1924)
    expect(await db.codeLinks.count()).toBe(120)
    expect(result.summary.tables.methods).toEqual({ added: 1924, changed: 0, removed: 0, unchanged: 0 })
    expect(result.summary.tables.leaderboards.added).toBe(await db.leaderboards.count())

    const poincareRows = await db.results.filter((r) => r.paperArxivId === '1705.08039').toArray()
    expect(poincareRows.length).toBeGreaterThan(0)
    expect(new Set(poincareRows.map((r) => r.paperId))).toEqual(new Set([POINCARE_ID]))
    // Every row with a paper points at a stored paper or stub.
    const paperIds = [...new Set((await db.results.toArray()).map((r) => r.paperId))].filter(
      (id) => id !== null
    )
    expect((await db.papers.bulkGet(paperIds as string[])).every((p) => p !== undefined)).toBe(true)

    const archive = await db.syncMeta.get('archive')
    expect(archive).toMatchObject({ snapshotDate: '2022-06' })
    expect(await db.syncMeta.where('key').startsWith('checkpoint:').count()).toBe(0)
    expect(progress.at(-1)?.phase).toBe('done')
    expect(progress.at(-1)?.files.every((f) => f.phase === 'done')).toBe(true)
  })

  it('stores stubs for links and rows before their papers, then merges them', async () => {
    const db = freshDatabase()
    await run(db, [evaluationSlice()])
    const cited = await db.results.filter((r) => r.paperArxivId === '1705.08039').toArray()
    expect(new Set(cited.map((r) => r.paperId))).toEqual(new Set(['arxiv:1705.08039']))
    expect(await db.papers.get('arxiv:1705.08039')).toMatchObject({ isStub: true, stubSource: 'result' })
    await expectListingsToMatchPapers(db)

    // The link names the paper by its PWC id: rows move from the arXiv stub to it.
    const linked = await run(db, [linksSlice()])
    expect(linked.summary.resultsRepointed).toBeGreaterThanOrEqual(cited.length)
    expect(await db.papers.get('arxiv:1705.08039')).toBeUndefined()
    expect(await db.papers.get(POINCARE_ID)).toMatchObject({
      isStub: true,
      stubSource: 'link',
      arxivId: '1705.08039'
    })
    const moved = await db.results.bulkGet(cited.map((r) => r.id))
    expect(new Set(moved.map((r) => r?.paperId))).toEqual(new Set([POINCARE_ID]))
    await expectListingsToMatchPapers(db)

    // The papers dump replaces the stub in place.
    const withPapers = await run(db, [poincarePapersFile()])
    expect(withPapers.summary.tables.papers.added).toBe(1)
    expect(withPapers.summary.stubs.resolved).toBe(1)
    const paper = await db.papers.get(POINCARE_ID)
    expect(paper).toMatchObject({ isStub: false, date: '2017-05-22', title: POINCARE_LINK.paper_title })
    expect(paper?.stubSource).toBeUndefined()
    expect(await db.papers.where('stubSource').equals('link').count()).toBe(
      new Set(LINKS_SLICE.map((l) => l.paper_url)).size - 1
    )
    await expectListingsToMatchPapers(db)
  })

  it('resumes an interrupted file from its checkpoint without rewriting committed records', async () => {
    const clean = freshDatabase()
    await run(clean, [linksSlice(), evaluationSlice()], { chunkSize: 40 })

    const db = freshDatabase()
    const controller = new AbortController()
    const interrupted = memorySource(REAL_FILES.evaluationTables, gzipDump(EVALUATION_SLICE), {
      chunkBytes: 1024
    })
    const first = await importArchive(db, [linksSlice(), interrupted], {
      chunkSize: 40,
      signal: controller.signal,
      progressIntervalMs: 0,
      // Stop once a few evaluation-tables records (each a task tree) are read.
      onProgress: (p) => (p.files[1]?.records ?? 0) >= 9 && controller.abort()
    })
    expect(first.outcome).toBe('cancelled')
    expect(first.summary.files.map((f) => f.outcome)).toEqual(['imported', 'cancelled'])
    const checkpoint = await db.syncMeta.get(`checkpoint:${REAL_FILES.evaluationTables}`)
    expect(checkpoint).toMatchObject({ complete: false })
    const committed = checkpoint && 'recordsDone' in checkpoint ? checkpoint.recordsDone : 0
    expect(committed).toBeGreaterThan(0)
    const resultsBefore = await db.results.count()

    const second = await run(db, [linksSlice(), evaluationSlice()], { chunkSize: 40 })
    const file = second.summary.files.find((f) => f.name === REAL_FILES.evaluationTables)
    expect(file).toMatchObject({ outcome: 'resumed', recordsSkippedByCheckpoint: committed, records: 16 })
    // Records before the checkpoint were parsed again but neither compared nor written.
    expect(second.summary.tables.results.added).toBe((await db.results.count()) - resultsBefore)
    expect(second.summary.tables.results.unchanged).toBe(0)
    expect(await tableContents(db, ENTITY_TABLES)).toEqual(await tableContents(clean, ENTITY_TABLES))
    await expectListingsToMatchPapers(db)
  })

  it('re-syncs idempotently: unchanged files are skipped, forced ones write nothing', async () => {
    const db = freshDatabase()
    const sources = () => [methodsFile(), samplePapers(), linksSlice(), evaluationSlice()]
    await run(db, sources(), { now: () => Date.UTC(2026, 0, 1) })
    const before = await tableContents(db, ENTITY_TABLES)
    const first = (await db.syncMeta.get('archive')) as ArchiveSnapshotMeta

    const again = await run(db, sources(), { now: () => Date.UTC(2026, 0, 2) })
    expect(again.summary.files.every((f) => f.outcome === 'unchanged')).toBe(true)
    const forced = await run(db, sources(), { force: true, now: () => Date.UTC(2026, 0, 3) })
    for (const summary of [again.summary, forced.summary]) {
      for (const counts of Object.values(summary.tables)) {
        expect(counts).toMatchObject({ added: 0, changed: 0, removed: 0 })
      }
      expect(summary.stubs).toEqual({ created: 0, resolved: 0, removed: 0 })
    }
    expect(forced.summary.tables.methods.unchanged).toBe(1924)
    expect(await tableContents(db, ENTITY_TABLES)).toEqual(before)
    // Completed again, but nothing changed: derived data (the search index) need not follow.
    const last = (await db.syncMeta.get('archive')) as ArchiveSnapshotMeta
    expect(last.completedAt).not.toBe(first.completedAt)
    expect(last.changedAt).toBe(first.changedAt)
    expect(first.changedAt).toBe(first.completedAt)
    await expectListingsToMatchPapers(db)
  })

  it('on a replace, removes records a newer dump no longer lists, and stubs nothing cites', async () => {
    const db = freshDatabase()
    await run(db, [methodsFile(), linksSlice()])
    const newerMethods = realRecords(REAL_FILES.methods).filter((_, i) => i % 10 !== 0)
    const newerLinks = LINKS_SLICE.slice(0, 60)
    const result = await run(
      db,
      [
        memorySource(REAL_FILES.methods, gzipDump(newerMethods)),
        memorySource(REAL_FILES.links, gzipDump(newerLinks))
      ],
      { replaceKinds: 'all' }
    )
    expect(result.summary.tables.methods).toEqual({ added: 0, changed: 0, removed: 193, unchanged: 1731 })
    expect(await db.methods.count()).toBe(1731)
    expect(await db.methods.get('autoencoder')).toBeUndefined()
    expect(result.summary.tables.codeLinks.removed).toBe(60)
    const stubsLeft = new Set(newerLinks.map((l) => l.paper_url)).size
    expect(result.summary.stubs.removed).toBe(new Set(LINKS_SLICE.map((l) => l.paper_url)).size - stubsLeft)
    expect(await db.papers.count()).toBe(stubsLeft)
    expect(result.summary.tables.papers.removed).toBe(result.summary.stubs.removed)
    await expectListingsToMatchPapers(db)
  })

  it('stops cleanly when the database refuses a write, with the chunks before it committed', async () => {
    const db = freshDatabase()
    const bulkPut = db.papers.bulkPut.bind(db.papers)
    let calls = 0
    // The third chunk's write fails while the engine is already parsing the fourth.
    db.papers.bulkPut = ((...args: Parameters<typeof bulkPut>) =>
      ++calls === 3
        ? Promise.reject(new DOMException('disk full', 'QuotaExceededError'))
        : bulkPut(...args)) as typeof bulkPut
    // Plain JSON: Node 20's gunzip stream throws after a mid-file cancel (Chromium's does not).
    const plainPapers = new TextEncoder().encode(JSON.stringify(realRecords(REAL_FILES.papers)))
    const papersFile = () => memorySource(REAL_FILES.papers, plainPapers)
    const result = await importArchive(db, [papersFile()], { chunkSize: 10 })
    expect(result.outcome).toBe('failed')
    expect(result.error).toMatchObject({ file: REAL_FILES.papers, recordIndex: 29 })
    expect(result.error?.message).toMatch(/^storage is full: about .+ more is needed$/)
    expect(result.error?.storageFull?.bytesNeeded).toBeGreaterThan(0)
    expect(result.summary.files[0].outcome).toBe('failed')
    expect(await db.papers.count()).toBe(20)
    expect(await db.syncMeta.get(`checkpoint:${REAL_FILES.papers}`)).toMatchObject({
      recordsDone: 20,
      complete: false
    })
    // The listings do not show the committed papers yet, and say so.
    expect(await db.syncMeta.get('paperListingsStale')).toBeDefined()
    // Once the database accepts writes again, a sync resumes after the committed chunks; the
    // listings are rebuilt, so they show the papers the failed sync wrote too.
    db.papers.bulkPut = bulkPut
    const resumed = await run(db, [papersFile()], { chunkSize: 10 })
    expect(resumed.summary.files[0]).toMatchObject({ outcome: 'resumed', recordsSkippedByCheckpoint: 20 })
    expect(await db.papers.count()).toBe(50)
    await expectListingsToMatchPapers(db)
    expect((await db.paperListings.get('papers'))?.size).toBe(50)
  })

  it('stops at a truncated file with its name and record, keeping committed chunks and user data', async () => {
    const db = freshDatabase()
    await db.readingLists.put({
      id: 'list-1',
      name: 'To read',
      order: 0,
      createdAt: '2025-07-30T10:00:00.000Z',
      updatedAt: '2025-07-30T10:00:00.000Z'
    })
    await db.listEntries.put({
      listId: 'list-1',
      paperId: POINCARE_ID,
      addedAt: '2025-07-30T10:00:00.000Z',
      status: 'to-read',
      tags: ['geometry'],
      note: '',
      snapshot: {
        title: POINCARE_LINK.paper_title,
        authors: [],
        arxivId: '1705.08039',
        date: null,
        venue: null,
        urlAbs: null,
        urlPdf: null,
        codeUrls: [],
        paperUrl: null
      }
    })
    await db.settings.put({ key: 'theme', value: 'dark' })
    await db.savedSearches.put({
      id: 's1',
      name: 'hyperbolic',
      query: 'poincare',
      createdAt: '2025-07-30T10:00:00.000Z'
    })
    await db.followedLeaderboards.put({
      leaderboardId: 'image-classification-on-imagenet',
      followedAt: '2025-07-30',
      lastSeenResultIds: []
    })
    const userData = await tableContents(db, USER_TABLES)

    const datasets = new Uint8Array(readFileSync(realFilePath(REAL_FILES.datasets)))
    const truncated = memorySource(
      REAL_FILES.datasets,
      datasets.subarray(0, Math.floor(datasets.length * 0.6))
    )
    const result = await importArchive(db, [methodsFile(), truncated], { chunkSize: 500 })
    expect(result.outcome).toBe('failed')
    expect(result.error).toMatchObject({ file: REAL_FILES.datasets })
    expect(result.error?.recordIndex).toBeGreaterThan(1000)
    expect(result.error?.message).toMatch(/corrupt or truncated/)
    expect(result.summary.files.map((f) => f.outcome)).toEqual(['imported', 'failed'])
    expect(await db.methods.count()).toBe(1924)
    const checkpoint = await db.syncMeta.get(`checkpoint:${REAL_FILES.datasets}`)
    const committed = checkpoint && 'recordsDone' in checkpoint ? checkpoint.recordsDone : -1
    expect(await db.datasets.count()).toBe(committed)
    expect(await tableContents(db, USER_TABLES)).toEqual(userData)
  })

  describe('refuses bad input and names the record', () => {
    const methods = realRecords(REAL_FILES.methods).slice(0, 20)

    it('invalid JSON mid-stream', async () => {
      const text = JSON.stringify(methods, null, 2)
      const start = text.indexOf(`"url": "${String(methods[7].url)}"`)
      const broken = text.slice(0, start) + text.slice(start).replace('",', '"')
      const db = freshDatabase()
      const result = await importArchive(db, [
        memorySource('jul-28-methods.json', new TextEncoder().encode(broken))
      ])
      expect(result.outcome).toBe('failed')
      expect(result.error).toMatchObject({ file: 'jul-28-methods.json', recordIndex: 7 })
      expect(result.error?.byteOffset).toBeGreaterThan(0)
    })

    it('a record of the wrong shape', async () => {
      const db = freshDatabase()
      const result = await importArchive(db, [
        memorySource('jul-29-papers-with-abstracts.json.gz', gzipDump(methods))
      ])
      expect(result.error).toMatchObject({ file: 'jul-29-papers-with-abstracts.json.gz', recordIndex: 0 })
      expect(result.error?.message).toMatch(/paper_url/)
      expect(await db.papers.count()).toBe(0)
    })

    it('a top-level object instead of an array', async () => {
      const paper = readFileSync(realFilePath('pwc-api-v1_codingpot_paper_get_response.json'))
      const db = freshDatabase()
      const result = await importArchive(db, [
        memorySource('jul-29-papers-with-abstracts.json', new Uint8Array(paper))
      ])
      expect(result.error).toMatchObject({ recordIndex: null, byteOffset: 0 })
      expect(result.error?.message).toMatch(/top-level value is an object/)
    })

    it('a duplicate id', async () => {
      const db = freshDatabase()
      const result = await importArchive(db, [
        memorySource(REAL_FILES.methods, gzipDump([...methods, methods[3]]))
      ])
      expect(result.error).toMatchObject({ file: REAL_FILES.methods, recordIndex: 20 })
      expect(result.error?.message).toMatch(/duplicate methods id/)
    })

    it('a file that is no dump, before writing anything', async () => {
      const db = freshDatabase()
      const csv = 'derived_grimrepor_links-subset-with-github-stats_2024-12.csv'
      const result = await importArchive(db, [
        methodsFile(),
        memorySource(csv, new Uint8Array(readFileSync(realFilePath(csv))))
      ])
      expect(result.error).toMatchObject({ file: csv, recordIndex: null })
      expect(await db.methods.count()).toBe(0)
    })
  })

  it('throttles progress to the interval plus phase changes', async () => {
    let clock = 0
    const progress: ArchiveSyncProgress[] = []
    const result = await run(freshDatabase(), [methodsFile({ chunkBytes: 4096 })], {
      chunkSize: 100,
      progressIntervalMs: 250,
      now: () => (clock += 1),
      onProgress: (p) => progress.push(p)
    })
    expect(result.summary.files[0].records).toBe(1924)
    // Without the throttle there would be one update per 4 KB chunk (~700).
    expect(progress.length).toBeLessThan(120)
    const last = progress.at(-1)
    expect(last?.files[0]).toMatchObject({
      phase: 'done',
      records: 1924,
      bytesRead: realFileBytes(REAL_FILES.methods).length
    })
    expect(
      progress.some((p) => (p.files[0]?.recordsPerSecond ?? 0) > 0 && p.files[0]?.etaSeconds !== null)
    ).toBe(true)
  })
})
