/**
 * One dump kind's records → entities, with the checks every consumer needs: a record's failure
 * carries its position, and an id that an earlier record of the kind already produced is an
 * error (the later record would silently replace the earlier one). The sync engine and the
 * `inspect` CLI both read dumps through this, so they accept and reject the same files.
 */
import type { ArchiveEntityTable } from './entities'
import { DuplicateRecordIdError, RecordError } from './dumpErrors'
import type { DumpNormalizer, EntityBatch } from './dumpNormalizer'
import type { SplitElement } from './jsonArraySplitter'

export class DumpRecordIngestor {
  /** Ids per owned table so far: what a newer dump of this kind lists, for removing the rest. */
  readonly seenIds: ReadonlyMap<ArchiveEntityTable, Set<string>>

  constructor(readonly normalizer: DumpNormalizer) {
    this.seenIds = new Map(normalizer.ownedTables.map((table) => [table, new Set<string>()] as const))
  }

  /** Adds one record's entities to `into`; throws `RecordError` at the record's position. */
  add(element: SplitElement, into: EntityBatch): void {
    const lengths = this.normalizer.ownedTables.map((table) => into[table].length)
    try {
      this.normalizer.add(element.value, into)
      this.register(into, lengths)
    } catch (error) {
      throw new RecordError(element.index, element.byteOffset, error)
    }
  }

  /** Adds what the normalizer emits once the kind's last record is read. */
  finish(into: EntityBatch): void {
    const lengths = this.normalizer.ownedTables.map((table) => into[table].length)
    try {
      this.normalizer.finish(into)
      this.register(into, lengths)
    } catch (error) {
      throw new RecordError(null, null, error)
    }
  }

  private register(batch: EntityBatch, fromLengths: number[]): void {
    this.normalizer.ownedTables.forEach((table, t) => {
      const ids = this.seenIds.get(table) as Set<string>
      const records = batch[table]
      for (let i = fromLengths[t]; i < records.length; i++) {
        const id = records[i].id
        if (ids.has(id)) throw new DuplicateRecordIdError(table, id)
        ids.add(id)
      }
    })
  }
}
