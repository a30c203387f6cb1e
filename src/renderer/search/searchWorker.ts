/**
 * The search worker: loads the persisted index (or builds it after a sync), then answers
 * queries. Index building walks every paper, so it must never run on the UI thread.
 */
import type { ArchiveSnapshotMeta } from '../../shared/archive/entities'
import { EntitySearchIndex } from '../../shared/search/entitySearchIndex'
import { deserializePaperIndex, serializePaperIndex } from '../../shared/search/indexSerialization'
import { PaperSearchIndex } from '../../shared/search/paperSearchIndex'
import { openArchiveDatabase } from '../data/db'
import { loadSearchableEntities, loadSearchablePapers } from './searchableRecords'
import type { SearchEvent, SearchIndexStatus, SearchRequest } from './searchProtocol'

const scope = self as unknown as {
  postMessage(message: SearchEvent): void
  onmessage: ((event: MessageEvent<SearchRequest>) => void) | null
}

const db = openArchiveDatabase()
const STAMP = 'stamp'
const MANIFEST = 'paper-manifest'
const ENTITIES = 'entities'

let papers: PaperSearchIndex | null = null
let entities: EntitySearchIndex | null = null
let status: SearchIndexStatus = {
  state: 'loading',
  stale: false,
  papers: 0,
  entities: 0,
  loadMs: null,
  buildMs: null,
  message: null
}
let building: Promise<void> | null = null

function setStatus(patch: Partial<SearchIndexStatus>): void {
  status = {
    ...status,
    ...patch,
    papers: papers?.documentCount ?? 0,
    entities: entities?.documentCount ?? 0
  }
  scope.postMessage({ type: 'status', status })
}

/** Which archive the tables hold: the completion time of the last sync. */
async function archiveStamp(): Promise<string | null> {
  const meta = (await db.syncMeta.get('archive')) as ArchiveSnapshotMeta | undefined
  return meta?.completedAt ?? null
}

async function loadPersisted(): Promise<string | null> {
  const started = performance.now()
  const rows = await db.searchIndex.toArray()
  const byKey = new Map(rows.map((row) => [row.key, row.data]))
  const manifest = byKey.get(MANIFEST)
  const entityJson = byKey.get(ENTITIES)
  if (typeof manifest !== 'string' || typeof entityJson !== 'string') return null
  papers = deserializePaperIndex(manifest, byKey)
  entities = EntitySearchIndex.deserialize(entityJson)
  setStatus({ state: 'ready', loadMs: Math.round(performance.now() - started) })
  const stamp = byKey.get(STAMP)
  return typeof stamp === 'string' ? stamp : null
}

async function build(stamp: string): Promise<void> {
  const started = performance.now()
  setStatus({ state: 'building', stale: papers !== null })
  const nextPapers = PaperSearchIndex.build(await loadSearchablePapers(db))
  const nextEntities = EntitySearchIndex.build(await loadSearchableEntities(db))
  const serialized = serializePaperIndex(nextPapers)
  await db.transaction('rw', db.searchIndex, async () => {
    await db.searchIndex.clear()
    await db.searchIndex.bulkPut(serialized.chunks.map((chunk) => ({ key: chunk.key, data: chunk.data })))
    await db.searchIndex.bulkPut([
      { key: MANIFEST, data: serialized.manifest },
      { key: ENTITIES, data: nextEntities.serialize() },
      { key: STAMP, data: stamp }
    ])
  })
  papers = nextPapers
  entities = nextEntities
  setStatus({ state: 'ready', stale: false, buildMs: Math.round(performance.now() - started) })
}

/** Builds when the stored index is missing or older than the archive; one build at a time. */
async function refresh(): Promise<void> {
  if (building) return building
  building = (async () => {
    const stamp = await archiveStamp()
    const storedStamp = papers ? (await db.searchIndex.get(STAMP))?.data : null
    if (stamp === null) {
      setStatus({ state: papers ? 'ready' : 'empty' })
      return
    }
    if (storedStamp !== stamp) await build(stamp)
  })()
    .catch((error: unknown) =>
      setStatus({ state: 'error', message: error instanceof Error ? error.message : String(error) })
    )
    .finally(() => {
      building = null
    })
  return building
}

scope.onmessage = (event) => {
  const request = event.data
  if (request.type === 'refresh') {
    void refresh()
    return
  }
  try {
    if (request.type === 'papers') {
      const response = papers
        ? papers.search(request.query, request.options)
        : { total: 0, hits: [], facets: null, notes: [], relaxed: false, incomplete: [] }
      scope.postMessage({ type: 'papers', id: request.id, response })
    } else {
      scope.postMessage({
        type: 'entities',
        id: request.id,
        hits: entities?.search(request.query, request.options) ?? []
      })
    }
  } catch (error) {
    scope.postMessage({
      type: 'failed',
      id: request.id,
      message: error instanceof Error ? error.message : String(error)
    })
  }
}

void loadPersisted()
  .catch(() => null)
  .then(() => refresh())
