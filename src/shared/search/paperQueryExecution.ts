/**
 * Runs a parsed query over the index's segments with MiniSearch's query model:
 *
 * - every query word is expanded (exact, prefix, fuzzy; see `termExpansion`) and scored with
 *   MiniSearch's BM25+ per field, times the field's boost and the expansion's weight; a paper's
 *   score is the sum, times the number of query words it matched (MiniSearch's "quality");
 * - words combine with AND (MiniSearch's `combineWith: 'AND'`); when no paper has every word
 *   the query is relaxed to OR and says so;
 * - document frequencies and average field lengths are global (summed over segments), so a
 *   paper scores the same whichever segment holds it.
 *
 * What MiniSearch does not do at this scale is done differently: scores accumulate in typed
 * arrays (see `termScoring`), words are intersected rarest first, facets are counted over every
 * match, and only the requested page is materialized.
 */
import { compileFilter, resolveNameFilter, type ResolvedNameFilter, type SegmentFilter } from './paperFilters'
import { FacetCounter } from './paperFacets'
import { HEAD_FIELDS, PaperSegment, readAbstractHeader, readHeadHeader } from './paperSegment'
import {
  DEFAULT_BM25,
  DEFAULT_FIELD_BOOST,
  type Bm25Params,
  type LoadingGroup,
  type MatchedTerm,
  type PaperFacets,
  type PaperHit,
  type PaperSearchOptions,
  type PaperSearchResponse,
  type PaperSort
} from './paperSearchResponse'
import { PhraseChecker } from './phraseMatching'
import { docsWithAllTerms, visitDocsWithTerm } from './postingsReading'
import type { ParsedQuery, QueryFilter, QueryNote, QueryPhrase } from './queryParser'
import type { PaperTextField } from './searchDocuments'
import { DEFAULT_EXPANSION_OPTIONS, expandTerm, type ExpandedTerm } from './termExpansion'
import {
  ClauseAccumulator,
  clearScratch,
  scoreAbstractPostings,
  scoreHeadPostings,
  scratchFor,
  walksWholeSegment,
  type ScoringContext,
  type ScoringScratch
} from './termScoring'

const FIELD_COUNT = 5
const ABSTRACT = 4
const FIELD_NAMES: readonly PaperTextField[] = [...HEAD_FIELDS, 'abstract']
/** The abstract-expansion bits of a hit record (see `ScoringScratch.hits`). */
const ABSTRACT_HIT = 0xff000
/** Per-paper clause counters are bytes; more words than this are ignored (and said so). */
const MAX_CLAUSES = 32

interface Clause {
  /** The query word (or phrase) as typed. */
  source: string
  /** Index into `Plan.phrases` when the clause is a phrase word. */
  phrase: number | null
  expansions: ExpandedTerm[]
  /** Per segment (by index), the term id of each expansion; -1 where the segment lacks it. */
  termIds: Int32Array[]
  /** Per expansion, per field: weight · boost · idf. */
  coefficients: Float64Array
  /** Postings bytes over all expansions and segments: the order clauses are intersected in. */
  cost: number
}

interface Plan extends ScoringContext {
  clauses: Clause[]
  phrases: QueryPhrase[]
  /** Per phrase, the indexes of its words' clauses (in `clauses` order). */
  phraseClauses: number[][]
  negatedTerms: string[]
  negatedPhrases: QueryPhrase[]
  filters: { filter: QueryFilter; resolved: ResolvedNameFilter | null }[]
  /** Per segment (by index), score multipliers by local doc; `null` where none applies. */
  docBoosts: (Map<number, number> | null)[]
  /**
   * Everything the scoring pass depends on (clauses in order, their terms and coefficients,
   * which carry document frequencies and boosts; BM25 constants; average lengths): two queries
   * with the same key leave the same scores in a segment's scratch, whatever their filters.
   */
  scoringKey: string
}

