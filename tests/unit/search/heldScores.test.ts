/**
 * A segment keeps the last query's scores so that the same words asked again (a facet clicked,
 * the next page, another order) skip their postings. Whatever came before, an answer must be the
 * one a fresh index gives.
 */
import { describe, expect, it } from 'vitest'
import { PaperSearchIndex } from '../../../src/shared/search/paperSearchIndex'
import type { PaperSearchOptions, PaperSearchResponse } from '../../../src/shared/search/paperSearchResponse'
import type { SearchablePaper } from '../../../src/shared/search/searchDocuments'
import { realAbstractPapers, realLeaderboardPapers } from './realSearchFixtures'

const papers: SearchablePaper[] = [...realLeaderboardPapers(), ...realAbstractPapers()]

function buildIndex(): PaperSearchIndex {
  const index = new PaperSearchIndex({ maxSegmentDocs: 1200 })
  index.addAll(papers)
  index.flush()
  return index
}

type Request = [query: string, options?: PaperSearchOptions]

/** Each pair: what the page asked, then what it asks next on the same words (or not). */
const SEQUENCES: Request[][] = [
  [
    ['learning '],
    ['learning year:2019 '],
    ['learning has:code ', { sort: 'date' }],
    ['learning ', { limit: 40 }]
  ],
  [['image segmentation '], ['image segmentation -semantic '], ['"image segmentation"']],
  [['neural networks '], ['neural networks ', { offset: 20 }], ['networks neural ']],
  [['detection '], ['detection task:"Object Detection" '], ['detection ', { combineWith: 'or' }]],
  // Relaxed to any word, then the same words with a filter that leaves nothing to relax.
  [['quantum detection '], ['quantum detection year:2019 '], ['quantum ']],
  [['lea'], ['lear'], ['learning ']]
]

function comparable(response: PaperSearchResponse): unknown {
  return { ...response, hits: response.hits.map((hit) => ({ ...hit, score: Number(hit.score.toFixed(9)) })) }
}

describe('scores kept from the previous query', () => {
  const index = buildIndex()

  it.each(SEQUENCES.map((sequence) => [sequence.map(([query]) => query.trim()).join(' → '), sequence]))(
    'never change an answer: %s',
    (_, sequence) => {
      for (const [query, options] of sequence as Request[]) {
        const fresh = buildIndex().search(query, options)
        expect(comparable(index.search(query, options))).toEqual(comparable(fresh))
      }
    }
  )

  it('follow a removed paper: it leaves the results, and scores follow the new statistics', () => {
    const edited = buildIndex()
    const before = edited.search('learning ', { limit: 5 })
    const removed = before.hits[0].id
    expect(edited.remove(removed)).toBe(true)
    const after = edited.search('learning ', { limit: 5 })
    expect(after.hits.map((hit) => hit.id)).not.toContain(removed)
    expect(after.total).toBe(before.total - 1)

    // Scored anew once another query has cleared what the segments held.
    edited.search('quantum ')
    expect(comparable(after)).toEqual(comparable(edited.search('learning ', { limit: 5 })))
  })
})
