/**
 * Commits one chunk of normalized entities, with the file's checkpoint, in ONE short transaction:
 * either the chunk and the checkpoint that says it is written are both stored, or neither is.
 *
 * Inside the transaction only Dexie calls are awaited (anything else would let IndexedDB
 * auto-commit it half-way); normalizing happened before, outside it.
 *
 * Each record is compared with the stored one and written only when new or different, so a
 * re-sync of an unchanged dump reads but writes nothing, and the change counts are exact. Only ids
 * the tables may hold are read back (`StoredArchiveIds`). Records are compared in their stored
 * form, long texts moved out (longText.ts), and their chunks are written with them.
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
import { resolveResultPaper, resultPaperStub } from '../../../shared/archive/paperResolution'
import { recordsEqual } from '../../../shared/archive/recordsEqual'
import { dumpView } from '../../../shared/archive/paperFacts'
import {
  longTextWrites,
  splitLongTexts,
  type LongTextHolder,
  type LongTextWrites,
  type SplitRecord
} from '../../../shared/archive/longText'
import { applyLongTextWrites } from '../longTextStore'
import type { StubChangeCounts, TableChangeCounts } from '../../../shared/archive/syncProgress'
import type { StoredArchiveIds } from './storedArchiveIds'
import type { StoredPapers } from './storedPapers'

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

interface Identified extends LongTextHolder {
  id: string
}

/** A record to write, in its stored form, and the version it replaces. */
interface RecordWrite<T> {
  split: SplitRecord<T>
  old: T | undefined
}

/** Puts the records and the chunks of their long texts (dropping the chunks they no longer have). */
async function putRecords<T extends Identified>(
  db: ArchiveDatabase,
  table: Table<T, string>,
  name: ArchiveEntityTable,
  writes: readonly RecordWrite<T>[]
): Promise<T[]> {
  const records = writes.map((write) => write.split.record)
  if (records.length === 0) return records
  await table.bulkPut(records)
  const chunks: LongTextWrites = { put: [], delete: [] }
  for (const { split, old } of writes) {
    if (split.texts.size === 0 && old?.longText === undefined) continue
    const own = longTextWrites(name, old, split)
    chunks.put.push(...own.put)
    chunks.delete.push(...own.delete)
  }
  await applyLongTextWrites(db.longTexts, chunks)
  return records
}

export interface ChunkWriteOptions {
  /** What the tables hold; the writer keeps it current. */
  stored: StoredArchiveIds
  /** Stored papers by arXiv id and title key, for joining rows, and what changed; the writer keeps it current. */
  papers: StoredPapers
  /** Stored with the chunk; `null` for all but the last slice of a record's entities. */
  checkpoint: SyncCheckpointMeta | null
}

// Papers before stubs (a link must not stub a paper this chunk stores), stubs before results.
const PLAIN_TABLES = ['methods', 'datasets', 'tasks', 'leaderboards', 'codeLinks'] as const

/** The stored versions of the records whose ids may be stored, by id; nothing is read for new ids. */
async function storedVersions<T extends Identified>(
  table: Table<T, string>,
  name: ArchiveEntityTable,
  records: readonly T[],
  stored: StoredArchiveIds
): Promise<Map<string, T>> {
  const ids = records.filter((record) => stored.has(name, record.id)).map((record) => record.id)
  const versions = new Map<string, T>()
  if (ids.length === 0) return versions
  const found = await table.bulkGet(ids)
  found.forEach((record, i) => {
    if (record !== undefined) versions.set(ids[i], record)
  })
  return versions
}

async function putChangedRecords<T extends Identified>(
  db: ArchiveDatabase,
  table: Table<T, string>,
  name: ArchiveEntityTable,
  records: T[],
  options: ChunkWriteOptions,
  tally: SyncTally
): Promise<void> {
  const counts = tally.tables[name]
  const stored = await storedVersions(table, name, records, options.stored)
  const writes: RecordWrite<T>[] = []
  for (const record of records) {
    const split = splitLongTexts(name, record)
    const old = stored.get(record.id)
    if (old === undefined) counts.added++
    else if (recordsEqual(old, split.record)) {
      counts.unchanged++
      continue
    } else counts.changed++
    writes.push({ split, old })
  }
  const toWrite = await putRecords(db, table, name, writes)
  options.stored.noteWritten(name, toWrite)
  tally.writes += toWrite.length
}

