/**
 * Whether a paper contains an `"exact phrase"`.
 *
 * Word positions are kept for the short fields only: title and author names (term sequences),
 * tasks and venue (their names). Abstract positions would add ~115M entries at 576k papers
 * (roughly doubling the index), so in an abstract a phrase matches when all its words occur.
 */
import { normalizedTable } from './paperFilters'
import { AUTHOR_MARK, type PaperSegment, type RowList } from './paperSegment'
import type { QueryPhrase } from './queryParser'
import { docsWithAllTerms } from './postingsReading'

const AUTHOR_SEPARATOR = AUTHOR_MARK

function hasRun(values: Uint32Array, from: number, to: number, ids: readonly number[]): boolean {
  for (let i = from; i + ids.length <= to; i += 1) {
    let j = 0
    while (j < ids.length && values[i + j] === ids[j]) j += 1
    if (j === ids.length) return true
  }
  return false
}

/** Adjacent words in the title or in one author's name, via the stored term sequences. */
function sequenceHasPhrase(sequences: RowList, doc: number, ids: readonly number[]): boolean {
  const { starts, values } = sequences
  const end = starts[doc + 1]
  let runStart = starts[doc]
  for (let i = runStart; i <= end; i += 1) {
    if (i === end || values[i] === AUTHOR_SEPARATOR) {
      if (hasRun(values, runStart, i, ids)) return true
      runStart = i + 1
    }
  }
  return false
}

/** Per name id, whether the name contains the phrase as whole words (names repeat across papers). */
function namesContaining(names: readonly string[], phrase: string): Uint8Array {
  const padded = ` ${phrase} `
  return Uint8Array.from(names, (name) => (` ${name} `.includes(padded) ? 1 : 0))
}

/** Whether a paper has every word of the phrase in its abstract. */
export type AbstractHasAllWords = (doc: number) => boolean

/**
 * `abstractHasAll` defaults to reading postings; a query that already scored the phrase's words
 * passes a check of what the scoring pass recorded instead.
 */
export class PhraseChecker {
  private readonly ids: number[]
  private readonly allWordsKnown: boolean
  private readonly joined: string
  private readonly abstractHasAll: AbstractHasAllWords
  private tasksWithPhrase: Uint8Array | null = null
  private venuesWithPhrase: Uint8Array | null = null

  constructor(
    private readonly segment: PaperSegment,
    phrase: QueryPhrase,
    abstractHasAll?: AbstractHasAllWords
  ) {
    this.ids = phrase.terms.map((term) => segment.data.dictionary.find(term))
    this.allWordsKnown = this.ids.every((id) => id >= 0)
    this.joined = phrase.terms.join(' ')
    if (abstractHasAll === undefined) {
      const marks = docsWithAllTerms(segment, phrase.terms, true)
      this.abstractHasAll = (doc) => marks[doc] === 1
    } else {
      this.abstractHasAll = abstractHasAll
    }
  }

  /** Without sequences (still loading) every candidate passes: the response says it is incomplete. */
  matches(doc: number): boolean {
    const { data } = this.segment
    if (data.sequences === null || this.abstractHasAll(doc)) return true
    if (this.allWordsKnown && sequenceHasPhrase(data.sequences, doc, this.ids)) return true
    this.tasksWithPhrase ??= namesContaining(normalizedTable(this.segment, 'tasks', true), this.joined)
    const rows = data.columns.tags.tasks
    for (let i = rows.starts[doc]; i < rows.starts[doc + 1]; i += 1) {
      if (this.tasksWithPhrase[rows.values[i]] === 1) return true
    }
    const venue = data.columns.venue[doc]
    if (venue === 0) return false
    this.venuesWithPhrase ??= namesContaining(normalizedTable(this.segment, 'venues', true), this.joined)
    return this.venuesWithPhrase[venue - 1] === 1
  }
}