function scoringKeyOf(clauses: readonly Clause[], bm25: Bm25Params, averageLength: Float64Array): string {
  return JSON.stringify([
    bm25,
    [...averageLength],
    clauses.map((clause) => [
      clause.expansions.map((expanded) => [expanded.term, expanded.inAbstract]),
      [...clause.coefficients]
    ])
  ])
}

function docBoostsBySegment(
  segments: readonly PaperSegment[],
  boosts: ReadonlyMap<string, number> | undefined
): (Map<number, number> | null)[] {
  return segments.map((segment) => {
    if (boosts === undefined || boosts.size === 0) return null
    const byDoc = new Map<number, number>()
    for (const [id, boost] of boosts) {
      const doc = segment.findLiveDoc(id)
      if (doc >= 0) byDoc.set(doc, boost)
    }
    return byDoc.size > 0 ? byDoc : null
  })
}

function corpusStatistics(segments: readonly PaperSegment[]): {
  docCount: number
  averageLength: Float64Array
} {
  let docCount = 0
  const totals = new Float64Array(10)
  for (const segment of segments) {
    docCount += segment.liveCount
    const segmentTotals = segment.fieldTotals()
    for (let i = 0; i < 10; i += 1) totals[i] += segmentTotals[i]
  }
  const averageLength = new Float64Array(FIELD_COUNT)
  for (let field = 0; field < FIELD_COUNT; field += 1) {
    averageLength[field] = totals[field + 5] > 0 ? totals[field] / totals[field + 5] : 0
  }
  return { docCount, averageLength }
}

function buildClause(
  segments: readonly PaperSegment[],
  source: string,
  phrase: number | null,
  expansions: ExpandedTerm[],
  docCount: number,
  boosts: readonly number[]
): Clause {
  const termIds = segments.map((segment) =>
    Int32Array.from(expansions, (expanded) => segment.data.dictionary.find(expanded.term))
  )
  const coefficients = new Float64Array(expansions.length * FIELD_COUNT)
  const headFrequencies = new Uint32Array(4)
  let cost = 0
  expansions.forEach((expanded, index) => {
    const frequencies = new Float64Array(FIELD_COUNT)
    segments.forEach((segment, segmentIndex) => {
      const id = termIds[segmentIndex][index]
      if (id < 0) return
      const { head, abstract } = segment.data
      if (head.starts[id] !== head.starts[id + 1]) {
        readHeadHeader(head, id, headFrequencies)
        for (let field = 0; field < 4; field += 1) frequencies[field] += headFrequencies[field]
        cost += head.starts[id + 1] - head.starts[id]
      }
      if (expanded.inAbstract && abstract !== null && abstract.starts[id] !== abstract.starts[id + 1]) {
        frequencies[ABSTRACT] += readAbstractHeader(abstract, id)[0]
        cost += abstract.starts[id + 1] - abstract.starts[id]
      }
    })
    for (let field = 0; field < FIELD_COUNT; field += 1) {
      const df = frequencies[field]
      const idf = Math.log(1 + (docCount - df + 0.5) / (df + 0.5))
      coefficients[index * FIELD_COUNT + field] = expanded.weight * boosts[field] * idf
    }
  })
  return { source, phrase, expansions, termIds, coefficients, cost }
}

