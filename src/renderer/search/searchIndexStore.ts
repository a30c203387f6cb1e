/**
 * The persisted search index in the `searchIndex` table: loading it in stages, and bringing it
 * up to date after a sync by re-indexing only the papers that changed (a full build when there is
 * no stored index, or when so much changed that building is cheaper).
 *
 * Rows: the paper index's manifest and chunks (see `indexSerialization`), the entity index, the
 * fingerprints of the indexed papers, the known-item names and the papers they come from, and
 * the stamp of the archive the index reflects. A save
 * writes only chunks that are not stored yet and deletes the ones no longer referenced, in one
 * transaction, so a reader never sees a manifest whose chunks are missing.
 */
import type { ArchiveDatabase } from '../data/db'
import { EntitySearchIndex } from '../../shared/search/entitySearchIndex'
import {
  attachPaperIndexChunks,
  chunkKeysByGroup,
  deserializePaperIndex,
  serializePaperIndex
} from '../../shared/search/indexSerialization'
import {
  applyIndexUpdate,
  decodeFingerprints,
  documentFingerprint,
  encodeFingerprints,
  IndexUpdatePlanner,
  type IndexUpdatePlan
} from '../../shared/search/indexUpdate'
import { NO_CODE } from '../../shared/search/codeFacts'
import { KnownItemNames, KnownItemSources } from '../../shared/search/knownItemNames'
import { PaperSearchIndex, type PaperSearchIndexOptions } from '../../shared/search/paperSearchIndex'
import { forEachSearchablePaper, loadSearchableEntities } from './searchableRecords'

const STAMP = 'stamp'
const MANIFEST = 'paper-manifest'
const ENTITIES = 'entities'
// Renamed when fingerprints stopped covering code facts: older ones would all read as changed.
const FINGERPRINTS = 'paper-text-fingerprints'
const KNOWN_ITEMS = 'known-item-names'
const KNOWN_ITEM_SOURCES = 'known-item-sources'
const META_KEYS = new Set([STAMP, MANIFEST, ENTITIES, FINGERPRINTS, KNOWN_ITEMS, KNOWN_ITEM_SOURCES])

export interface LoadedSearchIndex {
  papers: PaperSearchIndex
  entities: EntitySearchIndex
  /** The archive stamp the stored index was built for. */
  stamp: string | null
}

async function readChunks(db: ArchiveDatabase, keys: string[]): Promise<Map<string, Uint8Array | string>> {
  const rows = await db.searchIndex.bulkGet(keys)
  const chunks = new Map<string, Uint8Array | string>()
  rows.forEach((row, i) => {
    if (row) chunks.set(keys[i], row.data)
  })
  return chunks
}

/**
 * Loads the stored index, or resolves `null` when there is none. `onAnswering` is called as soon
 * as the paper index's `core` chunks are in (enough to answer paper queries); the entity index,
 * the phrase data and the abstract postings (over half the bytes) follow before the promise
 * resolves.
 */
export async function loadSearchIndex(
  db: ArchiveDatabase,
  onAnswering: (papers: PaperSearchIndex) => void,
  options: PaperSearchIndexOptions = {}
): Promise<LoadedSearchIndex | null> {
  const manifest = (await db.searchIndex.get(MANIFEST))?.data
  if (typeof manifest !== 'string') return null
  const groups = chunkKeysByGroup(manifest)
  const papers = deserializePaperIndex(manifest, await readChunks(db, groups.core), options)
  const names = (await db.searchIndex.get(KNOWN_ITEMS))?.data
  if (typeof names === 'string') papers.useKnownItems(KnownItemNames.deserialize(names))
  onAnswering(papers)
  const [entityJson, stamp] = (await db.searchIndex.bulkGet([ENTITIES, STAMP])).map((row) => row?.data)
  if (typeof entityJson !== 'string') return null
  const entities = EntitySearchIndex.deserialize(entityJson) ?? (await rebuildEntityIndex(db))
  for (const group of ['sequences', 'abstract'] as const) {
    attachPaperIndexChunks(papers, manifest, await readChunks(db, groups[group]))
  }
  return { papers, entities, stamp: typeof stamp === 'string' ? stamp : null }
}

/**
 * The entity index again from the archive tables, stored for the next start: a few seconds for
 * 30k names, where the paper index stored beside it would take minutes to rebuild.
 */
async function rebuildEntityIndex(db: ArchiveDatabase): Promise<EntitySearchIndex> {
  const entities = EntitySearchIndex.build(await loadSearchableEntities(db))
  await db.searchIndex.put({ key: ENTITIES, data: entities.serialize() })
  return entities
}

/** The stamp of the archive the stored index reflects, `null` when nothing is stored. */
export async function storedSearchStamp(db: ArchiveDatabase): Promise<string | null> {
  const data = (await db.searchIndex.get(STAMP))?.data
  return typeof data === 'string' ? data : null
}

