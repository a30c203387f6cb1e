/**
 * The operator filters (`author:`, `task:`, `year:` …) compiled against one segment.
 *
 * Name filters are resolved once for the whole index (so every segment agrees on what
 * `task:segmentation` means), then turned into per-segment marks over that segment's name
 * tables. Each compiled filter can test one paper, and the set-like ones can also list their
 * papers, so a query made only of filters does not scan the whole archive.
 */
import { AUTHOR_MARK, HEAD_FIELDS, PaperSegment, type RowList, type TagKind } from './paperSegment'
import type { NameFilterKind, QueryFilter, QueryNote } from './queryParser'
import { visitHeadDocs } from './postingsReading'
import { analyzeText } from './textAnalysis'

const AUTHORS_BIT = 1 << HEAD_FIELDS.indexOf('authors')

// Hot loops read these as module constants: transpilers that compile imports to getters
// (tsx, vite-node) would otherwise call a function per posting.
const AUTHOR_SEPARATOR = AUTHOR_MARK

export type NameTableKey = 'venues' | 'frameworks' | TagKind

const TABLE_OF: Record<NameFilterKind, NameTableKey | null> = {
  author: null,
  task: 'tasks',
  dataset: 'datasets',
  method: 'methods',
  venue: 'venues',
  framework: 'frameworks'
}

const LABEL_OF: Record<NameTableKey, string> = {
  tasks: 'task',
  datasets: 'dataset',
  methods: 'method',
  venues: 'venue',
  frameworks: 'framework'
}

/** What people type → how the links dump names the framework. */
const FRAMEWORK_ALIASES: Record<string, string> = {
  tensorflow: 'tf',
  'tensor flow': 'tf',
  keras: 'tf',
  paddlepaddle: 'paddle',
  'paddle paddle': 'paddle',
  'mind spore': 'mindspore',
  caffe: 'caffe2'
}

const normalizedNames = new WeakMap<PaperSegment, Map<string, string[]>>()

/** Names normalized the way query text is, so "Image-to-Image Translation" meets "image image translation". */
export function normalizeName(name: string): string {
  return analyzeText(name, { keepShortAndStopWords: true }).join(' ')
}

/** Names as prose terms (stop words dropped), the form phrases are analyzed into. */
export function proseName(name: string): string {
  return analyzeText(name).join(' ')
}

/** A segment's name table, normalized once and cached. */
export function normalizedTable(segment: PaperSegment, table: NameTableKey, prose = false): string[] {
  let byTable = normalizedNames.get(segment)
  if (byTable === undefined) {
    byTable = new Map()
    normalizedNames.set(segment, byTable)
  }
  const key = prose ? `${table}:prose` : table
  let names = byTable.get(key)
  if (names === undefined) {
    names = segment.data.tables[table].map(prose ? proseName : normalizeName)
    byTable.set(key, names)
  }
  return names
}

export interface ResolvedNameFilter {
  filter: Extract<QueryFilter, { kind: NameFilterKind }>
  table: NameTableKey | null
  /** Normalized names that match (empty for `author:`, which is matched through postings). */
  names: Set<string>
  /** Normalized value tokens (for `author:`). */
  tokens: string[]
}

/**
 * Decides what a name filter matches across the index: the exact name if some paper has it,
 * otherwise every name containing all the value's words ("task:segmentation" → all
 * segmentation tasks). Explains both outcomes and the no-match case in `notes`.
 */
export function resolveNameFilter(
  filter: Extract<QueryFilter, { kind: NameFilterKind }>,
  segments: readonly PaperSegment[],
  notes: QueryNote[]
): ResolvedNameFilter {
  const table = TABLE_OF[filter.kind]
  const tokens = analyzeText(filter.value, { keepShortAndStopWords: true })
  if (table === null) return { filter, table, names: new Set(), tokens }

  let wanted = tokens.join(' ')
  if (table === 'frameworks') wanted = FRAMEWORK_ALIASES[wanted] ?? wanted
  const exact = new Set<string>()
  for (const segment of segments) {
    for (const name of normalizedTable(segment, table)) if (name === wanted) exact.add(name)
  }
  const label = LABEL_OF[table]
  if (exact.size > 0) return { filter, table, names: exact, tokens }
  // Only without an exact name: splitting ~15k dataset names per query costs ~10 ms.
  const containing = new Set<string>()
  for (const segment of segments) {
    for (const name of normalizedTable(segment, table)) {
      if (tokens.length > 0 && containsAllWords(name, tokens)) containing.add(name)
    }
  }
  if (containing.size > 0) {
    notes.push({
      kind: 'invalid-value',
      severity: 'info',
      source: `${filter.kind}:${filter.value}`,
      message: `No ${label} is named “${filter.value}”; matched the ${containing.size} ${label} name(s) containing those words.`
    })
    return { filter, table, names: containing, tokens }
  }
  notes.push({
    kind: 'invalid-value',
    severity: 'warning',
    source: `${filter.kind}:${filter.value}`,
    message: `No paper in the archive has the ${label} “${filter.value}”.`
  })
  return { filter, table, names: new Set(), tokens }
}