function planQuery(
  segments: readonly PaperSegment[],
  query: ParsedQuery,
  options: PaperSearchOptions,
  notes: QueryNote[]
): Plan {
  const expansion = { ...DEFAULT_EXPANSION_OPTIONS, ...options.expansion }
  const boost = { ...DEFAULT_FIELD_BOOST, ...options.boost }
  const boosts = FIELD_NAMES.map((field) => boost[field])
  const { docCount, averageLength } = corpusStatistics(segments)

  const sources: { source: string; phrase: number | null; expansions: ExpandedTerm[] }[] = []
  for (const term of query.terms) {
    if (!term.negated) {
      sources.push({ source: term.source, phrase: null, expansions: expandTerm(segments, term, expansion) })
    }
  }
  const phrases = query.phrases.filter((phrase) => !phrase.negated)
  phrases.forEach((phrase, index) => {
    for (const term of phrase.terms) {
      sources.push({
        source: phrase.text,
        phrase: index,
        expansions: [{ term, weight: 1, kind: 'exact', inAbstract: true }]
      })
    }
  })
  if (sources.length > MAX_CLAUSES) {
    notes.push({
      kind: 'ignored-words',
      severity: 'warning',
      source: sources
        .slice(MAX_CLAUSES)
        .map((clause) => clause.source)
        .join(' '),
      message: `Only the first ${MAX_CLAUSES} words are searched.`
    })
    sources.length = MAX_CLAUSES
  }
  const clauses = sources.map(({ source, phrase, expansions }) =>
    buildClause(segments, source, phrase, expansions, docCount, boosts)
  )
  // Rarest first: the first clause decides which papers the others even look at.
  clauses.sort((a, b) => a.cost - b.cost)
  const phraseClauses = phrases.map((_, index) =>
    clauses.flatMap((clause, clauseIndex) => (clause.phrase === index ? [clauseIndex] : []))
  )

  const bm25 = options.bm25 ?? DEFAULT_BM25
  const filters = query.filters.map((filter) => ({
    filter,
    resolved:
      filter.kind === 'year' || filter.kind === 'hasCode' || filter.kind === 'officialCode'
        ? null
        : resolveNameFilter(filter, segments, notes)
  }))

  return {
    clauses,
    phrases,
    phraseClauses,
    negatedTerms: query.terms.filter((term) => term.negated).map((term) => term.text),
    negatedPhrases: query.phrases.filter((phrase) => phrase.negated),
    filters,
    averageLength,
    bm25,
    docBoosts: docBoostsBySegment(segments, options.documentBoosts),
    scoringKey: scoringKeyOf(clauses, bm25, averageLength)
  }
}

/** One segment's matches, valid until the next query scores that segment. */
interface SegmentRun {
  segment: PaperSegment
  docs: Int32Array
  scores: Float64Array
  /**
   * The segment's other live papers, when the run walked the whole segment (else `null`): for
   * a common word the smaller set, which facets are then counted from.
   */
  others: Int32Array | null
  /** Per clause hit records (see `ScoringScratch.hits`). */
  scratch: ScoringScratch | null
}

/** Without words, papers come from the first set-like filter that can list them (null: all papers). */
function candidateDocs(filters: readonly SegmentFilter[], plan: Plan): Int32Array | null {
  for (let i = 0; i < filters.length; i += 1) {
    if (plan.filters[i].filter.negated) continue
    const listed = filters[i].docs()
    if (listed !== null) return listed
  }
  return null
}

function excludedDocs(segment: PaperSegment, plan: Plan): Uint8Array | null {
  if (plan.negatedTerms.length === 0 && plan.negatedPhrases.length === 0) return null
  const excluded = new Uint8Array(segment.docCount)
  const exclude = (doc: number): void => {
    excluded[doc] = 1
  }
  for (const term of plan.negatedTerms) {
    const id = segment.data.dictionary.find(term)
    if (id >= 0) visitDocsWithTerm(segment, id, false, exclude)
  }
  for (const phrase of plan.negatedPhrases) {
    const checker = new PhraseChecker(segment, phrase)
    const candidates = docsWithAllTerms(segment, phrase.terms, false)
    for (let doc = 0; doc < candidates.length; doc += 1) {
      if (candidates[doc] === 1 && checker.matches(doc)) excluded[doc] = 1
    }
  }
  return excluded
}

