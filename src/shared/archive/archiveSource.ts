/**
 * One dump file as the sync engine and the CLI consume it: a name and a way to stream its bytes.
 * In the app `open` wraps a `fetch` of an `ArchiveFileRef` URL; in Node, a file read
 * (`src/main/archive/readDumpFile.ts`).
 */
import { bytesFingerprint } from './contentHash'
import type { DumpKind } from './dumpKinds'
import { peekStream } from './dumpRecordReader'

export interface ArchiveSource {
  /** e.g. `jul-28-methods.json.gz`; the dump kind is read from it unless `kind` is given. */
  name: string
  kind?: DumpKind
  /** Bytes as stored (compressed for gzip), for progress and the file's fingerprint. */
  size?: number | null
  /** A content hash the caller already has (an ETag, a sha256); else one is computed. */
  fingerprint?: string
  /**
   * The file's bytes from the start, gzip or plain JSON. Resuming never seeks: neither gzip nor a
   * JSON array can be entered mid-way, so the engine re-reads and skips what is already written.
   */
  open(): ReadableStream<Uint8Array>
}

/** Bytes hashed to recognise a file: enough to differ between any two real dumps. */
export const FINGERPRINT_HEAD_BYTES = 64 * 1024

export interface OpenedSource {
  fingerprint: string
  /**
   * Whether the fingerprint identifies the file well enough to skip it or resume in it. A head
   * hash alone does not: two daily dumps can start with the same records, and resuming in the
   * wrong file would silently skip records, so without a size or a caller's hash it is `false`.
   */
  identifies: boolean
  /** The file's stream from its first byte (the hashed head is replayed). */
  stream: ReadableStream<Uint8Array>
}

/**
 * Opens a source and names its version: the caller's fingerprint, or the size plus a hash of the
 * first 64 KiB. Comparing it with the stored one tells whether a re-sync can skip the file.
 */
export async function openWithFingerprint(source: ArchiveSource): Promise<OpenedSource> {
  const stream = source.open()
  if (source.fingerprint) return { fingerprint: source.fingerprint, identifies: true, stream }
  const peeked = await peekStream(stream, FINGERPRINT_HEAD_BYTES)
  const hasSize = typeof source.size === 'number'
  return {
    // Exactly the first 64 KiB: the head can be longer, by however the stream happened to chunk.
    fingerprint: `${hasSize ? source.size : 'unsized'}:${bytesFingerprint(peeked.head.subarray(0, FINGERPRINT_HEAD_BYTES))}`,
    identifies: hasSize,
    stream: peeked.stream
  }
}
