import { describe, expect, it } from 'vitest'
import { toCslItems, toCslJson } from '../../../src/shared/library/cslJson'
import {
  ARXIV_PAPER,
  NON_ASCII_PAPER,
  PUBLISHER_PAPER,
  VENUE_ARXIV_ID,
  entryFor,
  rawAuthors,
  samplePaper,
  samplePapers,
  venuePaper
} from './libraryFixtures'

/*
 * A structural check against the CSL-JSON schema (citation-style-language/schema, csl-data.json,
 * CSL 1.0.2): no CSL processor is installed here, so the test holds the schema's rules itself.
 */
const ITEM_TYPES = new Set(
  (
    'article article-journal article-magazine article-newspaper bill book broadcast chapter classic collection ' +
    'dataset document entry entry-dictionary entry-encyclopedia event figure graphic hearing interview ' +
    'legal_case legislation manuscript map motion_picture musical_score pamphlet paper-conference patent ' +
    'performance periodical personal_communication post post-weblog regulation report review review-book ' +
    'software song speech standard thesis treaty webpage'
  ).split(' ')
)
const NAME_VARIABLES = new Set(
  (
    'author chair collection-editor compiler composer container-author contributor curator director editor ' +
    'editorial-director executive-producer guest host interviewer illustrator narrator organizer ' +
    'original-author performer producer recipient reviewed-author script-writer series-creator translator'
  ).split(' ')
)
const DATE_VARIABLES = new Set('accessed available-date event-date issued original-date submitted'.split(' '))
const TEXT_VARIABLES = new Set(
  (
    'id citation-key language journalAbbreviation shortTitle abstract annote archive archive_collection ' +
    'archive_location archive-place authority call-number chapter-number citation-number citation-label ' +
    'collection-number collection-title container-title container-title-short dimensions division DOI edition ' +
    'event event-title event-place genre ISBN ISSN issue jurisdiction keyword locator medium note number ' +
    'number-of-pages number-of-volumes original-publisher original-publisher-place original-title page ' +
    'page-first part part-title PMCID PMID printing publisher publisher-place references reviewed-genre ' +
    'reviewed-title scale section source status supplement title title-short URL version volume volume-title ' +
    'volume-title-short year-suffix'
  ).split(' ')
)
const NAME_PARTS = new Set(
  'family given dropping-particle non-dropping-particle suffix comma-suffix static-ordering literal parse-names'.split(
    ' '
  )
)

function cslProblems(item: unknown): string[] {
  const problems: string[] = []
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return ['item is not an object']
  const record = item as Record<string, unknown>
  if (typeof record.id !== 'string' && typeof record.id !== 'number') problems.push('id missing')
  if (typeof record.type !== 'string' || !ITEM_TYPES.has(record.type))
    problems.push(`type ${String(record.type)}`)
  for (const [key, value] of Object.entries(record)) {
    if (key === 'type') continue
    if (NAME_VARIABLES.has(key)) {
      if (!Array.isArray(value)) problems.push(`${key} is not an array`)
      else
        for (const name of value as unknown[]) {
          if (typeof name !== 'object' || name === null) problems.push(`${key} has a non-object name`)
          else
            for (const [part, text] of Object.entries(name)) {
              if (!NAME_PARTS.has(part)) problems.push(`${key}: unknown name part ${part}`)
              else if (typeof text !== 'string' && typeof text !== 'boolean')
                problems.push(`${key}.${part} type`)
              else if (text === '') problems.push(`${key}.${part} is empty`)
            }
        }
    } else if (DATE_VARIABLES.has(key)) {
      const parts = (value as { 'date-parts'?: unknown })['date-parts']
      const valid =
        Array.isArray(parts) &&
        parts.length >= 1 &&
        parts.length <= 2 &&
        parts.every(
          (part) =>
            Array.isArray(part) &&
            part.length >= 1 &&
            part.length <= 3 &&
            part.every((n) => Number.isInteger(typeof n === 'string' ? Number(n) : n))
        )
      if (!valid) problems.push(`${key} has malformed date-parts`)
    } else if (TEXT_VARIABLES.has(key)) {
      if (typeof value !== 'string' && typeof value !== 'number') problems.push(`${key} is not text`)
      else if (value === '') problems.push(`${key} is empty`)
    } else problems.push(`unknown variable ${key}`)
  }
  return problems
}

