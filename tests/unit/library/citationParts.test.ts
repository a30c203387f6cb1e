import { describe, expect, it } from 'vitest'
import { assignCitationKeys, baseCitationKey } from '../../../src/shared/library/citationKeys'
import type { ExportablePaper } from '../../../src/shared/library/libraryTypes'
import { snapshotFromPaper } from '../../../src/shared/library/paperSnapshot'
import { formatPersonName, parsePersonName, splitAuthorList } from '../../../src/shared/library/personNames'
import { parseVenue } from '../../../src/shared/library/venue'
import {
  NON_ASCII_PAPER,
  entryFor,
  rawAuthors,
  sampleCodeLinks,
  samplePaper,
  samplePapers,
  sampleProceedingLinks
} from './libraryFixtures'

describe('author names from the sample', () => {
  it('splits every sample author the way BibTeX reads "First von Last"', () => {
    const names = samplePapers().flatMap((paper) => paper.authors.map(parsePersonName))
    expect(names.every((name) => name.family !== '')).toBe(true)
    expect(parsePersonName('F de Campos')).toEqual({
      given: 'F',
      particle: 'de',
      family: 'Campos',
      suffix: ''
    })
    expect(parsePersonName("M. D'Onofrio")).toEqual({
      given: 'M.',
      particle: '',
      family: "D'Onofrio",
      suffix: ''
    })
    expect(parsePersonName('Klaus WERNER')).toEqual({
      given: 'Klaus',
      particle: '',
      family: 'WERNER',
      suffix: ''
    })
    expect(parsePersonName('Juan Pablo Paz')).toEqual({
      given: 'Juan Pablo',
      particle: '',
      family: 'Paz',
      suffix: ''
    })
    expect(parsePersonName('Th. Pruschke').family).toBe('Pruschke')
  })

  it('reads particles, suffixes and the comma forms', () => {
    expect(parsePersonName('Charles Louis Xavier Joseph de la Vallée Poussin')).toEqual({
      given: 'Charles Louis Xavier Joseph',
      particle: 'de la',
      family: 'Vallée Poussin',
      suffix: ''
    })
    expect(parsePersonName('Ludwig van der Waals').particle).toBe('van der')
    expect(parsePersonName('Martin Luther King Jr.')).toMatchObject({ family: 'King', suffix: 'Jr.' })
    expect(parsePersonName('Martin Luther King, Jr.')).toMatchObject({
      given: 'Martin Luther',
      suffix: 'Jr.'
    })
    expect(parsePersonName('van der Waals, Johannes')).toEqual({
      given: 'Johannes',
      particle: 'van der',
      family: 'Waals',
      suffix: ''
    })
    expect(parsePersonName('Seljak')).toEqual({ given: '', particle: '', family: 'Seljak', suffix: '' })
    expect(formatPersonName(parsePersonName('F de Campos'))).toBe('F de Campos')
  })

  it('unpacks the real record that packs four people into one string, and only such strings', () => {
    expect(splitAuthorList(rawAuthors(NON_ASCII_PAPER))).toEqual([
      'José Crossa',
      'Paul L. Cornelius',
      'Ken Sayre',
      'R.J. Iván Ortiz‐Monasterio'
    ])
    expect(splitAuthorList(['John  Smith', ' ', 'Ada Lovelace'])).toEqual(['John Smith', 'Ada Lovelace'])
  })
})

