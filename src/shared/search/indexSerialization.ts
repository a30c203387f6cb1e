/**
 * The persisted form of the paper index: a small JSON manifest plus chunks, each a `Uint8Array`
 * (typed arrays stored as their bytes, loaded back as views without parsing) or a string
 * (packed ids and terms, far below V8's 536,870,888-character limit). IndexedDB stores one
 * chunk per record.
 *
 * Chunks come in three groups so start-up can be staged: `core` (ids, vocabulary, title/author/
 * task/venue postings, columns — enough to answer queries), then `sequences` (phrase and exact
 * author checks), then `abstract` (the largest group). A segment's chunks never change once
 * written, except its deletion flags, whose key carries a version; so after an update the
 * caller writes only the chunks whose keys it does not have yet and deletes the keys the
 * manifest no longer lists.
 *
 * Typed arrays are stored in the platform's byte order (little-endian on every platform the app
 * ships on); the manifest records it and loading refuses a mismatch rather than misreading.
 */
import {
  PaperSegment,
  type PostingsGroup,
  type RowList,
  type SegmentColumns,
  type SegmentData,
  type SegmentTables
} from './paperSegment'
import { PaperSearchIndex, type PaperSearchIndexOptions } from './paperSearchIndex'
import { TermDictionary } from './termDictionary'

export type IndexChunkGroup = 'core' | 'sequences' | 'abstract'

export interface IndexChunk {
  key: string
  group: IndexChunkGroup
  data: Uint8Array | string
}

export interface SerializedPaperIndex {
  manifest: string
  /** The chunks to store (all, or only those not in `storedKeys`). */
  chunks: IndexChunk[]
  /** Every key the manifest refers to: stored chunks outside this list are obsolete. */
  keys: string[]
}

type ElementType = 'u8' | 'u16' | 'u32' | 'string'

interface PartRef {
  /** Chunk keys; a part larger than `MAX_CHUNK_BYTES` is split over several. */
  keys: string[]
  type: ElementType
  group: IndexChunkGroup
}

interface SegmentManifest {
  key: string
  docCount: number
  parts: Record<string, PartRef>
}

interface IndexManifest {
  format: typeof FORMAT
  version: typeof VERSION
  littleEndian: boolean
  segments: SegmentManifest[]
}

const FORMAT = 'pwc2-paper-index'
/** 2: per-segment `meta` (tables, id prefix, length totals) replaced `tables`. */
const VERSION = 2
/** Smaller records keep IndexedDB writes short and let loading report progress. */
const MAX_CHUNK_BYTES = 64 * 1024 * 1024

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

type TypedArray = Uint8Array | Uint16Array | Uint32Array

/** The array's own bytes; copied when it is a view into a larger buffer, which IndexedDB would store whole. */
function bytesOf(array: TypedArray): Uint8Array {
  const ownsBuffer = array.byteOffset === 0 && array.byteLength === array.buffer.byteLength
  const view =
    array instanceof Uint8Array ? array : new Uint8Array(array.buffer, array.byteOffset, array.byteLength)
  return ownsBuffer ? view : view.slice()
}

function deletedVersionKey(segmentKey: string, deleted: Uint8Array): string {
  // FNV-1a over the flags: the key changes exactly when the flags do.
  let hash = 0x811c9dc5
  for (let i = 0; i < deleted.length; i += 1) {
    if (deleted[i] === 1) hash = Math.imul(hash ^ (i + 1), 0x01000193)
  }
  return `${segmentKey}/deleted.${(hash >>> 0).toString(36)}`
}

function segmentParts(segment: PaperSegment): Record<string, [TypedArray | string, IndexChunkGroup]> {
  const { data } = segment
  const { columns } = data
  const parts: Record<string, [TypedArray | string, IndexChunkGroup]> = {
    ids: [data.ids, 'core'],
    idStarts: [data.idStarts, 'core'],
    idOrder: [data.idOrder, 'core'],
    dictionaryText: [data.dictionary.text, 'core'],
    dictionaryStarts: [data.dictionary.starts, 'core'],
    headStarts: [data.head.starts, 'core'],
    headBytes: [data.head.bytes, 'core'],
    year: [columns.year, 'core'],
    date: [columns.date, 'core'],
    flags: [columns.flags, 'core'],
    venue: [columns.venue, 'core'],
    frameworks: [columns.frameworks, 'core'],
    titleLength: [columns.titleLength, 'core'],
    authorsLength: [columns.authorsLength, 'core'],
    tasksLength: [columns.tasksLength, 'core'],
    venueLength: [columns.venueLength, 'core'],
    abstractLength: [columns.abstractLength, 'core'],
    tasksStarts: [columns.tags.tasks.starts, 'core'],
    tasksValues: [columns.tags.tasks.values, 'core'],
    datasetsStarts: [columns.tags.datasets.starts, 'core'],
    datasetsValues: [columns.tags.datasets.values, 'core'],
    methodsStarts: [columns.tags.methods.starts, 'core'],
    methodsValues: [columns.tags.methods.values, 'core'],
    meta: [
      JSON.stringify({ tables: data.tables, idPrefix: data.idPrefix, lengthTotals: [...data.lengthTotals] }),
      'core'
    ],
    deleted: [data.deleted, 'core']
  }
  if (data.sequences !== null) {
    parts.sequenceStarts = [data.sequences.starts, 'sequences']
    parts.sequenceValues = [data.sequences.values, 'sequences']
  }
  if (data.abstract !== null) {
    parts.abstractStarts = [data.abstract.starts, 'abstract']
    parts.abstractBytes = [data.abstract.bytes, 'abstract']
  }
  return parts
}

