/**
 * One immutable slice of the paper index (up to ~100k papers): its vocabulary, postings, the
 * per-paper columns that filters, facets and sorting read, and the token sequences that phrase
 * and author checks read. Only the deletion flags change after a segment is built, so a
 * persisted segment is rewritten only when it is merged away.
 *
 * Postings come in two groups that load separately: `head` (title, authors, tasks, venue — small,
 * loaded first so the first search answers within the cold-start budget) and `abstract` (~75% of
 * all postings, attached when it arrives).
 *
 * Encoding, per term and group (all integers LEB128 varints, doc numbers local to the segment):
 * - head: a header of four document frequencies (title, authors, tasks, venue), then per paper
 *   `gap - 1`, a byte with the fields present (bits 0–3; bit 4 set when every term frequency is
 *   1) and, unless bit 4 is set, `tf - 1` for each field present.
 * - abstract: a header with the document frequency, then per paper `(gap - 1) * 2 + (tf > 1)`,
 *   followed by `tf - 2` when tf > 1.
 */
import { TermDictionary } from './termDictionary'

export const HEAD_FIELDS = ['title', 'authors', 'tasks', 'venue'] as const
export type HeadField = (typeof HEAD_FIELDS)[number]
export const ALL_TF_ONE = 0x10

/** Separates one author's terms from the next in a sequence (no term id reaches it). */
export const AUTHOR_MARK = 0xffffffff

export const FLAG_HAS_CODE = 1
export const FLAG_OFFICIAL_CODE = 2

export type TagKind = 'tasks' | 'datasets' | 'methods'
export const TAG_KINDS: readonly TagKind[] = ['tasks', 'datasets', 'methods']

export interface PostingsGroup {
  /** Byte range of term `t` is `[starts[t], starts[t + 1])`; empty when the term is absent. */
  starts: Uint32Array
  bytes: Uint8Array
}

/** A compressed-sparse-row list: the values of row `i` are `values[starts[i] .. starts[i + 1]]`. */
export interface RowList {
  starts: Uint32Array
  values: Uint32Array
}

export interface SegmentTables {
  /** Name tables the columns refer to (ids are indexes into these arrays). */
  venues: string[]
  frameworks: string[]
  tasks: string[]
  datasets: string[]
  methods: string[]
}

export interface SegmentColumns {
  /** 0 when unknown. */
  year: Uint16Array
  /** `yyyymmdd` as a number, 0 when unknown; sorts by date. */
  date: Uint32Array
  flags: Uint8Array
  /** Venue id + 1; 0 for none. */
  venue: Uint32Array
  /** Bit `i` set when the paper has code in `frameworks[i]`. */
  frameworks: Uint32Array
  titleLength: Uint16Array
  authorsLength: Uint16Array
  tasksLength: Uint16Array
  venueLength: Uint16Array
  abstractLength: Uint16Array
  tags: Record<TagKind, RowList>
}

export interface SegmentData {
  docCount: number
  /** The prefix all ids share ("https://paperswithcode.com/paper/"), stored once. */
  idPrefix: string
  /** The ids after the prefix, packed end to end: id `i` is `idPrefix + ids.slice(idStarts[i], idStarts[i + 1])`. */
  ids: string
  idStarts: Uint32Array
  /** Local doc numbers sorted by id, for lookups without a 100k-entry `Map`. */
  idOrder: Uint32Array
  dictionary: TermDictionary
  head: PostingsGroup
  /** `null` until the abstract group is attached (lazy loading). */
  abstract: PostingsGroup | null
  /**
   * Per paper: title term ids, then for each author `AUTHOR_MARK` and the author's term ids.
   * `null` until attached.
   */
  sequences: RowList | null
  columns: SegmentColumns
  tables: SegmentTables
  /**
   * Over all papers, deleted ones included: the sum of each field's length, then the number of
   * papers with the field (title, authors, tasks, venue, abstract). Kept so that loading does
   * not scan every paper's lengths before the first query.
   */
  lengthTotals: Float64Array
  /** 1 for a deleted (or replaced) paper; the only mutable part of a segment. */
  deleted: Uint8Array
}

/** Reads the four head document frequencies of term `termId` into `into`; returns where entries start. */
export function readHeadHeader(group: PostingsGroup, termId: number, into: Uint32Array): number {
  const bytes = group.bytes
  let position = group.starts[termId]
  for (let field = 0; field < HEAD_FIELDS.length; field += 1) {
    let byte = bytes[position++]
    let value = byte & 0x7f
    let shift = 128
    while (byte >= 0x80) {
      byte = bytes[position++]
      value += (byte & 0x7f) * shift
      shift *= 128
    }
    into[field] = value
  }
  return position
}

/** Reads the abstract document frequency of `termId`; returns `[df, entriesStart]`. */
export function readAbstractHeader(group: PostingsGroup, termId: number): [number, number] {
  const bytes = group.bytes
  let position = group.starts[termId]
  let byte = bytes[position++]
  let value = byte & 0x7f
  let shift = 128
  while (byte >= 0x80) {
    byte = bytes[position++]
    value += (byte & 0x7f) * shift
    shift *= 128
  }
  return [value, position]
}

export interface PackedIds {
  idPrefix: string
  ids: string
  idStarts: Uint32Array
  idOrder: Uint32Array
}

