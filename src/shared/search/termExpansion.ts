/**
 * Turns one query term into the index terms it matches, with MiniSearch's weights: the exact
 * term counts fully, a prefix completion `0.375 · len / (len + 0.3 · extra letters)`, a fuzzy
 * match `0.45 · len / (len + edits)`, and a fuzzy term may be `round(0.2 · length)` edits away.
 * Fuzzy matches keep the first letter (as Lucene's `prefixLength: 1`), which bounds the walk, and
 * a word still being typed is only corrected when nothing completes it.
 *
 * Unlike MiniSearch, expansion is bounded: a prefix keeps only its most frequent completions
 * (and stops at a postings budget), so "con" costs the same as a handful of common words
 * instead of scoring every one of the ~90k papers it prefixes (FACTS: 1.7 s at 500k). Completions
 * match the short fields only unless `prefixMatchesAbstract` is set.
 */
import type { PaperSegment } from './paperSegment'
import type { QueryTerm } from './queryParser'

export interface ExpandedTerm {
  term: string
  weight: number
  kind: 'exact' | 'prefix' | 'fuzzy'
  /** False for prefix completions when `prefixMatchesAbstract` is off. */
  inAbstract: boolean
}

export interface ExpansionOptions {
  /** Most completions a prefix expands to (MiniSearch: unbounded). */
  maxPrefixExpansions: number
  /** Stop adding completions once their postings exceed this many bytes in all. */
  prefixPostingsBudget: number
  maxFuzzyExpansions: number
  /** Cap on edit distance (MiniSearch's `maxFuzzy`). */
  maxFuzzyDistance: number
  /** MiniSearch's `fuzzy: 0.2`: allowed edits as a fraction of the term's length. */
  fuzziness: number
  /** Leading chars a fuzzy match must share (Lucene's `prefixLength`); MiniSearch: 0. */
  fuzzyPrefixLength: number
  prefixWeight: number
  fuzzyWeight: number
  /**
   * Whether prefix completions also match abstracts. Off by default: while a word is being
   * typed, a completion that occurs only somewhere in an abstract is noise, and abstracts hold
   * ~90% of the postings a short prefix would otherwise drag in. The word as typed, and fuzzy
   * corrections, still match every field.
   */
  prefixMatchesAbstract: boolean
  /**
   * Whether a word still being typed also gets fuzzy corrections `always` (MiniSearch) or only
   * when nothing completes it (default): "datas" should become "dataset", not also "data",
   * which is in half of all abstracts.
   */
  correctTypedWord: 'always' | 'when-nothing-completes'
}

export const DEFAULT_EXPANSION_OPTIONS: ExpansionOptions = {
  maxPrefixExpansions: 40,
  prefixPostingsBudget: 1_500_000,
  maxFuzzyExpansions: 8,
  maxFuzzyDistance: 2,
  fuzziness: 0.2,
  fuzzyPrefixLength: 1,
  prefixWeight: 0.375,
  fuzzyWeight: 0.45,
  prefixMatchesAbstract: false,
  correctTypedWord: 'when-nothing-completes'
}

/** Postings bytes of `termId` in a segment: how many papers it touches, without decoding. */
function postingsSize(segment: PaperSegment, termId: number, withAbstract = true): number {
  const { head, abstract } = segment.data
  let size = head.starts[termId + 1] - head.starts[termId]
  if (withAbstract && abstract !== null) size += abstract.starts[termId + 1] - abstract.starts[termId]
  return size
}

/** The `limit` candidate ids of one segment's range with the largest postings. */
function largestInRange(
  segment: PaperSegment,
  from: number,
  to: number,
  limit: number,
  withAbstract: boolean
): number[] {
  const ids: number[] = []
  const sizes: number[] = []
  for (let id = from; id < to; id += 1) {
    const size = postingsSize(segment, id, withAbstract)
    if (size === 0) continue
    if (ids.length < limit) {
      ids.push(id)
      sizes.push(size)
      continue
    }
    // Replace the smallest kept candidate; `limit` is small, a scan beats a heap here.
    let smallest = 0
    for (let i = 1; i < sizes.length; i += 1) if (sizes[i] < sizes[smallest]) smallest = i
    if (size > sizes[smallest]) {
      ids[smallest] = id
      sizes[smallest] = size
    }
  }
  return ids
}

export function expandTerm(
  segments: readonly PaperSegment[],
  query: QueryTerm,
  options: ExpansionOptions
): ExpandedTerm[] {
  const text = query.text
  const expanded: ExpandedTerm[] = []
  const sizes = new Map<string, number>()
  const addSize = (term: string, size: number): void => {
    sizes.set(term, (sizes.get(term) ?? 0) + size)
  }

  let exactSize = 0
  for (const segment of segments) {
    const id = segment.data.dictionary.find(text)
    if (id >= 0) exactSize += postingsSize(segment, id)
  }
  if (exactSize > 0) expanded.push({ term: text, weight: 1, kind: 'exact', inAbstract: true })

  const taken = new Set<string>([text])
  if (query.prefix) {
    for (const segment of segments) {
      const dictionary = segment.data.dictionary
      const [from, to] = dictionary.prefixRange(text)
      const withAbstract = options.prefixMatchesAbstract
      for (const id of largestInRange(segment, from, to, options.maxPrefixExpansions + 1, withAbstract)) {
        const term = dictionary.term(id)
        if (term !== text) addSize(term, postingsSize(segment, id, withAbstract))
      }
    }
    let budget = options.prefixPostingsBudget
    const completions = [...sizes.entries()].sort((a, b) => b[1] - a[1])
    for (const [term, size] of completions.slice(0, options.maxPrefixExpansions)) {
      if (budget <= 0) break
      budget -= size
      const extra = term.length - text.length
      expanded.push({
        term,
        weight: (options.prefixWeight * term.length) / (term.length + 0.3 * extra),
        kind: 'prefix',
        inAbstract: options.prefixMatchesAbstract
      })
      taken.add(term)
    }
  }

  const distance = Math.min(options.maxFuzzyDistance, Math.round(text.length * options.fuzziness))
  const correct =
    query.fuzzy &&
    distance > 0 &&
    (!query.prefix || options.correctTypedWord === 'always' || expanded.length === 0)
  if (correct) {
    const fuzzy = new Map<string, { distance: number; size: number }>()
    for (const segment of segments) {
      const dictionary = segment.data.dictionary
      const visit = (id: number, edits: number): void => {
        if (edits === 0) return
        const term = dictionary.term(id)
        if (taken.has(term)) return
        const known = fuzzy.get(term)
        const size = postingsSize(segment, id)
        if (known) known.size += size
        else fuzzy.set(term, { distance: edits, size })
      }
      dictionary.fuzzy(text, distance, visit, options.fuzzyPrefixLength)
    }
    const best = [...fuzzy.entries()]
      .sort((a, b) => a[1].distance - b[1].distance || b[1].size - a[1].size)
      .slice(0, options.maxFuzzyExpansions)
    for (const [term, { distance: edits }] of best) {
      expanded.push({
        term,
        weight: (options.fuzzyWeight * term.length) / (term.length + edits),
        kind: 'fuzzy',
        inAbstract: true
      })
    }
  }
  return expanded
}
