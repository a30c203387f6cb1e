/**
 * Broken dump files for the importer fuzz: real records of each dump kind (`../shared/data`),
 * mutated at three levels — the records (wrong types, odd unicode, huge or deep values,
 * duplicates), the JSON bytes (truncation, flipped or invalid UTF-8 bytes, two arrays), and the
 * gzip bytes (members, truncation, corrupt blocks, junk after the end). A mutation is plain
 * data, so fast-check prints a failing one as it is, beside the seed that replays it.
 */
import { gzipSync } from 'node:zlib'
import fc from 'fast-check'
import type { DumpKind } from '../../../../src/shared/archive/dumpKinds'
import { REAL_FILES, realRecords } from '../archiveFixtures'

export interface KindSample {
  kind: DumpKind
  /** The file name a sync of this kind reads; the committed slice and the mutated file differ. */
  committedName: string
  mutatedName: string
  /** Real records written before the mutated file is read. */
  committed: unknown[]
  /** Real records the mutations start from (they overlap the committed ones). */
  base: unknown[]
}

// Small evaluation-table trees keep each case well under a second on fake-indexeddb.
const smallTasks = realRecords(REAL_FILES.evaluationTables).filter(
  (task) => JSON.stringify(task).length < 6000
)

function sample(kind: DumpKind, records: unknown[], names: [string, string]): KindSample {
  return {
    kind,
    committedName: names[0],
    mutatedName: names[1],
    committed: records.slice(0, 6),
    base: records.slice(3, 11)
  }
}

export const KIND_SAMPLES: readonly KindSample[] = [
  sample('methods', realRecords(REAL_FILES.methods), ['jul-27-methods.json.gz', 'jul-28-methods.json.gz']),
  sample('datasets', realRecords(REAL_FILES.datasets), [
    'jul-27-datasets.json.gz',
    'jul-28-datasets.json.gz'
  ]),
  sample('papers', realRecords(REAL_FILES.papers), [
    'jul-28-papers-with-abstracts.json.gz',
    'jul-29-papers-with-abstracts.json.gz'
  ]),
  sample('links', realRecords(REAL_FILES.links), [
    'jul-27-links-between-papers-and-code.json.gz',
    'jul-28-links-between-papers-and-code.json.gz'
  ]),
  sample('evaluation-tables', smallTasks, [
    'jul-27-evaluation-tables.json.gz',
    'jul-28-evaluation-tables.json.gz'
  ])
]

/** Strings that have broken parsers: lone surrogates, NUL, bidi overrides, combining marks. */
const HOSTILE_TEXT = [
  '\ud800',
  '\udfff',
  'a\ud83dz',
  '\u0000',
  'nul\u0000inside',
  '\u202eRTL override\u202c',
  '\u200f\u05e9\u05dc\u05d5\u05dd',
  'e\u0301\u0301\u0301',
  '\ufeff',
  '\\u0000',
  '"]},{["',
  '<script>alert(1)</script>'
]

const anyJsonValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 })
)

export type RecordMutation =
  | { type: 'wrong-type'; record: number; key: number; value: unknown }
  | { type: 'replace-record'; record: number; value: unknown }
  | { type: 'hostile-text'; record: number; key: number; text: string }
  | { type: 'huge-string'; record: number; key: number; bytes: number }
  | { type: 'deep-value'; record: number; key: number; depth: number }
  | { type: 'duplicate-record'; record: number }
  | { type: 'none' }

export type ByteMutation =
  | { type: 'truncate'; at: number }
  | { type: 'flip-byte'; at: number; xor: number }
  | { type: 'insert-bytes'; at: number; bytes: number[] }
  | { type: 'delete-bytes'; at: number; count: number }
  | { type: 'two-arrays' }
  | { type: 'byte-order-mark' }
  | { type: 'none' }

export type GzipMutation =
  | { type: 'plain' }
  | { type: 'members'; cuts: number[] }
  | { type: 'truncate-gzip'; at: number }
  | { type: 'corrupt-gzip'; at: number; xor: number }
  | { type: 'junk-after'; bytes: number[] }
  | { type: 'member-after'; json: string }
  | { type: 'none' }

