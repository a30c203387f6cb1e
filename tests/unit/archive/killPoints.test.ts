/**
 * A sync or an index build stopped at any point (the app closed, the machine slept, the tab was
 * killed) leaves a database the next start finishes: the archive then holds exactly what a clean
 * import holds, and the user's lists, notes and settings are byte-identical to before.
 *
 * In-process, a "kill" is the run giving up at that point: IndexedDB commits a transaction whole
 * or not at all, so what survives a real kill is what survives here (committed chunks and their
 * checkpoints), and the state machine after it is the one a restart runs.
 */
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import {
  ARCHIVE_TABLES,
  DERIVED_TABLES,
  USER_TABLES,
  type ArchiveDatabase
} from '../../../src/renderer/data/db'
import { importArchive, type ImportArchiveOptions } from '../../../src/renderer/data/sync/importArchive'
import {
  addToList,
  createList,
  ensureDefaultList,
  updateEntry
} from '../../../src/renderer/library/libraryActions'
import { updateSearchIndex } from '../../../src/renderer/search/searchIndexStore'
import type { ArchiveSource } from '../../../src/shared/archive/archiveSource'
import type { ArchiveSyncProgress } from '../../../src/shared/archive/syncProgress'
import {
  REAL_FILES,
  freshDatabase,
  gzipDump,
  memorySource,
  realFileBytes,
  realRecords
} from './archiveFixtures'

const EVALUATION_SLICE = realRecords(REAL_FILES.evaluationTables).slice(0, 16)
const LINKS_SLICE = realRecords(REAL_FILES.links).slice(0, 120)

function sources(): ArchiveSource[] {
  return [
    memorySource(REAL_FILES.methods, realFileBytes(REAL_FILES.methods), { chunkBytes: 16 * 1024 }),
    memorySource(REAL_FILES.papers, realFileBytes(REAL_FILES.papers), { chunkBytes: 4 * 1024 }),
    memorySource(REAL_FILES.links, gzipDump(LINKS_SLICE), { chunkBytes: 4 * 1024 }),
    memorySource(REAL_FILES.evaluationTables, gzipDump(EVALUATION_SLICE), { chunkBytes: 4 * 1024 })
  ]
}

const OPTIONS: ImportArchiveOptions = { chunkSize: 40, progressIntervalMs: 0 }
const ENTITY_TABLES = ARCHIVE_TABLES.filter((table) => table !== 'syncMeta')

async function contents(db: ArchiveDatabase, tables: readonly string[]): Promise<string> {
  const out: Record<string, unknown[]> = {}
  for (const table of tables) out[table] = await db.table(table).toArray()
  return JSON.stringify(out)
}

/** A library with the user's own words in it, written before any sync. */
async function writeLibrary(db: ArchiveDatabase): Promise<void> {
  await ensureDefaultList(db)
  const theory = await createList(db, 'Théorie — à lire')
  const papers = realRecords<{ paper_url: string; title: string }>(REAL_FILES.papers).slice(0, 3)
  for (const [i, raw] of papers.entries()) {
    const id = raw.paper_url.split('/').pop() ?? ''
    const paper = {
      id,
      arxivId: null,
      title: raw.title,
      titleKey: null,
      abstract: null,
      authors: [],
      taskIds: [],
      date: null,
      proceeding: null,
      conference: null,
      urlAbs: null,
      urlPdf: null,
      methodIds: [],
      isStub: false
    }
    await addToList(db, paper, i === 0 ? 'reading-list' : theory)
    await updateEntry(db, [i === 0 ? 'reading-list' : theory, id], {
      note: `Note ${i}: $E = mc^2$ **bold** 😀`,
      tags: ['kill-test', `t${i}`]
    })
  }
  await db.settings.put({ key: 'theme', value: 'dark' })
}

interface KillPoint {
  name: string
  /** Decides, from each progress report, when the run gives up. */
  stopWhen: (progress: ArchiveSyncProgress) => boolean
}

