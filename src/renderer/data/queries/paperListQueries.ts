import type { PaperRecord } from '../../../shared/archive/entities'
import {
  ANY_CODE_LISTING,
  frameworkListingKey,
  FRAMEWORK_LISTING_PREFIX,
  frameworkOfListing,
  OFFICIAL_CODE_LISTING,
  PAPERS_LISTING,
  taskListingKey,
  yearsSpanned,
  type PositionRange
} from '../../../shared/archive/paperListings'
import { paperVenue } from '../../../shared/archive/paperFacts'
import type { ArchiveDatabase } from '../db'
import {
  readListingHeads,
  readStoredListing,
  type ListingTables,
  type StoredListing
} from '../paperListingStore'

export interface PaperListFilters {
  year: number | null
  includeStubs: boolean
  hasCode: boolean
  officialCode: boolean
  framework: string | null
  taskId: string | null
  venue: string
}

export const NO_FILTERS: PaperListFilters = {
  year: null,
  includeStubs: false,
  hasCode: false,
  officialCode: false,
  framework: null,
  taskId: null,
  venue: ''
}

/** How many papers a venue filter reads at a time (it is the one filter that needs the records). */
const VENUE_SCAN_BATCH = 1000

/** The papers that match a page's filters, newest first, read a screenful at a time. */
export interface PaperIdList {
  count: number
  /** True when a venue filter stopped reading at its cap: more papers may match. */
  capped: boolean
  idsAt(offset: number, limit: number): Promise<string[]>
}

/** What `/papers` reads once per change of the archive, whatever the filters: heads only. */
export interface PaperBrowseIndex {
  papers: StoredListing
  /** Frameworks with how many (non-stub) papers have code in each, most first. */
  frameworks: [string, number][]
  /** The years papers were published in, newest first. */
  years: number[]
}

export function listingTables(db: ArchiveDatabase): ListingTables {
  return { listings: db.paperListings, pages: db.paperListingPages }
}

export async function loadPaperBrowseIndex(db: ArchiveDatabase): Promise<PaperBrowseIndex> {
  const tables = listingTables(db)
  const [papers, frameworkHeads] = await Promise.all([
    readStoredListing(tables, PAPERS_LISTING),
    readListingHeads(tables, FRAMEWORK_LISTING_PREFIX)
  ])
  const frameworks = frameworkHeads
    .map((head): [string, number] => [
      frameworkOfListing(head.key) ?? head.key,
      head.size - head.stubs.length
    ])
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  return { papers, frameworks, years: yearsSpanned(papers.layout.head) }
}

/** The stored listings whose papers all match: their intersection is what the filters ask for. */
function listingKeys(filters: PaperListFilters): string[] {
  const keys = [
    filters.taskId === null ? null : taskListingKey(filters.taskId),
    filters.officialCode ? OFFICIAL_CODE_LISTING : null,
    filters.framework === null ? null : frameworkListingKey(filters.framework),
    // Official code and a framework both imply code.
    filters.hasCode && !filters.officialCode && filters.framework === null ? ANY_CODE_LISTING : null
  ].filter((key) => key !== null)
  return keys.length > 0 ? keys : [PAPERS_LISTING]
}

/** One stored listing's range, read page by page as the rows are asked for. */
function storedList(listing: StoredListing, range: PositionRange, withStubs: boolean): PaperIdList {
  return {
    count: listing.layout.count(range, withStubs),
    capped: false,
    idsAt: (offset, limit) => listing.idsAt(range, withStubs, offset, limit)
  }
}

function listOfIds(ids: readonly string[], capped: boolean): PaperIdList {
  return {
    count: ids.length,
    capped,
    idsAt: (offset, limit) => Promise.resolve(ids.slice(offset, offset + limit))
  }
}

/**
 * Two or more listings at once (a task and a kind of code, say): the smallest one's papers that
 * the others hold too, read whole. Each listing is read in the year's range only.
 */
async function intersection(
  listings: readonly StoredListing[],
  year: number | null,
  withStubs: boolean
): Promise<string[]> {
  const [smallest, ...others] = [...listings].sort(
    (a, b) => a.layout.count(a.layout.range(year), true) - b.layout.count(b.layout.range(year), true)
  )
  const sets = await Promise.all(
    others.map(
      async (listing) => new Set((await listing.entriesIn(listing.layout.range(year))).map((e) => e.id))
    )
  )
  return (await smallest.entriesIn(smallest.layout.range(year)))
    .filter((entry) => (withStubs || !entry.isStub) && sets.every((set) => set.has(entry.id)))
    .map((entry) => entry.id)
}

/** The papers of `list` whose venue matches, read `VENUE_SCAN_BATCH` records at a time, up to `cap`. */
async function withVenue(
  db: ArchiveDatabase,
  list: PaperIdList,
  venue: string,
  cap: number
): Promise<PaperIdList> {
  const matching: string[] = []
  for (let start = 0; start < list.count && matching.length <= cap; start += VENUE_SCAN_BATCH) {
    for (const paper of await db.papers.bulkGet(await list.idsAt(start, VENUE_SCAN_BATCH))) {
      if (paper && (paperVenue(paper) ?? '').toLowerCase().includes(venue)) matching.push(paper.id)
    }
  }
  return listOfIds(matching.slice(0, cap), matching.length > cap)
}

/**
 * The papers that match, newest first, from the listings (paperListings.ts). One stored listing
 * answers most filters (year, stubs, a task, a kind of code) from its head, and its rows are read
 * a page at a time; filters that combine listings read them whole; a venue filter reads the
 * records, up to `cap` matches.
 */
export async function listPaperIds(
  db: ArchiveDatabase,
  index: PaperBrowseIndex,
  filters: PaperListFilters,
  cap = 10_000
): Promise<PaperIdList> {
  const keys = listingKeys(filters)
  const listings = await Promise.all(
    keys.map((key) => (key === PAPERS_LISTING ? index.papers : readStoredListing(listingTables(db), key)))
  )
  const list =
    listings.length === 1
      ? storedList(listings[0], listings[0].layout.range(filters.year), filters.includeStubs)
      : listOfIds(await intersection(listings, filters.year, filters.includeStubs), false)
  const venue = filters.venue.trim().toLowerCase()
  return venue === '' ? list : withVenue(db, list, venue, cap)
}

/** The stored papers with these ids, in the same order (a listing may name one deleted since). */
export async function papersByIds(db: ArchiveDatabase, ids: readonly string[]): Promise<PaperRecord[]> {
  return (await db.papers.bulkGet([...ids])).filter((paper): paper is PaperRecord => paper !== undefined)
}

/** The ids of the newest `limit` papers of a listing (the archive's, or a task's), stubs with them. */
export async function newestPaperIds(
  db: ArchiveDatabase,
  key: string,
  limit: number,
  withStubs = true
): Promise<string[]> {
  const listing = await readStoredListing(listingTables(db), key)
  return listing.idsAt(listing.layout.range(null), withStubs, 0, limit)
}

/** The newest `limit` papers of a listing (the archive's, or a task's). */
export async function newestPapers(db: ArchiveDatabase, key: string, limit: number): Promise<PaperRecord[]> {
  return papersByIds(db, await newestPaperIds(db, key, limit))
}