function containsAllWords(name: string, tokens: readonly string[]): boolean {
  const padded = ` ${name} `
  return tokens.every((token) => padded.includes(` ${token} `))
}

/** A filter compiled for one segment. */
export interface SegmentFilter {
  test(doc: number): boolean
  /** The papers that pass, ascending, when that list is cheap (positive set-like filters only). */
  docs(): Int32Array | null
}

function rowHasMarked(rows: RowList, doc: number, marks: Uint8Array): boolean {
  for (let i = rows.starts[doc]; i < rows.starts[doc + 1]; i += 1)
    if (marks[rows.values[i]] === 1) return true
  return false
}

function negate(filter: SegmentFilter, negated: boolean): SegmentFilter {
  if (!negated) return filter
  return { test: (doc) => !filter.test(doc), docs: () => null }
}

/** Papers whose author list has one author with all `tokens` (any order); found through postings. */
function authorDocs(segment: PaperSegment, tokens: readonly string[]): Uint8Array {
  const docCount = segment.docCount
  const passes = new Uint8Array(docCount)
  if (tokens.length === 0) return passes
  const dictionary = segment.data.dictionary
  const counts = new Uint8Array(docCount)
  const unique = [...new Set(tokens)]
  for (const token of unique) {
    const id = dictionary.find(token)
    if (id < 0) return passes
    forEachAuthorPosting(segment, id, (doc) => {
      counts[doc] += 1
    })
  }
  const sequences = segment.data.sequences
  const ids = unique.map((token) => dictionary.find(token))
  for (let doc = 0; doc < docCount; doc += 1) {
    if (counts[doc] !== unique.length) continue
    passes[doc] = sequences === null || oneAuthorHasAll(sequences, doc, ids) ? 1 : 0
  }
  return passes
}

function forEachAuthorPosting(segment: PaperSegment, termId: number, visit: (doc: number) => void): void {
  visitHeadDocs(segment.data.head, termId, (doc, mask) => {
    if ((mask & AUTHORS_BIT) !== 0) visit(doc)
  })
}

function oneAuthorHasAll(sequences: RowList, doc: number, ids: readonly number[]): boolean {
  const { starts, values } = sequences
  let i = starts[doc]
  const end = starts[doc + 1]
  while (i < end && values[i] !== AUTHOR_SEPARATOR) i += 1
  while (i < end) {
    i += 1
    const authorStart = i
    while (i < end && values[i] !== AUTHOR_SEPARATOR) i += 1
    let all = true
    for (const id of ids) {
      let found = false
      for (let j = authorStart; j < i; j += 1) {
        if (values[j] === id) {
          found = true
          break
        }
      }
      if (!found) {
        all = false
        break
      }
    }
    if (all) return true
  }
  return false
}

function markedDocs(marks: Uint8Array): Int32Array {
  let count = 0
  for (let doc = 0; doc < marks.length; doc += 1) count += marks[doc]
  const docs = new Int32Array(count)
  let next = 0
  for (let doc = 0; doc < marks.length; doc += 1) if (marks[doc] === 1) docs[next++] = doc
  return docs
}

/** Papers with any of the marked tags, ascending: one tag's list as is, several merged through a mark per paper. */
function docsOfTags(inverse: RowList, tagMarks: Uint8Array, docCount: number): Int32Array {
  const marked: number[] = []
  for (let tag = 0; tag < tagMarks.length; tag += 1) if (tagMarks[tag] === 1) marked.push(tag)
  if (marked.length === 1) {
    return Int32Array.from(inverse.values.subarray(inverse.starts[marked[0]], inverse.starts[marked[0] + 1]))
  }
  const docMarks = new Uint8Array(docCount)
  for (const tag of marked) {
    for (let i = inverse.starts[tag]; i < inverse.starts[tag + 1]; i += 1) docMarks[inverse.values[i]] = 1
  }
  return markedDocs(docMarks)
}

