import { paperVenue } from '../../shared/archive/paperFacts'
import type { ArchiveDatabase } from '../data/db'
import { eachRecordPaced } from '../data/pacedTableRead'
import type { SearchableEntity, SearchablePaper } from '../../shared/search/searchDocuments'

/** Stored archive records → the documents the search engine indexes. */

interface CodeFacts {
  official: boolean
  frameworks: Set<string>
}

/**
 * Hands every paper to `visit` as the document the engine indexes, one at a time: holding all
 * 576k documents (abstracts included) at once would take gigabytes.
 */
export async function forEachSearchablePaper(
  db: ArchiveDatabase,
  visit: (paper: SearchablePaper) => void
): Promise<void> {
  const taskNames = new Map((await db.tasks.toArray()).map((t) => [t.id, t.name]))
  const code = new Map<string, CodeFacts>()
  await eachRecordPaced(db.codeLinks, (link) => {
    const facts = code.get(link.paperId) ?? { official: false, frameworks: new Set<string>() }
    facts.official ||= link.isOfficial
    if (link.framework) facts.frameworks.add(link.framework)
    code.set(link.paperId, facts)
  })
  await eachRecordPaced(db.papers, (paper) => {
    const facts = code.get(paper.id)
    visit({
      id: paper.id,
      title: paper.title,
      abstract: paper.abstract ?? '',
      authors: paper.authors,
      tasks: paper.taskIds.map((id) => taskNames.get(id) ?? id),
      venue: paperVenue(paper),
      year: paper.date ? Number(paper.date.slice(0, 4)) : null,
      date: paper.date,
      hasCode: facts !== undefined,
      hasOfficialCode: facts?.official ?? false,
      frameworks: facts ? [...facts.frameworks] : [],
      // The rows' names come with the paper (the sync's row-facts pass): no second read of the results.
      datasets: paper.rowFacts?.datasets ?? [],
      models: paper.rowFacts?.models ?? []
    })
  })
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
