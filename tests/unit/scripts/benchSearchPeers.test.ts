import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { flexsearchPeerModule } from '../../../scripts/bench-search/flexsearchPeer'
import { toFlexSearchPlan } from '../../../scripts/bench-search/flexsearchQuery'
import { fts5PeerModule } from '../../../scripts/bench-search/fts5Peer'
import { fts5Prefix, quoteFts5, toFts5Query } from '../../../scripts/bench-search/fts5Query'
import { medianTotalRatio, topOverlap } from '../../../scripts/bench-search/peerReport'
import type { SearchPeer } from '../../../scripts/bench-search/searchPeer'
import { parseQuery } from '../../../src/shared/search/queryParser'
import type { SearchablePaper } from '../../../src/shared/search/searchDocuments'
import { analyzeText } from '../../../src/shared/search/textAnalysis'
import { realAbstractPapers } from '../search/realSearchFixtures'

describe('FTS5 query translation', () => {
  it('quotes every word, doubling quotes, so FTS5 reads it as text', () => {
    expect(quoteFts5('neural')).toBe('"neural"')
    expect(quoteFts5('a"b')).toBe('"a""b"')
    expect(fts5Prefix('neu')).toBe('"neu"*')
  })

  it('completes only the word being typed, and only in the short fields', () => {
    const { match } = toFts5Query(parseQuery('graph neu'))
    expect(match).toBe(
      '(({title authors tasks venue abstract} : "graph") AND ({title authors tasks venue abstract} : "neu" OR {title authors tasks venue} : "neu"*))'
    )
    expect(toFts5Query(parseQuery('graph neu ')).match).not.toContain('*')
  })

  it('keeps a phrase contiguous (stop words included), negates words, and filters metadata in SQL', () => {
    const query = toFts5Query(
      parseQuery('"image-to-image translation" -survey year:2017..2020 has:code author:"Kevin Clark" ')
    )
    expect(query.match).toBe(
      '(({title authors tasks venue abstract} : "image to image translation") AND (authors : ("kevin" AND "clark"))) NOT ({title authors tasks venue abstract} : "survey")'
    )
    expect(query.conditions).toEqual(['m.year BETWEEN ? AND ?', 'm.has_code = ?'])
    expect(query.params).toEqual([2017, 2020, 1])
    expect(query.approximations).toContain('phrase-positional-in-abstract')
    expect(query.approximations).toContain('name-filter-as-words')
  })

  it('says when FTS5 cannot express a query', () => {
    expect(toFts5Query(parseQuery('-survey ')).unsupported).toBe('only negated words')
    expect(toFts5Query(parseQuery('year:2019 has:code')).match).toBeNull()
    expect(toFts5Query(parseQuery('transformers ')).approximations).toContain('no-fuzzy')
  })
})

describe('FlexSearch query plan', () => {
  it('makes each word its own any-field group, restricts name filters to their field, and tags metadata', () => {
    const plan = toFlexSearchPlan(parseQuery('graph neu author:"Kevin Clark" -survey year:2019'))
    const wordFields = ['title', 'authors', 'tasks', 'venue', 'abstract']
    expect(plan.must).toEqual([
      { word: 'graph', fields: wordFields },
      { word: 'neu', fields: wordFields },
      { word: 'kevin', fields: ['authors'] },
      { word: 'clark', fields: ['authors'] }
    ])
    expect(plan.mustNot).toEqual([[{ word: 'survey', fields: wordFields }]])
    expect(plan.tags).toEqual([{ kind: 'year', from: 2019, to: 2019, negated: false }])
    expect(plan.unsupported).toBeNull()
  })

  it('matches a phrase as its words and says so', () => {
    const plan = toFlexSearchPlan(parseQuery('"graph neural networks"'))
    expect(plan.must.map((group) => group.word)).toEqual(['graph', 'neural', 'networks'])
    expect(plan.approximations).toContain('phrase-as-words')
    expect(toFlexSearchPlan(parseQuery('-survey')).unsupported).toBe('only negations')
  })

  it('says a word being typed is matched whole when the index has no prefixes', () => {
    expect(toFlexSearchPlan(parseQuery('graph neu'), false).approximations).toContain('no-completion')
    expect(toFlexSearchPlan(parseQuery('graph neu'), true).approximations).not.toContain('no-completion')
    expect(toFlexSearchPlan(parseQuery('graph neu '), true).approximations).toContain(
      'words-match-as-prefixes'
    )
  })
})

