/**
 * Long archive text is stored apart from its record (issue #13). IndexedDB deserializes a whole
 * record on the thread that reads it, so a page opening a record with a crafted 20 MB method
 * description or abstract blocked the UI for 145–438 ms before rendering anything, however
 * bounded the rendering was.
 *
 * At write time every string field longer than `LONG_TEXT_THRESHOLD` moves to the `longTexts`
 * table in chunks of `LONG_TEXT_CHUNK_CHARS`; the record keeps the text's first
 * `LONG_TEXT_PREVIEW_CHARS` characters in the field itself (what every reader of the field sees,
 * enough for a page's first screen) and a marker in `longText[field]`. Pages load the chunks only
 * when the reader asks for more. The marker's content hash lets a re-sync compare an incoming
 * record's stored form with the stored one without reading any chunk, so an unchanged dump still
 * writes nothing.
 *
 * Fields the database indexes or the sync joins on (ids, arXiv ids, title keys, names) stay whole:
 * cutting them would change what they match.
 */
import { PREVIEW_CHARS, withoutSplitSurrogate } from '../text/textPieces'
import { textFingerprint } from './contentHash'
import type { ArchiveEntityTable } from './entities'
import { recordsEqual } from './recordsEqual'

/**
 * Strings up to this many characters stay in their record. Reading a record costs ~10 ms per MB
 * of string on the UI thread (FACTS.md: 100 MB in ~1 s); the longest real text (an abstract or
 * description) is ~10,000 characters, so no real record is touched.
 */
export const LONG_TEXT_THRESHOLD = 64 * 1024

/** Characters per stored chunk: a "Show more" step (200,000 characters) reads four. */
export const LONG_TEXT_CHUNK_CHARS = 64 * 1024

/**
 * Characters the record keeps. Twice the first rendered piece, so that piece can be cut where it
 * would be in the whole text (a cut needs to see past its limit), and search indexes this much.
 */
export const LONG_TEXT_PREVIEW_CHARS = 2 * PREVIEW_CHARS

/** What a record keeps of a text stored apart. */
export interface LongTextMarker {
  /** The whole text's length in characters. */
  length: number
  chunks: number
  /** `textFingerprint` of the whole text. */
  hash: string
}

export type LongTextMarkers = Record<string, LongTextMarker>

/** Any archive record: its long fields' markers, when it has long fields. */
export interface LongTextHolder {
  longText?: LongTextMarkers
}

/** `[table, id, field, chunk]`: the `longTexts` table's primary key. */
export type LongTextKey = [table: ArchiveEntityTable, id: string, field: string, chunk: number]

export interface LongTextChunkRecord {
  table: ArchiveEntityTable
  id: string
  field: string
  chunk: number
  text: string
}

const KEPT_WHOLE: Record<ArchiveEntityTable, ReadonlySet<string>> = {
  papers: new Set(['id', 'arxivId', 'titleKey', 'stubSource']),
  codeLinks: new Set(['id', 'paperId']),
  tasks: new Set(['id', 'parentId']),
  datasets: new Set(['id', 'name']),
  methods: new Set(['id', 'name']),
  leaderboards: new Set(['id', 'taskId', 'datasetSlug', 'parentDatasetSlug']),
  results: new Set(['id', 'leaderboardId', 'paperId'])
}

interface ArchiveRecord extends LongTextHolder {
  id: string
}

export interface SplitRecord<T> {
  /** The record as stored: previews in its long fields, their markers in `longText`. */
  record: T
  /** The whole texts moved out, by field; empty when the record has no long field. */
  texts: Map<string, string>
}

/** The fields of `record` that are stored apart. */
export function longFieldsOf(table: ArchiveEntityTable, record: object): string[] {
  const kept = KEPT_WHOLE[table]
  return Object.entries(record)
    .filter(
      ([field, value]) => typeof value === 'string' && value.length > LONG_TEXT_THRESHOLD && !kept.has(field)
    )
    .map(([field]) => field)
}

