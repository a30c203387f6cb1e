/**
 * Our parsed query as a FlexSearch plan: FlexSearch's Document index matches a whole query
 * within one field, while ours needs every word somewhere in the paper, so each word becomes
 * its own "any of these fields" group and the groups are intersected (FlexSearch's Resolver
 * `or` / `and` / `not`). Year and code flags are tags.
 */
import type { NameFilterKind, ParsedQuery, QueryFilter } from '../../src/shared/search/queryParser'
import { analyzeText } from '../../src/shared/search/textAnalysis'
import { NAME_FILTER_FIELD, type PeerApproximation } from './searchPeer'

/** Forward-tokenized (every prefix indexed) when the index completes words: a word being typed completes here, as in ours. */
export const FLEXSEARCH_SHORT_FIELDS = ['title', 'authors', 'tasks', 'venue'] as const
/** Whole words only. */
export const FLEXSEARCH_WHOLE_WORD_FIELDS = ['abstract', 'datasets', 'methods', 'frameworks'] as const
export type FlexSearchField =
  (typeof FLEXSEARCH_SHORT_FIELDS)[number] | (typeof FLEXSEARCH_WHOLE_WORD_FIELDS)[number]

const WORD_FIELDS: readonly FlexSearchField[] = [...FLEXSEARCH_SHORT_FIELDS, 'abstract']

/** One word in any of `fields`. */
export interface FlexGroup {
  word: string
  fields: readonly FlexSearchField[]
}

export type FlexTagFilter = Exclude<QueryFilter, { kind: NameFilterKind }>

export interface FlexSearchPlan {
  /** Every group must match. */
  must: FlexGroup[]
  /** A paper matching every group of any one entry is excluded. */
  mustNot: FlexGroup[][]
  tags: FlexTagFilter[]
  approximations: Set<PeerApproximation>
  /** Why FlexSearch cannot run this query, or null. */
  unsupported: string | null
}

/** `completes`: the short fields are forward-tokenized (else whole words only). */
export function toFlexSearchPlan(parsed: ParsedQuery, completes = true): FlexSearchPlan {
  const approximations = new Set<PeerApproximation>(['no-relaxation'])
  const must: FlexGroup[] = []
  const mustNot: FlexGroup[][] = []
  for (const term of parsed.terms) {
    if (term.fuzzy) approximations.add('no-fuzzy')
    if (!completes && term.prefix) approximations.add('no-completion')
    if (completes && !term.prefix) approximations.add('words-match-as-prefixes')
    const group = { word: term.text, fields: WORD_FIELDS }
    if (term.negated) mustNot.push([group])
    else must.push(group)
  }
  for (const phrase of parsed.phrases) {
    approximations.add('phrase-as-words')
    const groups = phrase.terms.map((word) => ({ word, fields: WORD_FIELDS }))
    if (phrase.negated) mustNot.push(groups)
    else must.push(...groups)
  }
  const tags: FlexTagFilter[] = []
  for (const filter of parsed.filters) {
    if (filter.kind === 'year' || filter.kind === 'hasCode' || filter.kind === 'officialCode') {
      tags.push(filter)
      continue
    }
    const words = analyzeText(filter.value, { keepShortAndStopWords: true })
    if (words.length === 0) continue
    approximations.add('name-filter-as-words')
    const groups = words.map((word) => ({
      word,
      fields: [NAME_FILTER_FIELD[filter.kind] satisfies FlexSearchField]
    }))
    if (filter.negated) mustNot.push(groups)
    else must.push(...groups)
  }
  const positiveTag = tags.some((tag) => !tag.negated)
  const unsupported =
    must.length === 0 && !positiveTag && mustNot.length + tags.length > 0 ? 'only negations' : null
  return { must, mustNot, tags, approximations, unsupported }
}
