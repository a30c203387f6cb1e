import { describe, expect, it } from 'vitest'
import { isEmptyQuery, parseQuery } from '../../../src/shared/search/queryParser'

describe('parseQuery: free words', () => {
  it('normalizes words, makes the word being typed a prefix and long words fuzzy', () => {
    const query = parseQuery('Graph Neural netw')
    expect(query.terms.map(({ text, prefix, fuzzy }) => ({ text, prefix, fuzzy }))).toEqual([
      { text: 'graph', prefix: false, fuzzy: true },
      { text: 'neural', prefix: false, fuzzy: true },
      { text: 'netw', prefix: true, fuzzy: false }
    ])
    expect(query.notes).toEqual([])
  })

  it('treats a word followed by a space as finished (no prefix)', () => {
    expect(parseQuery('attention ').terms[0].prefix).toBe(false)
  })

  it('keeps a stop word or single letter that is still being typed, since it may become "theory"', () => {
    expect(parseQuery('graph the').terms.map((term) => [term.text, term.prefix])).toEqual([
      ['graph', false],
      ['the', true]
    ])
    expect(parseQuery('graph t').terms.at(-1)).toMatchObject({ text: 't', prefix: true })
  })

  it('drops common words it will not search for, and says so', () => {
    const query = parseQuery('attention is all you need ')
    expect(query.terms.map((term) => term.text)).toEqual(['attention', 'all', 'you', 'need'])
    expect(query.notes).toEqual([
      expect.objectContaining({ kind: 'ignored-words', severity: 'info', source: 'is' })
    ])
  })

  it('folds case and diacritics and splits on punctuation', () => {
    expect(parseQuery('Päivi Törmä state-of-the-art ').terms.map((term) => term.text)).toEqual([
      'paivi',
      'torma',
      'state',
      'art'
    ])
  })
})

describe('parseQuery: phrases and negation', () => {
  it('reads a quoted phrase as exact terms in order', () => {
    const query = parseQuery('"Simulated Annealing" optimization ')
    expect(query.phrases).toEqual([
      { text: 'Simulated Annealing', terms: ['simulated', 'annealing'], negated: false }
    ])
    expect(query.terms.map((term) => term.text)).toEqual(['optimization'])
  })

  it('negates a word or a phrase with a leading minus, exactly (no prefix, no fuzzy)', () => {
    const query = parseQuery('higgs -supersymmetry -"black hole"')
    expect(query.terms).toEqual([
      expect.objectContaining({ text: 'higgs', negated: false }),
      expect.objectContaining({ text: 'supersymmetry', negated: true, prefix: false, fuzzy: false })
    ])
    expect(query.phrases).toEqual([{ text: 'black hole', terms: ['black', 'hole'], negated: true }])
  })

  it('does not treat a hyphen inside a word or a lone minus as negation', () => {
    const query = parseQuery('self-attention - model ')
    expect(query.terms.every((term) => !term.negated)).toBe(true)
    expect(query.terms.map((term) => term.text)).toEqual(['self', 'attention', 'model'])
  })

  it('explains an unclosed quote and reads it to the end', () => {
    const query = parseQuery('"neural network')
    expect(query.phrases[0].terms).toEqual(['neural', 'network'])
    expect(query.notes).toEqual([expect.objectContaining({ kind: 'unclosed-quote' })])
  })
})