function preview(text: string): string {
  return text.slice(0, withoutSplitSurrogate(text, LONG_TEXT_PREVIEW_CHARS))
}

function chunkEnds(text: string): number[] {
  const ends: number[] = []
  let start = 0
  while (start < text.length) {
    const end = Math.min(text.length, start + LONG_TEXT_CHUNK_CHARS)
    start = end < text.length ? withoutSplitSurrogate(text, end) : end
    ends.push(start)
  }
  return ends
}

/** How many chunks `text` is stored in. */
export function longTextChunkCount(text: string): number {
  return chunkEnds(text).length
}

/** The stored form of a record as a normalizer made it (a record already split is returned as is). */
export function splitLongTexts<T extends ArchiveRecord>(
  table: ArchiveEntityTable,
  record: T
): SplitRecord<T> {
  const fields = longFieldsOf(table, record)
  const texts = new Map<string, string>()
  if (fields.length === 0) return { record, texts }
  const stored = { ...record } as Record<string, unknown>
  const markers: LongTextMarkers = { ...record.longText }
  for (const field of fields) {
    const text = record[field as keyof T] as string
    texts.set(field, text)
    stored[field] = preview(text)
    markers[field] = { length: text.length, chunks: longTextChunkCount(text), hash: textFingerprint(text) }
  }
  stored.longText = markers
  return { record: stored as T, texts }
}

/** The chunks `text` is stored in, as the field `field` of the record `table`/`id`. */
export function longTextChunks(
  table: ArchiveEntityTable,
  id: string,
  field: string,
  text: string
): LongTextChunkRecord[] {
  let start = 0
  return chunkEnds(text).map((end, chunk) => {
    const piece = { table, id, field, chunk, text: text.slice(start, end) }
    start = end
    return piece
  })
}

/** The record as its normalizer made it, from its stored form and its texts read back by field. */
export function joinLongTexts<T extends ArchiveRecord>(record: T, texts: ReadonlyMap<string, string>): T {
  if (record.longText === undefined) return record
  const { longText, ...joined } = record
  for (const field of Object.keys(longText)) (joined as Record<string, unknown>)[field] = texts.get(field)
  return joined as T
}

export interface LongTextWrites {
  put: LongTextChunkRecord[]
  delete: LongTextKey[]
}

function keysOf(
  table: ArchiveEntityTable,
  id: string,
  field: string,
  from: number,
  to: number
): LongTextKey[] {
  const keys: LongTextKey[] = []
  for (let chunk = from; chunk < to; chunk++) keys.push([table, id, field, chunk])
  return keys
}

/**
 * The chunk writes that replace `old`'s stored texts with `next`'s (`undefined`: no record):
 * a text whose marker did not change is not written again, and chunks no marker counts any
 * more are deleted.
 */
export function longTextWrites(
  table: ArchiveEntityTable,
  old: LongTextHolder | undefined,
  next: SplitRecord<ArchiveRecord>
): LongTextWrites {
  const writes: LongTextWrites = { put: [], delete: [] }
  const { id } = next.record
  const before = old?.longText ?? {}
  const after = next.record.longText ?? {}
  for (const [field, text] of next.texts) {
    if (!recordsEqual(before[field], after[field])) writes.put.push(...longTextChunks(table, id, field, text))
  }
  for (const [field, marker] of Object.entries(before)) {
    writes.delete.push(...keysOf(table, id, field, after[field]?.chunks ?? 0, marker.chunks))
  }
  return writes
}

/**
 * The stored chunks no record's marker counts: what records deleted, demoted to stubs or
 * rewritten outside the sync's chunk writer left behind. `markersOf` gives a stored record's
 * markers (`undefined` when the record is gone).
 */
export function orphanedChunkKeys(
  keys: readonly LongTextKey[],
  markersOf: (table: ArchiveEntityTable, id: string) => LongTextMarkers | undefined
): LongTextKey[] {
  return keys.filter(([table, id, field, chunk]) => {
    const marker = markersOf(table, id)?.[field]
    return marker === undefined || chunk >= marker.chunks
  })
}
