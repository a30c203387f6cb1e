/**
 * The paper search index the worker owns: build it from a sync, update it paper by paper,
 * search it, persist it in chunks and load it back in stages.
 *
 * It is a list of immutable segments (≤ `maxSegmentDocs` papers each) plus one segment being
 * built. Updates never rewrite a segment: a replaced or removed paper is flagged deleted where
 * it was and a replacement goes into the segment being built; `flush()` seals that segment and
 * folds small segments together, `compact()` also reclaims deleted papers. This is MiniSearch's
 * own `discard` + vacuum idea, applied per segment so a sync persists only what changed.
 */
import { PaperSegment } from './paperSegment'
import { PaperSegmentBuilder } from './paperSegmentBuilder'
import { executePaperQuery } from './paperQueryExecution'
import type { PaperSearchOptions, PaperSearchResponse } from './paperSearchResponse'
import { parseQuery, type ParsedQuery } from './queryParser'
import type { SearchablePaper } from './searchDocuments'
import { mergeSegments } from './segmentMerge'
import { KnownItemNames } from './knownItemNames'
import { withCodeFacts, type PaperCodeFacts } from './codeFacts'

export interface PaperSearchIndexOptions {
  /** Papers per sealed segment; also the unit of build memory and of persisted chunks. */
  maxSegmentDocs?: number
}

export interface PaperSuggestion {
  /** The completed query (words as indexed), e.g. "graph neural network". */
  suggestion: string
  /** How many of the top matches it covers (MiniSearch's autoSuggest groups the same way). */
  count: number
  score: number
}

export const DEFAULT_MAX_SEGMENT_DOCS = 100_000
/** Segments smaller than this share of `maxSegmentDocs` are merged on `flush()`. */
const SMALL_SEGMENT_SHARE = 0.25

export class PaperSearchIndex {
  private readonly maxSegmentDocs: number
  private segmentList: PaperSegment[] = []
  private keys: string[] = []
  private nextKey = 0
  private builder: PaperSegmentBuilder | null = null
  private knownItems = KnownItemNames.empty()

  constructor(options: PaperSearchIndexOptions = {}) {
    this.maxSegmentDocs = options.maxSegmentDocs ?? DEFAULT_MAX_SEGMENT_DOCS
  }

  /**
   * Builds an index from a sync's papers in one pass. Ids must be unique: unlike `add`, this
   * does not look each id up in the segments already sealed (a few seconds at 576k papers).
   */
  static build(papers: Iterable<SearchablePaper>, options: PaperSearchIndexOptions = {}): PaperSearchIndex {
    const index = new PaperSearchIndex(options)
    for (const paper of papers) index.append(paper)
    index.flush()
    return index
  }

  /**
   * Adds a paper whose id the index does not hold, as a build does (papers streamed from the
   * tables); skips the lookup `add` makes. Call `flush()` after the last one.
   */
  append(paper: SearchablePaper): void {
    this.addToBuilder(paper)
  }

  /** Seals the papers being added, then lists the segments with their persistence keys. */
  segments(): { key: string; segment: PaperSegment }[] {
    this.seal()
    return this.segmentList.map((segment, index) => ({ key: this.keys[index], segment }))
  }

  /** Restores segments read back from storage (see `indexSerialization`). */
  static fromSegments(
    segments: readonly { key: string; segment: PaperSegment }[],
    options: PaperSearchIndexOptions = {}
  ): PaperSearchIndex {
    const index = new PaperSearchIndex(options)
    for (const { key, segment } of segments) {
      index.segmentList.push(segment)
      index.keys.push(key)
      const number = /^s(\d+)$/.exec(key)
      if (number) index.nextKey = Math.max(index.nextKey, Number(number[1]) + 1)
    }
    return index
  }

  get documentCount(): number {
    let count = this.segmentList.reduce((sum, segment) => sum + segment.liveCount, 0)
    if (this.builder !== null) count += this.builder.liveCount
    return count
  }

  has(id: string): boolean {
    if (this.builder !== null && this.builder.findLiveDoc(id) >= 0) return true
    return this.segmentList.some((segment) => segment.findLiveDoc(id) >= 0)
  }

  /** Adds a paper, or replaces the paper with the same id. */
  add(paper: SearchablePaper): void {
    this.removeFromSegments(paper.id)
    this.addToBuilder(paper)
  }

  /**
   * Names are only ever added here: a paper replaced by `add` keeps its old names until the
   * names are rebuilt, which an update after a sync does (searchIndexStore.ts).
   */
  private addToBuilder(paper: SearchablePaper): void {
    this.knownItems.add(paper)
    this.builder ??= new PaperSegmentBuilder()
    this.builder.add(paper)
    if (this.builder.docCount >= this.maxSegmentDocs) this.seal()
  }

  addAll(papers: Iterable<SearchablePaper>): void {
    for (const paper of papers) this.add(paper)
  }

