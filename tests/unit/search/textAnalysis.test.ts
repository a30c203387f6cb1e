import { describe, expect, it } from 'vitest'
import { TermInterner } from '../../../src/shared/search/termInterner'
import { analyzeFieldText, analyzeText, tokenize } from '../../../src/shared/search/textAnalysis'
import { realAbstractPapers, realEntities } from './realSearchFixtures'

describe('text analysis', () => {
  it('cuts on punctuation and symbols, folds case and diacritics, drops stop words from prose', () => {
    // "$H_{c2}$" leaves "h" (one letter, dropped) and "c2"; "a" is a stop word.
    expect(analyzeText('Transport Properties Near $H_{c2}$: a Ginzburg–Landau view')).toEqual([
      'transport',
      'properties',
      'near',
      'c2',
      'ginzburg',
      'landau',
      'view'
    ])
    expect(analyzeText('Päivi Törmä')).toEqual(['paivi', 'torma'])
    expect(tokenize('Self-Attention, (2017)')).toEqual(['Self', 'Attention', '2017'])
  })

  it('keeps initials and short names in author names', () => {
    expect(analyzeFieldText('J. A. An', 'authors')).toEqual(['j', 'a', 'an'])
    expect(analyzeFieldText('J. A. An', 'title')).toEqual([])
  })

  it('interns exactly the terms the analyzer produces, on real abstracts, titles and names', () => {
    const interner = new TermInterner()
    const ids: number[] = []
    const texts: [string, boolean][] = []
    for (const paper of realAbstractPapers()) {
      texts.push([paper.title, false], [paper.abstract, false])
      for (const author of paper.authors) texts.push([author, true])
    }
    for (const entity of realEntities().slice(0, 3000)) texts.push([entity.description ?? entity.name, false])
    for (const [text, keepAll] of texts) {
      interner.internText(text, keepAll, ids)
      expect(ids.map((id) => interner.terms[id])).toEqual(
        analyzeText(text, { keepShortAndStopWords: keepAll })
      )
    }
    expect(new Set(interner.terms).size).toBe(interner.terms.length)
  })
})