describe('parseQuery: operators', () => {
  it.each([
    ['author:hinton', { kind: 'author', value: 'hinton', negated: false }],
    ['author:"Kevin Clark"', { kind: 'author', value: 'Kevin Clark', negated: false }],
    ['task:"Image Classification"', { kind: 'task', value: 'Image Classification', negated: false }],
    ['dataset:ImageNet', { kind: 'dataset', value: 'ImageNet', negated: false }],
    ['method:"Batch Normalization"', { kind: 'method', value: 'Batch Normalization', negated: false }],
    ['venue:cvpr', { kind: 'venue', value: 'cvpr', negated: false }],
    ['framework:pytorch', { kind: 'framework', value: 'pytorch', negated: false }],
    ['has:code', { kind: 'hasCode', value: true, negated: false }],
    ['-has:code', { kind: 'hasCode', value: true, negated: true }],
    ['official:yes', { kind: 'officialCode', value: true, negated: false }],
    ['official:no', { kind: 'officialCode', value: false, negated: false }],
    ['Author:Hinton', { kind: 'author', value: 'Hinton', negated: false }],
    ['-task:segmentation', { kind: 'task', value: 'segmentation', negated: true }]
  ])('%s', (input, filter) => {
    const query = parseQuery(input)
    expect(query.filters).toEqual([filter])
    expect(query.terms).toEqual([])
    expect(query.notes).toEqual([])
  })

  it.each([
    ['year:2019', 2019, 2019],
    ['year:2017..2020', 2017, 2020],
    ['year:2018..', 2018, null],
    ['year:..2015', null, 2015],
    ['year:>=2018', 2018, null],
    ['year:>2018', 2019, null],
    ['year:<2010', null, 2009]
  ])('%s is the year range %s–%s', (input, from, to) => {
    expect(parseQuery(input).filters).toEqual([{ kind: 'year', from, to, negated: false }])
  })

  it('swaps a backwards year range and says so', () => {
    const query = parseQuery('year:2020..2017')
    expect(query.filters).toEqual([{ kind: 'year', from: 2017, to: 2020, negated: false }])
    expect(query.notes[0]).toMatchObject({ kind: 'invalid-value', severity: 'info' })
  })

  it.each(['year:soon', 'year:19', 'year:2017..20x', 'official:maybe', 'has:wings'])(
    'ignores the malformed %s with an explanation, never silently',
    (input) => {
      const query = parseQuery(`${input} transformer `)
      expect(query.filters).toEqual([])
      expect(query.terms.map((term) => term.text)).toEqual(['transformer'])
      expect(query.notes).toEqual([
        expect.objectContaining({ kind: 'invalid-value', severity: 'warning', source: input })
      ])
    }
  )

  it('explains an operator without a value', () => {
    const query = parseQuery('author: transformer ')
    expect(query.filters).toEqual([])
    expect(query.notes).toEqual([expect.objectContaining({ kind: 'empty-value', source: 'author:' })])
  })

  it('searches an unknown operator as words and explains, listing the operators that exist', () => {
    const query = parseQuery('arxiv:1706.03762 attention ')
    expect(query.terms.map((term) => term.text)).toEqual(['arxiv', '1706', '03762', 'attention'])
    expect(query.filters).toEqual([])
    expect(query.notes).toHaveLength(1)
    expect(query.notes[0]).toMatchObject({
      kind: 'unknown-operator',
      severity: 'warning',
      source: 'arxiv:1706.03762'
    })
    expect(query.notes[0].message).toContain('author:')
  })

  it('does not read a URL scheme as an operator', () => {
    const query = parseQuery('https://arxiv.org/abs/1706.03762 ')
    expect(query.notes).toEqual([])
    expect(query.filters).toEqual([])
  })

  it('combines words, phrases, filters and exclusions in one query', () => {
    const query = parseQuery('author:"Kevin Clark" "pre-training" year:2019..2020 has:code -survey transf')
    expect(query.filters).toEqual([
      { kind: 'author', value: 'Kevin Clark', negated: false },
      { kind: 'year', from: 2019, to: 2020, negated: false },
      { kind: 'hasCode', value: true, negated: false }
    ])
    expect(query.phrases).toEqual([{ text: 'pre-training', terms: ['pre', 'training'], negated: false }])
    expect(query.terms.map(({ text, negated, prefix }) => [text, negated, prefix])).toEqual([
      ['survey', true, false],
      ['transf', false, true]
    ])
  })

  it('recognizes an empty query', () => {
    expect(isEmptyQuery(parseQuery('   '))).toBe(true)
    expect(isEmptyQuery(parseQuery('has:code'))).toBe(false)
  })

  it('keeps the last word being typed when operators follow it, as a facet click appends them', () => {
    const typed = parseQuery('attention')
    const withFacet = parseQuery('attention has:code year:2019')
    expect(withFacet.terms).toEqual(typed.terms)
    expect(withFacet.terms[0].prefix).toBe(true)
    // A space after the word ends it; so does another word after it.
    expect(parseQuery('attention ').terms[0].prefix).toBe(false)
    expect(parseQuery('attention is has:code').terms.map((term) => term.prefix)).toEqual([false, true])
  })
})
