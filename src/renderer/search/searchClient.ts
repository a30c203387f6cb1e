import { useSyncExternalStore } from 'react'
import type { EntityHit, EntitySearchOptions } from '../../shared/search/entitySearchIndex'
import type { PaperSearchOptions, PaperSearchResponse } from '../../shared/search/paperSearchResponse'
import {
  INITIAL_SEARCH_STATUS,
  type SearchEvent,
  type SearchIndexStatus,
  type SearchRequest
} from './searchProtocol'
import { RequestLanes } from './requestLanes'

/** The UI side of the search worker: promise-based queries and the index status as a store. */

let worker: Worker | null = null
let nextId = 1
const pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>()
let status: SearchIndexStatus = INITIAL_SEARCH_STATUS
const listeners = new Set<() => void>()

declare global {
  interface Window {
    /** Read-only view of the index status for diagnostics and benchmarks; the app never reads it. */
    __pwcSearchStatus?: SearchIndexStatus
  }
}

function connect(): Worker {
  if (worker) return worker
  worker = new Worker(new URL('./searchWorker.ts', import.meta.url), { type: 'module', name: 'search' })
  worker.onmessage = (event: MessageEvent<SearchEvent>) => {
    const message = event.data
    if (message.type === 'status') {
      status = message.status
      window.__pwcSearchStatus = status
      document.documentElement.dataset.searchState = status.state
      for (const listener of listeners) listener()
      return
    }
    const request = pending.get(message.id)
    if (!request) return
    pending.delete(message.id)
    if (message.type === 'failed') request.reject(new Error(message.message))
    else request.resolve((message.type === 'papers' ? message.response : message.hits) as never)
  }
  return worker
}

type Request = Omit<Extract<SearchRequest, { id: number }>, 'id'>

function ask<T>(request: Request): Promise<T> {
  const id = nextId++
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: never) => void, reject })
    connect().postMessage({ ...request, id } as SearchRequest)
  })
}

const lanes = new RequestLanes<Request>((request) => ask(request))

function askMaybeInLane<T>(request: Request, lane: string | undefined): Promise<T> {
  return lane === undefined ? ask<T>(request) : lanes.ask<T>(lane, request)
}

/** `lane`: only the newest request of the lane is answered (requestLanes.ts). */
export function searchPapers(
  query: string,
  options: PaperSearchOptions = {},
  lane?: string
): Promise<PaperSearchResponse> {
  return askMaybeInLane({ type: 'papers', query, options }, lane)
}

export function searchEntities(
  query: string,
  options: EntitySearchOptions = {},
  lane?: string
): Promise<EntityHit[]> {
  return askMaybeInLane({ type: 'entities', query, options }, lane)
}

/**
 * A channel for a sync about to write: the returned port goes to the sync worker, whose writes
 * the search worker then indexes as they happen (importFeedProtocol.ts).
 */
export function openSearchFeed(): MessagePort {
  const channel = new MessageChannel()
  connect().postMessage({ type: 'import-feed', port: channel.port2 } satisfies SearchRequest, [channel.port2])
  return channel.port1
}

/**
 * Starts the worker, which begins loading the stored index: called before the first render,
 * so a start on the results page (`/search?q=…`) does not wait for React to mount first.
 */
export function startSearchWorker(): void {
  connect()
}

/** Tells the worker the archive changed; it rebuilds only if its index is older. */
export function refreshSearchIndex(): void {
  connect().postMessage({ type: 'refresh' } satisfies SearchRequest)
}

/**
 * Changes whenever the index can answer more than before (built, grown, or a part loaded at
 * start-up): a query made earlier should be asked again.
 */
export function useSearchIndexVersion(): string {
  const { state, papers, entities, partial, importing } = useSearchIndexStatus()
  return `${state}|${papers}|${entities}|${partial}|${importing}`
}

export function useSearchIndexStatus(): SearchIndexStatus {
  return useSyncExternalStore(
    (listener) => {
      connect()
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => status
  )
}
