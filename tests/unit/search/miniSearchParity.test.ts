/**
 * The compact index is a storage layout for MiniSearch's query model, not another engine:
 * built and queried with the same analyzer and options, it must return MiniSearch's documents
 * with MiniSearch's scores. Real papers, real words.
 */
import MiniSearch from 'minisearch'
import SearchableMap from 'minisearch/SearchableMap'
import { describe, expect, it } from 'vitest'
import { PaperSearchIndex } from '../../../src/shared/search/paperSearchIndex'
import { DEFAULT_FIELD_BOOST } from '../../../src/shared/search/paperSearchResponse'
import { parseQuery } from '../../../src/shared/search/queryParser'
import type { SearchablePaper } from '../../../src/shared/search/searchDocuments'
import { TermDictionary } from '../../../src/shared/search/termDictionary'
import { analyzeFieldText, analyzeText } from '../../../src/shared/search/textAnalysis'
import { realAbstractPapers } from './realSearchFixtures'

const papers = realAbstractPapers()

// Unbounded expansion, as MiniSearch does it; the bounds are what the engine adds at scale.
const UNBOUNDED = {
  maxPrefixExpansions: 100_000,
  prefixPostingsBudget: Infinity,
  maxFuzzyExpansions: 100_000,
  fuzzyPrefixLength: 0,
  prefixMatchesAbstract: true,
  correctTypedWord: 'always' as const
}

function miniSearchOver(documents: readonly SearchablePaper[]): MiniSearch<SearchablePaper> {
  const miniSearch = new MiniSearch<SearchablePaper>({
    // The real papers have no tasks and no venue: MiniSearch's average field length would
    // count them differently (it averages over all documents), so they are left out here.
    fields: ['title', 'authors', 'abstract'],
    extractField: (paper, field) =>
      field === 'authors' ? paper.authors.join(', ') : (paper as never)[field],
    tokenize: (text, field) => (field === undefined ? analyzeText(text) : analyzeFieldText(text, field)),
    processTerm: (term) => term
  })
  miniSearch.addAll(documents)
  return miniSearch
}

function miniSearchResults(miniSearch: MiniSearch<SearchablePaper>, query: string): Map<string, number> {
  const parsed = parseQuery(query)
  const prefixLast = parsed.terms.at(-1)?.prefix === true
  const results = miniSearch.search(query, {
    combineWith: 'AND',
    boost: DEFAULT_FIELD_BOOST,
    prefix: (_term, index, terms) => prefixLast && index === terms.length - 1,
    fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
    maxFuzzy: 2
  })
  return new Map(results.map((result) => [result.id as string, result.score]))
}

describe('parity with MiniSearch on real papers', () => {
  const miniSearch = miniSearchOver(papers)
  const index = new PaperSearchIndex({ maxSegmentDocs: 17 })
  index.addAll(papers)

  it.each([
    'quantum ',
    'black hole ',
    'monte carlo ',
    'quantum computer ',
    'neural networks ',
    'higgs boson production ',
    'superconductrs ',
    'gravitational lensing ',
    'hig',
    'quantum co',
    'cosmic micro',
    'superconduct'
  ])('%s: same papers, same scores', (query) => {
    const expected = miniSearchResults(miniSearch, query)
    const response = index.search(query, { limit: 100, expansion: UNBOUNDED })
    expect(expected.size).toBeGreaterThan(0)
    expect(response.total).toBe(expected.size)
    for (const hit of response.hits) {
      expect(expected.has(hit.id)).toBe(true)
      expect(hit.score).toBeCloseTo(expected.get(hit.id) as number, 9)
    }
  })
})

describe('fuzzy term lookup', () => {
  const vocabulary = [
    ...new Set(
      papers.flatMap((paper) => analyzeText(`${paper.title} ${paper.abstract} ${paper.authors.join(' ')}`))
    )
  ].sort((a, b) => (a < b ? -1 : 1))
  const dictionary = TermDictionary.fromSortedTerms(vocabulary)
  const radixTree = new SearchableMap<number>()
  vocabulary.forEach((term, id) => radixTree.set(term, id))

  it.each([
    ['superconductrs', 2],
    ['quantm', 1],
    ['entanglemnet', 2],
    ['higs', 1],
    ['annealing', 2],
    ['xyzzy', 2]
  ])('%s within %i edits: the terms MiniSearch’s radix tree finds', (query, distance) => {
    const ours = new Map<string, number>()
    dictionary.fuzzy(query, distance, (id, edits) => ours.set(dictionary.term(id), edits))
    const theirs = new Map([...radixTree.fuzzyGet(query, distance)].map(([term, [, edits]]) => [term, edits]))
    expect(ours).toEqual(theirs)

    const pinned = new Map<string, number>()
    dictionary.fuzzy(query, distance, (id, edits) => pinned.set(dictionary.term(id), edits), 1)
    expect(pinned).toEqual(new Map([...theirs].filter(([term]) => term[0] === query[0])))
  })

  it('finds terms by prefix range and exact lookup', () => {
    const [from, to] = dictionary.prefixRange('quant')
    expect(vocabulary.slice(from, to)).toEqual(vocabulary.filter((term) => term.startsWith('quant')))
    expect(dictionary.find('quantum')).toBe(vocabulary.indexOf('quantum'))
    expect(dictionary.find('quantumm')).toBe(-1)
  })
})
