import { describe, expect, it } from 'vitest'
import type { PaperRecord } from '../../../src/shared/archive/entities'
import {
  ANY_CODE_LISTING,
  buildCodeListings,
  convertLegacyListings,
  decodeListing,
  encodeListing,
  frameworkListingKey,
  LISTING_PAGE_SIZE,
  ListingLayout,
  OFFICIAL_CODE_LISTING,
  PAPERS_LISTING,
  PaperListingChanges,
  taskListingKey,
  updatePaperListings,
  yearsSpanned,
  type EncodedListing,
  type ListingEntry
} from '../../../src/shared/archive/paperListings'
import { samplePapers } from '../library/libraryFixtures'

// The converted papers dump has no tasks: the real papers get real task ids of the 2020 tables.
const TASKS = ['image-classification', 'object-detection', 'question-answering']

function realPapersWithTasks(): PaperRecord[] {
  return samplePapers().map((paper, i) => ({ ...paper, taskIds: i % 4 === 3 ? [] : [TASKS[i % 3]] }))
}

function build(papers: readonly PaperRecord[]): Map<string, EncodedListing> {
  const changes = new PaperListingChanges()
  changes.noteWritten(papers)
  return new Map(updatePaperListings([], changes).put.map((listing) => [listing.head.key, listing]))
}

function entriesOf(listings: Map<string, EncodedListing>, key: string): ListingEntry[] {
  const listing = listings.get(key)
  expect(listing, key).toBeDefined()
  return decodeListing(listing!)
}

function apply(
  stored: Map<string, EncodedListing>,
  changes: PaperListingChanges
): { listings: Map<string, EncodedListing>; put: string[]; removed: string[] } {
  const update = updatePaperListings([...stored.values()], changes)
  const listings = new Map(stored)
  for (const key of update.remove) listings.delete(key)
  for (const listing of update.put) listings.set(listing.head.key, listing)
  return { listings, put: update.put.map((listing) => listing.head.key), removed: update.remove }
}

/** `count` entries, newest first, from 2022 back; every `stubEvery`-th a stub. */
function syntheticEntries(count: number, stubEvery: number): ListingEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(2022, 11, 31) - Math.floor(i / 3) * 86_400_000).toISOString().slice(0, 10)
    return { id: `paper-${String(i).padStart(6, '0')}`, date: day, isStub: i % stubEvery === stubEvery - 1 }
  })
}