describe('agreement figures', () => {
  it('averages the share of our top ids the peer also returns, and the median of total ratios', () => {
    const ours = [
      { ids: ['a', 'b', 'c', 'd'], total: 10 },
      { ids: ['e', 'f'], total: 4 },
      { ids: [], total: 0 }
    ]
    const peer = [
      { ids: ['d', 'x', 'a'], total: 5 },
      { ids: ['f', 'e'], total: 4 },
      { ids: ['z'], total: 3 }
    ]
    expect(topOverlap(ours, peer)).toBeCloseTo((2 / 4 + 1) / 2)
    expect(medianTotalRatio(ours, peer)).toBe(0.5)
  })
})

/** Papers whose text has every word: exactly, or (for `completing`) as a prefix of a short-field word. */
function expectedIds(
  papers: readonly SearchablePaper[],
  words: readonly string[],
  completing: boolean
): string[] {
  return papers
    .filter((paper) => {
      const short = analyzeText(
        [paper.title, paper.authors.join(' '), paper.tasks.join(' '), paper.venue ?? ''].join(' '),
        { keepShortAndStopWords: true }
      )
      const abstract = analyzeText(paper.abstract, { keepShortAndStopWords: true })
      return words.every(
        (word) =>
          abstract.includes(word) ||
          short.some((token) => (completing ? token.startsWith(word) : token === word))
      )
    })
    .map((paper) => paper.id)
    .sort()
}

describe.each([
  ['SQLite FTS5', fts5PeerModule, false],
  ['FlexSearch', flexsearchPeerModule, true]
] as const)('%s peer on the real papers', (_name, module, completesEveryWord) => {
  const papers = realAbstractPapers()
  let dir = ''
  let peer: SearchPeer

  beforeAll(() => {
    expect(module.unavailableReason()).toBeNull()
    dir = mkdtempSync(join(tmpdir(), 'bench-search-peer-'))
    peer = module.createPeer(dir, papers.length)
    for (const paper of papers) peer.add(paper)
    peer.finishBuild()
    expect(peer.footprint().bytes).toBeGreaterThan(0)
  })
  afterAll(() => {
    peer.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('finds the papers with every word, and counts them all', () => {
    const expected = expectedIds(papers, ['model', 'results'], completesEveryWord)
    expect(expected.length).toBeGreaterThan(2)
    const answer = peer.search(parseQuery('model results '), 100)
    expect(answer.total).toBe(expected.length)
    expect([...answer.ids].sort()).toEqual(expected)
    expect(peer.search(parseQuery('model results '), 2).ids).toHaveLength(2)
  })

  it('completes the word being typed', () => {
    const expected = expectedIds(papers, ['model', 'tran'], true)
    expect(expected.length).toBeGreaterThan(0)
    const answer = peer.search(parseQuery('model tran'), 100)
    expect([...answer.ids].sort()).toEqual(expected)
  })

  it('never fails on what a user may type', () => {
    const pieces = fc.constantFrom(
      'graph', 'neu', 'learning', ' ', '"', '*', '-', ':', '(', ')', '{', '}', '^', '+', 'NEAR', 'AND',
      'OR', 'NOT', 'author:', 'year:', 'has:', 'task:', '2019..', 'x"y', 'é', '\u0000'
    ) // prettier-ignore
    const typed = fc.oneof(
      fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join('')),
      fc.string()
    )
    fc.assert(
      fc.property(typed, (input) => {
        const answer = peer.search(parseQuery(input), 20)
        expect(answer.total).toBeGreaterThanOrEqual(answer.ids.length)
      }),
      { numRuns: 300 }
    )
  })
})
