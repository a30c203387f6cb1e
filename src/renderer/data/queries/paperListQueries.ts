import type { PaperRecord } from '../../../shared/archive/entities'
import {
  ALL_PAPERS_LISTING,
  ANY_CODE_LISTING,
  frameworkOfListing,
  OFFICIAL_CODE_LISTING,
  taskListingKey
} from '../../../shared/archive/paperListings'
import type { ArchiveDatabase } from '../db'
import { readCodeListings, readPaperListing } from '../paperListingStore'

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

/** Which papers have code, and of what kind (from the code listings a sync writes). */
export interface CodeIndex {
  withCode: ReadonlySet<string>
  official: ReadonlySet<string>
  byFramework: ReadonlyMap<string, ReadonlySet<string>>
  /** Frameworks with how many papers have code in each, most first. */
  frameworks: [string, number][]
}

export async function loadCodeIndex(db: ArchiveDatabase): Promise<CodeIndex> {
  const listings = await readCodeListings(db)
  const byFramework = new Map<string, Set<string>>()
  for (const [key, ids] of listings) {
    const framework = frameworkOfListing(key)
    if (framework !== null) byFramework.set(framework, ids)
  }
  return {
    withCode: listings.get(ANY_CODE_LISTING) ?? new Set(),
    official: listings.get(OFFICIAL_CODE_LISTING) ?? new Set(),
    byFramework,
    frameworks: [...byFramework]
      .map(([name, ids]): [string, number] => [name, ids.size])
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  }
}

/** How many papers a venue filter reads at a time (it is the one filter that needs the records). */
const VENUE_SCAN_BATCH = 1000

export interface PaperIdList {
  /** Newest first. */
  ids: string[]
  /** True when a venue filter stopped reading at its cap: more papers may match. */
  capped: boolean
}

/**
 * The ids of the papers that match, newest first, from the listings (paperListings.ts): year,
 * stub and code filters need no paper record; a venue filter reads the records, up to `cap` matches.
 */
export async function listPaperIds(
  db: ArchiveDatabase,
  filters: PaperListFilters,
  code: CodeIndex | null,
  cap = 10_000
): Promise<PaperIdList> {
  const listing = await readPaperListing(
    db,
    filters.taskId ? taskListingKey(filters.taskId) : ALL_PAPERS_LISTING
  )
  const stubs = filters.includeStubs
    ? null
    : new Set((await db.papers.orderBy('stubSource').primaryKeys()).map(String))
  const year = filters.year === null ? null : String(filters.year)
  const ids = listing.ids.filter(
    (id, i) =>
      (year === null || (listing.dateAt(i)?.startsWith(year) ?? false)) &&
      !(stubs?.has(id) ?? false) &&
      (!filters.hasCode || (code?.withCode.has(id) ?? false)) &&
      (!filters.officialCode || (code?.official.has(id) ?? false)) &&
      (filters.framework === null || (code?.byFramework.get(filters.framework)?.has(id) ?? false))
  )
  const venue = filters.venue.trim().toLowerCase()
  if (venue === '') return { ids, capped: false }
  const matching: string[] = []
  for (let start = 0; start < ids.length && matching.length <= cap; start += VENUE_SCAN_BATCH) {
    for (const paper of await db.papers.bulkGet(ids.slice(start, start + VENUE_SCAN_BATCH))) {
      if (paper && (paper.proceeding ?? paper.conference ?? '').toLowerCase().includes(venue))
        matching.push(paper.id)
    }
  }
  return { ids: matching.slice(0, cap), capped: matching.length > cap }
}

/** The stored papers with these ids, in the same order (a listing may name one deleted since). */
export async function papersByIds(db: ArchiveDatabase, ids: readonly string[]): Promise<PaperRecord[]> {
  return (await db.papers.bulkGet([...ids])).filter((paper): paper is PaperRecord => paper !== undefined)
}

/** The newest `limit` papers of a listing (the archive's, or a task's). */
export async function newestPapers(db: ArchiveDatabase, key: string, limit: number): Promise<PaperRecord[]> {
  return papersByIds(db, (await readPaperListing(db, key)).ids.slice(0, limit))
}

export async function paperYears(db: ArchiveDatabase): Promise<number[]> {
  return (await readPaperListing(db, ALL_PAPERS_LISTING)).years()
}
