/**
 * Facet counts against the naive computation (count the matching papers' own records), on the
 * real leaderboard papers: for words in a few papers (counted directly), in most papers (counted
 * as the segment's live totals minus the rest), for filters alone, and after deletions.
 */
import { describe, expect, it } from 'vitest'
import { FacetCounter } from '../../../src/shared/search/paperFacets'
import { PaperSearchIndex } from '../../../src/shared/search/paperSearchIndex'
import type { PaperFacets } from '../../../src/shared/search/paperSearchResponse'
import type { SearchablePaper } from '../../../src/shared/search/searchDocuments'
import { realLeaderboardPapers } from './realSearchFixtures'

const papers = realLeaderboardPapers()
const byId = new Map(papers.map((paper) => [paper.id, paper]))
const ALL_VALUES = 100_000

function buildIndex(documents: readonly SearchablePaper[]): PaperSearchIndex {
  const index = new PaperSearchIndex({ maxSegmentDocs: 1500 })
  index.addAll(documents)
  index.flush()
  return index
}

function countBy(values: readonly (string | number)[]): Map<string | number, number> {
  const counts = new Map<string | number, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return counts
}

/** Facets as maps, comparable whatever the order ties come in. */
function asMaps(facets: PaperFacets): unknown {
  return {
    years: new Map(facets.years.map(({ year, count }) => [year, count])),
    tasks: new Map(facets.tasks.map(({ value, count }) => [value, count])),
    venues: new Map(facets.venues.map(({ value, count }) => [value, count])),
    frameworks: new Map(facets.frameworks.map(({ value, count }) => [value, count])),
    hasCode: facets.hasCode,
    officialCode: facets.officialCode
  }
}

function naiveFacets(matching: readonly SearchablePaper[]): unknown {
  return {
    years: countBy(matching.flatMap((paper) => (paper.year === null ? [] : [paper.year]))),
    tasks: countBy(matching.flatMap((paper) => paper.tasks)),
    venues: countBy(matching.flatMap((paper) => (paper.venue === null ? [] : [paper.venue]))),
    frameworks: countBy(matching.flatMap((paper) => paper.frameworks)),
    hasCode: matching.filter((paper) => paper.hasCode).length,
    officialCode: matching.filter((paper) => paper.hasOfficialCode).length
  }
}

/** The response's facets next to the naive count over every paper it matched. */
function facetsAndNaive(
  index: PaperSearchIndex,
  query: string
): { engine: unknown; naive: unknown; share: number } {
  const response = index.search(query, { limit: ALL_VALUES, facetLimit: ALL_VALUES })
  const matching = response.hits.map((hit) => byId.get(hit.id) as SearchablePaper)
  expect(matching).toHaveLength(response.total)
  expect(response.facets).not.toBeNull()
  return {
    engine: asMaps(response.facets as PaperFacets),
    naive: naiveFacets(matching),
    share: response.total / index.documentCount
  }
}

describe('facet counts', () => {
  const index = buildIndex(papers)

  it.each([
    // In most papers: counted as live totals minus the other papers.
    ['year:1900..2100', (share: number) => share > 0.5],
    ['-zzqx year:1900..2100', (share: number) => share > 0.5],
    // Around half, and in a few: counted directly.
    ['has:code', (share: number) => share > 0.3],
    ['learning ', (share: number) => share > 0.05],
    ['neural networks ', (share: number) => share > 0.01],
    ['segmentation has:code', (share: number) => share > 0],
    ['"object detection"', (share: number) => share > 0]
  ])('equal the naive count over every match of %s', (query, expectedShare) => {
    const { engine, naive, share } = facetsAndNaive(index, query)
    expect(expectedShare(share)).toBe(true)
    expect(engine).toEqual(naive)
  })

  it('count the complement of a match set exactly as the set itself, in every segment', () => {
    for (const { segment } of index.segments()) {
      const even: number[] = []
      const odd: number[] = []
      for (let doc = 0; doc < segment.docCount; doc += 1) {
        if (segment.isDeleted(doc)) continue
        ;(doc % 3 === 0 ? odd : even).push(doc)
      }
      const direct = new FacetCounter()
      direct.add(segment, Int32Array.from(even))
      const fromComplement = new FacetCounter()
      fromComplement.add(segment, Int32Array.from(even), Int32Array.from(odd))
      expect(asMaps(fromComplement.finish(ALL_VALUES))).toEqual(asMaps(direct.finish(ALL_VALUES)))
    }
  })

  it('follow deletions: a removed paper leaves the counts of a word in most papers', () => {
    const edited = buildIndex(papers)
    const query = 'year:1900..2100'
    expect(facetsAndNaive(edited, query).share).toBeGreaterThan(0.5)
    // Removed after a first count, so the segment totals counted then must not be reused.
    const removed = papers.filter((paper, i) => i % 5 === 0 && paper.hasCode && paper.year !== null)
    for (const paper of removed) expect(edited.remove(paper.id)).toBe(true)
    const { engine, naive } = facetsAndNaive(edited, query)
    expect(engine).toEqual(naive)
    const remaining = papers.filter((paper) => !removed.includes(paper) && paper.year !== null)
    expect(engine).toEqual(naiveFacets(remaining))
  })
})
