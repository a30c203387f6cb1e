import type { PaperRecord } from '../../../shared/archive/entities'
import {
  ALL_PAPERS_LISTING,
  ANY_CODE_LISTING,
  frameworkOfListing,
  OFFICIAL_CODE_LISTING,
  taskListingKey,
  type PaperListing
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

/** What `/papers` reads once per change of the archive, whatever the filters. */
export interface PaperBrowseIndex {
  all: PaperListing
  stubs: ReadonlySet<string>
  code: CodeIndex
  /** The years papers were published in, newest first. */
  years: number[]
  /** Papers from the papers dump, not stubs. */
  realPapers: number
}

export async function loadPaperBrowseIndex(db: ArchiveDatabase): Promise<PaperBrowseIndex> {
  const [all, stubIds, code] = await Promise.all([
    readPaperListing(db, ALL_PAPERS_LISTING),
    db.papers.orderBy('stubSource').primaryKeys(),
    loadCodeIndex(db)
  ])
  const stubs = new Set(stubIds.map(String))
  return { all, stubs, code, years: all.years(), realPapers: Math.max(0, all.size - stubs.size) }
}

/**
 * The ids of the papers that match, newest first, from the listings (paperListings.ts): year,
 * stub and code filters need no paper record; a venue filter reads the records, up to `cap` matches.
 */
export async function listPaperIds(
  db: ArchiveDatabase,
  index: PaperBrowseIndex,
  filters: PaperListFilters,
  cap = 10_000
): Promise<PaperIdList> {
  const listing = filters.taskId ? await readPaperListing(db, taskListingKey(filters.taskId)) : index.all
  const { code } = index
  const stubs = filters.includeStubs ? null : index.stubs
  const year = filters.year === null ? null : String(filters.year)
  const ids = listing.ids.filter(
    (id, i) =>
      (year === null || (listing.dateAt(i)?.startsWith(year) ?? false)) &&
      !(stubs?.has(id) ?? false) &&
      (!filters.hasCode || code.withCode.has(id)) &&
      (!filters.officialCode || code.official.has(id)) &&
      (filters.framework === null || (code.byFramework.get(filters.framework)?.has(id) ?? false))
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
