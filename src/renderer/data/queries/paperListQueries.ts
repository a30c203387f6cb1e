import type { PaperRecord } from '../../../shared/archive/entities'
import {
  ANY_CODE_LISTING,
  frameworkListingKey,
  OFFICIAL_CODE_LISTING,
  PaperListing,
  REAL_PAPERS_LISTING,
  STUB_PAPERS_LISTING,
  taskListingKey,
  yearsSpanned,
  type CodeListings
} from '../../../shared/archive/paperListings'
import { paperVenue } from '../../../shared/archive/paperFacts'
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

/** How many papers a venue filter reads at a time (it is the one filter that needs the records). */
const VENUE_SCAN_BATCH = 1000

export interface PaperIdList {
  /** Newest first. */
  ids: readonly string[]
  /** True when a venue filter stopped reading at its cap: more papers may match. */
  capped: boolean
}

/** What `/papers` reads once per change of the archive, whatever the filters. */
export interface PaperBrowseIndex {
  papers: PaperListing
  stubs: PaperListing
  code: CodeListings
  /** The years papers were published in, newest first. */
  years: number[]
}

export async function loadPaperBrowseIndex(db: ArchiveDatabase): Promise<PaperBrowseIndex> {
  const [papers, stubs, code] = await Promise.all([
    readPaperListing(db, REAL_PAPERS_LISTING),
    readPaperListing(db, STUB_PAPERS_LISTING),
    readCodeListings(db)
  ])
  return { papers, stubs, code, years: yearsSpanned([papers, stubs]) }
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
  // A task's listing holds its stubs too (they have their rows' tasks, paperFacts.ts).
  const taskListing = filters.taskId ? await readPaperListing(db, taskListingKey(filters.taskId)) : null
  const stubs = taskListing && !filters.includeStubs ? new Set(index.stubs.ids) : null
  const listing = taskListing
    ? taskListing
    : filters.includeStubs
      ? PaperListing.merge('papers+stubs', index.papers, index.stubs)
      : index.papers
  const codeSets = [
    filters.hasCode ? ANY_CODE_LISTING : null,
    filters.officialCode ? OFFICIAL_CODE_LISTING : null,
    filters.framework === null ? null : frameworkListingKey(filters.framework)
  ]
    .filter((key) => key !== null)
    .map((key) => index.code.papers(key))
  const year = filters.year === null ? null : String(filters.year)
  const ids =
    year === null && codeSets.length === 0 && stubs === null
      ? listing.ids
      : listing.ids.filter(
          (id, i) =>
            (stubs === null || !stubs.has(id)) &&
            (year === null || (listing.dateAt(i)?.startsWith(year) ?? false)) &&
            codeSets.every((set) => set.has(id))
        )
  const venue = filters.venue.trim().toLowerCase()
  if (venue === '') return { ids, capped: false }
  const matching: string[] = []
  for (let start = 0; start < ids.length && matching.length <= cap; start += VENUE_SCAN_BATCH) {
    for (const paper of await db.papers.bulkGet(ids.slice(start, start + VENUE_SCAN_BATCH))) {
      if (paper && (paperVenue(paper) ?? '').toLowerCase().includes(venue)) matching.push(paper.id)
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
