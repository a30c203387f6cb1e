/**
 * Bytes of one dump file → its top-level records, in batches, with web streams only, so the same
 * code runs in a browser Worker (the app's sync) and in Node (the CLI and the tests).
 *
 * gzip is recognised by its magic bytes (1f 8b), not by the `.gz` suffix: the 2020 sample was
 * published as `evaluation_tables.json` although it is gzip.
 */
import { DumpFormatError } from './dumpErrors'
import { gunzipMembers, type GunzippedStream } from './gzipMembers'
import { JsonArraySplitter, type SplitElement } from './jsonArraySplitter'

const GZIP_MAGIC = [0x1f, 0x8b]

export interface PeekedStream {
  /** At least the first `minBytes` bytes (fewer only when the stream is shorter). */
  head: Uint8Array
  /** The whole stream again, head included. */
  stream: ReadableStream<Uint8Array>
}

function concatBytes(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]
  const bytes = new Uint8Array(total)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.length
  }
  return bytes
}

/** Reads the start of a stream without losing it: for magic bytes and file fingerprints. */
export async function peekStream(
  stream: ReadableStream<Uint8Array>,
  minBytes: number
): Promise<PeekedStream> {
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  let done = false
  while (total < minBytes) {
    const next = await reader.read()
    if (next.done) {
      done = true
      break
    }
    chunks.push(next.value)
    total += next.value.length
  }
  const head = concatBytes(chunks, total)
  let replayed = false
  const replay = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!replayed) {
        replayed = true
        if (head.length > 0) controller.enqueue(head)
        if (done) controller.close()
        return
      }
      const next = await reader.read()
      if (next.done) controller.close()
      else controller.enqueue(next.value)
    },
    cancel(reason) {
      return reader.cancel(reason)
    }
  })
  return { head, stream: replay }
}

export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1]
}

/** Counts bytes as they pass, before decompression, so progress compares with the file's size. */
function countingStream(onBytes: (bytes: number) => void): TransformStream<Uint8Array, Uint8Array> {
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      onBytes(chunk.length)
      controller.enqueue(chunk)
    }
  })
}

export interface ReadDumpRecordsOptions {
  maxRecordBytes?: number
  /** Called with the size of every raw (possibly compressed) chunk read. */
  onRawBytes?: (bytes: number) => void
}

/**
 * The file's records, one batch per decompressed chunk. A corrupt or truncated gzip member, or a
 * stream that fails, becomes a `DumpFormatError` at the record the data reached: every byte
 * decoded before the failure is split first, so the position does not depend on how fast the
 * caller consumes the batches.
 */
export async function* readDumpRecords(
  source: ReadableStream<Uint8Array>,
  options: ReadDumpRecordsOptions = {}
): AsyncGenerator<SplitElement[], void, undefined> {
  const peeked = await peekStream(source, GZIP_MAGIC.length)
  const counted = options.onRawBytes
    ? peeked.stream.pipeThrough(countingStream(options.onRawBytes))
    : peeked.stream
  const gunzipped: GunzippedStream | null = isGzip(peeked.head) ? gunzipMembers(counted) : null
  const splitter = new JsonArraySplitter({ maxRecordBytes: options.maxRecordBytes })
  const reader = (gunzipped?.readable ?? counted).getReader()
  const brokenAt = (what: string, reason: unknown) => {
    const { recordIndex, byteOffset } = splitter.position
    const detail = reason instanceof Error ? reason.message : String(reason)
    return new DumpFormatError(
      'corrupt-compression',
      recordIndex === null
        ? `${what} (${detail}) after the array's closing ']', at uncompressed byte ${byteOffset}`
        : `${what} (${detail}) in record ${recordIndex}, which starts at uncompressed byte ${byteOffset}`,
      recordIndex,
      byteOffset
    )
  }
  const read = async () => {
    try {
      return await reader.read()
    } catch (error) {
      throw brokenAt('reading the file failed', error)
    }
  }
  let finished = false
  try {
    for (;;) {
      const next = await read()
      if (next.done) break
      const elements = splitter.push(next.value)
      if (elements.length > 0) yield elements
    }
    const failure = gunzipped?.failure() ?? null
    if (failure !== null) throw brokenAt('the compressed data is corrupt or truncated', failure)
    splitter.end()
    finished = true
  } finally {
    // Stops the download or file read when the consumer stops early (cancel, error, break).
    if (!finished) await reader.cancel().catch(() => undefined)
    reader.releaseLock()
  }
}
