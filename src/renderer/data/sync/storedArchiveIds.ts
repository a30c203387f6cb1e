/**
 * The primary keys the archive tables hold, read once when a sync starts (key-only reads, no
 * record is loaded) and kept current by the sync's own writes.
 *
 * The chunk writer compares each record with the stored one so that change counts are exact and
 * unchanged records are not rewritten; knowing which ids exist lets it read back only those. On
 * a first full import that is nothing at all, and a code link's paper stub is dropped at once when
 * a real paper with its id is stored, instead of loading that paper (abstract and all) to see.
 *
 * Ids may only be over-reported (a write noted here whose transaction then failed ends the sync
 * anyway, and costs one needless read): a stored id missing here would let a stub replace a paper.
 * The finalize pass, which runs only after every write succeeded, reads what to remove from here.
 */
import type { ArchiveDatabase } from '../db'
import type { ArchiveEntityTable, PaperRecord } from '../../../shared/archive/entities'
import { ARCHIVE_ENTITY_TABLES } from '../../../shared/archive/entities'

export class StoredArchiveIds {
  private constructor(
    private readonly ids: Map<ArchiveEntityTable, Set<string>>,
    private readonly paperStubs: Set<string>
  ) {}

  static async load(db: ArchiveDatabase): Promise<StoredArchiveIds> {
    const [stubs, ...perTable] = await Promise.all([
      db.papers.orderBy('stubSource').primaryKeys(),
      ...ARCHIVE_ENTITY_TABLES.map((table) => db[table].toCollection().primaryKeys())
    ])
    const ids = new Map(
      ARCHIVE_ENTITY_TABLES.map((table, i) => [table, new Set(perTable[i].map(String))] as const)
    )
    return new StoredArchiveIds(ids, new Set(stubs.map(String)))
  }

  /** Whether a record with this id may be stored in `table`. */
  has(table: ArchiveEntityTable, id: string): boolean {
    return this.table(table).has(id)
  }

  /** Whether the papers table holds a real paper (not a stub) with this id. */
  hasRealPaper(id: string): boolean {
    return this.table('papers').has(id) && !this.paperStubs.has(id)
  }

  /** Every id `table` holds. */
  idsOf(table: ArchiveEntityTable): ReadonlySet<string> {
    return this.table(table)
  }

  /** The ids of the stub papers. */
  stubIds(): ReadonlySet<string> {
    return this.paperStubs
  }

  noteDeleted(table: ArchiveEntityTable, ids: readonly string[]): void {
    const stored = this.table(table)
    for (const id of ids) {
      stored.delete(id)
      if (table === 'papers') this.paperStubs.delete(id)
    }
  }

  noteWritten(table: ArchiveEntityTable, records: readonly { id: string }[]): void {
    const ids = this.table(table)
    for (const record of records) ids.add(record.id)
  }

  notePapersWritten(papers: readonly PaperRecord[]): void {
    this.noteWritten('papers', papers)
    for (const paper of papers) {
      if (paper.isStub) this.paperStubs.add(paper.id)
      else this.paperStubs.delete(paper.id)
    }
  }

  private table(table: ArchiveEntityTable): Set<string> {
    const ids = this.ids.get(table)
    if (ids === undefined) throw new Error(`no stored ids for table ${table}`)
    return ids
  }
}