  /** Removes a paper; false when no live paper has that id. */
  remove(id: string): boolean {
    let removed = this.removeFromSegments(id)
    if (this.builder !== null) {
      const doc = this.builder.findLiveDoc(id)
      if (doc >= 0) {
        this.builder.markDeleted(doc)
        removed = true
      }
    }
    return removed
  }

  private removeFromSegments(id: string): boolean {
    let removed = false
    for (const segment of this.segmentList) {
      const doc = segment.findLiveDoc(id)
      if (doc >= 0) {
        segment.markDeleted(doc)
        removed = true
      }
    }
    return removed
  }

  private seal(): void {
    if (this.builder === null) return
    if (this.builder.docCount > 0) {
      this.segmentList.push(this.builder.seal())
      this.keys.push(`s${this.nextKey++}`)
    }
    this.builder = null
  }

  /** Seals the papers added so far into a segment and merges small segments together. */
  flush(): void {
    this.seal()
    const threshold = this.maxSegmentDocs * SMALL_SEGMENT_SHARE
    const small = this.segmentList.filter(
      (segment) => segment.docCount < threshold && segment.hasAbstract && segment.hasSequences
    )
    if (small.length >= 2) this.replaceSegments(small)
  }

  /**
   * Like `flush()`, and also rewrites the segments in which at least `minDeletedShare` of the
   * papers are deleted (default: any), reclaiming their space. A background job after a sync
   * might pass 0.1 to leave lightly edited segments (and their persisted chunks) alone.
   */
  compact(minDeletedShare = 0): void {
    this.flush()
    for (const segment of [...this.segmentList]) {
      const deleted = segment.docCount - segment.liveCount
      const share = deleted / Math.max(1, segment.docCount)
      if (deleted > 0 && share >= minDeletedShare && segment.hasAbstract && segment.hasSequences) {
        this.replaceSegments([segment])
      }
    }
  }

  private replaceSegments(sources: readonly PaperSegment[]): void {
    const merged = mergeSegments(sources)
    const first = this.segmentList.indexOf(sources[0])
    const keep = this.segmentList.map((segment) => !sources.includes(segment))
    const segments: PaperSegment[] = []
    const keys: string[] = []
    this.segmentList.forEach((segment, index) => {
      if (index === first && merged.docCount > 0) {
        segments.push(merged)
        keys.push(`s${this.nextKey++}`)
      }
      if (keep[index]) {
        segments.push(segment)
        keys.push(this.keys[index])
      }
    })
    this.segmentList = segments
    this.keys = keys
  }

  /**
   * Gives every live paper the code facts `factsOf` says (links are written after papers, so an
   * index built as a sync writes learns them last). Only the segments where a paper's facts
   * change are replaced, under a new key: their stored chunks no longer describe them.
   * Returns the number of segments replaced.
   */
  applyCodeFacts(factsOf: (id: string) => PaperCodeFacts): number {
    this.seal()
    let replaced = 0
    this.segmentList.forEach((segment, index) => {
      const patched = withCodeFacts(segment, factsOf)
      if (patched === null) return
      this.segmentList[index] = patched
      this.keys[index] = `s${this.nextKey++}`
      replaced += 1
    })
    return replaced
  }

  /** The names papers are known by, which rank those papers first when typed (knownItemNames.ts). */
  useKnownItems(names: KnownItemNames): void {
    this.knownItems = names
  }

  get knownItemNames(): KnownItemNames {
    return this.knownItems
  }

  search(query: string | ParsedQuery, options: PaperSearchOptions = {}): PaperSearchResponse {
    this.seal()
    const parsed = typeof query === 'string' ? parseQuery(query) : query
    const documentBoosts = options.documentBoosts ?? this.knownItems.boostsFor(parsed)
    return executePaperQuery(this.segmentList, parsed, { ...options, documentBoosts })
  }

  /**
   * Completions for the search box, MiniSearch-style: run the query (last word as a prefix) and
   * group the top matches by the completion of the last word they contain.
   */
  suggest(partialQuery: string, limit = 5): PaperSuggestion[] {
    const parsed = parseQuery(partialQuery)
    const last = parsed.terms.filter((term) => !term.negated).at(-1)
    if (last === undefined) return []
    const response = this.search(parsed, { limit: 100, facets: false })
    const before = parsed.terms
      .filter((term) => !term.negated && term !== last)
      .map((term) => term.text)
      .join(' ')
    const grouped = new Map<string, PaperSuggestion>()
    for (const hit of response.hits) {
      const completion = hit.matches
        .map((match) => match.term)
        .filter((term) => term.startsWith(last.text) || term === last.text)
        .sort((a, b) => a.length - b.length)[0]
      if (completion === undefined) continue
      const suggestion = before === '' ? completion : `${before} ${completion}`
      const entry = grouped.get(suggestion) ?? { suggestion, count: 0, score: 0 }
      entry.count += 1
      entry.score += hit.score
      grouped.set(suggestion, entry)
    }
    return [...grouped.values()]
      .map((entry) => ({ ...entry, score: entry.score / entry.count }))
      .sort((a, b) => b.count - a.count || b.score - a.score)
      .slice(0, limit)
  }
}