function elementType(value: TypedArray | string): ElementType {
  if (typeof value === 'string') return 'string'
  if (value instanceof Uint16Array) return 'u16'
  if (value instanceof Uint32Array) return 'u32'
  return 'u8'
}

/** Serializes the index; chunks whose keys are in `storedKeys` are listed but not produced. */
export function serializePaperIndex(
  index: PaperSearchIndex,
  options: { storedKeys?: ReadonlySet<string> } = {}
): SerializedPaperIndex {
  const stored = options.storedKeys ?? new Set<string>()
  const chunks: IndexChunk[] = []
  const keys: string[] = []
  const segments: SegmentManifest[] = []
  for (const { key: segmentKey, segment } of index.segments()) {
    if (!segment.hasAbstract || !segment.hasSequences) {
      throw new Error('serializePaperIndex: a segment is still loading; attach all its chunks first')
    }
    const manifest: SegmentManifest = { key: segmentKey, docCount: segment.docCount, parts: {} }
    for (const [name, [value, group]] of Object.entries(segmentParts(segment))) {
      const baseKey =
        name === 'deleted' ? deletedVersionKey(segmentKey, segment.data.deleted) : `${segmentKey}/${name}`
      const pieces: (Uint8Array | string)[] = []
      if (typeof value === 'string') {
        pieces.push(value)
      } else {
        const bytes = bytesOf(value)
        if (bytes.length <= MAX_CHUNK_BYTES) pieces.push(bytes)
        for (
          let offset = 0;
          bytes.length > MAX_CHUNK_BYTES && offset < bytes.length;
          offset += MAX_CHUNK_BYTES
        ) {
          pieces.push(bytes.slice(offset, offset + MAX_CHUNK_BYTES))
        }
      }
      const partKeys = pieces.map((_, piece) => (pieces.length === 1 ? baseKey : `${baseKey}#${piece}`))
      manifest.parts[name] = { keys: partKeys, type: elementType(value), group }
      pieces.forEach((data, piece) => {
        const key = partKeys[piece]
        keys.push(key)
        if (!stored.has(key)) chunks.push({ key, group, data })
      })
    }
    segments.push(manifest)
  }
  const manifest: IndexManifest = { format: FORMAT, version: VERSION, littleEndian: LITTLE_ENDIAN, segments }
  return { manifest: JSON.stringify(manifest), chunks, keys }
}

function parseManifest(text: string): IndexManifest {
  const manifest = JSON.parse(text) as IndexManifest
  if (manifest.format !== FORMAT || manifest.version !== VERSION) {
    throw new Error(
      `Unsupported search index format ${manifest.format} v${manifest.version}: rebuild the index`
    )
  }
  if (manifest.littleEndian !== LITTLE_ENDIAN) {
    throw new Error('The search index was written on a machine with another byte order: rebuild the index')
  }
  return manifest
}

/** The chunk keys of each group, in load order: `core` first, then `sequences`, then `abstract`. */
export function chunkKeysByGroup(manifestText: string): Record<IndexChunkGroup, string[]> {
  const byGroup: Record<IndexChunkGroup, string[]> = { core: [], sequences: [], abstract: [] }
  for (const segment of parseManifest(manifestText).segments) {
    for (const part of Object.values(segment.parts)) byGroup[part.group].push(...part.keys)
  }
  return byGroup
}

type ChunkSource = ReadonlyMap<string, Uint8Array | string>

function readPart(part: PartRef, chunks: ChunkSource): TypedArray | string | null {
  const pieces = part.keys.map((key) => chunks.get(key))
  if (pieces.some((piece) => piece === undefined)) return null
  if (part.type === 'string') return pieces[0] as string
  let bytes: Uint8Array
  if (pieces.length === 1) {
    bytes = pieces[0] as Uint8Array
  } else {
    const total = pieces.reduce((sum, piece) => sum + (piece as Uint8Array).length, 0)
    bytes = new Uint8Array(total)
    let offset = 0
    for (const piece of pieces as Uint8Array[]) {
      bytes.set(piece, offset)
      offset += piece.length
    }
  }
  const size = part.type === 'u32' ? 4 : part.type === 'u16' ? 2 : 1
  // A view when aligned (no copy); IndexedDB hands back each record in its own buffer.
  if (bytes.byteOffset % size !== 0) bytes = bytes.slice()
  if (part.type === 'u32') return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4)
  if (part.type === 'u16') return new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2)
  return bytes
}

