/**
 * The hot loops: decode a term's postings and add each paper's BM25+ score into per-paper
 * typed arrays, admitting papers clause by clause (AND) or any (OR).
 *
 * MiniSearch builds an object per matching document per term and sorts them all; at 576k
 * papers a common word matches ~150k of them, which is where its seconds go (FACTS). Here a
 * match costs a few typed-array reads and writes, and nothing is allocated per paper.
 */
import { ALL_TF_ONE, type PaperSegment, readAbstractHeader } from './paperSegment'
import type { Bm25Params } from './paperSearchResponse'

// Module constants: transpilers that compile imports to getters would call one per posting.
const TF_ONE = ALL_TF_ONE
const FIELD_COUNT = 5
const ABSTRACT = 4

/**
 * What a segment's scratch holds: the scoring pass `key` stands for (see `ScoredWords`), over
 * `touchedCount` papers (-1: a pass that did not finish, extent unknown).
 */
export interface HeldScores {
  key: string
  touchedCount: number
  clauseCount: number
}

/**
 * Per-segment arrays reused across queries, so a query allocates nothing proportional to the
 * segment. They keep the last query's scores until another query needs them: the same words
 * asked again (a facet clicked, another page, another sort order) skip their postings.
 */
export interface ScoringScratch {
  held: HeldScores | null
  scores: Float64Array
  /** Clauses matched so far. */
  matched: Uint8Array
  /** Stamp (clause + 1) of the last clause that admitted the paper (OR mode; AND counts suffice). */
  lastClause: Uint8Array
  /**
   * Per clause, which expansion matched where: bits 0–7 head expansion + 1, bits 8–11 head
   * field mask, bits 12–19 abstract expansion + 1. Lets the page be highlighted without
   * decoding postings again.
   */
  hits: Uint32Array[]
  /** Papers touched so far, in first-touch order (a paper is touched once: the segment size bounds it). */
  touched: Int32Array
  /** A run's matches and their scores (see `paperQueryExecution`), valid until the scratch is reset. */
  matchDocs: Int32Array
  matchScores: Float64Array
  /** Live papers that are not matches, when a run walked the whole segment. */
  otherDocs: Int32Array
}

const scratchBySegment = new WeakMap<PaperSegment, ScoringScratch>()

export function scratchFor(segment: PaperSegment, clauseCount: number): ScoringScratch {
  let scratch = scratchBySegment.get(segment)
  if (scratch === undefined) {
    const docCount = segment.docCount
    scratch = {
      held: null,
      scores: new Float64Array(docCount),
      matched: new Uint8Array(docCount),
      lastClause: new Uint8Array(docCount),
      hits: [],
      touched: new Int32Array(docCount),
      matchDocs: new Int32Array(docCount),
      matchScores: new Float64Array(docCount),
      otherDocs: new Int32Array(docCount)
    }
    scratchBySegment.set(segment, scratch)
  }
  while (scratch.hits.length < clauseCount) scratch.hits.push(new Uint32Array(segment.docCount))
  return scratch
}

/** Scoring constants shared by every posting of one query. */
export interface ScoringContext {
  bm25: Bm25Params
  /** Average length per field (title, authors, tasks, venue, abstract), over the whole index. */
  averageLength: Float64Array
}

/** Adds one clause's postings to the per-paper accumulators, admitting papers per AND/OR. */
export class ClauseAccumulator {
  private stamp = 0
  private clause = 0
  private clauseHits: Uint32Array
  /** Papers that got any score, in first-touch order (the scratch's buffer). */
  readonly touched: Int32Array
  touchedCount = 0

  constructor(
    private readonly scratch: ScoringScratch,
    private readonly and: boolean
  ) {
    this.clauseHits = scratch.hits[0]
    this.touched = scratch.touched
  }

  startClause(index: number): void {
    this.clause = index
    this.stamp = index + 1
    this.clauseHits = this.scratch.hits[index]
  }

  private touch(doc: number): void {
    this.touched[this.touchedCount++] = doc
  }

  /** True when `doc` may collect this clause's score (in AND mode: it matched every earlier clause). */
  admit(doc: number): boolean {
    const { matched, lastClause } = this.scratch
    if (this.and) {
      // In AND mode a paper matched this clause exactly when it has matched one more than the
      // clauses before it, so the stamps are not needed (one array fewer in the hot loop).
      const count = matched[doc]
      if (count === this.stamp) return true
      if (count !== this.clause) return false
      if (this.clause === 0) this.touch(doc)
      matched[doc] = this.stamp
      return true
    }
    if (lastClause[doc] === this.stamp) return true
    if (matched[doc] === 0) this.touch(doc)
    matched[doc] += 1
    lastClause[doc] = this.stamp
    return true
  }

  recordHead(doc: number, expansion: number, mask: number): void {
    const value = this.clauseHits[doc]
    if ((value & 0xff) === 0) this.clauseHits[doc] = value | (expansion + 1) | (mask << 8)
  }

  recordAbstract(doc: number, expansion: number): void {
    const value = this.clauseHits[doc]
    if ((value & 0xff000) === 0) this.clauseHits[doc] = value | ((expansion + 1) << 12)
  }
}

