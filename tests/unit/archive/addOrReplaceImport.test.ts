/**
 * Issue #13: importing one small file must add, never wipe. Removal happens only for a replace,
 * after a preview that says what goes, and never takes what the user follows or bookmarks.
 */
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { ARCHIVE_TABLES, USER_TABLES, type ArchiveDatabase } from '../../../src/renderer/data/db'
import {
  importArchive,
  previewArchiveImport,
  type ImportArchiveOptions
} from '../../../src/renderer/data/sync/importArchive'
import type { ArchiveSource } from '../../../src/shared/archive/archiveSource'
import type { ListEntry } from '../../../src/shared/library/libraryTypes'
import {
  REAL_FILES,
  freshDatabase,
  gzipDump,
  memorySource,
  realFileBytes,
  realRecords
} from './archiveFixtures'
import { squadWithOldRowField } from './oldRowsFixture'

const SQUAD = 'sota-extractor_tasks_squad.json'
const EVALUATION_SLICE = realRecords(REAL_FILES.evaluationTables).slice(0, 16)
const evaluationSlice = () => memorySource(REAL_FILES.evaluationTables, gzipDump(EVALUATION_SLICE))
const squad = () => memorySource(SQUAD, realFileBytes(SQUAD))
const methodsFile = () => memorySource(REAL_FILES.methods, realFileBytes(REAL_FILES.methods))
const samplePapers = () => memorySource(REAL_FILES.papers, realFileBytes(REAL_FILES.papers))

async function run(db: ArchiveDatabase, sources: ArchiveSource[], options: ImportArchiveOptions = {}) {
  const result = await importArchive(db, sources, options)
  if (result.outcome === 'failed') throw new Error(`sync failed: ${JSON.stringify(result.error)}`)
  return result
}

async function contents(db: ArchiveDatabase, tables: readonly string[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const table of tables) out[table] = await db.table(table).toArray()
  return out
}

function entry(paperId: string, title: string): ListEntry {
  return {
    listId: 'to-read',
    paperId,
    addedAt: '2026-01-01T00:00:00.000Z',
    status: 'to-read',
    tags: [],
    note: '',
    snapshot: {
      title,
      authors: [],
      date: null,
      arxivId: null,
      venue: null,
      urlAbs: null,
      urlPdf: null,
      codeUrls: [],
      paperUrl: null
    }
  }
}

describe('add or replace', () => {
  it('adds a small evaluation-tables file without removing any leaderboard, result or paper', async () => {
    const db = freshDatabase()
    await run(db, [evaluationSlice()])
    const before = { boards: await db.leaderboards.count(), results: await db.results.count() }
    const papersBefore = await db.papers.count()

    const result = await run(db, [squad()])
    for (const counts of Object.values(result.summary.tables)) expect(counts.removed).toBe(0)
    expect(result.summary.removals).toBeNull()
    expect(result.summary.tables.leaderboards.added).toBe(2)
    expect(await db.leaderboards.count()).toBe(before.boards + 2)
    expect(await db.results.count()).toBe(before.results + result.summary.tables.results.added)
    expect(await db.papers.count()).toBeGreaterThanOrEqual(papersBefore)
  })

  it('imports [] as methods as nothing to add, and removes nothing', async () => {
    const db = freshDatabase()
    await run(db, [methodsFile()])
    const result = await run(db, [memorySource('methods.json', new TextEncoder().encode('[]'))])
    expect(result.summary.tables.methods).toEqual({ added: 0, changed: 0, removed: 0, unchanged: 0 })
    expect(await db.methods.count()).toBe(1924)

    const preview = await previewArchiveImport(
      db,
      [memorySource('methods.json', new TextEncoder().encode('[]'))],
      { replaceKinds: ['methods'] }
    )
    expect(preview.summary.removals?.removed.methods).toBe(1924)
    expect(await db.methods.count()).toBe(1924)
  })

  it('previews a replace without writing, then removes exactly that, keeping followed boards and bookmarks', async () => {
    const db = freshDatabase()
    await run(db, [evaluationSlice()])
    const boards = await db.leaderboards.toArray()
    const followed = boards[0]
    const followedResults = await db.results.where('leaderboardId').equals(followed.id).count()
    expect(followedResults).toBeGreaterThan(0)
    await db.followedLeaderboards.put({ leaderboardId: followed.id, followedAt: 'x', lastSeenResultIds: [] })
    // A stub only rows of another board cite: the replace would delete it, were it not bookmarked.
    const otherResult = await db.results
      .where('leaderboardId')
      .equals(boards[boards.length - 1].id)
      .first()
    const bookmarked = otherResult?.paperId
    if (!bookmarked) throw new Error('the last board cites no paper')
    await db.listEntries.put(entry(bookmarked, 'bookmarked'))
    const userBefore = await contents(db, USER_TABLES)
    const archiveBefore = await contents(db, ARCHIVE_TABLES)

    const preview = await previewArchiveImport(db, [squad()], { replaceKinds: ['evaluation-tables'] })
    expect(preview.outcome).toBe('completed')
    expect(await contents(db, ARCHIVE_TABLES)).toEqual(archiveBefore)
    const removals = preview.summary.removals
    expect(removals).not.toBeNull()
    expect(removals?.kinds).toEqual(['evaluation-tables'])
    expect(removals?.removed.leaderboards).toBe(boards.length - 1)
    expect(removals?.kept).toMatchObject({
      followedLeaderboards: 1,
      resultsOfFollowed: followedResults,
      bookmarkedPapers: 1
    })
    expect(removals?.papers.stubsDeleted).toBeGreaterThan(0)

    const result = await run(db, [squad()], { replaceKinds: ['evaluation-tables'] })
    expect(result.summary.removals).toEqual(removals)
    expect(result.summary.tables.leaderboards.removed).toBe(boards.length - 1)
    // Papers removed counts the stubs deleted (issue #13: the summary said "Papers removed 0").
    expect(result.summary.tables.papers.removed).toBe(removals?.removed.papers)
    expect(result.summary.tables.papers.removed).toBe(result.summary.stubs.removed)
    expect(await db.leaderboards.get(followed.id)).toBeDefined()
    expect(await db.tasks.get(followed.taskId)).toBeDefined()
    expect(await db.results.where('leaderboardId').equals(followed.id).count()).toBe(followedResults)
    expect(await db.papers.get(bookmarked)).toBeDefined()
    expect(await db.leaderboards.count()).toBe(3)
    expect(await contents(db, USER_TABLES)).toEqual(userBefore)
  })

  it('demotes a bookmarked paper a replaced papers dump drops, instead of deleting it', async () => {
    const db = freshDatabase()
    await run(db, [samplePapers()])
    const papers = realRecords<{ paper_url: string }>(REAL_FILES.papers)
    const dropped = await db.papers.toCollection().first()
    if (!dropped) throw new Error('no paper stored')
    await db.listEntries.put(entry(dropped.id, dropped.title))
    const kept = papers.filter((p) => !p.paper_url.endsWith(`/${dropped.id}`))
    expect(kept.length).toBe(papers.length - 1)
    const newer = () => memorySource(REAL_FILES.papers, gzipDump(kept.slice(0, 40)))

    const preview = await previewArchiveImport(db, [newer()], { replaceKinds: 'all' })
    expect(preview.summary.removals?.papers).toEqual({ deleted: 9, demotedToStubs: 1, stubsDeleted: 0 })
    expect(preview.summary.removals?.kept.bookmarkedPapers).toBe(1)
    const result = await run(db, [newer()], { replaceKinds: 'all' })
    expect(result.summary.tables.papers.removed).toBe(10)
    expect(await db.papers.get(dropped.id)).toMatchObject({ isStub: true, title: dropped.title })
    expect(await db.papers.count()).toBe(41)
  })
})

