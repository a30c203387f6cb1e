/**
 * The search worker: loads the persisted index (or builds or updates it after a sync), grows it
 * with what a running sync writes (importIndexSession.ts), then answers queries. Index building
 * walks every paper, so it must never run on the UI thread.
 */
import type { EntitySearchIndex } from '../../shared/search/entitySearchIndex'
import type { PaperSearchIndex } from '../../shared/search/paperSearchIndex'
import { openArchiveDatabase } from '../data/db'
import { receiveImportFeed } from './importFeedReceiver'
import { archiveStamp } from '../data/sync/syncMetaStore'
import { ImportIndexSession } from './importIndexSession'
import {
  loadSearchIndex,
  storedSearchStamp,
  updateSearchIndex,
  type SearchIndexUpdate
} from './searchIndexStore'
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

/** While a sync imports, the index grows with every chunk: the UI hears of it this often. */
const GROWTH_STATUS_MS = 1000

const db = openArchiveDatabase()

let papers: PaperSearchIndex | null = null
let entities: EntitySearchIndex | null = null
let status: SearchIndexStatus = INITIAL_SEARCH_STATUS
let building: Promise<void> | null = null
/** Loading, building and import sessions change the index one after another. */
let work: Promise<unknown> = Promise.resolve()
let importFeeds = 0
let refreshWanted = false
/** A refresh came in during a build, which read the archive's stamp before that sync ended. */
let refreshAgain = false
/** The last import's session could not be exact: the next update builds from the tables. */
let rebuildFromScratch = false
let lastGrowthStatus = 0

function serially<T>(task: () => Promise<T>): Promise<T> {
  const next = work.then(task)
  work = next.catch(() => undefined)
  return next
}

function setStatus(patch: Partial<SearchIndexStatus>): void {
  status = {
    ...status,
    ...patch,
    papers: papers?.documentCount ?? 0,
    entities: entities?.documentCount ?? 0
  }
  scope.postMessage({ type: 'status', status })
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

function adopt(next: SearchIndexUpdate, buildMs: number): void {
  papers = next.papers
  entities = next.entities
  setStatus({
    state: 'ready',
    stale: false,
    partial: false,
    importing: false,
    buildMs: Math.round(buildMs),
    lastUpdate: { mode: next.mode, indexed: next.indexed, removed: next.removed }
  })
}

async function update(stamp: string): Promise<void> {
  const started = performance.now()
  setStatus({ state: 'building', stale: papers !== null })
  const next = await updateSearchIndex(db, rebuildFromScratch ? null : papers, stamp)
  rebuildFromScratch = false
  adopt(next, performance.now() - started)
}

/**
 * Updates when the stored index is missing or older than the archive; one update at a time, one
 * more after it when asked during it (else a sync ending mid-build left the index stale), and
 * none while a sync imports (its session brings the index up to date when it ends).
 */
function refresh(): Promise<void> {
  if (importFeeds > 0) {
    refreshWanted = true
    return Promise.resolve()
  }
  if (building) {
    refreshAgain = true
    return building
  }
  building = serially(async () => {
    const stamp = await archiveStamp(db)
    if (stamp === null) {
      setStatus({ state: papers ? 'ready' : 'empty' })
      return
    }
    const storedStamp = papers ? await storedSearchStamp(db) : null
    if (storedStamp !== stamp || rebuildFromScratch) await update(stamp)
  })
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

function receiveImport(port: MessagePort): void {
  importFeeds += 1
  void receiveImportFeed(port, {
    open: (start) =>
      serially(async () => {
        const session = await ImportIndexSession.open(db, papers, start)
        papers = session.index
        setStatus({ state: 'ready', importing: true, partial: false })
        return session
      }),
    grew: () => {
      const now = performance.now()
      if (now - lastGrowthStatus < GROWTH_STATUS_MS) return
      lastGrowthStatus = now
      setStatus({ state: 'ready', importing: true })
    },
    ended: (result, finishMs) =>
      serially(async () => {
        if (result === 'untouched') return
        if (typeof result === 'object') {
          adopt(result, finishMs)
        } else if (result === 'rebuild') {
          // The tables changed in ways the session did not see: build from them, as before.
          rebuildFromScratch = true
          refreshWanted = true
          setStatus({ importing: false })
        } else {
          // A stopped sync: what the session added may not all be stored; start from the stored index.
          papers = null
          await loadPersisted().catch(() => {
            papers = null
          })
          setStatus({ state: papers ? 'ready' : 'empty', importing: false })
        }
      })
  }).finally(() => {
    importFeeds -= 1
    if (importFeeds === 0 && refreshWanted) {
      refreshWanted = false
      void refresh()
    }
  })
}

scope.onmessage = (event) => {
  const request = event.data
  if (request.type === 'refresh') {
    void refresh()
    return
  }
  if (request.type === 'import-feed') {
    receiveImport(request.port)
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
void serially(loadPersisted)
  .catch(() => {
    papers = null
    entities = null
  })
  .then(() => refresh())
