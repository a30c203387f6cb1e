import { beforeAll, describe, expect, it } from 'vitest'
import {
  attachPaperIndexChunks,
  chunkKeysByGroup,
  deserializePaperIndex,
  serializePaperIndex,
  type SerializedPaperIndex
} from '../../../src/shared/search/indexSerialization'
import { PaperSearchIndex } from '../../../src/shared/search/paperSearchIndex'
import type { PaperSearchResponse } from '../../../src/shared/search/paperSearchResponse'
import type { SearchablePaper } from '../../../src/shared/search/searchDocuments'
import { analyzeText } from '../../../src/shared/search/textAnalysis'
import { realAbstractPapers, realLeaderboardPapers } from './realSearchFixtures'

const papers = realAbstractPapers()
const byId = new Map(papers.map((paper) => [paper.id, paper]))
const titleOf = (id: string): string => byId.get(id)?.title ?? id

function buildIndex(documents: readonly SearchablePaper[], maxSegmentDocs?: number): PaperSearchIndex {
  const index = new PaperSearchIndex({ maxSegmentDocs })
  index.addAll(documents)
  index.flush()
  return index
}

function chunkMap(serialized: SerializedPaperIndex, groups?: string[]): Map<string, Uint8Array | string> {
  return new Map(
    serialized.chunks
      .filter((chunk) => groups === undefined || groups.includes(chunk.group))
      .map((chunk) => [chunk.key, chunk.data])
  )
}

/** What a user sees of a response: ids in order with scores, total, facets, notes. */
function visible(response: PaperSearchResponse): unknown {
  return {
    total: response.total,
    hits: response.hits.map((hit) => ({ ...hit, score: Number(hit.score.toFixed(9)) })),
    facets: response.facets,
    notes: response.notes.map((note) => note.message)
  }
}

const QUERIES = [
  'quantum ',
  'higgs -supersymmetry ',
  'hig',
  'superconductrs ',
  '"black hole"',
  'author:zerwas',
  'year:1995..1996 quantum ',
  'cosmic microwave background ',
  'monte carlo simulation '
]