/** The checks every match must pass besides its words: deletions, exclusions, filters, phrases. */
function matchTest(
  segment: PaperSegment,
  plan: Plan,
  filters: readonly SegmentFilter[],
  scratch: ScoringScratch | null
): ((doc: number) => boolean) | null {
  const deleted = segment.data.deleted
  const excluded = excludedDocs(segment, plan)
  const phraseCheckers = plan.phrases.map((phrase, index) => {
    if (scratch === null) return new PhraseChecker(segment, phrase)
    // The scoring pass recorded where each phrase word matched: no postings to re-read.
    const hits = plan.phraseClauses[index].map((clause) => scratch.hits[clause])
    return new PhraseChecker(segment, phrase, (doc) => {
      for (let i = 0; i < hits.length; i += 1) if ((hits[i][doc] & ABSTRACT_HIT) === 0) return false
      return true
    })
  })
  if (excluded === null && filters.length === 0 && phraseCheckers.length === 0) return null
  return (doc) => {
    if (deleted[doc] === 1 || (excluded !== null && excluded[doc] === 1)) return false
    for (let i = 0; i < filters.length; i += 1) if (!filters[i].test(doc)) return false
    for (let i = 0; i < phraseCheckers.length; i += 1) if (!phraseCheckers[i].matches(doc)) return false
    return true
  }
}

function runSegment(segment: PaperSegment, segmentIndex: number, plan: Plan, and: boolean): SegmentRun {
  const filters = plan.filters.map(({ filter, resolved }) => compileFilter(segment, filter, resolved))
  const deleted = segment.data.deleted
  const scratch = scratchFor(segment, plan.clauses.length)
  const { matchDocs, matchScores, otherDocs } = scratch

  if (plan.clauses.length === 0) {
    const candidates = candidateDocs(filters, plan)
    const passes = matchTest(segment, plan, filters, null)
    const count = candidates === null ? segment.docCount : candidates.length
    let kept = 0
    let other = 0
    for (let i = 0; i < count; i += 1) {
      const doc = candidates === null ? i : candidates[i]
      if (passes === null ? deleted[doc] === 0 : passes(doc)) matchDocs[kept++] = doc
      else if (deleted[doc] === 0) otherDocs[other++] = doc
    }
    matchScores.fill(0, 0, kept)
    return {
      segment,
      docs: matchDocs.subarray(0, kept),
      scores: matchScores.subarray(0, kept),
      others: candidates === null ? otherDocs.subarray(0, other) : null,
      scratch: null
    }
  }

  const key = `${and ? 'and' : 'or'}|${plan.scoringKey}`
  if (scratch.held?.key !== key) scoreWords(segment, segmentIndex, plan, and, scratch, key)
  const touchedCount = scratch.held?.touchedCount ?? 0

  const needed = and ? plan.clauses.length : 1
  const passes = matchTest(segment, plan, filters, scratch)
  const { matched, scores: accumulated, touched } = scratch
  const boosts = plan.docBoosts[segmentIndex]
  // A common word touches most of the segment in postings order (head runs, then abstract
  // runs): walking the segment in doc order instead is sequential, and so are the facet and
  // date reads that follow, which is most of what a 300k-match query costs.
  const dense = walksWholeSegment(touchedCount, segment.docCount)
  // A filter listing fewer papers than that (a task, a dataset, a year) is walked instead: a
  // facet clicked on a common word then reads its few thousand papers, not the segment.
  const listed = candidateDocs(filters, plan)
  const fromFilter = listed !== null && listed.length < (dense ? segment.docCount : touchedCount)
  const walk = fromFilter ? listed : dense ? null : touched
  const lengthOfWalk = fromFilter ? listed.length : dense ? segment.docCount : touchedCount
  let kept = 0
  let other = 0
  for (let i = 0; i < lengthOfWalk; i += 1) {
    const doc = walk === null ? i : walk[i]
    const matchedClauses = matched[doc]
    if (matchedClauses < needed || (passes === null ? deleted[doc] === 1 : !passes(doc))) {
      if (deleted[doc] === 0) otherDocs[other++] = doc
      continue
    }
    matchDocs[kept] = doc
    // MiniSearch's quality factor: more of the query's words, better.
    matchScores[kept] = accumulated[doc] * matchedClauses * (boosts?.get(doc) ?? 1)
    kept += 1
  }
  return {
    segment,
    docs: matchDocs.subarray(0, kept),
    scores: matchScores.subarray(0, kept),
    others: walk === null ? otherDocs.subarray(0, other) : null,
    scratch
  }
}