/** Past one paper in eight, a pass over the whole segment beats one over the papers touched. */
export function walksWholeSegment(touchedCount: number, docCount: number): boolean {
  return touchedCount < 0 || touchedCount * 8 > docCount
}

/** Clears what the scratch holds, so another scoring pass can start: paper by paper, or as a fill. */
export function clearScratch(scratch: ScoringScratch): void {
  const held = scratch.held
  if (held === null) return
  const { scores, matched, lastClause, hits, touched } = scratch
  if (walksWholeSegment(held.touchedCount, scores.length)) {
    scores.fill(0)
    matched.fill(0)
    lastClause.fill(0)
    for (let clause = 0; clause < held.clauseCount; clause += 1) hits[clause].fill(0)
  } else {
    for (let i = 0; i < held.touchedCount; i += 1) {
      const doc = touched[i]
      scores[doc] = 0
      matched[doc] = 0
      lastClause[doc] = 0
    }
    for (let clause = 0; clause < held.clauseCount; clause += 1) {
      const clauseHits = hits[clause]
      for (let i = 0; i < held.touchedCount; i += 1) clauseHits[touched[i]] = 0
    }
  }
  scratch.held = null
}

/**
 * Scores the head postings (title, authors, tasks, venue) of `termId`: per field present,
 * `coefficient · (d + tf·(k+1) / (tf + k·(1 − b + b·len/avgLen)))`, the coefficient being
 * weight · boost · idf (MiniSearch's BM25+).
 */
export function scoreHeadPostings(
  segment: PaperSegment,
  termId: number,
  expansion: number,
  coefficients: Float64Array,
  accumulator: ClauseAccumulator,
  scores: Float64Array,
  context: ScoringContext
): void {
  const group = segment.data.head
  const end = group.starts[termId + 1]
  if (group.starts[termId] === end) return
  const bytes = group.bytes
  const { columns } = segment.data
  const lengths = [columns.titleLength, columns.authorsLength, columns.tasksLength, columns.venueLength]
  const { k, b, d } = context.bm25
  const averages = context.averageLength
  const offset = expansion * FIELD_COUNT
  let position = group.starts[termId]
  for (let field = 0; field < 4; field += 1) {
    while (bytes[position] >= 0x80) position += 1
    position += 1
  }
  let doc = -1
  while (position < end) {
    let byte = bytes[position++]
    let gap = byte & 0x7f
    let shift = 128
    while (byte >= 0x80) {
      byte = bytes[position++]
      gap += (byte & 0x7f) * shift
      shift *= 128
    }
    doc += gap + 1
    const flags = bytes[position++]
    const admitted = accumulator.admit(doc)
    let score = 0
    for (let field = 0; field < 4; field += 1) {
      if ((flags & (1 << field)) === 0) continue
      let tf = 1
      if ((flags & TF_ONE) === 0) {
        byte = bytes[position++]
        tf = byte & 0x7f
        shift = 128
        while (byte >= 0x80) {
          byte = bytes[position++]
          tf += (byte & 0x7f) * shift
          shift *= 128
        }
        tf += 1
      }
      if (!admitted) continue
      const norm = k * (1 - b + (b * lengths[field][doc]) / averages[field])
      score += coefficients[offset + field] * (d + (tf * (k + 1)) / (tf + norm))
    }
    if (!admitted) continue
    scores[doc] += score
    accumulator.recordHead(doc, expansion, flags & 0x0f)
  }
}

/** Scores the abstract postings of `termId` (see `scoreHeadPostings`). */
export function scoreAbstractPostings(
  segment: PaperSegment,
  termId: number,
  expansion: number,
  coefficient: number,
  accumulator: ClauseAccumulator,
  scores: Float64Array,
  context: ScoringContext
): void {
  const group = segment.data.abstract
  if (group === null) return
  const end = group.starts[termId + 1]
  if (group.starts[termId] === end) return
  const bytes = group.bytes
  const lengths = segment.data.columns.abstractLength
  const { k, b, d } = context.bm25
  const average = context.averageLength[ABSTRACT]
  let position = readAbstractHeader(group, termId)[1]
  let doc = -1
  while (position < end) {
    let byte = bytes[position++]
    let value = byte & 0x7f
    let shift = 128
    while (byte >= 0x80) {
      byte = bytes[position++]
      value += (byte & 0x7f) * shift
      shift *= 128
    }
    doc += (value >>> 1) + 1
    let tf = 1
    if ((value & 1) === 1) {
      byte = bytes[position++]
      tf = byte & 0x7f
      shift = 128
      while (byte >= 0x80) {
        byte = bytes[position++]
        tf += (byte & 0x7f) * shift
        shift *= 128
      }
      tf += 2
    }
    if (!accumulator.admit(doc)) continue
    const norm = k * (1 - b + (b * lengths[doc]) / average)
    scores[doc] += coefficient * (d + (tf * (k + 1)) / (tf + norm))
    accumulator.recordAbstract(doc, expansion)
  }
}
