/**
 * Commits one chunk of normalized entities, with the file's checkpoint, in ONE short transaction:
 * either the chunk and the checkpoint that says it is written are both stored, or neither is.
 *
 * Inside the transaction only Dexie calls are awaited (anything else would let IndexedDB
 * auto-commit it half-way); normalizing happened before, outside it.
 *
 * Each record is compared with the stored one and written only when new or different, so a
 * re-sync of an unchanged dump reads but writes nothing, and the change counts are exact. A table
 * that was empty when the sync began skips the read.
 */
import type { Table } from 'dexie'
import type { ArchiveDatabase } from '../db'
import type {
  ArchiveEntityTable,
  PaperRecord,
  ResultRecord,
  SyncCheckpointMeta
} from '../../../shared/archive/entities'
import { ARCHIVE_ENTITY_TABLES } from '../../../shared/archive/entities'
import type { EntityBatch } from '../../../shared/archive/dumpNormalizer'
import { paperTitleKey } from '../../../shared/archive/paperKeys'
import { PaperMatchIndex, resolveResultPaper, resultPaperStub } from '../../../shared/archive/paperResolution'
import { recordsEqual } from '../../../shared/archive/recordsEqual'
import type { StubChangeCounts, TableChangeCounts } from '../../../shared/archive/syncProgress'
import { addStoredPapers } from './storedPaperLookup'

export interface SyncTally {
  tables: Record<ArchiveEntityTable, TableChangeCounts>
  stubs: StubChangeCounts
  resultsRepointed: number
  /** Records put or deleted. */
  writes: number
}

export function createSyncTally(): SyncTally {
  const tables = {} as Record<ArchiveEntityTable, TableChangeCounts>
  for (const table of ARCHIVE_ENTITY_TABLES)
    tables[table] = { added: 0, changed: 0, removed: 0, unchanged: 0 }
  return { tables, stubs: { created: 0, resolved: 0, removed: 0 }, resultsRepointed: 0, writes: 0 }
}

export function addTally(into: SyncTally, from: SyncTally): void {
  for (const table of ARCHIVE_ENTITY_TABLES) {
    const target = into.tables[table]
    const source = from.tables[table]
    target.added += source.added
    target.changed += source.changed
    target.removed += source.removed
    target.unchanged += source.unchanged
  }
  into.stubs.created += from.stubs.created
  into.stubs.resolved += from.stubs.resolved
  into.stubs.removed += from.stubs.removed
  into.resultsRepointed += from.resultsRepointed
  into.writes += from.writes
}

interface Identified {
  id: string
}

export interface ChunkWriteOptions {
  /** Tables that held nothing when the sync began: every record written there is new. */
  emptyTables: ReadonlySet<ArchiveEntityTable>
  /** Stored with the chunk; `null` for all but the last slice of a record's entities. */
  checkpoint: SyncCheckpointMeta | null
}

// Papers before stubs (a link must not stub a paper this chunk stores), stubs before results.
const PLAIN_TABLES = ['methods', 'datasets', 'tasks', 'leaderboards', 'codeLinks'] as const

async function putChangedRecords<T extends Identified>(
  table: Table<T, string>,
  name: ArchiveEntityTable,
  records: T[],
  options: ChunkWriteOptions,
  tally: SyncTally
): Promise<void> {
  const counts = tally.tables[name]
  if (options.emptyTables.has(name)) {
    await table.bulkPut(records)
    counts.added += records.length
    tally.writes += records.length
    return
  }
  const stored = await table.bulkGet(records.map((record) => record.id))
  const toWrite: T[] = []
  records.forEach((record, i) => {
    const old = stored[i]
    if (old === undefined) counts.added++
    else if (recordsEqual(old, record)) {
      counts.unchanged++
      return
    } else counts.changed++
    toWrite.push(record)
  })
  if (toWrite.length > 0) await table.bulkPut(toWrite)
  tally.writes += toWrite.length
}