function required<T>(value: T | null, key: string): T {
  if (value === null) throw new Error(`Search index chunk missing: ${key}`)
  return value
}

function buildSegment(manifest: SegmentManifest, chunks: ChunkSource): PaperSegment {
  const part = <T extends TypedArray | string>(name: string): T =>
    required(readPart(manifest.parts[name], chunks), `${manifest.key}/${name}`) as T
  const rows = (prefix: string): RowList => ({
    starts: part<Uint32Array>(`${prefix}Starts`),
    values: part<Uint32Array>(`${prefix}Values`)
  })
  const columns: SegmentColumns = {
    year: part('year'),
    date: part('date'),
    flags: part('flags'),
    venue: part('venue'),
    frameworks: part('frameworks'),
    titleLength: part('titleLength'),
    authorsLength: part('authorsLength'),
    tasksLength: part('tasksLength'),
    venueLength: part('venueLength'),
    abstractLength: part('abstractLength'),
    tags: { tasks: rows('tasks'), datasets: rows('datasets'), methods: rows('methods') }
  }
  const meta = JSON.parse(part<string>('meta')) as {
    tables: SegmentTables
    idPrefix: string
    lengthTotals: number[]
  }
  const data: SegmentData = {
    docCount: manifest.docCount,
    idPrefix: meta.idPrefix,
    ids: part('ids'),
    idStarts: part('idStarts'),
    idOrder: part('idOrder'),
    dictionary: new TermDictionary(part('dictionaryText'), part('dictionaryStarts')),
    head: { starts: part('headStarts'), bytes: part('headBytes') },
    abstract: null,
    sequences: null,
    columns,
    tables: meta.tables,
    lengthTotals: Float64Array.from(meta.lengthTotals),
    // Copied: deletions mutate it, and the loaded chunk may be shared with a cache.
    deleted: part<Uint8Array>('deleted').slice()
  }
  const segment = new PaperSegment(data)
  attachOptionalParts(segment, manifest, chunks)
  return segment
}

function attachOptionalParts(segment: PaperSegment, manifest: SegmentManifest, chunks: ChunkSource): void {
  const { data } = segment
  if (data.sequences === null && manifest.parts.sequenceStarts) {
    const starts = readPart(manifest.parts.sequenceStarts, chunks) as Uint32Array | null
    const values = readPart(manifest.parts.sequenceValues, chunks) as Uint32Array | null
    if (starts !== null && values !== null) data.sequences = { starts, values }
  }
  if (data.abstract === null && manifest.parts.abstractStarts) {
    const starts = readPart(manifest.parts.abstractStarts, chunks) as Uint32Array | null
    const bytes = readPart(manifest.parts.abstractBytes, chunks) as Uint8Array | null
    if (starts !== null && bytes !== null) {
      const group: PostingsGroup = { starts, bytes }
      data.abstract = group
    }
  }
}

/**
 * Loads an index from its manifest and whatever chunks are at hand; the `core` group is
 * required, `sequences` and `abstract` may follow through `attachPaperIndexChunks`.
 */
export function deserializePaperIndex(
  manifestText: string,
  chunks: ChunkSource,
  options: PaperSearchIndexOptions = {}
): PaperSearchIndex {
  const manifest = parseManifest(manifestText)
  return PaperSearchIndex.fromSegments(
    manifest.segments.map((segment) => ({ key: segment.key, segment: buildSegment(segment, chunks) })),
    options
  )
}

/** Attaches later chunk groups (sequences, abstract) to an index loaded with `core` only. */
export function attachPaperIndexChunks(
  index: PaperSearchIndex,
  manifestText: string,
  chunks: ChunkSource
): void {
  const manifest = parseManifest(manifestText)
  const byKey = new Map(manifest.segments.map((segment) => [segment.key, segment]))
  for (const { key, segment } of index.segments()) {
    const segmentManifest = byKey.get(key)
    if (segmentManifest) attachOptionalParts(segment, segmentManifest, chunks)
  }
}

const BEYOND_LATIN1 = /[\u0100-\uffff]/

/** Bytes a serialized index occupies: strings count one byte a char when V8 stores them one-byte. */
export function serializedSize(serialized: SerializedPaperIndex): number {
  const sizeOf = (data: Uint8Array | string): number =>
    typeof data === 'string' ? data.length * (BEYOND_LATIN1.test(data) ? 2 : 1) : data.byteLength
  return serialized.chunks.reduce((sum, chunk) => sum + sizeOf(chunk.data), serialized.manifest.length)
}
