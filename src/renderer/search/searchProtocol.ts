import type { EntityHit, EntitySearchOptions } from '../../shared/search/entitySearchIndex'
import type { PaperSearchOptions, PaperSearchResponse } from '../../shared/search/paperSearchResponse'

export interface SearchIndexStatus {
  /** `building` with `stale`: answers come from the previous index while the new one builds. */
  state: 'loading' | 'building' | 'ready' | 'empty' | 'error'
  stale: boolean
  papers: number
  entities: number
  /** Milliseconds to load the persisted index (cold start), when it was loaded. */
  loadMs: number | null
  /** Milliseconds the last build took. */
  buildMs: number | null
  message: string | null
}

export type SearchRequest =
  | { type: 'papers'; id: number; query: string; options: PaperSearchOptions }
  | { type: 'entities'; id: number; query: string; options: EntitySearchOptions }
  /** The archive changed (a sync completed): rebuild if the index is older than it. */
  | { type: 'refresh' }

export type SearchEvent =
  | { type: 'status'; status: SearchIndexStatus }
  | { type: 'papers'; id: number; response: PaperSearchResponse }
  | { type: 'entities'; id: number; hits: EntityHit[] }
  | { type: 'failed'; id: number; message: string }