/** Real papers; replacing a stub is counted as a paper added and a stub resolved. */
async function putPapers(
  db: ArchiveDatabase,
  papers: PaperRecord[],
  options: ChunkWriteOptions,
  tally: SyncTally
) {
  if (options.emptyTables.has('papers')) return putChangedRecords(db.papers, 'papers', papers, options, tally)
  const counts = tally.tables.papers
  const stored = await db.papers.bulkGet(papers.map((paper) => paper.id))
  const toWrite: PaperRecord[] = []
  papers.forEach((paper, i) => {
    const old = stored[i]
    if (old === undefined || old.isStub) {
      counts.added++
      if (old?.isStub) tally.stubs.resolved++
    } else if (recordsEqual(old, paper)) {
      counts.unchanged++
      return
    } else counts.changed++
    toWrite.push(paper)
  })
  if (toWrite.length > 0) await db.papers.bulkPut(toWrite)
  tally.writes += toWrite.length
}

/** Stubs go where no paper is stored, or over an older version of the same stub; never over a paper. */
async function putStubs(db: ArchiveDatabase, stubs: PaperRecord[], tally: SyncTally): Promise<void> {
  const unique = [...new Map(stubs.map((stub) => [stub.id, stub])).values()]
  const stored = await db.papers.bulkGet(unique.map((stub) => stub.id))
  const toWrite = unique.filter((stub, i) => {
    const old = stored[i]
    if (old === undefined) {
      tally.stubs.created++
      return true
    }
    return old.isStub && !recordsEqual(old, stub)
  })
  if (toWrite.length > 0) await db.papers.bulkPut(toWrite)
  tally.writes += toWrite.length
}

/** Stored papers (and stubs) that share an arXiv id or a title with the chunk's rows. */
async function paperIndexForResults(db: ArchiveDatabase, results: ResultRecord[]): Promise<PaperMatchIndex> {
  const index = new PaperMatchIndex()
  const arxivIds = new Set<string>()
  const titleKeys = new Set<string>()
  for (const result of results) {
    if (result.paperArxivId) arxivIds.add(result.paperArxivId)
    const titleKey = paperTitleKey(result.paperTitle)
    if (titleKey) titleKeys.add(titleKey)
  }
  await addStoredPapers(db, index, arxivIds, titleKeys)
  return index
}

async function putResults(
  db: ArchiveDatabase,
  results: ResultRecord[],
  options: ChunkWriteOptions,
  tally: SyncTally
) {
  const index = await paperIndexForResults(db, results)
  const resolved: ResultRecord[] = []
  const stubs: PaperRecord[] = []
  for (const result of results) {
    const withPaper = resolveResultPaper(result, index)
    const stub = resultPaperStub(withPaper)
    if (stub) {
      // Later rows of this chunk citing the same paper by title join this stub.
      index.add(stub.id, stub.arxivId, stub.titleKey)
      stubs.push(stub)
    }
    resolved.push(withPaper)
  }
  if (stubs.length > 0) await putStubs(db, stubs, tally)
  await putChangedRecords(db.results, 'results', resolved, options, tally)
}

/** Writes `batch` and its checkpoint atomically; resolves to what changed. */
export async function writeEntityChunk(
  db: ArchiveDatabase,
  batch: EntityBatch,
  options: ChunkWriteOptions
): Promise<SyncTally> {
  const touchesPapers = batch.papers.length > 0 || batch.paperStubs.length > 0 || batch.results.length > 0
  const tables: Table[] = [db.syncMeta]
  if (touchesPapers) tables.push(db.papers)
  for (const name of [...PLAIN_TABLES, 'results'] as const) if (batch[name].length > 0) tables.push(db[name])
  return db.transaction('rw', tables, async () => {
    const tally = createSyncTally()
    if (batch.papers.length > 0) await putPapers(db, batch.papers, options, tally)
    for (const name of PLAIN_TABLES) {
      const records = batch[name] as Identified[]
      if (records.length > 0)
        await putChangedRecords(db[name] as Table<Identified, string>, name, records, options, tally)
    }
    if (batch.paperStubs.length > 0) await putStubs(db, batch.paperStubs, tally)
    if (batch.results.length > 0) await putResults(db, batch.results, options, tally)
    if (options.checkpoint) await db.syncMeta.put(options.checkpoint)
    return tally
  })
}
