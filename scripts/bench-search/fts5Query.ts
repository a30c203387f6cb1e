/**
 * Our parsed query as an SQLite FTS5 `MATCH` expression plus SQL conditions on the metadata
 * table, so FTS5 answers the same question ours does.
 *
 * Every word goes into FTS5 as a double-quoted string (quotes doubled): FTS5 then reads it as
 * text, never as syntax, so no query a user types (`-`, `*`, `:`, `NEAR`, `AND`, unbalanced
 * quotes) can make FTS5 raise a syntax error.
 */
import type { NameFilterKind, ParsedQuery, QueryFilter } from '../../src/shared/search/queryParser'
import { analyzeText } from '../../src/shared/search/textAnalysis'
import { NAME_FILTER_FIELD, type PeerApproximation } from './searchPeer'

/** The FTS5 table's columns, in order; the last three only serve filters. */
export const FTS5_COLUMNS = [
  'title',
  'authors',
  'tasks',
  'venue',
  'abstract',
  'datasets',
  'methods',
  'frameworks'
] as const
export type Fts5Column = (typeof FTS5_COLUMNS)[number]

/** Our field boosts as `bm25()` weights, in column order; filter-only columns do not score. */
export const FTS5_BM25_WEIGHTS: readonly number[] = [3, 2, 1.5, 1, 1, 0, 0, 0]

/** Free words match these, as ours does. */
const WORD_COLUMNS = '{title authors tasks venue abstract}'
/** A word being typed is completed in the short fields only, as ours does. */
const COMPLETION_COLUMNS = '{title authors tasks venue}'

const NAME_FILTER_COLUMN: Record<NameFilterKind, Fts5Column> = NAME_FILTER_FIELD

export interface Fts5Query {
  /** The `MATCH` expression, or null when the query has only metadata filters. */
  match: string | null
  /** Conditions on the metadata table (alias `m`), all required, with `?` placeholders. */
  conditions: string[]
  params: number[]
  approximations: Set<PeerApproximation>
  /** Why FTS5 cannot run this query, or null. */
  unsupported: string | null
}

/** A string FTS5 reads as one token sequence, whatever it contains. */
export function quoteFts5(text: string): string {
  return `"${text.replaceAll('"', '""')}"`
}

/** `"word"*`: every token starting with `word`. */
export function fts5Prefix(word: string): string {
  return `${quoteFts5(word)}*`
}

type MetaFilter = Exclude<QueryFilter, { kind: NameFilterKind }>

function metaCondition(filter: MetaFilter): { sql: string; params: number[] } {
  if (filter.kind === 'year') {
    // Year 0 stands for unknown, which no year filter matches (as ours).
    const sql = 'm.year BETWEEN ? AND ?'
    return { sql: filter.negated ? `NOT (${sql})` : sql, params: [filter.from ?? 1, filter.to ?? 9999] }
  }
  const column = filter.kind === 'hasCode' ? 'm.has_code' : 'm.official_code'
  return { sql: `${column} ${filter.negated ? '<>' : '='} ?`, params: [filter.value ? 1 : 0] }
}

export function toFts5Query(parsed: ParsedQuery): Fts5Query {
  const approximations = new Set<PeerApproximation>(['no-relaxation'])
  const positive: string[] = []
  const negative: string[] = []
  for (const term of parsed.terms) {
    if (term.fuzzy) approximations.add('no-fuzzy')
    const exact = `${WORD_COLUMNS} : ${quoteFts5(term.text)}`
    const expression = term.prefix ? `${exact} OR ${COMPLETION_COLUMNS} : ${fts5Prefix(term.text)}` : exact
    ;(term.negated ? negative : positive).push(expression)
  }
  for (const phrase of parsed.phrases) {
    // FTS5 indexes stop words, so the phrase keeps them to stay contiguous ("image to image").
    const words = analyzeText(phrase.text, { keepShortAndStopWords: true })
    if (words.length === 0) continue
    approximations.add('phrase-positional-in-abstract')
    ;(phrase.negated ? negative : positive).push(`${WORD_COLUMNS} : ${quoteFts5(words.join(' '))}`)
  }
  const conditions: string[] = []
  const params: number[] = []
  for (const filter of parsed.filters) {
    if (filter.kind === 'year' || filter.kind === 'hasCode' || filter.kind === 'officialCode') {
      const condition = metaCondition(filter)
      conditions.push(condition.sql)
      params.push(...condition.params)
      continue
    }
    const words = analyzeText(filter.value, { keepShortAndStopWords: true })
    if (words.length === 0) continue
    approximations.add('name-filter-as-words')
    const column = NAME_FILTER_COLUMN[filter.kind]
    ;(filter.negated ? negative : positive).push(`${column} : (${words.map(quoteFts5).join(' AND ')})`)
  }
  if (positive.length === 0 && negative.length > 0) {
    // FTS5's NOT is binary: "everything but x" has no MATCH form.
    return { match: null, conditions, params, approximations, unsupported: 'only negated words' }
  }
  const match =
    positive.length === 0
      ? null
      : [
          `(${positive.map((part) => `(${part})`).join(' AND ')})`,
          ...negative.map((part) => `(${part})`)
        ].join(' NOT ')
  return { match, conditions, params, approximations, unsupported: null }
}
