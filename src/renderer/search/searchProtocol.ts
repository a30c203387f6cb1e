import type { EntityHit, EntitySearchOptions } from '../../shared/search/entitySearchIndex'
import type { PaperSearchOptions, PaperSearchResponse } from '../../shared/search/paperSearchResponse'

import type { SearchIndexStatus } from './searchIndexStatus'

export { INITIAL_SEARCH_STATUS, type SearchIndexStatus } from './searchIndexStatus'

export type SearchRequest =
  | { type: 'papers'; id: number; query: string; options: PaperSearchOptions }
  | { type: 'entities'; id: number; query: string; options: EntitySearchOptions }
  /** The archive changed (a sync completed): rebuild if the index is older than it. */
  | { type: 'refresh' }
  /** A sync starts: what it writes comes on `port` (importFeedProtocol.ts). */
  | { type: 'import-feed'; port: MessagePort }

export type SearchEvent =
  | { type: 'status'; status: SearchIndexStatus }
  | { type: 'papers'; id: number; response: PaperSearchResponse }
  | { type: 'entities'; id: number; hits: EntityHit[] }
  | { type: 'failed'; id: number; message: string }
