import { describe, expect, it } from 'vitest'
import type { PaperRecord } from '../../../src/shared/archive/entities'
import {
  ANY_CODE_LISTING,
  buildCodeListings,
  CodeListings,
  frameworkListingKey,
  OFFICIAL_CODE_LISTING,
  REAL_PAPERS_LISTING,
  STUB_PAPERS_LISTING,
  PaperListing,
  PaperListingChanges,
  taskListingKey,
  updatePaperListings,
  yearsSpanned,
  type PaperListingRecord
} from '../../../src/shared/archive/paperListings'
import { samplePapers } from '../library/libraryFixtures'

// The converted papers dump has no tasks: the real papers get real task ids of the 2020 tables.
const TASKS = ['image-classification', 'object-detection', 'question-answering']

function realPapersWithTasks(): PaperRecord[] {
  return samplePapers().map((paper, i) => ({ ...paper, taskIds: i % 4 === 3 ? [] : [TASKS[i % 3]] }))
}

function build(papers: readonly PaperRecord[]): Map<string, PaperListingRecord> {
  const changes = new PaperListingChanges()
  changes.noteWritten(papers)
  return new Map(updatePaperListings([], changes).put.map((record) => [record.key, record]))
}

function apply(
  stored: Map<string, PaperListingRecord>,
  changes: PaperListingChanges
): { listings: Map<string, PaperListingRecord>; put: string[]; removed: string[] } {
  const update = updatePaperListings([...stored.values()], changes)
  const listings = new Map(stored)
  for (const key of update.remove) listings.delete(key)
  for (const record of update.put) listings.set(record.key, record)
  return { listings, put: update.put.map((record) => record.key), removed: update.remove }
}

describe('paper listings', () => {
  it('lists every paper newest first, undated last, and each task’s papers', () => {
    const papers = realPapersWithTasks()
    const listings = build(papers)
    const all = PaperListing.decode(listings.get(REAL_PAPERS_LISTING)!)
    expect(all.size).toBe(papers.length)
    const dates = all.ids.map((_, i) => all.dateAt(i))
    const dated = dates.filter((date): date is string => date !== null)
    expect(dated).toEqual([...dated].sort().reverse())
    expect(dates.slice(dated.length).every((date) => date === null)).toBe(true)
    expect(dated.length).toBe(papers.filter((paper) => paper.date !== null).length)
    const byId = new Map(papers.map((paper) => [paper.id, paper]))
    expect(all.ids.map((id) => byId.get(id)?.date ?? null)).toEqual(dates)

    const detection = PaperListing.decode(listings.get(taskListingKey('object-detection'))!)
    expect(new Set(detection.ids)).toEqual(
      new Set(papers.filter((paper) => paper.taskIds.includes('object-detection')).map((paper) => paper.id))
    )
    expect(yearsSpanned([all])[0]).toBe(Number(dated[0].slice(0, 4)))
    expect(yearsSpanned([all]).at(-1)).toBe(Number(dated.at(-1)?.slice(0, 4)))
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
    expect(PaperListing.decode(updated.listings.get(REAL_PAPERS_LISTING)!).ids[0]).toBe(redated.id)
    // Question answering lost and gained nothing: its record is not written again.
    expect(updated.put.sort()).toEqual(
      [REAL_PAPERS_LISTING, taskListingKey('image-classification'), taskListingKey('object-detection')].sort()
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

  it('keeps stubs apart, and merges them with the papers newest first on demand', () => {
    const papers = realPapersWithTasks()
    // Real papers turned into stubs, as a newer dump that drops them leaves them (still cited).
    const stubs = papers
      .filter((_, i) => i % 5 === 0)
      .map((paper) => ({ ...paper, isStub: true, taskIds: [] }))
    const stubIds = new Set(stubs.map((stub) => stub.id))
    const listings = build([...papers.filter((paper) => !stubIds.has(paper.id)), ...stubs])
    const real = PaperListing.decode(listings.get(REAL_PAPERS_LISTING)!)
    const stubbed = PaperListing.decode(listings.get(STUB_PAPERS_LISTING)!)
    expect(new Set(stubbed.ids)).toEqual(stubIds)
    expect(real.ids.some((id) => stubIds.has(id))).toBe(false)
    const merged = PaperListing.merge('both', real, stubbed)
    const together = PaperListing.decode(build(papers).get(REAL_PAPERS_LISTING)!)
    expect(merged.ids).toEqual(together.ids)
    expect(merged.ids.map((_, i) => merged.dateAt(i))).toEqual(together.ids.map((_, i) => together.dateAt(i)))
  })

  it('counts the papers with code per framework without decoding, and decodes a set when asked', () => {
    const links = [
      { paperId: 'a', isOfficial: true, framework: 'pytorch' },
      { paperId: 'a', isOfficial: false, framework: 'tf' },
      { paperId: 'b', isOfficial: false, framework: 'pytorch' },
      { paperId: 'c', isOfficial: false, framework: null }
    ]
    const code = new CodeListings(new Map(buildCodeListings(links).map((record) => [record.key, record])))
    expect(code.frameworks()).toEqual([
      ['pytorch', 2],
      ['tf', 1]
    ])
    expect(code.papers(ANY_CODE_LISTING)).toEqual(new Set(['a', 'b', 'c']))
    expect(code.papers(OFFICIAL_CODE_LISTING)).toEqual(new Set(['a']))
    expect(code.papers(frameworkListingKey('tf'))).toEqual(new Set(['a']))
    expect(code.papers(frameworkListingKey('jax'))).toEqual(new Set())
  })

  it('refuses an id it could not store', () => {
    const changes = new PaperListingChanges()
    changes.noteWritten([{ id: 'two\nlines', date: null, taskIds: [], isStub: false }])
    expect(() => updatePaperListings([], changes)).toThrow(/newline/)
  })
})