describe('ranking on real papers', () => {
  const index = buildIndex(papers)

  it.each([
    ['annealing ', 'Optimization by Simulated Annealing'],
    ['baryogenesis ', 'Debye Screening and Baryogenesis during the Electroweak Phase Transition'],
    ['neutralino ', 'The Neutralino Relic Density in Minimal N=1 Supergravity'],
    [
      'factorization ',
      'Polynomial-Time Algorithms for Prime Factorization and Discrete Logarithms on a Quantum Computer'
    ],
    ['taxonomy ', 'Using Information Content to Evaluate Semantic Similarity in a Taxonomy'],
    ['entanglement ', 'Concentrating Partial Entanglement by Local Operations']
  ])('a title word (%s) finds its paper first', (query, title) => {
    const response = index.search(query)
    expect(titleOf(response.hits[0].id)).toBe(title)
    expect(response.hits[0].matches).toContainEqual({
      term: analyzeText(query)[0],
      fields: expect.arrayContaining(['title'])
    })
  })

  it('ranks a title match above an abstract-only match', () => {
    const response = index.search('neutralino ')
    expect(response.hits.map((hit) => hit.matches[0].fields)).toEqual([['title', 'abstract'], ['abstract']])
  })

  it('finds a long word through a typo', () => {
    const superconductors = papers
      .filter((paper) => /superconductors/i.test(paper.title))
      .map((paper) => paper.id)
    expect(superconductors).toHaveLength(2)
    const response = index.search('superconductrs ')
    expect(response.hits.map((hit) => hit.id).sort()).toEqual([...superconductors].sort())
    expect(response.hits[0].matches[0].term).toBe('superconductors')
    expect(titleOf(index.search('anealing ').hits[0].id)).toBe('Optimization by Simulated Annealing')
  })

  it('completes a 3-letter prefix while typing', () => {
    expect(titleOf(index.search('ann').hits[0].id)).toBe('Optimization by Simulated Annealing')
    const higgs = index.search('hig')
    const titles = higgs.hits.map((hit) => titleOf(hit.id))
    expect(titles.filter((title) => /higgs/i.test(title)).length).toBeGreaterThanOrEqual(4)
    expect(higgs.hits.flatMap((hit) => hit.matches.map((match) => match.term))).toContain('higgs')
  })

  it('excludes a word with -', () => {
    const response = index.search('higgs -supersymmetry ')
    expect(response.total).toBeGreaterThan(0)
    for (const hit of response.hits) {
      const paper = byId.get(hit.id) as SearchablePaper
      expect(analyzeText(`${paper.title} ${paper.abstract}`)).not.toContain('supersymmetry')
    }
  })

  it('matches a phrase only where its words are adjacent in a title, or all present in an abstract', () => {
    const response = index.search('"black hole"')
    const expected = papers.filter(
      (paper) => /black hole/i.test(paper.title) || /black hole/i.test(paper.abstract)
    )
    expect(response.hits.map((hit) => hit.id).sort()).toEqual(expected.map((paper) => paper.id).sort())
  })

  it('filters author: exactly, one author at a time', () => {
    const ids = (query: string): string[] =>
      index
        .search(query, { limit: 100 })
        .hits.map((hit) => hit.id)
        .sort()
    const byAuthor = (test: (author: string) => boolean): string[] =>
      papers
        .filter((paper) => paper.authors.some(test))
        .map((paper) => paper.id)
        .sort()
    expect(ids('author:zerwas')).toEqual(byAuthor((author) => /zerwas/i.test(author)))
    expect(ids('author:zerwas')).toHaveLength(3)
    expect(ids('author:"Uros Seljak"')).toEqual(byAuthor((author) => author === 'Uros Seljak'))
    expect(ids('author:"Geoffrey E. Hinton"')).toEqual(byAuthor((author) => author === 'Geoffrey E. Hinton'))
    // Djouadi and Zerwas wrote together, but no one author is called "Djouadi Zerwas".
    expect(ids('author:"Djouadi Zerwas"')).toEqual([])
    expect(ids('-author:zerwas year:1995..1996')).toEqual(
      papers
        .filter((paper) => (paper.year ?? 0) >= 1995 && (paper.year ?? 0) <= 1996)
        .filter((paper) => !paper.authors.some((author) => /zerwas/i.test(author)))
        .map((paper) => paper.id)
        .sort()
    )
  })

  it('filters year: exactly, newest first when there are no words', () => {
    const response = index.search('year:1995', { limit: 100 })
    const expected = papers.filter((paper) => paper.year === 1995)
    expect(response.total).toBe(expected.length)
    expect(response.hits.map((hit) => hit.id).sort()).toEqual(expected.map((paper) => paper.id).sort())
    const dates = response.hits.map((hit) => hit.date as string)
    expect(dates).toEqual([...dates].sort().reverse())
    const range = index.search('year:1993..1994', { limit: 100 })
    expect(range.total).toBe(papers.filter((paper) => paper.year === 1993 || paper.year === 1994).length)
  })

  it('sorts by date on request', () => {
    const dates = index.search('quantum ', { sort: 'date' }).hits.map((hit) => hit.date as string)
    expect(dates).toEqual([...dates].sort().reverse())
  })

  it('relaxes to any word, and says so, when no paper has every word', () => {
    const response = index.search('annealing baryogenesis ')
    expect(response.relaxed).toBe(true)
    expect(response.total).toBe(2)
    expect(response.notes.map((note) => note.message).join(' ')).toContain('match some of them')
  })

  it('pages through results without repeating any', () => {
    const all = index.search('quantum ', { limit: 100 }).hits.map((hit) => hit.id)
    const pages = [0, 3, 6].flatMap((offset) =>
      index.search('quantum ', { offset, limit: 3 }).hits.map((hit) => hit.id)
    )
    expect(pages).toEqual(all.slice(0, 9))
  })
})

