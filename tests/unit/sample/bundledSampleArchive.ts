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
import { importArchive } from '../../../src/renderer/data/sync/importArchive'
import { forEachSearchablePaper } from '../../../src/renderer/search/searchableRecords'
import { PaperSearchIndex } from '../../../src/shared/search/paperSearchIndex'
import { parseSampleManifest } from '../../../src/shared/sampleManifest'
import { freshDatabase, memorySource } from '../archive/archiveFixtures'

const SAMPLE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../resources/sample')

export interface BundledSample {
  db: ArchiveDatabase
  search: PaperSearchIndex
}

export async function importBundledSample(): Promise<BundledSample> {
  const manifest = parseSampleManifest(JSON.parse(readFileSync(resolve(SAMPLE_DIR, 'manifest.json'), 'utf8')))
  const sources = manifest.files.map((file) =>
    memorySource(file.name, new Uint8Array(readFileSync(resolve(SAMPLE_DIR, file.name))), {
      chunkBytes: 1 << 20
    })
  )
  const db = freshDatabase()
  const result = await importArchive(db, sources, { chunkSize: 2000 })
  if (result.outcome !== 'completed') throw new Error(`sample import: ${JSON.stringify(result)}`)
  const search = new PaperSearchIndex()
  await forEachSearchablePaper(db, (paper) => search.append(paper))
  search.flush()
  return { db, search }
}
