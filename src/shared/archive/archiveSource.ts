/**
 * One dump file as the sync engine and the CLI consume it: a name and a way to stream its bytes.
 * In the app `open` wraps a `fetch` of an `ArchiveFileRef` URL; in Node, a file read
 * (`src/main/archive/readDumpFile.ts`).
 *
 * Two names for a file's version, for two different questions:
 * - the *fingerprint* (size + hash of the first 64 KiB) is known as soon as the file is opened, and
 *   keys resume checkpoints: a resumed file must be recognised before its records are read again;
 * - the *content hash* (every byte, hashed as the stream is consumed) is known only at the end of
 *   a read, and alone decides that a file is "unchanged": a same-size file with one value edited
 *   past the first 64 KiB has the same fingerprint (issue #13).
 */
import { BytesHasher, bytesFingerprint } from './contentHash'
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
   * Whether the fingerprint identifies the file well enough to resume in it. A head hash alone
   * does not: two daily dumps can start with the same records, and resuming in the wrong file
   * would silently skip records, so without a size or a caller's hash it is `false`.
   */
  identifies: boolean
  /** The file's stream from its first byte (the hashed head is replayed). */
  stream: ReadableStream<Uint8Array>
  /** The hash of every byte, once `stream` has been read to its end; `null` before. */
  contentHash(): string | null
}

/** Passes `stream` through unchanged, hashing each chunk; the hash is final at the stream's end. */
function hashedWhileRead(stream: ReadableStream<Uint8Array>): {
  stream: ReadableStream<Uint8Array>
  contentHash: () => string | null
} {
  const hasher = new BytesHasher()
  let finished: string | null = null
  const reader = stream.getReader()
  return {
    stream: new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await reader.read()
        if (next.done) {
          finished = `${hasher.byteCount}:${hasher.digest()}`
          controller.close()
          return
        }
        hasher.update(next.value)
        controller.enqueue(next.value)
      },
      cancel(reason) {
        return reader.cancel(reason)
      }
    }),
    contentHash: () => finished
  }
}

/**
 * Opens a source and names its version: the caller's fingerprint, or the size plus a hash of the
 * first 64 KiB; the full content hash follows once the stream is read.
 */
export async function openWithFingerprint(source: ArchiveSource): Promise<OpenedSource> {
  const stream = source.open()
  if (source.fingerprint) {
    const known = source.fingerprint
    return { fingerprint: known, identifies: true, stream, contentHash: () => known }
  }
  const peeked = await peekStream(stream, FINGERPRINT_HEAD_BYTES)
  const hasSize = typeof source.size === 'number'
  const hashed = hashedWhileRead(peeked.stream)
  return {
    // Exactly the first 64 KiB: the head can be longer, by however the stream happened to chunk.
    fingerprint: `${hasSize ? source.size : 'unsized'}:${bytesFingerprint(peeked.head.subarray(0, FINGERPRINT_HEAD_BYTES))}`,
    identifies: hasSize,
    stream: hashed.stream,
    contentHash: hashed.contentHash
  }
}

/**
 * Reads an opened source to its end for its content hash alone: no gunzip, no parse, so it costs
 * a fraction of an import. Used only when the fingerprint already matches the last import.
 */
export async function readContentHash(opened: OpenedSource): Promise<string> {
  const known = opened.contentHash()
  if (known !== null) {
    await opened.stream.cancel().catch(() => undefined)
    return known
  }
  const reader = opened.stream.getReader()
  while (!(await reader.read()).done) {
    // Hashed by the stream itself as it is pulled.
  }
  const hash = opened.contentHash()
  if (hash === null) throw new Error('the file ended without a content hash')
  return hash
}
