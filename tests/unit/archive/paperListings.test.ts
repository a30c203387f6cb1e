import { describe, expect, it } from 'vitest'
import type { PaperRecord } from '../../../src/shared/archive/entities'
import {
  ALL_PAPERS_LISTING,
  PaperListing,
  PaperListingChanges,
  taskListingKey,
  updatePaperListings,
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
    const all = PaperListing.decode(listings.get(ALL_PAPERS_LISTING)!)
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
    expect(all.years()[0]).toBe(Number(dated[0].slice(0, 4)))
    expect(all.years().at(-1)).toBe(Number(dated.at(-1)?.slice(0, 4)))
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
    expect(PaperListing.decode(updated.listings.get(ALL_PAPERS_LISTING)!).ids[0]).toBe(redated.id)
    // Question answering lost and gained nothing: its record is not written again.
    expect(updated.put.sort()).toEqual(
      [ALL_PAPERS_LISTING, taskListingKey('image-classification'), taskListingKey('object-detection')].sort()
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

  it('refuses an id it could not store', () => {
    const changes = new PaperListingChanges()
    changes.noteWritten([{ id: 'two\nlines', date: null, taskIds: [] }])
    expect(() => updatePaperListings([], changes)).toThrow(/newline/)
  })
})
