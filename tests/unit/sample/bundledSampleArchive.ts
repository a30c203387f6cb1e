/**
 * The bundled sample (resources/sample, every file its manifest lists) imported into a
 * fake-indexeddb database by the real sync engine, and the search index the worker would build
 * from it: what a user has after the first launch.
 */
import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ArchiveDatabase } from '../../../src/renderer/data/db'
import { importArchive, type ImportArchiveOptions } from '../../../src/renderer/data/sync/importArchive'
import { receiveImportFeed } from '../../../src/renderer/search/importFeedReceiver'
import type {
  FeedPort,
  ImportFeedMessage,
  ImportFeedReply
} from '../../../src/renderer/search/importFeedProtocol'
import { ImportIndexSession } from '../../../src/renderer/search/importIndexSession'
import { forEachSearchablePaper } from '../../../src/renderer/search/searchableRecords'
import type { SearchIndexUpdate } from '../../../src/renderer/search/searchIndexStore'
import { SearchFeed } from '../../../src/renderer/sync/searchFeed'
import type { ArchiveSource } from '../../../src/shared/archive/archiveSource'
import type { ArchiveSyncResult } from '../../../src/shared/archive/syncProgress'
import { PaperSearchIndex } from '../../../src/shared/search/paperSearchIndex'
import { parseSampleManifest } from '../../../src/shared/sampleManifest'
import { freshDatabase, memorySource } from '../archive/archiveFixtures'

const SAMPLE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../resources/sample')

export interface BundledSample {
  db: ArchiveDatabase
  search: PaperSearchIndex
}

export function bundledSampleSources(): ArchiveSource[] {
  const manifest = parseSampleManifest(JSON.parse(readFileSync(resolve(SAMPLE_DIR, 'manifest.json'), 'utf8')))
  return manifest.files.map((file) =>
    memorySource(file.name, new Uint8Array(readFileSync(resolve(SAMPLE_DIR, file.name))), {
      chunkBytes: 1 << 20
    })
  )
}

/** The index the search worker builds from scratch: every paper read back from the tables. */
export async function buildIndexFromTables(db: ArchiveDatabase): Promise<PaperSearchIndex> {
  const search = new PaperSearchIndex()
  await forEachSearchablePaper(db, (paper) => search.append(paper))
  search.flush()
  return search
}

export async function importBundledSample(): Promise<BundledSample> {
  const db = freshDatabase()
  const result = await importArchive(db, bundledSampleSources(), { chunkSize: 2000 })
  if (result.outcome !== 'completed') throw new Error(`sample import: ${JSON.stringify(result)}`)
  return { db, search: await buildIndexFromTables(db) }
}

export interface StreamedImport {
  sync: ArchiveSyncResult
  /** How the session ended (importFeedReceiver.ts): the index, or what the worker must do instead. */
  index: SearchIndexUpdate | 'rebuild' | 'reload' | 'untouched'
  /** Papers the index answered from while the sync still ran, at each batch. */
  growth: number[]
}

/**
 * An import wired to a search index session as in the app: the sync worker's `SearchFeed` on
 * one port of a real `MessageChannel`, the search worker's receiver on the other, starting from
 * `current` (the index the worker holds, or none).
 */
export async function importWithStreamedIndex(
  db: ArchiveDatabase,
  sources: ArchiveSource[],
  current: PaperSearchIndex | null,
  options: ImportArchiveOptions = {}
): Promise<StreamedImport> {
  const channel = new MessageChannel()
  const growth: number[] = []
  let index: StreamedImport['index'] = 'untouched'
  let session: ImportIndexSession | null = null
  const received = receiveImportFeed(channel.port2 as FeedPort<ImportFeedMessage, ImportFeedReply>, {
    open: async (start) => {
      session = await ImportIndexSession.open(db, current, start)
      return session
    },
    grew: () => growth.push(session?.index.documentCount ?? 0),
    ended: async (result) => {
      index = result
    }
  })
  const sync = await importArchive(db, sources, {
    chunkSize: 2000,
    ...options,
    paperObserver: new SearchFeed(channel.port1 as FeedPort<ImportFeedReply, ImportFeedMessage>)
  })
  await received
  return { sync, index, growth }
}
