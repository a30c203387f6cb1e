import { parse, type Creator, type Entry } from '@retorquere/bibtex-parser'
import { describe, expect, it } from 'vitest'
import { toBibtex } from '../../../src/shared/library/bibtex'
import { assignCitationKeys } from '../../../src/shared/library/citationKeys'
import type { ExportablePaper } from '../../../src/shared/library/libraryTypes'
import { snapshotFromPaper } from '../../../src/shared/library/paperSnapshot'
import {
  ARXIV_PAPER,
  NON_ASCII_PAPER,
  PUBLISHER_PAPER,
  rawAuthors,
  VENUE_ARXIV_ID,
  entryFor,
  sampleCodeLinks,
  samplePaper,
  samplePapers,
  venuePaper
} from './libraryFixtures'

// `english: false` turns off the parser's Zotero-style sentence casing, so fields come back as the
// text a LaTeX user would see with a style that keeps the title's case.
function parseExact(bib: string): Entry[] {
  const library = parse(bib, { english: false })
  expect(library.errors).toEqual([])
  return library.entries
}

function only(bib: string): Entry {
  const entries = parseExact(bib)
  expect(entries).toHaveLength(1)
  return entries[0]
}

// What LaTeX prints for a title: `--` and `---` are TeX's en and em dashes ("Gluon--Gluon").
function asTypeset(title: string): string {
  return title.replace(/\s+/g, ' ').trim().replace(/---/g, '—').replace(/--/g, '–')
}

function creators(entry: Entry): Creator[] {
  return entry.fields.author ?? []
}