describe('paper listings', () => {
  it('lists every paper newest first, undated last, and each task’s papers', () => {
    const papers = realPapersWithTasks()
    const listings = build(papers)
    const all = entriesOf(listings, PAPERS_LISTING)
    expect(all).toHaveLength(papers.length)
    const dates = all.map((entry) => entry.date)
    const dated = dates.filter((date): date is string => date !== null)
    expect(dated).toEqual([...dated].sort().reverse())
    expect(dates.slice(dated.length).every((date) => date === null)).toBe(true)
    expect(dated.length).toBe(papers.filter((paper) => paper.date !== null).length)
    const byId = new Map(papers.map((paper) => [paper.id, paper]))
    expect(all.map((entry) => byId.get(entry.id)?.date ?? null)).toEqual(dates)

    const detection = entriesOf(listings, taskListingKey('object-detection'))
    expect(new Set(detection.map((entry) => entry.id))).toEqual(
      new Set(papers.filter((paper) => paper.taskIds.includes('object-detection')).map((paper) => paper.id))
    )
    const head = listings.get(PAPERS_LISTING)!.head
    expect(yearsSpanned(head)[0]).toBe(Number(dated[0].slice(0, 4)))
    expect(yearsSpanned(head).at(-1)).toBe(Number(dated.at(-1)?.slice(0, 4)))
  })

  it('updates to what a fresh build of the changed papers gives, rewriting only listings that changed', () => {
    const papers = realPapersWithTasks()
    const stored = build(papers)
    const [redated, retasked, deleted] = papers.filter((paper) => paper.taskIds[0] === 'image-classification')
    const changes = new PaperListingChanges()
    const after = papers
      .filter((paper) => paper.id !== deleted.id)
      .map((paper) => {
        if (paper.id === redated.id) return { ...paper, date: '2031-01-01' }
        if (paper.id === retasked.id) return { ...paper, taskIds: ['object-detection'] }
        return paper
      })
    changes.noteWritten(after.filter((paper) => paper.id === redated.id || paper.id === retasked.id))
    changes.noteDeleted([deleted.id])

    const updated = apply(stored, changes)
    expect(updated.listings).toEqual(build(after))
    expect(entriesOf(updated.listings, PAPERS_LISTING)[0].id).toBe(redated.id)
    // Question answering lost and gained nothing: its record is not written again.
    expect(updated.put.sort()).toEqual(
      [PAPERS_LISTING, taskListingKey('image-classification'), taskListingKey('object-detection')].sort()
    )
    expect(updated.removed).toEqual([])
  })

  it('drops a listing whose last paper leaves it', () => {
    const papers = realPapersWithTasks().slice(0, 3)
    const stored = build(papers)
    const changes = new PaperListingChanges()
    changes.noteDeleted([papers[1].id])
    const updated = apply(stored, changes)
    expect(updated.removed).toEqual([taskListingKey(TASKS[1])])
    expect(updated.listings).toEqual(build([papers[0], papers[2]]))
  })

  it('keeps stubs in the listings, marked, so a page can leave them out', () => {
    const papers = realPapersWithTasks()
    // Real papers turned into stubs, as a newer dump that drops them leaves them (still cited).
    const stubIds = new Set(papers.filter((_, i) => i % 5 === 0).map((paper) => paper.id))
    const listings = build(papers.map((paper) => ({ ...paper, isStub: stubIds.has(paper.id) })))
    const all = entriesOf(listings, PAPERS_LISTING)
    expect(new Set(all.filter((entry) => entry.isStub).map((entry) => entry.id))).toEqual(stubIds)
    expect(all.map((entry) => entry.id)).toEqual(
      entriesOf(build(papers), PAPERS_LISTING).map((entry) => entry.id)
    )
    const layout = new ListingLayout(listings.get(PAPERS_LISTING)!.head)
    expect(layout.realSize).toBe(papers.length - stubIds.size)
    const everything = layout.range(null)
    expect(layout.positions(everything, false, 0, papers.length).map((at) => all[at].id)).toEqual(
      all.filter((entry) => !entry.isStub).map((entry) => entry.id)
    )
  })

  it('stores pages of a fixed size and finds any screenful, a year’s and without stubs, from the head', () => {
    const entries = syntheticEntries(2 * LISTING_PAGE_SIZE + 345, 7)
    const { head, pages } = encodeListing('papers', entries)
    expect(pages.map((page) => page.page)).toEqual([0, 1, 2])
    expect(decodeListing({ head, pages })).toEqual(entries)
    const layout = new ListingLayout(head)
    for (const year of [null, 2022, 2021, 2020, 2019]) {
      const range = layout.range(year)
      const inYear = entries
        .map((entry, position) => ({ entry, position }))
        .filter(({ entry }) => year === null || entry.date?.startsWith(String(year)))
      expect(range.to - range.from).toBe(inYear.length)
      for (const withStubs of [true, false]) {
        const expected = inYear
          .filter(({ entry }) => withStubs || !entry.isStub)
          .map(({ position }) => position)
        expect(layout.count(range, withStubs)).toBe(expected.length)
        for (const offset of [0, 1, 29, 999, 1000, Math.max(0, expected.length - 5), expected.length]) {
          expect(layout.positions(range, withStubs, offset, 30), `${year} ${withStubs} ${offset}`).toEqual(
            expected.slice(offset, offset + 30)
          )
        }
      }
    }
    expect(layout.range(1990)).toEqual({ from: 0, to: 0 })
    expect(ListingLayout.pagesOf([998, 999, 1000, 2001])).toEqual([0, 1, 2])
  })

  it('lists the papers with code in the archive’s order, per kind of code and framework', () => {
    const papers = syntheticEntries(10, 4)
    const [a, b, c] = [papers[5], papers[3], papers[8]]
    const links = [
      { paperId: a.id, isOfficial: true, framework: 'pytorch' },
      { paperId: a.id, isOfficial: false, framework: 'tf' },
      { paperId: b.id, isOfficial: false, framework: 'pytorch' },
      { paperId: c.id, isOfficial: false, framework: null }
    ]
    const code = new Map(buildCodeListings(links, papers).map((listing) => [listing.head.key, listing]))
    const ids = (key: string) => entriesOf(code, key).map((entry) => entry.id)
    expect(ids(ANY_CODE_LISTING)).toEqual([b.id, a.id, c.id])
    expect(ids(OFFICIAL_CODE_LISTING)).toEqual([a.id])
    expect(ids(frameworkListingKey('pytorch'))).toEqual([b.id, a.id])
    expect(ids(frameworkListingKey('tf'))).toEqual([a.id])
    expect(code.has(frameworkListingKey('jax'))).toBe(false)
    expect(entriesOf(code, ANY_CODE_LISTING).map((entry) => entry.isStub)).toEqual([true, false, false])
  })

  it('keeps a code listing’s papers through a re-sync that changed papers but no link', () => {
    const papers = realPapersWithTasks()
    const withCode = papers.slice(0, 4)
    const links = withCode.map((paper) => ({ paperId: paper.id, isOfficial: false, framework: null }))
    const stored = build(papers)
    for (const listing of buildCodeListings(links, decodeListing(stored.get(PAPERS_LISTING)!)))
      stored.set(listing.head.key, listing)
    const changes = new PaperListingChanges()
    // One paper with code is re-dated and one demoted to a stub; one without code is re-dated too.
    const redated = { ...withCode[0], date: '2031-01-01' }
    const demoted = { ...withCode[1], isStub: true }
    const other = { ...papers[10], date: '2032-01-01' }
    changes.noteWritten([redated, demoted, other])
    const updated = apply(stored, changes)
    const after = papers.map((paper) => [redated, demoted, other].find((p) => p.id === paper.id) ?? paper)
    const afterAll = decodeListing(build(after).get(PAPERS_LISTING)!)
    const rebuilt = buildCodeListings(links, afterAll)[0]
    expect(updated.listings.get(ANY_CODE_LISTING)).toEqual(rebuilt)
    expect(entriesOf(updated.listings, ANY_CODE_LISTING)[0]).toEqual({
      id: redated.id,
      date: redated.date,
      isStub: false
    })
  })

  it('converts the one-record listings of schema version 6 to pages', () => {
    const papers = realPapersWithTasks()
    const stubIds = new Set(papers.filter((_, i) => i % 6 === 0).map((paper) => paper.id))
    const marked = papers.map((paper) => ({ ...paper, isStub: stubIds.has(paper.id) }))
    const expected = build(marked)
    const legacy = (key: string, entries: ListingEntry[]) => ({
      key,
      ids: entries.map((entry) => entry.id).join('\n'),
      dates: entries.map((entry) => (entry.date ?? '').padEnd(10)).join('')
    })
    const all = decodeListing(expected.get(PAPERS_LISTING)!)
    const links = [papers[2], papers[6], papers[7]].map((paper) => ({
      paperId: paper.id,
      isOfficial: paper.id === papers[6].id,
      framework: 'pytorch'
    }))
    const records = [
      legacy(
        'papers',
        all.filter((entry) => !entry.isStub)
      ),
      legacy(
        'stubs',
        all.filter((entry) => entry.isStub)
      ),
      ...TASKS.map((task) => legacy(taskListingKey(task), entriesOf(expected, taskListingKey(task)))),
      // Version 6's code listings: sets of ids in id order, without dates.
      ...[ANY_CODE_LISTING, OFFICIAL_CODE_LISTING, frameworkListingKey('pytorch')].map((key) => ({
        key,
        ids: links
          .filter((link) => key !== OFFICIAL_CODE_LISTING || link.isOfficial)
          .map((link) => link.paperId)
          .sort()
          .join('\n'),
        dates: ''
      }))
    ]
    for (const listing of buildCodeListings(links, all)) expected.set(listing.head.key, listing)
    const converted = new Map(convertLegacyListings(records).map((listing) => [listing.head.key, listing]))
    expect(converted).toEqual(expected)
  })

  it('refuses an id it could not store', () => {
    const changes = new PaperListingChanges()
    changes.noteWritten([{ id: 'two\nlines', date: null, taskIds: [], isStub: false }])
    expect(() => updatePaperListings([], changes)).toThrow(/newline/)
  })
})