describe('change detection', () => {
  /** The methods dump as plain JSON with one value changed past the first 64 KiB, same size. */
  function editedMethodsJson(): { original: Uint8Array; edited: Uint8Array } {
    const text = JSON.stringify(realRecords(REAL_FILES.methods), null, 2)
    const at = text.indexOf('"num_papers": ', 200 * 1024) + '"num_papers": '.length
    const digit = text[at]
    const edited = text.slice(0, at) + (digit === '1' ? '2' : '1') + text.slice(at + 1)
    const encoder = new TextEncoder()
    return { original: encoder.encode(text), edited: encoder.encode(edited) }
  }

  it('reads a same-size file whose content changed past the fingerprinted head', async () => {
    const db = freshDatabase()
    const { original, edited } = editedMethodsJson()
    expect(edited.length).toBe(original.length)
    await run(db, [memorySource('methods.json', original)])
    const again = await run(db, [memorySource('methods.json', original)])
    expect(again.summary.files[0].outcome).toBe('unchanged')

    const changed = await run(db, [memorySource('methods.json', edited)])
    expect(changed.summary.files[0].outcome).toBe('imported')
    expect(changed.summary.tables.methods).toMatchObject({ changed: 1, unchanged: 1923 })
    expect((await run(db, [memorySource('methods.json', edited)])).summary.files[0].outcome).toBe('unchanged')
  })

  it('skips a file added again unchanged, but not once another file of its kind came after it', async () => {
    const db = freshDatabase()
    await run(db, [evaluationSlice()])
    await run(db, [squad()])
    expect((await run(db, [squad()])).summary.files[0].outcome).toBe('unchanged')
    expect((await run(db, [evaluationSlice()])).summary.files[0].outcome).toBe('imported')
    // As a replace, SQuAD alone is not what the tables hold: it is read, and would remove the rest.
    const replace = await previewArchiveImport(db, [squad()], { replaceKinds: 'all' })
    expect(replace.summary.files[0].outcome).toBe('imported')
  })

  it('re-reads an unchanged file when forced, writing nothing', async () => {
    const db = freshDatabase()
    await run(db, [methodsFile()])
    const forced = await run(db, [methodsFile()], { force: true })
    expect(forced.summary.files[0].outcome).toBe('imported')
    expect(forced.summary.tables.methods).toEqual({ added: 0, changed: 0, removed: 0, unchanged: 1924 })
  })
})

describe('files the names do not announce', () => {
  it('imports a file under the kind the user picked', async () => {
    const db = freshDatabase()
    const unnamed = memorySource('eff.json', realFileBytes(SQUAD))
    expect((await importArchive(db, [unnamed])).outcome).toBe('failed')
    const picked = memorySource('eff.json', realFileBytes(SQUAD), { kind: 'evaluation-tables' })
    const result = await run(db, [picked])
    expect(result.summary.files[0]).toMatchObject({ kind: 'evaluation-tables', warnings: [] })
    expect(await db.leaderboards.count()).toBe(2)
  })

  it('warns, naming the file and the field, when rows sit where the importer does not read', async () => {
    const db = freshDatabase()
    const old = memorySource('old_evaluation-tables.json', gzipDump(squadWithOldRowField()))
    const result = await run(db, [old])
    expect(await db.results.count()).toBe(0)
    expect(result.summary.files[0].warnings).toEqual([
      'old_evaluation-tables.json: 451 result rows are in "sota.sota_rows", a field this importer does not read (it reads "sota.rows"); no result could be imported from this file'
    ])
  })
})
