import type { Collection } from 'dexie'
import type { CodeLinkRecord, PaperRecord } from '../../../shared/archive/entities'
import type { ArchiveDatabase } from '../db'

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

function needsScan(filters: PaperListFilters): boolean {
  return (
    !filters.includeStubs ||
    filters.hasCode ||
    filters.officialCode ||
    filters.framework !== null ||
    filters.venue.trim() !== ''
  )
}

/** Newest first; the year and task filters use indexes, the rest filter a cursor. */
export function paperCollection(
  db: ArchiveDatabase,
  filters: PaperListFilters,
  code: CodeIndex | null
): Collection<PaperRecord, string> {
  let collection: Collection<PaperRecord, string>
  if (filters.taskId) collection = db.papers.where('taskIds').equals(filters.taskId)
  else if (filters.year !== null)
    collection = db.papers
      .where('date')
      .between(`${filters.year}-01-01`, `${filters.year}-12-31\uffff`, true, true)
  else collection = db.papers.orderBy('date')
  collection = collection.reverse()
  if (!needsScan(filters) && !(filters.taskId && filters.year !== null)) return collection
  const venue = filters.venue.trim().toLowerCase()
  return collection.filter(
    (paper) =>
      (filters.includeStubs || !paper.isStub) &&
      (!filters.taskId || filters.year === null || (paper.date ?? '').startsWith(String(filters.year))) &&
      (!filters.hasCode || (code?.withCode.has(paper.id) ?? false)) &&
      (!filters.officialCode || (code?.official.has(paper.id) ?? false)) &&
      (filters.framework === null ||
        (code?.frameworksByPaper.get(paper.id)?.has(filters.framework) ?? false)) &&
      (venue === '' || (paper.proceeding ?? paper.conference ?? '').toLowerCase().includes(venue))
  )
}

/** How many papers match, counted up to `cap` when a filter forces a scan (an exact count would read them all). */
export async function countPapers(
  db: ArchiveDatabase,
  filters: PaperListFilters,
  code: CodeIndex | null,
  cap = 10_000
): Promise<{ count: number; capped: boolean }> {
  const collection = paperCollection(db, filters, code)
  if (!needsScan(filters)) return { count: await collection.count(), capped: false }
  let count = 0
  await collection
    .until(() => count > cap)
    .each(() => {
      count += 1
    })
  return { count: Math.min(count, cap), capped: count > cap }
}

export async function paperYears(db: ArchiveDatabase): Promise<number[]> {
  const first = await db.papers.orderBy('date').first()
  const last = await db.papers.orderBy('date').last()
  const from = Number(first?.date?.slice(0, 4))
  const to = Number(last?.date?.slice(0, 4))
  if (!from || !to) return []
  return Array.from({ length: to - from + 1 }, (_, i) => to - i)
}
