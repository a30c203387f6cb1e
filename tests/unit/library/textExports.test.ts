import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS, toCsv } from '../../../src/shared/library/csvExport'
import type { ListEntry } from '../../../src/shared/library/libraryTypes'
import { toMarkdown } from '../../../src/shared/library/markdownExport'
import {
  ARXIV_PAPER,
  NON_ASCII_PAPER,
  PUBLISHER_PAPER,
  VENUE_ARXIV_ID,
  entryFor,
  readingList,
  samplePaper,
  venuePaper
} from './libraryFixtures'

/** RFC 4180, strictly: CRLF records, quotes only around whole fields, `""` inside them. */
function parseCsvStrict(text: string): string[][] {
  const records: string[][] = []
  let field = ''
  let record: string[] = []
  let i = 0
  const endField = (): void => {
    record.push(field)
    field = ''
  }
  while (i < text.length) {
    if (text[i] === '"' && field === '') {
      i++
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field')
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"'
          i += 2
        } else if (text[i] === '"') {
          i++
          break
        } else field += text[i++]
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\r')
        throw new Error(`text after a quote at ${i}`)
    } else if (text[i] === ',') {
      endField()
      i++
    } else if (text[i] === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`)
      endField()
      records.push(record)
      record = []
      i += 2
    } else if (text[i] === '\n' || text[i] === '"') {
      throw new Error(`unquoted ${JSON.stringify(text[i])} at ${i}`)
    } else field += text[i++]
  }
  if (field !== '' || record.length > 0) throw new Error('last record lacks its CRLF')
  return records
}

// What users type into notes and tags: the cases a CSV writer gets wrong.
const TRICKY_NOTE = 'Read §3, then "the appendix".\nCompare with Seljak 1996,\r\nand the code.'

function library(): { lists: ReturnType<typeof readingList>[]; entries: ListEntry[] } {
  const venue = venuePaper(VENUE_ARXIV_ID)
  return {
    lists: [readingList('theory', 'Theory, old & new', 1), readingList('inbox', 'Inbox', 0)],
    entries: [
      entryFor(samplePaper(ARXIV_PAPER), 'theory', {
        status: 'reading',
        tags: ['susy', 'R-parity'],
        note: TRICKY_NOTE
      }),
      entryFor(samplePaper(NON_ASCII_PAPER), 'theory', {
        tags: ['=1+2', '@cmd'],
        note: '- point one\n- point two'
      }),
      entryFor(samplePaper(PUBLISHER_PAPER), 'inbox', { status: 'read', note: '+SUM(A1:A9)' }),
      entryFor(venue.paper, 'inbox', { tags: ['transformers'] }, venue.codeLinks)
    ]
  }
}

describe('CSV export', () => {
  it('writes RFC 4180 that a strict parser reads back field for field', () => {
    const { lists, entries } = library()
    const csv = toCsv(lists, entries)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const rows = parseCsvStrict(csv.slice(1))
    expect(rows[0]).toEqual([...CSV_COLUMNS])
    expect(rows).toHaveLength(5)
    const records = rows
      .slice(1)
      .map((row) => Object.fromEntries(CSV_COLUMNS.map((column, i) => [column, row[i]])))
    // Lists in the user's order: Inbox (0) before "Theory, old & new" (1).
    expect(records.map((record) => record.list)).toEqual([
      'Inbox',
      'Inbox',
      'Theory, old & new',
      'Theory, old & new'
    ])
    const higgs = records[2]
    expect(higgs.title).toBe('New Higgs Signatures in Supersymmetry with Spontraneously Broken R Parity"')
    expect(higgs.note).toBe(TRICKY_NOTE)
    expect(higgs.authors).toBe('J Romao; F de Campos; J W F Valle')
    expect(higgs.status).toBe('reading')
    expect(higgs.tags).toBe('susy; R-parity')
    expect(higgs.arxiv_id).toBe('hep-ph/9207269')
    expect(records[1].code_urls.split('; ')).toHaveLength(4)
    expect(records[1].venue).toBe('NeurIPS 2017 12')
    expect(records[3].title).toBe(samplePaper(NON_ASCII_PAPER).title)
  })

  it('neutralizes cells a spreadsheet would run as formulas', () => {
    const { lists, entries } = library()
    const records = parseCsvStrict(toCsv(lists, entries, { byteOrderMark: false })).slice(1)
    const column = (name: (typeof CSV_COLUMNS)[number]): number => CSV_COLUMNS.indexOf(name)
    expect(records[0][column('note')]).toBe("'+SUM(A1:A9)")
    expect(records[3][column('tags')]).toBe("'=1+2; @cmd")
    expect(records[3][column('note')]).toBe("'- point one\n- point two")
    for (const record of records) for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
  })
})

describe('Markdown export', () => {
  it('groups entries by list with title, authors, links, status, tags and the quoted note', () => {
    const { lists, entries } = library()
    const markdown = toMarkdown(lists, entries, { exportedAt: '2025-08-03T12:00:00.000Z' })
    const inbox = markdown.indexOf('## Inbox')
    const theory = markdown.indexOf('## Theory, old & new')
    expect(inbox).toBeGreaterThan(0)
    expect(theory).toBeGreaterThan(inbox)
    expect(markdown).toContain(
      '### New Higgs Signatures in Supersymmetry with Spontraneously Broken R Parity"'
    )
    expect(markdown).toContain('- **Authors:** J Romao, F de Campos, J W F Valle')
    expect(markdown).toContain('- **Status:** Reading')
    expect(markdown).toContain('- **Tags:** susy, R-parity')
    expect(markdown).toContain(
      '[Papers with Code](<https://paperswithcode.com/paper/new-higgs-signatures-in-supersymmetry-with>)'
    )
    expect(markdown).toContain('[Code: Satan012/BERT](<https://github.com/Satan012/BERT>)')
    expect(markdown).toContain('- **Published:** NeurIPS 2017')
    expect(markdown).toContain(
      '> Read §3, then "the appendix".\n> Compare with Seljak 1996,\n> and the code.'
    )
    expect(markdown).toContain('> - point one\n> - point two')
    expect(markdown).toContain('CC-BY-SA 4.0')
  })

  it('escapes Markdown and HTML in archive text and links only http(s) URLs', () => {
    const entry = entryFor(samplePaper(PUBLISHER_PAPER), 'inbox')
    const hostile: ListEntry = {
      ...entry,
      // A 2020 evaluation-table title, and links as a spam record could carry them.
      snapshot: {
        ...entry.snapshot,
        title: 'MaskGAN: Better Text Generation via Filling in the______ <img src=x onerror=alert(1)>',
        urlAbs: 'javascript:alert(1)',
        urlPdf: 'https://example.org/a paper (v2).pdf'
      }
    }
    const markdown = toMarkdown([readingList('inbox', 'Inbox', 0)], [hostile])
    expect(markdown).toContain(
      '### MaskGAN: Better Text Generation via Filling in the\\_\\_\\_\\_\\_\\_ \\<img src=x onerror=alert(1)\\>'
    )
    expect(markdown).not.toContain('javascript:')
    expect(markdown).toContain('[PDF](<https://example.org/a%20paper%20(v2).pdf>)')
  })

  it('says so when a list is empty', () => {
    expect(toMarkdown([readingList('empty', 'Empty', 0)], [])).toContain('## Empty\n\n_No papers._')
  })
})