/** The scoring pass: every clause's postings into the scratch, which then holds `key`. */
function scoreWords(
  segment: PaperSegment,
  segmentIndex: number,
  plan: Plan,
  and: boolean,
  scratch: ScoringScratch,
  key: string
): void {
  clearScratch(scratch)
  const clauseCount = plan.clauses.length
  // Until the pass completes, what it wrote is unknown: a throw leaves a scratch to clear whole.
  scratch.held = { key: '', touchedCount: -1, clauseCount }
  const accumulator = new ClauseAccumulator(scratch, and)
  for (let clauseIndex = 0; clauseIndex < clauseCount; clauseIndex += 1) {
    const clause = plan.clauses[clauseIndex]
    accumulator.startClause(clauseIndex)
    const ids = clause.termIds[segmentIndex]
    for (let expansion = 0; expansion < ids.length; expansion += 1) {
      const id = ids[expansion]
      if (id < 0) continue
      scoreHeadPostings(segment, id, expansion, clause.coefficients, accumulator, scratch.scores, plan)
      if (!clause.expansions[expansion].inAbstract) continue
      const abstractCoefficient = clause.coefficients[expansion * FIELD_COUNT + ABSTRACT]
      scoreAbstractPostings(segment, id, expansion, abstractCoefficient, accumulator, scratch.scores, plan)
    }
    // AND: nothing left to intersect.
    if (and && accumulator.touchedCount === 0) break
  }
  scratch.held = { key, touchedCount: accumulator.touchedCount, clauseCount }
}

interface Ranked {
  run: SegmentRun
  /** The run's position in segment order: with the doc, what breaks exact ties. */
  order: number
  index: number
  primary: number
  secondary: number
}

/**
 * Whether a match ranks before `than`: by `(primary, secondary)` descending, exact ties by
 * segment then doc (the index's order), so the order does not depend on how postings were walked.
 */
function ranksBefore(primary: number, secondary: number, order: number, doc: number, than: Ranked): boolean {
  if (primary !== than.primary) return primary > than.primary
  if (secondary !== than.secondary) return secondary > than.secondary
  if (order !== than.order) return order < than.order
  return doc < than.run.docs[than.index]
}

/** The best `count` matches over all segments (see `ranksBefore`). */
function selectTop(runs: readonly SegmentRun[], sort: PaperSort, count: number): Ranked[] {
  const kept: Ranked[] = []
  if (count <= 0) return kept
  // The current worst kept, as plain numbers: most candidates lose to it on the first compare.
  let worstPrimary = -Infinity
  let worstSecondary = -Infinity
  runs.forEach((run, order) => {
    const dates = run.segment.data.columns.date
    const { docs, scores } = run
    const byDate = sort === 'date'
    for (let index = 0; index < docs.length; index += 1) {
      const primary = byDate ? dates[docs[index]] : scores[index]
      if (kept.length === count && primary < worstPrimary) continue
      const secondary = byDate ? scores[index] : dates[docs[index]]
      if (kept.length === count && primary === worstPrimary && secondary < worstSecondary) continue
      const doc = docs[index]
      if (kept.length === count && !ranksBefore(primary, secondary, order, doc, kept[count - 1])) continue
      let position = kept.length === count ? count - 1 : kept.length
      const candidate: Ranked = { run, order, index, primary, secondary }
      if (kept.length < count) kept.push(candidate)
      while (position > 0 && ranksBefore(primary, secondary, order, doc, kept[position - 1])) {
        kept[position] = kept[position - 1]
        position -= 1
      }
      kept[position] = candidate
      if (kept.length === count) {
        worstPrimary = kept[count - 1].primary
        worstSecondary = kept[count - 1].secondary
      }
    }
  })
  return kept
}