/**
 * What an update starts from besides the index: the fingerprints of the papers it holds and the
 * papers its known-item names come from; `null` when an older version stored neither.
 */
export async function loadIndexedPaperFacts(
  db: ArchiveDatabase
): Promise<{ fingerprints: Map<string, number>; sources: KnownItemSources } | null> {
  const [fingerprints, sources] = (await db.searchIndex.bulkGet([FINGERPRINTS, KNOWN_ITEM_SOURCES])).map(
    (row) => row?.data
  )
  if (typeof fingerprints !== 'string' || typeof sources !== 'string') return null
  return { fingerprints: decodeFingerprints(fingerprints), sources: KnownItemSources.deserialize(sources) }
}

export interface SearchIndexUpdate extends LoadedSearchIndex {
  /** `streamed`: built from what a sync wrote, while it wrote (importIndexSession.ts). */
  mode: 'built' | 'updated' | 'streamed'
  /** Papers (re-)indexed and removed. */
  indexed: number
  removed: number
}

/**
 * Brings the index in line with the archive tables and stores it. `current` is the index loaded
 * from storage (fully attached), or `null`, which means a full build.
 */
export async function updateSearchIndex(
  db: ArchiveDatabase,
  current: PaperSearchIndex | null,
  stamp: string,
  options: PaperSearchIndexOptions = {}
): Promise<SearchIndexUpdate> {
  const stored = current ? (await db.searchIndex.get(FINGERPRINTS))?.data : undefined
  let plan: IndexUpdatePlan | null = null
  // Names are rebuilt on every pass: an update cannot tell which names a changed paper lost.
  let sources = KnownItemSources.empty()
  if (current !== null && typeof stored === 'string') {
    const planner = new IndexUpdatePlanner(decodeFingerprints(stored))
    const code = await forEachSearchablePaper(db, (paper) => {
      planner.add(paper)
      sources.note(paper)
    })
    plan = planner.finish()
    if (!plan.rebuildCheaper) {
      applyIndexUpdate(current, plan)
      current.applyCodeFacts((id) => code.get(id) ?? NO_CODE)
    }
  }
  let papers: PaperSearchIndex
  let fingerprints: Map<string, number>
  let update: Pick<SearchIndexUpdate, 'mode' | 'indexed' | 'removed'>
  if (current !== null && plan !== null && !plan.rebuildCheaper) {
    current.useKnownItems(sources.names())
    papers = current
    fingerprints = plan.fingerprints
    update = { mode: 'updated', indexed: plan.changed.length, removed: plan.removed.length }
  } else {
    const built = new PaperSearchIndex(options)
    fingerprints = new Map()
    sources = KnownItemSources.empty()
    await forEachSearchablePaper(db, (paper) => {
      built.append(paper)
      fingerprints.set(paper.id, documentFingerprint(paper))
      sources.note(paper)
    })
    built.flush()
    papers = built
    update = { mode: 'built', indexed: fingerprints.size, removed: 0 }
  }
  const entities = EntitySearchIndex.build(await loadSearchableEntities(db))
  await saveSearchIndex(db, { papers, entities, stamp }, { fingerprints, sources }, update.mode === 'updated')
  return { papers, entities, stamp, ...update }
}

/**
 * Writes the index. After an update, stored chunks are kept (their keys never change meaning);
 * after a build, whose segment keys start again from `s0`, everything is replaced.
 */
export async function saveSearchIndex(
  db: ArchiveDatabase,
  index: LoadedSearchIndex & { stamp: string },
  facts: { fingerprints: ReadonlyMap<string, number>; sources: KnownItemSources },
  incremental: boolean
): Promise<void> {
  const storedKeys = new Set((await db.searchIndex.toCollection().primaryKeys()).map(String))
  const serialized = serializePaperIndex(index.papers, incremental ? { storedKeys } : {})
  const referenced = new Set(serialized.keys)
  const obsolete = [...storedKeys].filter(
    (key) => !META_KEYS.has(key) && (!incremental || !referenced.has(key))
  )
  await db.transaction('rw', db.searchIndex, async () => {
    await db.searchIndex.bulkDelete(obsolete)
    await db.searchIndex.bulkPut(serialized.chunks.map((chunk) => ({ key: chunk.key, data: chunk.data })))
    await db.searchIndex.bulkPut([
      { key: MANIFEST, data: serialized.manifest },
      { key: ENTITIES, data: index.entities.serialize() },
      { key: FINGERPRINTS, data: encodeFingerprints(facts.fingerprints) },
      { key: KNOWN_ITEMS, data: index.papers.knownItemNames.serialize() },
      { key: KNOWN_ITEM_SOURCES, data: facts.sources.serialize() },
      { key: STAMP, data: index.stamp }
    ])
  })
}
