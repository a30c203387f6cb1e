/**
 * Real archive data for the ingest tests: the files in `../shared/data` (resolved from the
 * repository root, as CI clones the repository with `shared/` beside it), slices of them as
 * in-memory dump files, and fresh fake-indexeddb databases.
 */
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync, gzipSync } from 'node:zlib'
import { readDumpFile } from '../../../src/main/archive/readDumpFile'
import type { ArchiveSource } from '../../../src/shared/archive/archiveSource'
import { detectDumpKind } from '../../../src/shared/archive/dumpKinds'
import {
  createEntityBatch,
  type EntityBatch,
  type NormalizationContext,
  type NormalizationStats
} from '../../../src/shared/archive/dumpNormalizer'
import { createDumpNormalizer } from '../../../src/shared/archive/dumpNormalizers'
import { DumpRecordIngestor } from '../../../src/shared/archive/dumpRecordIngestor'
import { readDumpRecords } from '../../../src/shared/archive/dumpRecordReader'
import { openArchiveDatabase, type ArchiveDatabase } from '../../../src/renderer/data/db'

export const SHARED_DATA = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/data')

export const REAL_FILES = {
  evaluationTables: 'pwc-dump-2020-09_evaluation-tables.json.gz',
  methods: 'pwc-dump-2022-06_methods.json.gz',
  datasets: 'pwc-dump-2022-06_datasets.json.gz',
  papers: 'converted_papers-with-abstracts_from-api-v1.json.gz',
  links: 'converted_links-between-papers-and-code_from-grimrepor.json.gz',
  nlpProgress: 'sota-extractor_tasks_nlpprogress.json'
} as const

export function realFilePath(name: string): string {
  return resolve(SHARED_DATA, name)
}

const parsed = new Map<string, unknown[]>()

/** A real dump's records (whole-file parse: fine for these sizes, never for the papers dump). */
export function realRecords<T = Record<string, unknown>>(name: string): T[] {
  if (!parsed.has(name)) {
    const bytes = readFileSync(realFilePath(name))
    const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8')
    parsed.set(name, JSON.parse(text) as unknown[])
  }
  return parsed.get(name) as T[]
}

export interface NormalizedFile {
  batch: EntityBatch
  stats: NormalizationStats
}

/** A real file streamed through the reader and its normalizer, as a sync does, without a database. */
export async function normalizeRealFile(
  name: string,
  context: NormalizationContext
): Promise<NormalizedFile> {
  const kind = detectDumpKind(name)
  if (kind === null) throw new Error(`no dump kind for ${name}`)
  const ingestor = new DumpRecordIngestor(createDumpNormalizer(kind, context))
  const batch = createEntityBatch()
  for await (const elements of readDumpRecords(readDumpFile(realFilePath(name)))) {
    for (const element of elements) ingestor.add(element, batch)
  }
  ingestor.finish(batch)
  return { batch, stats: ingestor.normalizer.stats }
}

export function realFileBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(realFilePath(name)))
}

/** Records as a gzipped dump file, written like the real ones (Python's `indent=2`). */
export function gzipDump(records: readonly unknown[]): Uint8Array {
  return new Uint8Array(gzipSync(JSON.stringify(records, null, 2)))
}

export interface MemorySourceOptions {
  /** Bytes per chunk the stream delivers. */
  chunkBytes?: number
  /** Called after each chunk is delivered, with the bytes delivered so far. */
  onDelivered?: (bytes: number) => void
  kind?: ArchiveSource['kind']
}

/** An `ArchiveSource` over bytes in memory; counts how often it is opened. */
export function memorySource(
  name: string,
  bytes: Uint8Array,
  options: MemorySourceOptions = {}
): ArchiveSource & { opens: number } {
  const chunkBytes = options.chunkBytes ?? 64 * 1024
  const source = {
    name,
    kind: options.kind,
    size: bytes.length,
    opens: 0,
    open(): ReadableStream<Uint8Array> {
      source.opens++
      let offset = 0
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (offset >= bytes.length) {
            controller.close()
            return
          }
          const end = Math.min(offset + chunkBytes, bytes.length)
          controller.enqueue(bytes.slice(offset, end))
          offset = end
          options.onDelivered?.(offset)
        }
      })
    }
  }
  return source
}

let databases = 0

/** A new, empty database with a unique name (fake-indexeddb lives as long as the test file). */
export function freshDatabase(): ArchiveDatabase {
  databases++
  return openArchiveDatabase(`archive-test-${process.pid}-${databases}-${Date.now()}`)
}
