/**
 * Name search over tasks, datasets, methods and leaderboards for the command palette: a plain
 * MiniSearch, because ~30k short names fit it comfortably (a few MB) and its prefix, fuzzy and
 * auto-suggest are exactly the palette's behaviour.
 *
 * Only names are indexed. Descriptions (method and dataset descriptions run to hundreds of
 * words) would multiply the index ~30× for a palette whose job is jumping to a thing by name.
 */
import MiniSearch, { type AsPlainObject, type Options, type SearchOptions } from 'minisearch'
import type { EntityKind, SearchableEntity } from './searchDocuments'
import { isStopWord, MAX_TERM_LENGTH, normalizeTerm, tokenize } from './textAnalysis'
import { FUZZY_MIN_LENGTH } from './queryParser'
import { selectAcrossKinds } from './entityHitSelection'

export interface EntityHit {
  id: string
  kind: EntityKind
  name: string
  score: number
  /** Index terms that matched, for highlighting. */
  terms: string[]
}

export interface EntitySearchOptions {
  /** Only these kinds (default: all). */
  kinds?: readonly EntityKind[]
  limit?: number
}

interface StoredEntity {
  id: string
  kind: EntityKind
  name: string
  /** The name as query text is normalized, for the exact-name and name-prefix boosts. */
  normalizedName: string
}

/**
 * A palette ranks "Batch Normalization" above "Batch Nuclear-norm Maximization" for "batch norm":
 * an exact name ×4; a name that starts with what was typed ×(1 + the share of the name typed),
 * so the task "Semantic Segmentation" beats "Semantic Segmentation on Semantic3D".
 */
const EXACT_NAME_BOOST = 4

const LETTER_DIGIT_BOUNDARY = /(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u

/**
 * Names run versions and years into words ("SQuAD1.1", "WMT2014", "VOC2007"): as one token,
 * "squad" reached the SQuAD1.1 leaderboards only as a prefix, which scores below any fuzzy match
 * (PQuAD, SQUID), and "wmt2014" missed "WMT 2014". Cut at letter-digit boundaries, both spellings
 * give the same terms.
 */
export function tokenizeName(text: string): string[] {
  return tokenize(text).flatMap((token) => token.split(LETTER_DIGIT_BOUNDARY))
}

/** The name as query text is normalized: "WMT2014" and "wmt 2014" are the same name. */
function normalizeName(text: string): string {
  return tokenizeName(text)
    .filter((token) => token.length <= MAX_TERM_LENGTH)
    .map(normalizeTerm)
    .join(' ')
}

function processTerm(term: string): string | null {
  if (term.length > MAX_TERM_LENGTH) return null
  const normalized = normalizeTerm(term)
  return normalized === '' || isStopWord(normalized) ? null : normalized
}

const SEARCH_OPTIONS: SearchOptions = {
  boost: { name: 3, fullName: 1.5 },
  combineWith: 'AND',
  prefix: (_term, index, terms) => index === terms.length - 1,
  fuzzy: (term) => (term.length >= FUZZY_MIN_LENGTH ? 0.2 : false),
  maxFuzzy: 2
}

const MINISEARCH_OPTIONS: Options<SearchableEntity> = {
  // Ids are only unique within a kind ("imagenet" can be a dataset and a leaderboard's slug).
  idField: 'key',
  fields: ['name', 'fullName'],
  storeFields: ['id', 'kind', 'name', 'normalizedName'],
  extractField: (entity, field) => {
    if (field === 'key') return `${entity.kind}:${entity.id}`
    if (field === 'normalizedName') return normalizeName(entity.name)
    // A full name that repeats the name would count the same words twice ("Tiny ImageNet"
    // would outrank "ImageNet", whose full name is empty).
    if (field === 'fullName') {
      const fullName = entity.fullName?.trim() ?? ''
      return fullName === '' || normalizeName(fullName) === normalizeName(entity.name) ? undefined : fullName
    }
    const value = (entity as unknown as Record<string, unknown>)[field]
    return typeof value === 'string' ? value : undefined
  },
  tokenize: tokenizeName,
  processTerm,
  searchOptions: SEARCH_OPTIONS,
  // Fuzzy suggestions pair unrelated words ("semantic semantic3d segmentation"): prefix only.
  autoSuggestOptions: { ...SEARCH_OPTIONS, fuzzy: false }
}

/** Bumped whenever names become different terms (2: letter-digit cuts, `tokenizeName`). */
const ENTITY_INDEX_FORMAT = 2

interface StoredEntityIndex {
  format: number
  miniSearch: AsPlainObject
}

export class EntitySearchIndex {
  private constructor(private readonly miniSearch: MiniSearch<SearchableEntity>) {}

  static build(entities: Iterable<SearchableEntity>): EntitySearchIndex {
    const index = new EntitySearchIndex(new MiniSearch(MINISEARCH_OPTIONS))
    for (const entity of entities) index.add(entity)
    return index
  }

  /**
   * Restores an index from `serialize()`'s output (one string; a few MB at the full archive);
   * `null` for an index stored by a version that cut names into other terms, which the caller
   * rebuilds: queries cut the new way would miss its terms.
   */
  static deserialize(json: string): EntitySearchIndex | null {
    const stored = JSON.parse(json) as Partial<StoredEntityIndex>
    if (stored.format !== ENTITY_INDEX_FORMAT || stored.miniSearch === undefined) return null
    return new EntitySearchIndex(MiniSearch.loadJS(stored.miniSearch, MINISEARCH_OPTIONS))
  }

  serialize(): string {
    const stored: StoredEntityIndex = { format: ENTITY_INDEX_FORMAT, miniSearch: this.miniSearch.toJSON() }
    return JSON.stringify(stored)
  }

  get documentCount(): number {
    return this.miniSearch.documentCount
  }

  /** Adds an entity, or replaces the entity of the same kind and id. */
  add(entity: SearchableEntity): void {
    const key = `${entity.kind}:${entity.id}`
    if (this.miniSearch.has(key)) this.miniSearch.discard(key)
    this.miniSearch.add(entity)
  }

  remove(kind: EntityKind, id: string): boolean {
    const key = `${kind}:${id}`
    if (!this.miniSearch.has(key)) return false
    this.miniSearch.discard(key)
    return true
  }

  search(query: string, options: EntitySearchOptions = {}): EntityHit[] {
    const kinds = options.kinds
    const typed = normalizeName(query)
    const results = this.miniSearch.search(query, {
      filter: kinds === undefined ? undefined : (result) => kinds.includes(result.kind as EntityKind),
      // MiniSearch's per-document boost: what was typed being the name, or its start, wins.
      boostDocument: (_id, _term, stored) => {
        const name = (stored as StoredEntity | undefined)?.normalizedName ?? ''
        if (typed === '' || name === '') return 1
        if (name === typed) return EXACT_NAME_BOOST
        return name.startsWith(typed) ? 1 + typed.length / name.length : 1
      }
    })
    const hits = results.map((result): EntityHit => {
      const stored = result as unknown as StoredEntity
      return { id: stored.id, kind: stored.kind, name: stored.name, score: result.score, terms: result.terms }
    })
    return selectAcrossKinds(hits, options.limit ?? 20)
  }

  /** MiniSearch's auto-suggest over names: completions of what has been typed so far. */
  suggest(partial: string, limit = 5): { suggestion: string; score: number }[] {
    return this.miniSearch
      .autoSuggest(partial)
      .slice(0, limit)
      .map(({ suggestion, score }) => ({ suggestion, score }))
  }
}