export interface DumpMutation {
  records: RecordMutation
  bytes: ByteMutation
  gzip: GzipMutation
  /** Raw bytes per chunk the source delivers. */
  chunkBytes: number
}

/** Positions are fractions of the file so one mutation fits any slice. */
const position = fc.integer({ min: 0, max: 9999 })
const recordIndex = fc.nat(20)

const recordMutation: fc.Arbitrary<RecordMutation> = fc.oneof(
  fc.record({
    type: fc.constant('wrong-type' as const),
    record: recordIndex,
    key: fc.nat(20),
    value: anyJsonValue
  }),
  fc.record({ type: fc.constant('replace-record' as const), record: recordIndex, value: anyJsonValue }),
  fc.record({
    type: fc.constant('hostile-text' as const),
    record: recordIndex,
    key: fc.nat(20),
    text: fc.oneof(fc.constantFrom(...HOSTILE_TEXT), fc.string({ unit: 'binary', maxLength: 40 }))
  }),
  fc.record({
    type: fc.constant('huge-string' as const),
    record: recordIndex,
    key: fc.nat(20),
    bytes: fc.integer({ min: 1 << 16, max: 1 << 20 })
  }),
  fc.record({
    type: fc.constant('deep-value' as const),
    record: recordIndex,
    key: fc.nat(20),
    depth: fc.integer({ min: 10, max: 2500 })
  }),
  fc.record({ type: fc.constant('duplicate-record' as const), record: recordIndex }),
  fc.constant({ type: 'none' as const })
)

const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ type: fc.constant('truncate' as const), at: position }),
  fc.record({ type: fc.constant('flip-byte' as const), at: position, xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({
    type: fc.constant('insert-bytes' as const),
    at: position,
    // Includes invalid UTF-8 (a lone continuation byte, an overlong NUL, 0xff).
    bytes: fc.array(fc.constantFrom(0x00, 0x22, 0x5c, 0x5b, 0x5d, 0x2c, 0x80, 0xc0, 0xff, 0xed, 0xa0), {
      minLength: 1,
      maxLength: 4
    })
  }),
  fc.record({
    type: fc.constant('delete-bytes' as const),
    at: position,
    count: fc.integer({ min: 1, max: 8 })
  }),
  fc.constant({ type: 'two-arrays' as const }),
  fc.constant({ type: 'byte-order-mark' as const }),
  // Often untouched, so that many cases break one layer only and some files stay valid.
  { arbitrary: fc.constant({ type: 'none' as const }), weight: 5 }
)

const gzipMutation: fc.Arbitrary<GzipMutation> = fc.oneof(
  fc.constant({ type: 'plain' as const }),
  fc.record({
    type: fc.constant('members' as const),
    cuts: fc.uniqueArray(position, { minLength: 1, maxLength: 4 })
  }),
  fc.record({ type: fc.constant('truncate-gzip' as const), at: position }),
  fc.record({
    type: fc.constant('corrupt-gzip' as const),
    at: position,
    xor: fc.integer({ min: 1, max: 255 })
  }),
  fc.record({
    type: fc.constant('junk-after' as const),
    bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 6 })
  }),
  fc.record({
    type: fc.constant('member-after' as const),
    json: fc.constantFrom('[]', '[{"x": 1}]', ' ', '\n]')
  }),
  { arbitrary: fc.constant({ type: 'none' as const }), weight: 3 }
)

export const dumpMutation: fc.Arbitrary<DumpMutation> = fc.record({
  records: recordMutation,
  bytes: byteMutation,
  gzip: gzipMutation,
  chunkBytes: fc.constantFrom(1 << 16, 4093, 509)
})

function at<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length]
}

function deepValue(depth: number): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { subtasks: value }
  return value
}

/** Sets key number `key` (of the record's own keys) to `value`; a non-object record is replaced. */
function setField(records: unknown[], record: number, key: number, value: unknown): void {
  const index = record % records.length
  const target = records[index]
  if (target === null || typeof target !== 'object' || Array.isArray(target)) {
    records[index] = value
    return
  }
  const name = at(Object.keys(target), key) ?? 'extra'
  records[index] = { ...target, [name]: value }
}

