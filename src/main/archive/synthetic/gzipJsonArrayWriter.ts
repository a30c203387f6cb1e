/**
 * Writes one top-level JSON array, record by record, through gzip to a file: the shape of every
 * Papers With Code dump. The papers dump is ~2.2 GB of JSON, four times V8's longest string, so
 * it can only ever exist as a stream.
 *
 * The text imitates the real dumps byte for byte in style: they were written by Python's
 * `json.dump(..., indent=2)`, so records are indented two spaces inside the array and every
 * non-ASCII character is a `\uXXXX` escape (surrogate pairs included). An importer tested on
 * compact, UTF-8 JSON only would meet both for the first time on a user's machine.
 *
 * Records are batched into ~1 MB chunks (one `write` per record costs more in stream bookkeeping
 * than in gzip), and each chunk waits for `drain` when gzip falls behind, so memory stays flat
 * however large the file grows.
 */
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'

export interface GzipJsonArrayWriter {
  writeRecord(record: unknown): Promise<void>
  /** Closes the array and resolves when the file is fully on disk. */
  finish(): Promise<WrittenFile>
}

export interface WrittenFile {
  path: string
  records: number
  /** Uncompressed JSON bytes. */
  jsonBytes: number
  gzipBytes: number
}

const CHUNK_CHARS = 1 << 20
const MAX_QUEUED_BYTES = 16 * CHUNK_CHARS
const NON_ASCII = /[\u0080-\uffff]/g

function escapeNonAscii(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
}

/** One record as Python's `json.dump(indent=2)` prints it one level inside an array. */
export function serializeLikePythonDump(record: unknown): string {
  // Serialized as the only element of an array, the record comes out indented one level, which
  // costs nothing, unlike re-indenting each line afterwards; the slice drops "[\n  " and "\n]".
  let json = JSON.stringify([record], null, 2).slice(4, -2)
  // Most records are pure ASCII; testing first skips a full replace pass for them.
  NON_ASCII.lastIndex = 0
  if (NON_ASCII.test(json)) json = json.replace(NON_ASCII, escapeNonAscii)
  return json
}

export function openGzipJsonArray(path: string, gzipLevel: number): GzipJsonArrayWriter {
  const gzip = createGzip({ level: gzipLevel, chunkSize: 256 * 1024 })
  const file = createWriteStream(path)
  const done = pipeline(gzip, file)
  // A failed pipeline rejects `done`; keep the rejection observed until `finish` awaits it.
  done.catch(() => undefined)

  let pending = ''
  let records = 0
  let jsonBytes = 0

  const flush = async (): Promise<void> => {
    if (pending.length === 0) return
    // Every character is ASCII after escaping, so the string length is the byte length.
    jsonBytes += pending.length
    gzip.write(pending, 'latin1')
    pending = ''
    // Generation runs ahead of zlib (which compresses on a libuv thread, so the two use both
    // cores) until MAX_QUEUED_BYTES wait; waiting on every `false` from `write` instead, as the
    // 16 KB default high-water mark asks, would make the two take turns.
    if (gzip.writableLength > MAX_QUEUED_BYTES) await Promise.race([once(gzip, 'drain'), done])
  }

  return {
    async writeRecord(record) {
      pending += `${records === 0 ? '[\n  ' : ',\n  '}${serializeLikePythonDump(record)}`
      records += 1
      if (pending.length >= CHUNK_CHARS) await flush()
    },
    async finish() {
      pending += records === 0 ? '[]' : '\n]'
      await flush()
      gzip.end()
      await done
      return { path, records, jsonBytes, gzipBytes: file.bytesWritten }
    }
  }
}
