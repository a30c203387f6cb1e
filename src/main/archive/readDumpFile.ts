/**
 * Local dump files as web streams, for the CLI and the tests: the same `ArchiveSource` the app's
 * sync engine reads, so Node exercises exactly the code path the Worker runs.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { Readable } from 'node:stream'
import type { ArchiveSource } from '../../shared/archive/archiveSource'

/** The file's raw bytes (gzip or plain; the reader recognises gzip by its magic bytes). */
export function readDumpFile(path: string): ReadableStream<Uint8Array> {
  // Node's ReadableStream type and the global one differ only in name.
  return Readable.toWeb(createReadStream(path)) as unknown as ReadableStream<Uint8Array>
}

/** A local dump file as an `ArchiveSource`, named by its base name and sized for progress. */
export async function dumpFileSource(path: string): Promise<ArchiveSource> {
  const { size } = await stat(path)
  return { name: basename(path), size, open: () => readDumpFile(path) }
}
