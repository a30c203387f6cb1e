/**
 * The `paperListings` table: reading listings for a page, and writing them after a sync (or
 * building them from the papers and links tables, when a schema upgrade creates the table).
 */
import type { Table } from 'dexie'
import type { CodeLinkRecord, PaperRecord } from '../../shared/archive/entities'
import {
  buildCodeListings,
  CODE_LISTING_PREFIX,
  CodeListings,
  PaperListing,
  PaperListingChanges,
  updatePaperListings,
  type ListedCodeLink,
  type PaperListingRecord
} from '../../shared/archive/paperListings'
import type { ArchiveDatabase } from './db'

export async function readPaperListing(db: ArchiveDatabase, key: string): Promise<PaperListing> {
  const record = await db.paperListings.get(key)
  return record ? PaperListing.decode(record) : PaperListing.empty(key)
}

/**
 * Applies a sync's changes to the stored listings. With `rebuild`, `changes` holds every stored
 * paper and the stored listings are replaced instead (after a sync that did not finish, they
 * may miss what it wrote).
 */
export async function writePaperListings(
  listings: Table<PaperListingRecord, string>,
  changes: PaperListingChanges,
  rebuild: boolean
): Promise<void> {
  if (!rebuild && changes.isEmpty) return
  const stored = await listings.filter((record) => !record.key.startsWith(CODE_LISTING_PREFIX)).toArray()
  const update = updatePaperListings(rebuild ? [] : stored, changes)
  const kept = new Set(update.put.map((record) => record.key))
  const remove = rebuild ? stored.map((record) => record.key).filter((key) => !kept.has(key)) : update.remove
  await listings.bulkDelete(remove)
  await listings.bulkPut(update.put)
}

/** Builds every dated listing from the papers table (one pass over it). */
export async function rebuildPaperListings(
  papers: Table<PaperRecord, string>,
  listings: Table<PaperListingRecord, string>
): Promise<void> {
  const changes = new PaperListingChanges()
  await papers.each((paper) => changes.noteWritten([paper]))
  await writePaperListings(listings, changes, true)
}

/** Replaces the code listings with ones built from the links table (one pass over it). */
export async function rebuildCodeListings(
  links: Table<CodeLinkRecord, string>,
  listings: Table<PaperListingRecord, string>
): Promise<void> {
  const linked: ListedCodeLink[] = []
  await links.each(({ paperId, isOfficial, framework }) => linked.push({ paperId, isOfficial, framework }))
  await listings.where('key').startsWith(CODE_LISTING_PREFIX).delete()
  await listings.bulkPut(buildCodeListings(linked))
}

/** The code listings (papers with code, official code, per framework). */
export async function readCodeListings(db: ArchiveDatabase): Promise<CodeListings> {
  const records = await db.paperListings.where('key').startsWith(CODE_LISTING_PREFIX).toArray()
  return new CodeListings(new Map(records.map((record) => [record.key, record])))
}