function formatDate(key: number): string | null {
  if (key === 0) return null
  const text = String(key)
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`
}

/** Highlighting for one hit, from the hit records the scoring pass left (no postings re-read). */
function describeMatches(plan: Plan, ranked: Ranked): { matches: MatchedTerm[]; queryTerms: string[] } {
  const doc = ranked.run.docs[ranked.index]
  const terms = new Map<string, Set<PaperTextField>>()
  const queryTerms = new Set<string>()
  const add = (term: string, field: PaperTextField): void => {
    let fields = terms.get(term)
    if (fields === undefined) {
      fields = new Set()
      terms.set(term, fields)
    }
    fields.add(field)
  }
  const hits = ranked.run.scratch?.hits
  plan.clauses.forEach((clause, clauseIndex) => {
    const record = hits?.[clauseIndex][doc] ?? 0
    if (record === 0) return
    queryTerms.add(clause.source)
    const headExpansion = (record & 0xff) - 1
    if (headExpansion >= 0) {
      const mask = (record >>> 8) & 0x0f
      HEAD_FIELDS.forEach((field, bit) => {
        if ((mask & (1 << bit)) !== 0) add(clause.expansions[headExpansion].term, field)
      })
    }
    const abstractExpansion = ((record & ABSTRACT_HIT) >>> 12) - 1
    if (abstractExpansion >= 0) add(clause.expansions[abstractExpansion].term, 'abstract')
  })
  return {
    matches: [...terms.entries()].map(([term, fields]) => ({
      term,
      fields: FIELD_NAMES.filter((field) => fields.has(field))
    })),
    queryTerms: [...queryTerms]
  }
}

export function executePaperQuery(
  segments: readonly PaperSegment[],
  query: ParsedQuery,
  options: PaperSearchOptions = {}
): PaperSearchResponse {
  const notes = [...query.notes]
  const incomplete: LoadingGroup[] = []
  if (segments.some((segment) => !segment.hasAbstract)) incomplete.push('abstract')
  if (segments.some((segment) => !segment.hasSequences)) incomplete.push('sequences')
  if (query.terms.length === 0 && query.phrases.length === 0 && query.filters.length === 0) {
    return { total: 0, hits: [], facets: null, notes, relaxed: false, incomplete }
  }

  const plan = planQuery(segments, query, options, notes)
  let and = options.combineWith !== 'or'
  let runs = segments.map((segment, index) => runSegment(segment, index, plan, and))
  let total = runs.reduce((sum, run) => sum + run.docs.length, 0)
  let relaxed = false
  if (total === 0 && and && plan.clauses.length > 1) {
    and = false
    runs = segments.map((segment, index) => runSegment(segment, index, plan, and))
    total = runs.reduce((sum, run) => sum + run.docs.length, 0)
    relaxed = total > 0
    if (relaxed) {
      notes.push({
        kind: 'ignored-words',
        severity: 'info',
        source: query.terms.map((term) => term.source).join(' '),
        message: 'No paper matches every word; showing papers that match some of them.'
      })
    }
  }

  let facets: PaperFacets | null = null
  if (options.facets !== false) {
    const counter = new FacetCounter()
    for (const run of runs) counter.add(run.segment, run.docs, run.others)
    facets = counter.finish(options.facetLimit ?? 20)
  }

  const offset = Math.max(0, options.offset ?? 0)
  const limit = Math.max(0, options.limit ?? 20)
  // Without words every score is 0: newest first is the only useful order.
  const sort = plan.clauses.length === 0 ? 'date' : (options.sort ?? 'relevance')
  const hits = selectTop(runs, sort, offset + limit)
    .slice(offset)
    .map((ranked): PaperHit => {
      const { segment } = ranked.run
      const doc = ranked.run.docs[ranked.index]
      const year = segment.data.columns.year[doc]
      return {
        id: segment.id(doc),
        score: ranked.run.scores[ranked.index],
        year: year === 0 ? null : year,
        date: formatDate(segment.data.columns.date[doc]),
        ...describeMatches(plan, ranked)
      }
    })
  return { total, hits, facets, notes, relaxed, incomplete }
}
