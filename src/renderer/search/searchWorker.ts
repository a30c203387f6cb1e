/**
 * The search worker: loads the persisted index (or builds or updates it after a sync), then
 * answers queries. Index building walks every paper, so it must never run on the UI thread.
 */
import type { ArchiveSnapshotMeta } from '../../shared/archive/entities'
import type { EntitySearchIndex } from '../../shared/search/entitySearchIndex'
import type { PaperSearchIndex } from '../../shared/search/paperSearchIndex'
import { openArchiveDatabase } from '../data/db'
import { loadSearchIndex, storedSearchStamp, updateSearchIndex } from './searchIndexStore'
import {
  INITIAL_SEARCH_STATUS,
  type SearchEvent,
  type SearchIndexStatus,
  type SearchRequest
} from './searchProtocol'

const scope = self as unknown as {
  postMessage(message: SearchEvent): void
  onmessage: ((event: MessageEvent<SearchRequest>) => void) | null
}

const db = openArchiveDatabase()

let papers: PaperSearchIndex | null = null
let entities: EntitySearchIndex | null = null
let status: SearchIndexStatus = INITIAL_SEARCH_STATUS
let building: Promise<void> | null = null
/** A refresh came in during a build, which read the archive's stamp before that sync ended. */
let refreshAgain = false

function setStatus(patch: Partial<SearchIndexStatus>): void {
  status = {
    ...status,
    ...patch,
    papers: papers?.documentCount ?? 0,
    entities: entities?.documentCount ?? 0
  }
  scope.postMessage({ type: 'status', status })
}

/**
 * Which archive the tables hold: the last sync that changed a record (a sync that changed
 * nothing leaves the index as it is), or for older databases the last sync that completed.
 */
async function archiveStamp(): Promise<string | null> {
  const meta = (await db.syncMeta.get('archive')) as ArchiveSnapshotMeta | undefined
  return meta ? (meta.changedAt ?? meta.completedAt) : null
}

async function loadPersisted(): Promise<void> {
  const loaded = await loadSearchIndex(db, (answering) => {
    papers = answering
    setStatus({ state: 'ready', partial: true, loadMs: Math.round(performance.now()) })
  })
  if (loaded === null) {
    papers = null
    return
  }
  entities = loaded.entities
  setStatus({ partial: false, fullLoadMs: Math.round(performance.now()) })
}

async function update(stamp: string): Promise<void> {
  const started = performance.now()
  setStatus({ state: 'building', stale: papers !== null })
  const next = await updateSearchIndex(db, papers, stamp)
  papers = next.papers
  entities = next.entities
  setStatus({
    state: 'ready',
    stale: false,
    partial: false,
    buildMs: Math.round(performance.now() - started),
    lastUpdate: { mode: next.mode, indexed: next.indexed, removed: next.removed }
  })
}

/**
 * Updates when the stored index is missing or older than the archive; one update at a time, and
 * one more after it when asked during it (else a sync ending mid-build left the index stale).
 */
async function refresh(): Promise<void> {
  if (building) {
    refreshAgain = true
    return building
  }
  building = (async () => {
    const stamp = await archiveStamp()
    if (stamp === null) {
      setStatus({ state: papers ? 'ready' : 'empty' })
      return
    }
    const storedStamp = papers ? await storedSearchStamp(db) : null
    if (storedStamp !== stamp) await update(stamp)
  })()
    .catch((error: unknown) =>
      setStatus({ state: 'error', message: error instanceof Error ? error.message : String(error) })
    )
    .finally(() => {
      building = null
      if (refreshAgain) {
        refreshAgain = false
        void refresh()
      }
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

// A stored index that cannot be read is rebuilt.
void loadPersisted()
  .catch(() => {
    papers = null
    entities = null
  })
  .then(() => refresh())
