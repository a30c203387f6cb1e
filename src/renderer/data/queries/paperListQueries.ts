import type { CodeLinkRecord, PaperRecord } from '../../../shared/archive/entities'
import { ALL_PAPERS_LISTING, taskListingKey } from '../../../shared/archive/paperListings'
import type { ArchiveDatabase } from '../db'
import { readPaperListing } from '../paperListingStore'

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

/** Which papers have code, and of what kind; computed once per change of the links table. */
export interface CodeIndex {
  withCode: Set<string>
  official: Set<string>
  frameworksByPaper: Map<string, Set<string>>
  frameworks: [string, number][]
}

export async function loadCodeIndex(db: ArchiveDatabase): Promise<CodeIndex> {
  const index: CodeIndex = {
    withCode: new Set(),
    official: new Set(),
    frameworksByPaper: new Map(),
    frameworks: []
  }
  const counts = new Map<string, number>()
  await db.codeLinks.each((link: CodeLinkRecord) => {
    index.withCode.add(link.paperId)
    if (link.isOfficial) index.official.add(link.paperId)
    if (link.framework) {
      const set = index.frameworksByPaper.get(link.paperId) ?? new Set<string>()
      set.add(link.framework)
      index.frameworksByPaper.set(link.paperId, set)
      counts.set(link.framework, (counts.get(link.framework) ?? 0) + 1)
    }
  })
  index.frameworks = [...counts.entries()].sort((a, b) => b[1] - a[1])
  return index
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
      (filters.framework === null || (code?.frameworksByPaper.get(id)?.has(filters.framework) ?? false))
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