/** Papers by year (unknown years left out): `docs` ascending within each year, years ascending. */
interface YearOrder {
  firstYear: number
  /** Papers of year `firstYear + i` are `docs[starts[i] .. starts[i + 1]]`. */
  starts: Uint32Array
  docs: Int32Array
}

const yearOrders = new WeakMap<PaperSegment, YearOrder>()

function yearOrder(segment: PaperSegment): YearOrder {
  let order = yearOrders.get(segment)
  if (order === undefined) {
    const years = segment.data.columns.year
    let firstYear = 0xffff
    let lastYear = 0
    for (let doc = 0; doc < years.length; doc += 1) {
      if (years[doc] === 0) continue
      firstYear = Math.min(firstYear, years[doc])
      lastYear = Math.max(lastYear, years[doc])
    }
    const span = Math.max(0, lastYear - firstYear + 1)
    const starts = new Uint32Array(span + 1)
    for (let doc = 0; doc < years.length; doc += 1)
      if (years[doc] !== 0) starts[years[doc] - firstYear + 1] += 1
    for (let i = 0; i < span; i += 1) starts[i + 1] += starts[i]
    const docs = new Int32Array(starts[span])
    const cursor = starts.slice(0, span)
    for (let doc = 0; doc < years.length; doc += 1) {
      if (years[doc] !== 0) docs[cursor[years[doc] - firstYear]++] = doc
    }
    order = { firstYear, starts, docs }
    yearOrders.set(segment, order)
  }
  return order
}

/** The papers of years `from`–`to`, a slice of the segment's year order (deleted papers included). */
function docsOfYears(segment: PaperSegment, from: number, to: number): Int32Array {
  const { firstYear, starts, docs } = yearOrder(segment)
  const span = starts.length - 1
  const first = Math.min(span, Math.max(0, from - firstYear))
  const last = Math.min(span, Math.max(0, to - firstYear + 1))
  return first < last ? docs.subarray(starts[first], starts[last]) : new Int32Array(0)
}

export function compileFilter(
  segment: PaperSegment,
  filter: QueryFilter,
  resolved: ResolvedNameFilter | null
): SegmentFilter {
  const { columns } = segment.data
  switch (filter.kind) {
    case 'year': {
      const from = filter.from ?? 0
      const to = filter.to ?? 0xffff
      const years = columns.year
      const test = (doc: number): boolean => years[doc] !== 0 && years[doc] >= from && years[doc] <= to
      return negate({ test, docs: () => docsOfYears(segment, from, to) }, filter.negated)
    }
    case 'hasCode':
    case 'officialCode': {
      const bit = filter.kind === 'hasCode' ? 1 : 2
      const flags = columns.flags
      const test = (doc: number): boolean => ((flags[doc] & bit) !== 0) === filter.value
      return negate({ test, docs: () => null }, filter.negated)
    }
    case 'author': {
      const passes = authorDocs(segment, resolved?.tokens ?? [])
      return negate({ test: (doc) => passes[doc] === 1, docs: () => markedDocs(passes) }, filter.negated)
    }
    default: {
      const table = resolved?.table ?? 'tasks'
      const names = normalizedTable(segment, table)
      const marks = new Uint8Array(names.length)
      names.forEach((name, id) => {
        if (resolved?.names.has(name)) marks[id] = 1
      })
      if (table === 'venues') {
        const venues = columns.venue
        const test = (doc: number): boolean => venues[doc] !== 0 && marks[venues[doc] - 1] === 1
        return negate({ test, docs: () => null }, filter.negated)
      }
      if (table === 'frameworks') {
        let mask = 0
        marks.forEach((marked, bit) => {
          if (marked === 1) mask |= 1 << Math.min(bit, 31)
        })
        const frameworks = columns.frameworks
        const test = (doc: number): boolean => (frameworks[doc] & mask) !== 0
        return negate({ test, docs: () => null }, filter.negated)
      }
      const rows = columns.tags[table]
      const test = (doc: number): boolean => rowHasMarked(rows, doc, marks)
      return negate(
        { test, docs: () => docsOfTags(segment.docsByTag(table), marks, segment.docCount) },
        filter.negated
      )
    }
  }
}
