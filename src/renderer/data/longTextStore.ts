/**
 * The `longTexts` table: archive strings too long to keep in their record (longText.ts), in
 * chunks keyed `[table, id, field, chunk]`. The sync writes them with their record, in the same
 * transaction; pages read a few chunks at a time, only when the reader asks for more.
 *
 * The table holds nothing for real data (no real text reaches the threshold), so a pass over its
 * keys costs a sync nothing.
 */
import type { Table, Transaction } from 'dexie'
import { ARCHIVE_ENTITY_TABLES, type ArchiveEntityTable } from '../../shared/archive/entities'
import {
  longFieldsOf,
  longTextWrites,
  orphanedChunkKeys,
  splitLongTexts,
  type LongTextChunkRecord,
  type LongTextHolder,
  type LongTextKey,
  type LongTextMarkers,
  type LongTextWrites
} from '../../shared/archive/longText'
import type { ArchiveDatabase } from './db'

export const LONG_TEXTS_SCHEMA = '[table+id+field+chunk]'

type LongTextTable = Table<LongTextChunkRecord, LongTextKey>

interface StoredRecord extends LongTextHolder {
  id: string
}

/** Carries out `writes` (inside the caller's transaction, which must include `longTexts`). */
export async function applyLongTextWrites(longTexts: LongTextTable, writes: LongTextWrites): Promise<void> {
  if (writes.delete.length > 0) await longTexts.bulkDelete(writes.delete)
  if (writes.put.length > 0) await longTexts.bulkPut(writes.put)
}

/** Chunks `from` to `to` (exclusive) of a stored text, joined; `null` when one is missing. */
export async function readLongTextChunks(
  longTexts: LongTextTable,
  table: ArchiveEntityTable,
  id: string,
  field: string,
  from: number,
  to: number
): Promise<string | null> {
  const keys: LongTextKey[] = []
  for (let chunk = from; chunk < to; chunk++) keys.push([table, id, field, chunk])
  const chunks = await longTexts.bulkGet(keys)
  return chunks.every((chunk) => chunk !== undefined) ? chunks.map((chunk) => chunk.text).join('') : null
}

/**
 * Deletes the chunks no stored record counts any more (records a replace deleted or demoted to
 * stubs, stubs nothing cites); resolves to how many went.
 */
export async function removeOrphanedLongTexts(db: ArchiveDatabase): Promise<number> {
  const keys = (await db.longTexts.toCollection().primaryKeys()) as LongTextKey[]
  if (keys.length === 0) return 0
  const tables = [...new Set(keys.map(([table]) => table))]
  return db.transaction('rw', [db.longTexts, ...tables.map((table) => db[table])], async () => {
    const markers = new Map<string, LongTextMarkers | undefined>()
    for (const table of tables) {
      const ids = [...new Set(keys.filter((key) => key[0] === table).map((key) => key[1]))]
      const records = await (db[table] as Table<StoredRecord, string>).bulkGet(ids)
      ids.forEach((id, i) => markers.set(`${table}\u0000${id}`, records[i]?.longText))
    }
    const orphaned = orphanedChunkKeys(keys, (table, id) => markers.get(`${table}\u0000${id}`))
    if (orphaned.length > 0) await db.longTexts.bulkDelete(orphaned)
    return orphaned.length
  })
}

/**
 * Schema 7's upgrade: moves the long strings records already hold out to `longTexts`. Records
 * are read one at a time and only those with a long field are kept, so the pass holds little.
 */
export async function moveLongTextsOut(tx: Transaction): Promise<void> {
  const longTexts = tx.table('longTexts') as LongTextTable
  for (const name of ARCHIVE_ENTITY_TABLES) {
    const table = tx.table(name) as Table<StoredRecord, string>
    const holders: StoredRecord[] = []
    await table.each((record) => {
      if (longFieldsOf(name, record).length > 0) holders.push(record)
    })
    for (const record of holders) {
      const split = splitLongTexts(name, record)
      await applyLongTextWrites(longTexts, longTextWrites(name, record, split))
      await table.put(split.record)
    }
  }
}