/** Packs ids into one string (common prefix stored once) with their sorted order for lookups. */
export function packIds(ids: readonly string[]): PackedIds {
  let prefix = ids.length > 0 ? ids[0] : ''
  for (const id of ids) {
    let common = 0
    while (common < prefix.length && common < id.length && prefix[common] === id[common]) common += 1
    prefix = prefix.slice(0, common)
    if (prefix === '') break
  }
  const idStarts = new Uint32Array(ids.length + 1)
  let offset = 0
  ids.forEach((id, doc) => {
    idStarts[doc] = offset
    offset += id.length - prefix.length
  })
  idStarts[ids.length] = offset
  const idOrder = Uint32Array.from(
    Array.from({ length: ids.length }, (_, doc) => doc).sort((a, b) =>
      ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : a - b
    )
  )
  return { idPrefix: prefix, ids: ids.map((id) => id.slice(prefix.length)).join(''), idStarts, idOrder }
}

function lengthColumns(columns: SegmentColumns): Uint16Array[] {
  return [
    columns.titleLength,
    columns.authorsLength,
    columns.tasksLength,
    columns.venueLength,
    columns.abstractLength
  ]
}

/** `lengthTotals` for the given length columns (see `SegmentData`). */
export function computeLengthTotals(columns: SegmentColumns): Float64Array {
  const totals = new Float64Array(10)
  lengthColumns(columns).forEach((column, field) => {
    for (let doc = 0; doc < column.length; doc += 1) {
      if (column[doc] === 0) continue
      totals[field] += column[doc]
      totals[field + 5] += 1
    }
  })
  return totals
}

export class PaperSegment {
  private live = -1
  private liveTotals: Float64Array | null = null
  private tagDocsCache = new Map<TagKind, RowList>()

  constructor(readonly data: SegmentData) {}

  get docCount(): number {
    return this.data.docCount
  }

  /** Counts live papers and their field lengths once; deletions then update both in place. */
  private computeLiveStatistics(): Float64Array {
    if (this.liveTotals === null) {
      const totals = this.data.lengthTotals.slice()
      const deleted = this.data.deleted
      let live = deleted.length
      for (let doc = 0; doc < deleted.length; doc += 1) {
        if (deleted[doc] === 0) continue
        live -= 1
        this.subtractLengths(totals, doc)
      }
      this.live = live
      this.liveTotals = totals
    }
    return this.liveTotals
  }

  private subtractLengths(totals: Float64Array, doc: number): void {
    lengthColumns(this.data.columns).forEach((column, field) => {
      if (column[doc] === 0) return
      totals[field] -= column[doc]
      totals[field + 5] -= 1
    })
  }

  get liveCount(): number {
    this.computeLiveStatistics()
    return this.live
  }

  isDeleted(doc: number): boolean {
    return this.data.deleted[doc] === 1
  }

  markDeleted(doc: number): void {
    if (this.data.deleted[doc] === 1) return
    const totals = this.computeLiveStatistics()
    this.data.deleted[doc] = 1
    this.live -= 1
    this.subtractLengths(totals, doc)
  }

  id(doc: number): string {
    return this.data.idPrefix + this.data.ids.slice(this.data.idStarts[doc], this.data.idStarts[doc + 1])
  }

  /** Compares the stored id suffix of `doc` with `suffix` without allocating (<0, 0, >0). */
  private compareId(doc: number, suffix: string): number {
    const { ids, idStarts } = this.data
    const start = idStarts[doc]
    const length = idStarts[doc + 1] - start
    const common = Math.min(length, suffix.length)
    for (let i = 0; i < common; i += 1) {
      const difference = ids.charCodeAt(start + i) - suffix.charCodeAt(i)
      if (difference !== 0) return difference
    }
    return length - suffix.length
  }

  /** The local doc number of the live paper `id`, or -1 (a replaced paper leaves deleted copies). */
  findLiveDoc(id: string): number {
    const { idPrefix, idOrder, deleted } = this.data
    if (!id.startsWith(idPrefix)) return -1
    const suffix = id.slice(idPrefix.length)
    let low = 0
    let high = idOrder.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.compareId(idOrder[middle], suffix) < 0) low = middle + 1
      else high = middle
    }
    for (
      let index = low;
      index < idOrder.length && this.compareId(idOrder[index], suffix) === 0;
      index += 1
    ) {
      if (deleted[idOrder[index]] === 0) return idOrder[index]
    }
    return -1
  }

  /**
   * Over live papers: sums of field lengths, then counts of papers with the field (title,
   * authors, tasks, venue, abstract) — BM25's average field length.
   */
  fieldTotals(): Float64Array {
    return this.computeLiveStatistics()
  }

  /** Tag id → docs (the inverse of the per-paper tag lists), built on first use. */
  docsByTag(kind: TagKind): RowList {
    let inverse = this.tagDocsCache.get(kind)
    if (inverse === undefined) {
      inverse = invertRows(this.data.columns.tags[kind], this.data.tables[kind].length)
      this.tagDocsCache.set(kind, inverse)
    }
    return inverse
  }

  /** Which column groups are present: a segment loaded from chunks may still wait for some. */
  get hasAbstract(): boolean {
    return this.data.abstract !== null
  }

  get hasSequences(): boolean {
    return this.data.sequences !== null
  }
}

/** Turns doc → values rows into value → docs rows (docs ascending). */
export function invertRows(rows: RowList, valueCount: number): RowList {
  const counts = new Uint32Array(valueCount + 1)
  for (let i = 0; i < rows.values.length; i += 1) counts[rows.values[i] + 1] += 1
  for (let value = 0; value < valueCount; value += 1) counts[value + 1] += counts[value]
  const starts = counts.slice()
  const values = new Uint32Array(rows.values.length)
  const cursor = counts
  const docCount = rows.starts.length - 1
  for (let doc = 0; doc < docCount; doc += 1) {
    for (let i = rows.starts[doc]; i < rows.starts[doc + 1]; i += 1) {
      values[cursor[rows.values[i]]++] = doc
    }
  }
  return { starts, values }
}
