/**
 * A CSV export of reading lists for spreadsheets: RFC 4180 (CRLF records, a header row, fields
 * quoted when they hold a comma, quote or line break, quotes doubled), one row per entry.
 *
 * CSV injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and, in some
 * apps, tab or carriage return) as a formula, so a paper titled `=HYPERLINK(...)` or
 * `=WEBSERVICE(...)` in a shared library would run on the reader's machine. Such cells get a
 * leading `'` (OWASP's advice), which spreadsheets show as text; other tools see the apostrophe.
 * A note written as a Markdown list ("- point") is affected too; that is the price of the rule.
 */
import { groupEntriesByList } from './exportGrouping'
import type { ListEntry, ReadingList } from './libraryTypes'
import { splitAuthorList } from './personNames'
import { safeCsvCell } from '../csv'

export interface CsvExportOptions {
  /**
   * Start with a UTF-8 byte order mark. Excel reads a CSV without one in the legacy code page and
   * turns "José" into "JosÃ©"; most other tools skip the mark. Default `true`.
   */
  byteOrderMark?: boolean
}

/** Joins several values in one cell. */
export const CSV_MULTI_VALUE_SEPARATOR = '; '

export const CSV_COLUMNS = [
  'list',
  'title',
  'authors',
  'date',
  'venue',
  'arxiv_id',
  'status',
  'tags',
  'note',
  'added_at',
  'paper_url',
  'url_abs',
  'url_pdf',
  'code_urls',
  'paper_id'
] as const

export type CsvColumn = (typeof CSV_COLUMNS)[number]

export function toCsv(
  lists: readonly ReadingList[],
  entries: readonly ListEntry[],
  options: CsvExportOptions = {}
): string {
  const rows: string[] = [CSV_COLUMNS.map((column) => safeCsvCell(column)).join(',')]
  for (const { list, entries: listEntries } of groupEntriesByList(lists, entries)) {
    for (const entry of listEntries) {
      const values = csvValues(list, entry)
      rows.push(CSV_COLUMNS.map((column) => safeCsvCell(values[column])).join(','))
    }
  }
  const bom = options.byteOrderMark === false ? '' : '\uFEFF'
  return bom + rows.map((row) => `${row}\r\n`).join('')
}

function csvValues(list: ReadingList, entry: ListEntry): Record<CsvColumn, string> {
  const { snapshot } = entry
  return {
    list: list.name,
    title: snapshot.title,
    authors: splitAuthorList(snapshot.authors).join(CSV_MULTI_VALUE_SEPARATOR),
    date: snapshot.date ?? '',
    venue: snapshot.venue ?? '',
    arxiv_id: snapshot.arxivId ?? '',
    status: entry.status,
    tags: entry.tags.join(CSV_MULTI_VALUE_SEPARATOR),
    note: entry.note,
    added_at: entry.addedAt,
    paper_url: snapshot.paperUrl ?? '',
    url_abs: snapshot.urlAbs ?? '',
    url_pdf: snapshot.urlPdf ?? '',
    code_urls: snapshot.codeUrls.join(CSV_MULTI_VALUE_SEPARATOR),
    paper_id: entry.paperId
  }
}
