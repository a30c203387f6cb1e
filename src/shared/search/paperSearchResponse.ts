/**
 * What a paper search takes and returns: the contract the search worker and the UI share.
 */
import type { QueryNote } from './queryParser'
import type { PaperTextField } from './searchDocuments'
import type { ExpansionOptions } from './termExpansion'

export interface Bm25Params {
  k: number
  b: number
  d: number
}

/** MiniSearch's defaults, so scores mean what they mean there. */
export const DEFAULT_BM25: Bm25Params = { k: 1.2, b: 0.7, d: 0.5 }

/** Title first: a word in the title says far more about a paper than the same word in its abstract. */
export const DEFAULT_FIELD_BOOST: Record<PaperTextField, number> = {
  title: 3,
  authors: 2,
  tasks: 1.5,
  venue: 1,
  abstract: 1
}

export type PaperSort = 'relevance' | 'date'

export interface PaperSearchOptions {
  /** `relevance` (ties: newer first) or `date` (newest first; ties: more relevant first). */
  sort?: PaperSort
  offset?: number
  /** Page size; default 20. */
  limit?: number
  /** Count facets over all matches (default true). */
  facets?: boolean
  /** How many task and venue facet values to return; default 20. */
  facetLimit?: number
  boost?: Partial<Record<PaperTextField, number>>
  /** `and` (default) relaxes to `or` when nothing matches every term. */
  combineWith?: 'and' | 'or'
  expansion?: Partial<ExpansionOptions>
  bm25?: Bm25Params
  /** Score multipliers by paper id, for papers the query names (knownItemNames.ts). */
  documentBoosts?: ReadonlyMap<string, number>
}

export interface MatchedTerm {
  /** The index term that matched: the word typed, or its completion or correction. */
  term: string
  fields: PaperTextField[]
}

export interface PaperHit {
  id: string
  score: number
  year: number | null
  date: string | null
  /** Terms to highlight, with the fields they occur in (one form per query word and field group). */
  matches: MatchedTerm[]
  /** The query words (as typed) this paper matched. */
  queryTerms: string[]
}

export interface FacetCount {
  value: string
  count: number
}

export interface PaperFacets {
  /** Every year with matches, ascending. */
  years: { year: number; count: number }[]
  tasks: FacetCount[]
  venues: FacetCount[]
  frameworks: FacetCount[]
  hasCode: number
  officialCode: number
}

export type LoadingGroup = 'abstract' | 'sequences'

export interface PaperSearchResponse {
  total: number
  hits: PaperHit[]
  facets: PaperFacets | null
  /** The parser's notes and the engine's (unknown task, relaxed query…), for the UI to show. */
  notes: QueryNote[]
  /** True when no paper matched every word and the results match only some. */
  relaxed: boolean
  /** Column groups still loading; until they arrive, results ignore them. */
  incomplete: LoadingGroup[]
}