function mutateRecords(base: readonly unknown[], mutation: RecordMutation): unknown[] {
  const records = [...base]
  switch (mutation.type) {
    case 'wrong-type':
      setField(records, mutation.record, mutation.key, mutation.value)
      break
    case 'replace-record':
      records[mutation.record % records.length] = mutation.value
      break
    case 'hostile-text':
      setField(records, mutation.record, mutation.key, mutation.text)
      break
    case 'huge-string':
      setField(records, mutation.record, mutation.key, 'Σ\\x'.repeat(mutation.bytes / 4))
      break
    case 'deep-value':
      setField(records, mutation.record, mutation.key, deepValue(mutation.depth))
      break
    case 'duplicate-record':
      records.push(records[mutation.record % records.length])
      break
    case 'none':
      break
  }
  return records
}

function fraction(bytes: Uint8Array, at: number): number {
  return Math.floor((bytes.length * at) / 10000)
}

function splice(
  bytes: Uint8Array,
  start: number,
  deleteCount: number,
  insert: readonly number[] = []
): Uint8Array {
  return new Uint8Array([...bytes.subarray(0, start), ...insert, ...bytes.subarray(start + deleteCount)])
}

const encoder = new TextEncoder()

function mutateBytes(json: Uint8Array, mutation: ByteMutation): Uint8Array {
  switch (mutation.type) {
    case 'truncate':
      return json.slice(0, fraction(json, mutation.at))
    case 'flip-byte': {
      const bytes = json.slice()
      const index = Math.min(fraction(json, mutation.at), bytes.length - 1)
      bytes[index] ^= mutation.xor
      return bytes
    }
    case 'insert-bytes':
      return splice(json, fraction(json, mutation.at), 0, mutation.bytes)
    case 'delete-bytes':
      return splice(json, fraction(json, mutation.at), mutation.count)
    case 'two-arrays':
      return new Uint8Array([...json, ...encoder.encode('\n[{"paper_url": "x"}]')])
    case 'byte-order-mark':
      return new Uint8Array([0xef, 0xbb, 0xbf, ...json])
    case 'none':
      return json
  }
}

function mutateGzip(json: Uint8Array, mutation: GzipMutation): Uint8Array {
  if (mutation.type === 'plain') return json
  if (mutation.type === 'members') {
    const cuts = [...new Set(mutation.cuts.map((cut) => fraction(json, cut)))].sort((a, b) => a - b)
    const bounds = [0, ...cuts, json.length]
    return new Uint8Array(
      Buffer.concat(bounds.slice(1).map((end, i) => gzipSync(json.subarray(bounds[i], end))))
    )
  }
  const gzip = new Uint8Array(gzipSync(json))
  switch (mutation.type) {
    case 'truncate-gzip':
      return gzip.slice(0, fraction(gzip, mutation.at))
    case 'corrupt-gzip': {
      // Past the 10-byte header: a corrupt header is a different, simpler failure.
      const index = Math.min(10 + fraction(gzip.subarray(10), mutation.at), gzip.length - 1)
      const bytes = gzip.slice()
      bytes[index] ^= mutation.xor
      return bytes
    }
    case 'junk-after':
      return new Uint8Array([...gzip, ...mutation.bytes])
    case 'member-after':
      return new Uint8Array([...gzip, ...gzipSync(mutation.json)])
    case 'none':
      return gzip
  }
}

/** The mutated file's bytes for one kind's sample. */
export function mutatedFile(sampleOfKind: KindSample, mutation: DumpMutation): Uint8Array {
  const records = mutateRecords(sampleOfKind.base, mutation.records)
  // Written like the real dumps (Python's `indent=2`).
  const json = encoder.encode(JSON.stringify(records, null, 2))
  return mutateGzip(mutateBytes(json, mutation.bytes), mutation.gzip)
}

/** Whether the file ends in bytes after its last member that start with NUL (see the test). */
export function endsInNulLedJunk(mutation: DumpMutation): boolean {
  return mutation.gzip.type === 'junk-after' && mutation.gzip.bytes[0] === 0
}