describe('facets on real leaderboard papers', () => {
  const leaderboardPapers = realLeaderboardPapers()
  const index = buildIndex(leaderboardPapers, 1000)

  function countBy(values: (string | number)[]): Map<string | number, number> {
    const counts = new Map<string | number, number>()
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
    return counts
  }

  it('counts years, tasks, frameworks and code over every match (has:code)', () => {
    const withCode = leaderboardPapers.filter((paper) => paper.hasCode)
    const response = index.search('has:code', { facetLimit: 5000 })
    expect(response.total).toBe(withCode.length)
    const facets = response.facets
    expect(facets).not.toBeNull()
    if (facets === null) return
    expect(new Map(facets.years.map(({ year, count }) => [year, count]))).toEqual(
      countBy(withCode.flatMap((paper) => (paper.year === null ? [] : [paper.year])))
    )
    expect(new Map(facets.tasks.map(({ value, count }) => [value, count]))).toEqual(
      countBy(withCode.flatMap((paper) => paper.tasks))
    )
    expect(new Map(facets.frameworks.map(({ value, count }) => [value, count]))).toEqual(
      countBy(withCode.flatMap((paper) => paper.frameworks))
    )
    expect(facets.hasCode).toBe(withCode.length)
    expect(facets.officialCode).toBe(withCode.filter((paper) => paper.hasOfficialCode).length)
  })

  it('counts facets for a word query and returns the top tasks in order', () => {
    const matching = leaderboardPapers.filter((paper) =>
      [paper.title, ...paper.tasks].some((text) => analyzeText(text).includes('translation'))
    )
    const response = index.search('"translation"', { facetLimit: 3 })
    expect(response.total).toBe(matching.length)
    const expected = [...countBy(matching.flatMap((paper) => paper.tasks)).entries()]
      .sort((a, b) => b[1] - a[1] || (String(a[0]) < String(b[0]) ? -1 : 1))
      .slice(0, 3)
      .map(([value, count]) => ({ value, count }))
    expect(response.facets?.tasks).toEqual(expected)
  })

  it('filters task:, dataset:, framework: and official: exactly', () => {
    const total = (query: string): number => index.search(query).total
    expect(total('task:"Semantic Segmentation"')).toBe(
      leaderboardPapers.filter((paper) => paper.tasks.includes('Semantic Segmentation')).length
    )
    expect(total('dataset:"COCO test-dev"')).toBe(
      leaderboardPapers.filter((paper) => paper.datasets?.includes('COCO test-dev')).length
    )
    expect(total('framework:pytorch')).toBe(
      leaderboardPapers.filter((paper) => paper.frameworks.includes('pytorch')).length
    )
    expect(total('framework:tensorflow')).toBe(
      leaderboardPapers.filter((paper) => paper.frameworks.includes('tf')).length
    )
    expect(total('official:yes')).toBe(leaderboardPapers.filter((paper) => paper.hasOfficialCode).length)
  })

  it('widens a task: value that names no task to the tasks containing it, and explains', () => {
    const response = index.search('task:segmentation')
    expect(response.total).toBe(
      leaderboardPapers.filter((paper) =>
        paper.tasks.some((task) => analyzeText(task).includes('segmentation'))
      ).length
    )
    expect(response.notes[0].message).toMatch(/No task is named “segmentation”; matched the \d+ task name/)
    expect(index.search('task:"No Such Task"').notes[0]).toMatchObject({ severity: 'warning' })
  })
})

