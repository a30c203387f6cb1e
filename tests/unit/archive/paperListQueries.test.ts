/**
 * `/papers` answers from the paged listings: every filter, alone and combined, read a screenful at
 * a time, lists what a scan of the stored papers and links finds, newest first.
 */
import 'fake-indexeddb/auto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CodeLinkRecord, PaperRecord } from '../../../src/shared/archive/entities'
import { LISTING_PAGE_SIZE } from '../../../src/shared/archive/paperListings'
import type { ArchiveDatabase } from '../../../src/renderer/data/db'
import { rebuildPaperListings } from '../../../src/renderer/data/paperListingStore'
import {
  listPaperIds,
  loadPaperBrowseIndex,
  NO_FILTERS,
  type PaperBrowseIndex,
  type PaperListFilters
} from '../../../src/renderer/data/queries/paperListQueries'
import { samplePapers } from '../library/libraryFixtures'
import { freshDatabase } from './archiveFixtures'

const TASKS = ['image-classification', 'object-detection']
const FRAMEWORKS = ['pytorch', 'tf']

let db: ArchiveDatabase
let papers: PaperRecord[]
let links: CodeLinkRecord[]
let index: PaperBrowseIndex

/**
 * The real sample papers, repeated under new ids until the listings span several pages; some are
 * stubs, some have tasks, some have code (official or not, in a framework or none).
 */
function spreadPapers(): PaperRecord[] {
  const sample = samplePapers()
  return Array.from({ length: 2 * LISTING_PAGE_SIZE + 500 }, (_, i) => {
    const paper = sample[i % sample.length]
    return {
      ...paper,
      id: `${paper.id}-${i}`,
      isStub: i % 9 === 4,
      taskIds: i % 5 === 0 ? [] : [TASKS[i % 2]]
    }
  })
}

function codeLink(paper: PaperRecord, i: number): CodeLinkRecord {
  return {
    id: `${paper.id}|https://github.com/example/repo-${i}`,
    paperId: paper.id,
    paperTitle: paper.title,
    paperArxivId: paper.arxivId,
    repoUrl: `https://github.com/example/repo-${i}`,
    isOfficial: i % 4 === 0,
    framework: i % 3 === 0 ? null : FRAMEWORKS[i % 2],
    mentionedInPaper: null,
    mentionedInGithub: null
  }
}

beforeAll(async () => {
  db = freshDatabase()
  await db.open()
  papers = spreadPapers()
  links = papers.filter((_, i) => i % 3 !== 1).map(codeLink)
  await db.papers.bulkPut(papers)
  await db.codeLinks.bulkPut(links)
  await db.transaction('rw', db.papers, db.paperListings, db.paperListingPages, db.codeLinks, () =>
    rebuildPaperListings(db.papers, {
      listings: db.paperListings,
      pages: db.paperListingPages,
      links: db.codeLinks
    })
  )
  index = await loadPaperBrowseIndex(db)
}, 120_000)

/** What the filters ask for, from the papers and links themselves. */
function expected(filters: PaperListFilters): string[] {
  const linksOf = (paper: PaperRecord) => links.filter((link) => link.paperId === paper.id)
  return papers
    .filter(
      (paper) =>
        (filters.includeStubs || !paper.isStub) &&
        (filters.year === null || paper.date?.startsWith(String(filters.year))) &&
        (filters.taskId === null || paper.taskIds.includes(filters.taskId)) &&
        (!filters.hasCode || linksOf(paper).length > 0) &&
        (!filters.officialCode || linksOf(paper).some((link) => link.isOfficial)) &&
        (filters.framework === null || linksOf(paper).some((link) => link.framework === filters.framework))
    )
    .sort((a, b) => (a.date !== b.date ? ((a.date ?? '') < (b.date ?? '') ? 1 : -1) : a.id < b.id ? -1 : 1))
    .map((paper) => paper.id)
}

/** Every row of the list, read 37 at a time as a scrolling page would. */
async function listed(filters: PaperListFilters): Promise<{ count: number; ids: string[] }> {
  const list = await listPaperIds(db, index, filters)
  const ids: string[] = []
  for (let offset = 0; offset < list.count; offset += 37) ids.push(...(await list.idsAt(offset, 37)))
  return { count: list.count, ids }
}

describe('/papers from the paged listings', () => {
  // The year most sample papers are from, so that every combination below finds some.
  const years = samplePapers()
    .map((paper) => paper.date?.slice(0, 4))
    .filter((y) => y !== undefined)
  const year = Number(
    years.sort((a, b) => years.filter((y) => y === b).length - years.filter((y) => y === a).length)[0]
  )
  const cases: [string, Partial<PaperListFilters>][] = [
    ['no filter', {}],
    ['stubs included', { includeStubs: true }],
    ['a year', { year }],
    ['a year, stubs included', { year, includeStubs: true }],
    ['a task', { taskId: TASKS[1] }],
    ['has code', { hasCode: true }],
    ['official code', { officialCode: true }],
    ['a framework, stubs included', { framework: 'tf', includeStubs: true }],
    ['a task with code in a year', { taskId: TASKS[0], hasCode: true, year }],
    ['official code in a framework', { officialCode: true, framework: 'pytorch' }]
  ]
  it.each(cases)('%s: the papers a scan finds, newest first', async (_, filters) => {
    const want = expected({ ...NO_FILTERS, ...filters })
    expect(want.length).toBeGreaterThan(0)
    expect(await listed({ ...NO_FILTERS, ...filters })).toEqual({ count: want.length, ids: want })
  })

  it('counts the frameworks’ papers from the listing heads', () => {
    const count = (framework: string) =>
      papers.filter(
        (paper) =>
          !paper.isStub && links.some((link) => link.paperId === paper.id && link.framework === framework)
      ).length
    expect(new Map(index.frameworks)).toEqual(
      new Map(FRAMEWORKS.map((framework) => [framework, count(framework)]))
    )
    expect(index.papers.layout.realSize).toBe(papers.filter((paper) => !paper.isStub).length)
  })
})
