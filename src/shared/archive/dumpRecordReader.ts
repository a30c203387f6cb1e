/**
 * Bytes of one dump file → its top-level records, in batches, with web streams only, so the same
 * code runs in a browser Worker (the app's sync) and in Node (the CLI and the tests).
 *
 * gzip is recognised by its magic bytes (1f 8b), not by the `.gz` suffix: the 2020 sample was
 * published as `evaluation_tables.json` although it is gzip.
 */
import { DumpFormatError } from './dumpErrors'
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

function gunzip(stream: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  // The DOM and Node typings disagree on the buffer type DecompressionStream accepts; at runtime
  // both take any Uint8Array.
  const decompression = new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>
  return stream.pipeThrough(decompression)
}

export interface ReadDumpRecordsOptions {
  maxRecordBytes?: number
  /** Called with the size of every raw (possibly compressed) chunk read. */
  onRawBytes?: (bytes: number) => void
}

/**
 * The file's records, one batch per decompressed chunk. Stream failures (a truncated or corrupt
 * gzip member) become a `DumpFormatError` at the record being read when they happened.
 */
export async function* readDumpRecords(
  source: ReadableStream<Uint8Array>,
  options: ReadDumpRecordsOptions = {}
): AsyncGenerator<SplitElement[], void, undefined> {
  const peeked = await peekStream(source, GZIP_MAGIC.length)
  const counted = options.onRawBytes
    ? peeked.stream.pipeThrough(countingStream(options.onRawBytes))
    : peeked.stream
  const bytes = isGzip(peeked.head) ? gunzip(counted) : counted
  const splitter = new JsonArraySplitter({ maxRecordBytes: options.maxRecordBytes })
  const reader = bytes.getReader()
  const read = async () => {
    try {
      return await reader.read()
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      throw new DumpFormatError(
        'corrupt-compression',
        `the compressed data is corrupt or truncated (${reason}) while reading record ${splitter.recordsSplit}`,
        splitter.recordsSplit,
        splitter.bytesConsumed
      )
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
    splitter.end()
    finished = true
  } finally {
    // Stops the download or file read when the consumer stops early (cancel, error, break).
    if (!finished) await reader.cancel().catch(() => undefined)
    reader.releaseLock()
  }
}