describe('BibTeX export, parsed back with @retorquere/bibtex-parser', () => {
  it('exports an arXiv paper as @misc with eprint, archivePrefix and the primary class in its id', () => {
    const paper = samplePaper(ARXIV_PAPER)
    const entry = only(toBibtex([entryFor(paper, 'list')]))

    expect(entry.type).toBe('misc')
    expect(entry.key).toBe('romao1992new')
    expect(entry.fields.title).toBe(paper.title)
    expect(entry.fields.eprint).toBe('hep-ph/9207269')
    expect(entry.fields.archiveprefix).toBe('arXiv')
    expect(entry.fields.primaryclass).toBe('hep-ph')
    expect(entry.fields.year).toBe('1992')
    expect(entry.fields.month).toBe('7')
    expect(entry.fields.url).toBe('https://arxiv.org/abs/hep-ph/9207269')
    // "J Romao", "F de Campos", "J W F Valle": the particle is read as BibTeX reads it.
    expect(creators(entry)).toEqual([
      { lastName: 'Romao', firstName: 'J' },
      { lastName: 'Campos', firstName: 'F', prefix: 'de' },
      { lastName: 'Valle', firstName: 'J W F' }
    ])
  })

  it('exports a venue paper as @inproceedings with booktitle, the venue year and month', () => {
    const { paper, codeLinks } = venuePaper(VENUE_ARXIV_ID)
    expect(paper.proceeding).toBe('NeurIPS 2017 12')
    const entry = only(toBibtex([entryFor(paper, 'list', {}, codeLinks)]))

    expect(entry.type).toBe('inproceedings')
    expect(entry.key).toBe('anon2017attention')
    expect(entry.fields.title).toBe('Attention Is All You Need')
    expect(entry.fields.booktitle).toBe('NeurIPS')
    expect(entry.fields.year).toBe('2017')
    expect(entry.fields.month).toBe('12')
    expect(entry.fields.eprint).toBe(VENUE_ARXIV_ID)
    expect(entry.fields.archiveprefix).toBe('arXiv')
    expect(entry.fields.primaryclass).toBeUndefined()
    expect(entry.fields.author).toBeUndefined()
  })

  it('keeps non-ASCII names in UTF-8 and unpacks the four authors the record packs in one string', () => {
    const paper = samplePaper(NON_ASCII_PAPER)
    // The papers normalizer collapses the double spaces that separate the four people, so the
    // entry is given the dump's own author string, as a snapshot of an unpacked record would hold.
    const authors = rawAuthors(NON_ASCII_PAPER)
    expect(authors).toEqual(['José Crossa  Paul L. Cornelius  Ken Sayre  R.J. Iván Ortiz‐Monasterio'])
    const listEntry = entryFor(paper, 'list')
    const bib = toBibtex([{ ...listEntry, snapshot: { ...listEntry.snapshot, authors } }])
    expect(bib).toContain('Ortiz‐Monasterio, R.J. Iván')
    const entry = only(bib)

    expect(entry.type).toBe('misc')
    expect(entry.key).toBe('crossa1995shifted')
    expect(entry.fields.title).toBe(paper.title)
    expect(creators(entry)).toEqual([
      { lastName: 'Crossa', firstName: 'José' },
      { lastName: 'Cornelius', firstName: 'Paul L.' },
      { lastName: 'Sayre', firstName: 'Ken' },
      { lastName: 'Ortiz‐Monasterio', firstName: 'R.J. Iván' }
    ])
    expect(entry.fields.doi).toBe('10.2135/cropsci1995.0011183X003500010010x')
    expect(entry.fields.url).toBe(paper.urlAbs)
    expect(entry.fields.year).toBe('1995')
  })

  it('keeps the name intact in UTF-8 as the archive stores it today', () => {
    const entry = only(toBibtex([entryFor(samplePaper(NON_ASCII_PAPER), 'list')]))
    expect(creators(entry)).toEqual([
      { lastName: 'Ortiz‐Monasterio', firstName: 'José Crossa Paul L. Cornelius Ken Sayre R.J. Iván' }
    ])
  })

  it('exports a paper with neither arXiv id nor venue as @misc with its publisher link', () => {
    const paper = samplePaper(PUBLISHER_PAPER)
    const entry = only(toBibtex([entryFor(paper, 'list')]))
    expect(entry.type).toBe('misc')
    expect(entry.key).toBe('hopfield1982neural')
    expect(entry.fields.url).toBe('https://www.pnas.org/content/79/8/2554')
    expect(entry.fields.eprint).toBeUndefined()
    expect(creators(entry)).toEqual([{ lastName: 'Hopfield', firstName: 'J J' }])
  })

  it('protects the capitals a sentence-casing consumer would destroy', () => {
    const ids = [
      'hijing-1-0-a-monte-carlo-program-for-parton',
      'collider-discovery-limits-for-supersymmetric',
      'weight-optimization-in-multichannel-monte',
      'thermal-phenomenology-of-hadrons-from-200'
    ]
    const bib = toBibtex(ids.map((id) => entryFor(samplePaper(id), 'list')))
    // The parser's default mode sentence-cases English titles the way Zotero does.
    const zoteroStyle = parse(bib, {})
    expect(zoteroStyle.errors).toEqual([])
    const titles = zoteroStyle.entries.map((entry) => entry.fields.title)
    expect(titles[0]).toMatch(/^HIJING 1\.0: /)
    // Sentence-case titles: their capitals are proper nouns.
    expect(titles[1]).toBe('Collider discovery limits for supersymmetric Higgs bosons')
    expect(titles[2]).toBe('Weight optimization in multichannel Monte Carlo')
    expect(titles[3]).toBe('Thermal phenomenology of hadrons from 200 AGeV S+S collisions')
  })

  it('writes every real sample paper as a parseable entry with a unique key', () => {
    const entries = samplePapers().map((paper) => entryFor(paper, 'list'))
    const parsed = parseExact(toBibtex(entries))
    expect(parsed).toHaveLength(50)
    expect(new Set(parsed.map((entry) => entry.key)).size).toBe(50)
    for (const [index, entry] of parsed.entries()) {
      const title = entries[index].snapshot.title
      // Inline math comes back as the parser's markup (`H<sub>c2</sub>`); the source keeps it.
      if (title.includes('$')) expect(entry.input).toContain('{$H_{c2}$}')
      else expect(entry.fields.title).toBe(asTypeset(title))
    }
  })

  it('escapes BibTeX specials in real titles and keeps their inline math', () => {
    // The real titles of the 2024 links that hold anything beyond letters, digits and plain
    // punctuation (`&`, `%`, `#`, `_`, `<`, `$...$`, `--`), as link-only papers.
    const seen = new Set<string>()
    const papers: ExportablePaper[] = []
    for (const link of sampleCodeLinks()) {
      if (link.paper_title === null || seen.has(link.paper_url)) continue
      if (!/[^\p{L}\p{N}\s:,.'()?!-]|--/u.test(link.paper_title)) continue
      seen.add(link.paper_url)
      const id = link.paper_url.split('/').pop() ?? ''
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
      papers.push({ paperId: id, snapshot })
    }
    // The parser knows no math macros (`\\mathbb`); LaTeX does, so they are passed through.
    const library = parse(toBibtex(papers), { english: false, unsupported: (_node, tex) => tex })
    expect(library.errors).toEqual([])
    const parsed = library.entries
    expect(parsed).toHaveLength(papers.length)
    const byKey = new Map(assignCitationKeys(papers).map((paper) => [paper.citationKey, paper]))
    let plain = 0
    for (const entry of parsed) {
      const title = byKey.get(entry.key)?.snapshot.title
      if (title === undefined || title.includes('$')) continue
      expect(entry.fields.title).toBe(asTypeset(title))
      plain++
    }
    expect(plain).toBeGreaterThan(30)
    const squeezeNet = parsed.find((entry) => entry.fields.title?.startsWith('SqueezeNet:'))
    expect(squeezeNet?.fields.title).toContain('and <0.5MB model size')
    const ampersand = parsed.find(
      (entry) => entry.fields.title === 'Deep & Cross Network for Ad Click Predictions'
    )
    expect(ampersand?.input).toContain('Deep \\& Cross')
    const math = parsed.find((entry) => entry.input.includes('$\\mathcal{M}^4$'))
    expect(math).toBeDefined()
  })
})
