/** What the search worker tells the pages (and the benchmarks) about its index. */
export interface SearchIndexStatus {
  /** `building` with `stale`: answers come from the previous index while the new one builds. */
  state: 'loading' | 'building' | 'ready' | 'empty' | 'error'
  stale: boolean
  /**
   * The persisted index answers from titles, authors, tasks and venues while its abstract and
   * phrase parts are still being read; `false` once every part is loaded (or after a build).
   */
  partial: boolean
  /**
   * A sync is importing and the index grows with what it writes: `papers` counts the papers
   * imported so far (answers are partial until the sync ends).
   */
  importing: boolean
  papers: number
  entities: number
  /** Milliseconds from the worker's start until the persisted index could answer (cold start). */
  loadMs: number | null
  /** Milliseconds until every part of the persisted index was loaded. */
  fullLoadMs: number | null
  /** Milliseconds the last build or update took. */
  buildMs: number | null
  /** What the last build or update did: a full build, or only the changed papers re-indexed. */
  /** `streamed`: built from what the sync wrote, while it wrote. */
  lastUpdate: { mode: 'built' | 'updated' | 'streamed'; indexed: number; removed: number } | null
  message: string | null
}

/** What the worker reports before it has loaded anything. */
export const INITIAL_SEARCH_STATUS: SearchIndexStatus = {
  state: 'loading',
  stale: false,
  partial: false,
  importing: false,
  papers: 0,
  entities: 0,
  loadMs: null,
  fullLoadMs: null,
  buildMs: null,
  lastUpdate: null,
  message: null
}
