/**
 * Truths on the bundled sample, imported by the real sync engine:
 * - one paper, the same facts everywhere: for every paper, what its page shows (date, tasks,
 *   authors, venue, arXiv links, code) is what search finds it by, what the `/papers` filters
 *   list it under, what a reading-list export writes and what Copy BibTeX copies;
 * - known-item search: a paper's short name or its models' name finds it in the top 3.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { PaperRecord } from '../../../src/shared/archive/entities'
import { paperVenue } from '../../../src/shared/archive/paperFacts'
import { loadPaperPage, type PaperPageData } from '../../../src/renderer/data/queries/paperQueries'
import {
  listPaperIds,
  loadPaperBrowseIndex,
  NO_FILTERS,
  type PaperBrowseIndex
} from '../../../src/renderer/data/queries/paperListQueries'
import { addToList, DEFAULT_LIST_ID, ensureDefaultList } from '../../../src/renderer/library/libraryActions'
import { paperBibtex } from '../../../src/shared/library/paperBibtex'
import { toBibtex } from '../../../src/shared/library/bibtex'
import { toCslItems } from '../../../src/shared/library/cslJson'
import type { ListEntry } from '../../../src/shared/library/libraryTypes'
import type { PaperSearchIndex } from '../../../src/shared/search/paperSearchIndex'
import { importBundledSample, type BundledSample } from './bundledSampleArchive'
import { KNOWN_ITEM_QUERIES, LATER_KNOWN_ITEM_QUERIES } from './knownItemQueries'

let sample: BundledSample
let pages: Map<string, PaperPageData>
let entries: Map<string, ListEntry>
let browse: PaperBrowseIndex

const ALL = 1_000_000

function searchIds(search: PaperSearchIndex, query: string): Map<string, string | null> {
  const response = search.search(query, { limit: ALL, facets: false })
  expect(response.notes.filter((note) => note.severity === 'warning')).toEqual([])
  return new Map(response.hits.map((hit) => [hit.id, hit.date]))
}

async function listedIds(filters: Partial<typeof NO_FILTERS>): Promise<Set<string>> {
  const list = await listPaperIds(sample.db, browse, { ...NO_FILTERS, includeStubs: true, ...filters }, ALL)
  return new Set(await list.idsAt(0, list.count))
}

/** Ids of the pages for which `has` holds. */
function pagesWhere(has: (page: PaperPageData) => boolean): Set<string> {
  return new Set([...pages].filter(([, page]) => has(page)).map(([id]) => id))
}

function sorted(ids: Iterable<string>): string[] {
  return [...ids].sort()
}

beforeAll(async () => {
  sample = await importBundledSample()
  browse = await loadPaperBrowseIndex(sample.db)
  pages = new Map()
  const papers: PaperRecord[] = await sample.db.papers.toArray()
  for (const paper of papers) {
    const page = await loadPaperPage(sample.db, paper.id)
    if (page) pages.set(paper.id, page)
  }
  await ensureDefaultList(sample.db)
  for (const paper of papers) await addToList(sample.db, paper, DEFAULT_LIST_ID)
  entries = new Map((await sample.db.listEntries.toArray()).map((entry) => [entry.paperId, entry]))
}, 600_000)