describe('venues in the real proceeding field', () => {
  it('reads every proceeding of the 2020 links subset into a name and a plausible year', () => {
    const values = new Set(sampleProceedingLinks().map((link) => link.proceeding))
    values.delete('')
    expect(values.size).toBeGreaterThan(100)
    for (const value of values) {
      const venue = parseVenue(value)
      expect(venue, value).not.toBeNull()
      expect(venue?.name, value).not.toMatch(/(?:19|20)\d{2}$/)
      expect(venue?.year, value).toBeGreaterThanOrEqual(1990)
      expect(venue?.year, value).toBeLessThanOrEqual(2021)
    }
  })

  it('separates the name, year and month of each shape', () => {
    expect(parseVenue('NeurIPS 2018 12')).toEqual({
      name: 'NeurIPS',
      year: 2018,
      month: 12,
      kind: 'conference'
    })
    expect(parseVenue('ICLR 2019')).toEqual({ name: 'ICLR', year: 2019, month: null, kind: 'conference' })
    expect(parseVenue('CVPR 2019 2019 4')).toMatchObject({ name: 'CVPR', year: 2019, month: 4 })
    expect(parseVenue('CVPR2016 2016 6')).toMatchObject({ name: 'CVPR', year: 2016 })
    expect(parseVenue('INTERSPEECH 2016 2016 9')).toMatchObject({ name: 'INTERSPEECH', year: 2016 })
    expect(parseVenue('ICML deep learning workshop, vol. 2. 2015. 2015 7')).toMatchObject({
      name: 'ICML deep learning workshop, vol. 2',
      year: 2015
    })
    expect(parseVenue('IEEE Transactions on Pattern Analysis and Machine Intelligence 2018 5')?.kind).toBe(
      'journal'
    )
    expect(parseVenue('TACL 2016 1')?.kind).toBe('journal')
    expect(parseVenue('arXiv 2019 3')?.kind).toBe('preprint')
    expect(parseVenue('arXiv preprint 2019 4')?.kind).toBe('preprint')
  })

  it('refuses what names no venue: empty values and the API v1 slug', () => {
    expect(parseVenue(null)).toBeNull()
    expect(parseVenue('')).toBeNull()
    // pwc-api-v1_codingpot_paper_get_response.json, the GAN paper.
    expect(parseVenue('proceedings-of-the-27th-international')).toBeNull()
  })
})

describe('citation keys', () => {
  function linkOnlyPapers(): ExportablePaper[] {
    const papers = new Map<string, ExportablePaper>()
    for (const link of sampleCodeLinks()) {
      const id = link.paper_url.split('/').pop() ?? ''
      if (papers.has(id) || link.paper_title === null) continue
      const snapshot = snapshotFromPaper({
        id,
        title: link.paper_title,
        authors: [],
        date: null,
        arxivId: link.paper_arxiv_id,
        proceeding: null,
        urlAbs: null,
        urlPdf: null,
        isStub: true,
        stubSource: 'link'
      })
      papers.set(id, { paperId: id, snapshot })
    }
    return [...papers.values()]
  }

  it('builds the key from the family name, year and first significant title word, in ASCII', () => {
    const paper = samplePaper(NON_ASCII_PAPER)
    const snapshot = { ...entryFor(paper, 'list').snapshot, authors: rawAuthors(NON_ASCII_PAPER) }
    expect(baseCitationKey(snapshot)).toBe('crossa1995shifted')
    expect(baseCitationKey({ ...snapshot, authors: ['Torbjörn Sjöstrand'] })).toBe('sjostrand1995shifted')
    expect(baseCitationKey({ ...snapshot, authors: ['R.J. Iván Ortiz‐Monasterio'] })).toBe(
      'ortizmonasterio1995shifted'
    )
  })

  it('gives each of the 2024 link papers a unique key, whatever order they come in', () => {
    const papers = linkOnlyPapers()
    const keyed = assignCitationKeys(papers)
    const keys = keyed.map((paper) => paper.citationKey)
    expect(new Set(keys).size).toBe(papers.length)
    expect(keys.every((key) => /^[a-z0-9]+$/.test(key))).toBe(true)

    const reversed = new Map(assignCitationKeys([...papers].reverse()).map((p) => [p.paperId, p.citationKey]))
    for (const paper of keyed) expect(reversed.get(paper.paperId)).toBe(paper.citationKey)
  })

  it('suffixes colliding keys a, b, c in paper-id order, the first keeping the bare key', () => {
    // Link-only papers have no authors or dates: every "Deep ..." title is `anonnddeep`.
    const deep = linkOnlyPapers().filter((paper) => baseCitationKey(paper.snapshot) === 'anonnddeep')
    expect(deep.length).toBeGreaterThan(3)
    const keyed = assignCitationKeys(deep)
    const byId = [...keyed].sort((a, b) => (a.paperId < b.paperId ? -1 : 1)).map((paper) => paper.citationKey)
    expect(byId.slice(0, 4)).toEqual(['anonnddeep', 'anonnddeepa', 'anonnddeepb', 'anonnddeepc'])
  })

  it('exports a paper that is in two lists once', () => {
    const paper = samplePaper(NON_ASCII_PAPER)
    const keyed = assignCitationKeys([entryFor(paper, 'a'), entryFor(paper, 'b')])
    expect(keyed).toHaveLength(1)
  })
})
