import { paperVenue } from '../../shared/archive/paperFacts'
import type { PaperRecord } from '../../shared/archive/entities'
import {
  CODE_LISTING_PREFIX,
  OFFICIAL_CODE_LISTING,
  frameworkOfListing
} from '../../shared/archive/paperListings'
import type { ArchiveDatabase } from '../data/db'
import { readListingHeads, StoredListing } from '../data/paperListingStore'
import { listingTables } from '../data/queries/paperListQueries'
import { eachRecordPaced } from '../data/pacedTableRead'
import { NO_CODE, type PaperCodeFacts } from '../../shared/search/codeFacts'
import type { SearchableEntity, SearchablePaper } from '../../shared/search/searchDocuments'

/** Stored archive records → the documents the search engine indexes. */

/** A task's name by id; `undefined` for an id no task record names (its id is used). */
export type TaskNameOf = (taskId: string) => string | undefined

/**
 * The document the engine indexes for `paper`: the same projection whether the paper is read
 * back from the tables or handed over by the sync that writes it.
 */
export function toSearchablePaper(
  paper: PaperRecord,
  taskName: TaskNameOf,
  code: PaperCodeFacts = NO_CODE
): SearchablePaper {
  return {
    id: paper.id,
    title: paper.title,
    // An abstract over 64 K characters is indexed by its stored start (20,000 characters,
    // longText.ts): the rest would add one crafted record's words, not a real paper's.
    abstract: paper.abstract ?? '',
    authors: paper.authors,
    tasks: paper.taskIds.map((id) => taskName(id) ?? id),
    venue: paperVenue(paper),
    year: paper.date ? Number(paper.date.slice(0, 4)) : null,
    date: paper.date,
    hasCode: code.hasCode,
    hasOfficialCode: code.hasOfficialCode,
    frameworks: code.frameworks,
    // The rows' names come with the paper (the sync's row-facts pass): no second read of the results.
    datasets: paper.rowFacts?.datasets ?? [],
    models: paper.rowFacts?.models ?? []
  }
}

export async function readTaskNames(db: ArchiveDatabase): Promise<Map<string, string>> {
  return new Map((await db.tasks.toArray()).map((t) => [t.id, t.name]))
}

/** Collects the code facts of papers from their links, frameworks in one (sorted) order. */
class CodeFactsCollector {
  private readonly facts = new Map<string, { official: boolean; frameworks: Set<string> }>()

  add(paperId: string, official: boolean, framework: string | null): void {
    let facts = this.facts.get(paperId)
    if (facts === undefined) {
      facts = { official: false, frameworks: new Set() }
      this.facts.set(paperId, facts)
    }
    facts.official ||= official
    if (framework) facts.frameworks.add(framework)
  }

  finish(): Map<string, PaperCodeFacts> {
    const out = new Map<string, PaperCodeFacts>()
    for (const [id, facts] of this.facts) {
      out.set(id, {
        hasCode: true,
        hasOfficialCode: facts.official,
        frameworks: [...facts.frameworks].sort()
      })
    }
    return out
  }
}

/** Every paper's code facts, from the links table. */
async function readCodeFactsFromLinks(db: ArchiveDatabase): Promise<Map<string, PaperCodeFacts>> {
  const collector = new CodeFactsCollector()
  await eachRecordPaced(db.codeLinks, (link) => collector.add(link.paperId, link.isOfficial, link.framework))
  return collector.finish()
}

/**
 * Every paper's code facts from the code listings the sync's finalize pass writes (a few
 * records: papers with code, with official code, per framework), without reading 300k links.
 */
export async function readCodeFactsFromListings(db: ArchiveDatabase): Promise<Map<string, PaperCodeFacts>> {
  const collector = new CodeFactsCollector()
  const tables = listingTables(db)
  for (const head of await readListingHeads(tables, CODE_LISTING_PREFIX)) {
    const official = head.key === OFFICIAL_CODE_LISTING
    const framework = frameworkOfListing(head.key)
    const entries = await StoredListing.ofHead(tables, head).entriesIn({ from: 0, to: head.size })
    for (const entry of entries) collector.add(entry.id, official, framework)
  }
  return collector.finish()
}

/**
 * Hands every paper to `visit` as the document the engine indexes, one at a time: holding all
 * 576k documents (abstracts included) at once would take gigabytes. Resolves to the code facts
 * the documents were given (papers without code have none).
 */
export async function forEachSearchablePaper(
  db: ArchiveDatabase,
  visit: (paper: SearchablePaper) => void
): Promise<ReadonlyMap<string, PaperCodeFacts>> {
  const taskNames = await readTaskNames(db)
  const code = await readCodeFactsFromLinks(db)
  await eachRecordPaced(db.papers, (paper) =>
    visit(toSearchablePaper(paper, (id) => taskNames.get(id), code.get(paper.id)))
  )
  return code
}

/** Like `forEachSearchablePaper`, for the papers `ids` only (those the tables still hold). */
export async function forSearchablePapers(
  db: ArchiveDatabase,
  ids: readonly string[],
  visit: (paper: SearchablePaper) => void,
  chunk = 2000
): Promise<void> {
  if (ids.length === 0) return
  const taskNames = await readTaskNames(db)
  const code = await readCodeFactsFromLinks(db)
  for (let start = 0; start < ids.length; start += chunk) {
    for (const paper of await db.papers.bulkGet(ids.slice(start, start + chunk))) {
      if (paper) visit(toSearchablePaper(paper, (id) => taskNames.get(id), code.get(paper.id)))
    }
  }
}

export async function loadSearchableEntities(db: ArchiveDatabase): Promise<SearchableEntity[]> {
  const [tasks, datasets, methods, boards] = await Promise.all([
    db.tasks.toArray(),
    db.datasets.toArray(),
    db.methods.toArray(),
    db.leaderboards.toArray()
  ])
  const taskNames = new Map(tasks.map((t) => [t.id, t.name]))
  return [
    ...tasks.map((t): SearchableEntity => ({ id: t.id, kind: 'task', name: t.name })),
    ...datasets.map((d): SearchableEntity => ({
      id: d.id,
      kind: 'dataset',
      name: d.name,
      fullName: d.fullName ?? undefined
    })),
    ...methods.map((m): SearchableEntity => ({
      id: m.id,
      kind: 'method',
      name: m.name,
      fullName: m.fullName ?? undefined
    })),
    ...boards.map((b): SearchableEntity => ({
      id: b.id,
      kind: 'leaderboard',
      name: `${taskNames.get(b.taskId) ?? b.taskId} on ${b.datasetName.trim()}`
    }))
  ]
}