/** Real papers; replacing a stub is counted as a paper added and a stub resolved. */
async function putPapers(
  db: ArchiveDatabase,
  papers: PaperRecord[],
  options: ChunkWriteOptions,
  tally: SyncTally
) {
  const counts = tally.tables.papers
  const stored = await storedVersions(db.papers, 'papers', papers, options.stored)
  const writes: RecordWrite<PaperRecord>[] = []
  for (const paper of papers) {
    const split = splitLongTexts('papers', paper)
    const old = stored.get(paper.id)
    if (old === undefined || old.isStub) {
      counts.added++
      if (old?.isStub) tally.stubs.resolved++
    } else if (recordsEqual(dumpView(old), split.record)) {
      counts.unchanged++
      continue
    } else counts.changed++
    writes.push({ split, old })
  }
  const toWrite = await putRecords(db, db.papers, 'papers', writes)
  options.stored.notePapersWritten(toWrite)
  options.papers.noteWritten(toWrite)
  tally.writes += toWrite.length
}

/** Stubs go where no paper is stored, or over an older version of the same stub; never over a paper. */
async function putStubs(
  db: ArchiveDatabase,
  stubs: PaperRecord[],
  options: ChunkWriteOptions,
  tally: SyncTally
): Promise<void> {
  const unique = [...new Map(stubs.map((stub) => [stub.id, stub])).values()].filter(
    (stub) => !options.stored.hasRealPaper(stub.id)
  )
  const stored = await storedVersions(db.papers, 'papers', unique, options.stored)
  const writes: RecordWrite<PaperRecord>[] = []
  for (const stub of unique) {
    const split = splitLongTexts('papers', stub)
    const old = stored.get(stub.id)
    if (old === undefined) tally.stubs.created++
    else if (!old.isStub || recordsEqual(dumpView(old), split.record)) continue
    writes.push({ split, old })
  }
  const toWrite = await putRecords(db, db.papers, 'papers', writes)
  options.stored.notePapersWritten(toWrite)
  options.papers.noteWritten(toWrite)
  tally.writes += toWrite.length
}

async function putResults(
  db: ArchiveDatabase,
  results: ResultRecord[],
  options: ChunkWriteOptions,
  tally: SyncTally
) {
  const index = options.papers.matches
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
  if (stubs.length > 0) await putStubs(db, stubs, options, tally)
  await putChangedRecords(db, db.results, 'results', resolved, options, tally)
}

/** Writes `batch` and its checkpoint atomically; resolves to what changed. */
export async function writeEntityChunk(
  db: ArchiveDatabase,
  batch: EntityBatch,
  options: ChunkWriteOptions
): Promise<SyncTally> {
  const touchesPapers = batch.papers.length > 0 || batch.paperStubs.length > 0 || batch.results.length > 0
  const tables: Table[] = [db.syncMeta, db.longTexts]
  if (touchesPapers) tables.push(db.papers)
  for (const name of [...PLAIN_TABLES, 'results'] as const) if (batch[name].length > 0) tables.push(db[name])
  return db.transaction('rw', tables, async () => {
    const tally = createSyncTally()
    if (batch.papers.length > 0) await putPapers(db, batch.papers, options, tally)
    for (const name of PLAIN_TABLES) {
      const records = batch[name] as Identified[]
      if (records.length > 0)
        await putChangedRecords(db, db[name] as Table<Identified, string>, name, records, options, tally)
    }
    if (batch.paperStubs.length > 0) await putStubs(db, batch.paperStubs, options, tally)
    if (batch.results.length > 0) await putResults(db, batch.results, options, tally)
    if (options.checkpoint) await db.syncMeta.put(options.checkpoint)
    return tally
  })
}