describe('CSL-JSON export', () => {
  it('exports an arXiv paper as an `article` preprint with arXiv as publisher and its DataCite DOI', () => {
    const [item] = toCslItems([entryFor(samplePaper(ARXIV_PAPER), 'list')])
    expect(cslProblems(item)).toEqual([])
    expect(item).toEqual({
      id: 'romao1992new',
      type: 'article',
      title: 'New Higgs Signatures in Supersymmetry with Spontraneously Broken R Parity"',
      author: [
        { family: 'Romao', given: 'J' },
        { family: 'Campos', given: 'F', 'non-dropping-particle': 'de' },
        { family: 'Valle', given: 'J W F' }
      ],
      issued: { 'date-parts': [[1992, 7, 29]] },
      publisher: 'arXiv',
      number: 'arXiv:hep-ph/9207269',
      DOI: '10.48550/arXiv.hep-ph/9207269',
      URL: 'https://arxiv.org/abs/hep-ph/9207269',
      source: 'Papers with Code'
    })
  })

  it('exports a venue paper as `paper-conference` with the venue as container-title', () => {
    const { paper, codeLinks } = venuePaper(VENUE_ARXIV_ID)
    const [item] = toCslItems([entryFor(paper, 'list', {}, codeLinks)])
    expect(cslProblems(item)).toEqual([])
    expect(item).toMatchObject({
      type: 'paper-conference',
      title: 'Attention Is All You Need',
      'container-title': 'NeurIPS',
      issued: { 'date-parts': [[2017, 12]] },
      URL: 'https://arxiv.org/abs/1706.03762',
      note: 'arXiv: 1706.03762'
    })
    expect(item.DOI).toBeUndefined()
    expect(item.author).toBeUndefined()
  })

  it('keeps non-ASCII names and finds the publisher DOI in the Wiley link', () => {
    const paper = samplePaper(NON_ASCII_PAPER)
    const entry = entryFor(paper, 'list')
    const [item] = toCslItems([
      { ...entry, snapshot: { ...entry.snapshot, authors: rawAuthors(NON_ASCII_PAPER) } }
    ])
    expect(cslProblems(item)).toEqual([])
    expect(item.type).toBe('document')
    expect(item.author).toEqual([
      { family: 'Crossa', given: 'José' },
      { family: 'Cornelius', given: 'Paul L.' },
      { family: 'Sayre', given: 'Ken' },
      { family: 'Ortiz‐Monasterio', given: 'R.J. Iván' }
    ])
    expect(item.DOI).toBe('10.2135/cropsci1995.0011183X003500010010x')
  })

  it('writes every sample paper as a valid item, and the file as the same items in JSON', () => {
    const entries = samplePapers().map((paper) => entryFor(paper, 'list'))
    const items = toCslItems(entries)
    for (const item of items) expect(cslProblems(item), item.id).toEqual([])
    expect(JSON.parse(toCslJson(entries))).toEqual(items)
    const publisherOnly = items.find((item) => item.id === 'hopfield1982neural')
    expect(publisherOnly).toMatchObject({ type: 'document', URL: 'https://www.pnas.org/content/79/8/2554' })
    expect(samplePaper(PUBLISHER_PAPER).arxivId).toBeNull()
  })

  it('the validator itself rejects what the schema rejects', () => {
    expect(cslProblems({ id: 'x', type: 'preprint' })).toEqual(['type preprint'])
    expect(
      cslProblems({ id: 'x', type: 'article', issued: { 'date-parts': [[2017, 12, 1, 5]] } })
    ).toHaveLength(1)
    expect(cslProblems({ id: 'x', type: 'article', author: [{ last: 'Smith' }] })).toHaveLength(1)
    expect(cslProblems({ id: 'x', type: 'article', eprint: '1706.03762' })).toEqual([
      'unknown variable eprint'
    ])
  })
})