describe('segments, serialization and updates', () => {
  let reference: PaperSearchIndex
  beforeAll(() => {
    reference = buildIndex(papers)
  })

  it('scores identically however the papers are split into segments', () => {
    const segmented = buildIndex(papers, 7)
    expect(segmented.segments().length).toBeGreaterThan(1)
    for (const query of QUERIES)
      expect(visible(segmented.search(query))).toEqual(visible(reference.search(query)))
  })

  it('round-trips through chunks with identical results', () => {
    const serialized = serializePaperIndex(reference)
    for (const chunk of serialized.chunks) {
      if (typeof chunk.data !== 'string') expect(chunk.data.byteLength).toBe(chunk.data.buffer.byteLength)
    }
    const loaded = deserializePaperIndex(serialized.manifest, chunkMap(serialized))
    for (const query of QUERIES)
      expect(visible(loaded.search(query))).toEqual(visible(reference.search(query)))
  })

  it('answers from the core chunks first and completes when the rest arrive', () => {
    const serialized = serializePaperIndex(reference)
    const groups = chunkKeysByGroup(serialized.manifest)
    expect(groups.core.length).toBeGreaterThan(0)
    const loaded = deserializePaperIndex(serialized.manifest, chunkMap(serialized, ['core']))
    const early = loaded.search('annealing ')
    expect(early.incomplete).toEqual(['abstract', 'sequences'])
    expect(titleOf(early.hits[0].id)).toBe('Optimization by Simulated Annealing')
    attachPaperIndexChunks(loaded, serialized.manifest, chunkMap(serialized, ['sequences', 'abstract']))
    for (const query of QUERIES)
      expect(visible(loaded.search(query))).toEqual(visible(reference.search(query)))
  })

  it('lists only new chunks once the old ones are stored', () => {
    const index = buildIndex(papers.slice(0, 30))
    const first = serializePaperIndex(index)
    index.addAll(papers.slice(30))
    index.remove(papers[0].id)
    const second = serializePaperIndex(index, { storedKeys: new Set(first.keys) })
    const newKeys = new Set(second.chunks.map((chunk) => chunk.key))
    // The first segment's postings are unchanged: only its deletion flags get a new key.
    expect(second.chunks.length).toBeLessThan(second.keys.length)
    expect([...newKeys].filter((key) => key.startsWith('s0/'))).toEqual([
      expect.stringMatching(/^s0\/deleted\./)
    ])
    const stored = new Map([...chunkMap(first), ...chunkMap(second)])
    const loaded = deserializePaperIndex(second.manifest, stored)
    for (const query of QUERIES) expect(visible(loaded.search(query))).toEqual(visible(index.search(query)))
  })

  it('reflects a replaced and a removed paper, and compacts to what a fresh build gives', () => {
    const index = buildIndex(papers, 20)
    const annealing = papers.find(
      (paper) => paper.title === 'Optimization by Simulated Annealing'
    ) as SearchablePaper
    const taxonomy = papers.find((paper) => /Taxonomy/.test(paper.title)) as SearchablePaper

    index.add({
      ...annealing,
      title: 'Optimization by Simulated Quenching',
      abstract: 'Quenching replaces annealing.'
    })
    expect(index.search('quenching ').hits.map((hit) => hit.id)).toEqual([annealing.id])
    expect(index.search('"simulated annealing"').total).toBe(0)
    expect(index.remove(taxonomy.id)).toBe(true)
    expect(index.remove(taxonomy.id)).toBe(false)
    expect(index.has(taxonomy.id)).toBe(false)
    expect(index.search('taxonomy ').total).toBe(0)
    expect(index.documentCount).toBe(papers.length - 1)

    const finalPapers = papers
      .filter((paper) => paper.id !== taxonomy.id && paper.id !== annealing.id)
      .concat({
        ...annealing,
        title: 'Optimization by Simulated Quenching',
        abstract: 'Quenching replaces annealing.'
      })
    index.compact()
    const fresh = buildIndex(finalPapers)
    expect(index.segments().every((entry) => entry.segment.liveCount === entry.segment.docCount)).toBe(true)
    for (const query of [...QUERIES, 'quenching ', 'annealing ']) {
      const stripped = (response: PaperSearchResponse): unknown => ({
        ...(visible(response) as object),
        hits: response.hits
          .map((hit) => ({ id: hit.id, score: Number(hit.score.toFixed(9)) }))
          .sort((a, b) => (a.id < b.id ? -1 : 1))
      })
      expect(stripped(index.search(query, { limit: 100 }))).toEqual(
        stripped(fresh.search(query, { limit: 100 }))
      )
    }
  })

  it('suggests completions of the word being typed, most common first', () => {
    const suggestions = reference.suggest('quantum co')
    expect(suggestions.length).toBeGreaterThan(0)
    for (const { suggestion } of suggestions) expect(suggestion).toMatch(/^quantum co/)
    expect(suggestions[0].count).toBeGreaterThanOrEqual(suggestions.at(-1)?.count ?? 0)
  })
})