const KILL_POINTS: KillPoint[] = [
  { name: 'while preparing', stopWhen: (p) => p.phase === 'preparing' },
  { name: 'while parsing the papers', stopWhen: (p) => (p.files[1]?.records ?? 0) >= 10 },
  { name: 'while writing the links', stopWhen: (p) => (p.files[2]?.records ?? 0) >= 60 },
  {
    name: 'between files',
    // A file read to the end waits in 'finalizing' for the run's finalize pass.
    stopWhen: (p) => p.files[2]?.phase === 'finalizing' && (p.files[3]?.records ?? 0) === 0
  },
  { name: 'while parsing the evaluation tables', stopWhen: (p) => (p.files[3]?.records ?? 0) >= 5 },
  { name: 'while finalizing', stopWhen: (p) => p.phase === 'finalizing' }
]

describe('a sync killed at any point', () => {
  it.each(KILL_POINTS)(
    '$name: the restart ends with a clean import’s tables and the same library',
    async ({ stopWhen }) => {
      const clean = freshDatabase()
      expect((await importArchive(clean, sources(), OPTIONS)).outcome).toBe('completed')

      const db = freshDatabase()
      await writeLibrary(db)
      const library = await contents(db, USER_TABLES)
      const controller = new AbortController()
      let stopped = false
      const first = await importArchive(db, sources(), {
        ...OPTIONS,
        signal: controller.signal,
        onProgress: (progress) => {
          if (!stopped && stopWhen(progress)) {
            stopped = true
            controller.abort()
          }
        }
      })
      expect(stopped).toBe(true)
      expect(first.outcome).toBe('cancelled')
      expect(await contents(db, USER_TABLES)).toBe(library)

      const restart = await importArchive(db, sources(), OPTIONS)
      expect(restart.outcome).toBe('completed')
      expect(await contents(db, ENTITY_TABLES)).toBe(await contents(clean, ENTITY_TABLES))
      const listings = ['paperListings', 'paperListingPages'] as const
      expect(await contents(db, listings)).toBe(await contents(clean, listings))
      expect(await contents(db, USER_TABLES)).toBe(library)
    }
  )
})

describe('a search index build killed part-way', () => {
  it('leaves no half index: the restart builds what a clean build does, and the library is untouched', async () => {
    const db = freshDatabase()
    await writeLibrary(db)
    expect((await importArchive(db, sources(), OPTIONS)).outcome).toBe('completed')
    const library = await contents(db, USER_TABLES)

    // The build reads every paper, then writes the index in one transaction: a kill while it reads.
    const papers = db.papers
    const killing = Object.create(papers) as typeof papers
    let reads = 0
    // The build reads the papers a batch at a time from the start of the table (pacedTableRead.ts).
    killing.toCollection = () =>
      papers.toCollection().filter(() => {
        if (++reads > 20) throw new Error('killed')
        return true
      })
    const killedDb = Object.create(db, { papers: { value: killing } }) as ArchiveDatabase
    await expect(updateSearchIndex(killedDb, null, 'stamp-1')).rejects.toThrow('killed')
    expect(await db.searchIndex.count()).toBe(0)

    const built = await updateSearchIndex(db, null, 'stamp-1')
    const fresh = freshDatabase()
    await importArchive(fresh, sources(), OPTIONS)
    const cleanBuild = await updateSearchIndex(fresh, null, 'stamp-1')
    expect(built.papers.documentCount).toBe(cleanBuild.papers.documentCount)
    expect(built.papers.search('learning', { limit: 50 }).hits.map((hit) => hit.id)).toEqual(
      cleanBuild.papers.search('learning', { limit: 50 }).hits.map((hit) => hit.id)
    )
    expect(await contents(db, [...DERIVED_TABLES])).toBe(await contents(fresh, [...DERIVED_TABLES]))
    expect(await contents(db, USER_TABLES)).toBe(library)
  })
})