describe('every paper of the bundled sample', () => {
  it('is the sample of real ML papers: /papers opens on them, not on 1990s physics', async () => {
    expect(pages.size).toBeGreaterThan(3280)
    const newest = await (await listPaperIds(sample.db, browse, NO_FILTERS)).idsAt(0, 20)
    for (const id of newest) {
      expect(pages.get(id)?.paper.isStub, id).toBe(false)
      expect(pages.get(id)?.paper.date?.slice(0, 4), id).toMatch(/^20(1[89]|20)$/)
    }
    const bert = pages.get('bert-pre-training-of-deep-bidirectional')
    expect(bert?.paper.isStub).toBe(false)
    expect(bert?.paper.authors).toEqual([
      'Jacob Devlin',
      'Ming-Wei Chang',
      'Kenton Lee',
      'Kristina Toutanova'
    ])
  })

  it('has its page date in search hits, in the /papers listing and year filter, and in its list entry', async () => {
    const years = new Set([...pages.values()].map((page) => page.paper.date?.slice(0, 4) ?? null))
    // A paper no source dates keeps no date; a stub takes its rows' earliest date.
    for (const [id, page] of pages) {
      const rowDates = page.results.map((row) => row.result.paperDate).filter((date) => date !== null)
      if (page.paper.isStub && rowDates.length > 0) expect(page.paper.date, id).toBe(rowDates.sort()[0])
      if (page.paper.date === null) expect(rowDates, id).toEqual([])
    }
    for (const year of years) {
      if (year === null) continue
      const expected = pagesWhere((page) => page.paper.date?.startsWith(year) ?? false)
      const hits = searchIds(sample.search, `year:${year}`)
      expect(sorted(hits.keys()), `search year:${year}`).toEqual(sorted(expected))
      for (const [id, date] of hits) expect(date, id).toBe(pages.get(id)?.paper.date)
      expect(sorted(await listedIds({ year: Number(year) })), `/papers year ${year}`).toEqual(
        sorted(expected)
      )
    }
    for (const [id, page] of pages) expect(entries.get(id)?.snapshot.date, id).toBe(page.paper.date)
  })

  it('is found under each task its page shows, by search and by the /papers task filter, and no other', async () => {
    const tasks = new Map<string, string>()
    for (const page of pages.values()) for (const task of page.tasks) tasks.set(task.id, task.name)
    for (const page of pages.values())
      expect(sorted(page.tasks.map((t) => t.id)), page.paper.id).toEqual(sorted(new Set(page.paper.taskIds)))
    for (const [taskId, name] of tasks) {
      const expected = pagesWhere((page) => page.tasks.some((task) => task.id === taskId))
      const hits = searchIds(sample.search, `task:"${name.replace(/"/g, '')}"`)
      expect(sorted(hits.keys()), `task:"${name}"`).toEqual(sorted(expected))
      expect(sorted(await listedIds({ taskId })), `/papers task ${taskId}`).toEqual(sorted(expected))
    }
    // What the old site's users looked for first.
    expect(
      searchIds(sample.search, 'task:"Question Answering"').has('bert-pre-training-of-deep-bidirectional')
    ).toBe(true)
  })

  it('has code in search, in /papers and in its list entry exactly when its page lists code', async () => {
    const expected = pagesWhere((page) => page.codeLinks.length > 0)
    expect(expected.size).toBeGreaterThan(100)
    expect(sorted(searchIds(sample.search, 'has:code').keys())).toEqual(sorted(expected))
    expect(sorted(await listedIds({ hasCode: true }))).toEqual(sorted(expected))
    const official = pagesWhere((page) => page.codeLinks.some((link) => link.isOfficial))
    expect(sorted(await listedIds({ officialCode: true }))).toEqual(sorted(official))
    for (const [id, page] of pages) {
      expect(sorted(entries.get(id)?.snapshot.codeUrls ?? []), id).toEqual(
        sorted(new Set(page.codeLinks.map((link) => link.repoUrl)))
      )
    }
  })

  it('counts the same papers in a facet as the filter it offers', () => {
    for (const query of ['attention', 'image classification', 'question answering', 'year:2019']) {
      const response = sample.search.search(query, { limit: 0 })
      const facets = response.facets
      expect(facets, query).not.toBeNull()
      if (!facets) continue
      expect(sample.search.search(`${query} has:code`, { limit: 0 }).total, `${query} has:code`).toBe(
        facets.hasCode
      )
      for (const { year, count } of facets.years)
        expect(sample.search.search(`${query} year:${year}`, { limit: 0 }).total, `${query} ${year}`).toBe(
          count
        )
      for (const { value, count } of facets.tasks.slice(0, 5))
        expect(
          sample.search.search(`${query} task:"${value}"`, { limit: 0 }).total,
          `${query} ${value}`
        ).toBe(count)
    }
    // year: and has:code together: stubs carry their rows' date, so they count.
    expect(sample.search.search('year:2019 has:code', { limit: 0 }).total).toBeGreaterThan(0)
  })

  it('exports the authors, venue and links its page shows, and copies the BibTeX its list export writes', () => {
    for (const [id, page] of pages) {
      const entry = entries.get(id)
      expect(entry, id).toBeDefined()
      if (!entry) continue
      const { paper } = page
      expect(entry.snapshot.authors, id).toEqual(paper.authors)
      expect(entry.snapshot.venue, id).toBe(paperVenue(paper))
      expect(entry.snapshot.arxivId, id).toBe(paper.arxivId)
      expect([entry.snapshot.urlAbs, entry.snapshot.urlPdf], id).toEqual([paper.urlAbs, paper.urlPdf])
      // A known arXiv id always gives the Paper and PDF buttons.
      if (paper.arxivId !== null) expect(paper.urlAbs && paper.urlPdf, id).toBeTruthy()
      expect(paperBibtex(paper, page.codeLinks), id).toBe(toBibtex([entry]))
      const [csl] = toCslItems([entry])
      expect(csl.author?.length ?? 0, id).toBe(paper.authors.length)
      expect(csl.title, id).toBe(paper.title)
    }
  })
})

describe('known-item search on the bundled sample', () => {
  const rankOf = (query: string, paperId: string, options = {}): number =>
    sample.search
      .search(query, { limit: 50, facets: false, ...options })
      .hits.findIndex((hit) => hit.id === paperId) + 1

  it.each([...KNOWN_ITEM_QUERIES, ...LATER_KNOWN_ITEM_QUERIES])(
    '"$query" puts its paper in the top 3',
    ({ query, paperId }) => {
      const rank = rankOf(query, paperId)
      expect(rank, `rank of ${paperId}`).toBeGreaterThan(0)
      expect(rank).toBeLessThanOrEqual(3)
    }
  )

  it('needs the known-item names: BM25 alone ranks "bert" and "resnet" far lower', () => {
    const plain = { documentBoosts: new Map<string, number>() }
    expect(rankOf('bert', 'bert-pre-training-of-deep-bidirectional', plain)).toBeGreaterThan(3)
    // "Deep Residual Learning for Image Recognition" never says ResNet: only its rows do.
    expect(rankOf('resnet', 'deep-residual-learning-for-image-recognition', plain)).toBeGreaterThan(3)
  })

  it('still applies filters to a known item', () => {
    expect(rankOf('bert year:2018', 'bert-pre-training-of-deep-bidirectional')).toBe(1)
    expect(rankOf('bert year:2019', 'bert-pre-training-of-deep-bidirectional')).toBe(0)
  })
})
