/**
 * How text becomes index terms. One analyzer serves indexing and querying (and the MiniSearch
 * instances we configure with it), so a word typed into the search box is cut and folded exactly
 * as it was when the paper was indexed.
 *
 * It follows MiniSearch's defaults (split on spaces and punctuation, lowercase) and adds what a
 * 576k-paper archive needs: diacritics folded so "Törmä" is found by "torma", symbols treated as
 * separators so LaTeX (`$H_{c2}$`) does not make junk terms, and stop words and one-letter tokens
 * dropped from prose, where they are a third of all postings and never narrow a search.
 */

// Lucene's English stop set: small, well known, and free of words people search for.
const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'but',
  'by',
  'for',
  'if',
  'in',
  'into',
  'is',
  'it',
  'no',
  'not',
  'of',
  'on',
  'or',
  'such',
  'that',
  'the',
  'their',
  'then',
  'there',
  'these',
  'they',
  'this',
  'to',
  'was',
  'will',
  'with'
])

/** Longer tokens are URLs, hashes or LaTeX run together: nobody types them. */
export const MAX_TERM_LENGTH = 40

// Per ASCII char code: 0 separator, 1 lowercase letter or digit, 2 uppercase letter. The hot
// loop reads this table instead of running a regex per char (tokenizing is most of build time).
const ASCII_CLASS = new Uint8Array(128)
for (let code = 0; code < 128; code += 1) {
  const char = String.fromCharCode(code)
  ASCII_CLASS[code] = /[a-z0-9]/.test(char) ? 1 : /[A-Z]/.test(char) ? 2 : 0
}
const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u
const COMBINING_MARKS = /\p{M}/gu
const NON_ASCII = /[\u0080-\uffff]/
const LONGEST_STOP_WORD = 5

function isNonAsciiWordChar(text: string, index: number, code: number): boolean {
  // Astral letters (CJK extensions, math alphabets) arrive as surrogate pairs: keep both halves.
  if (code >= 0xd800 && code <= 0xdfff) return true
  return NON_ASCII_WORD.test(text[index])
}

/**
 * Calls `visit(start, end, flags)` for each token: a maximal run of letters, digits and
 * combining marks. `flags` has bit 1 set when the token has an ASCII capital, bit 2 when it
 * has a non-ASCII char, so callers skip case folding for the common all-lowercase token.
 */
function scanTokens(text: string, visit: (start: number, end: number, flags: number) => void): void {
  let start = -1
  let flags = 0
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i)
    let kind: number
    if (code < 128) kind = ASCII_CLASS[code]
    else kind = isNonAsciiWordChar(text, i, code) ? 4 : 0
    if (kind !== 0) {
      if (start < 0) {
        start = i
        flags = 0
      }
      flags |= kind
    } else if (start >= 0) {
      visit(start, i, flags)
      start = -1
    }
  }
  if (start >= 0) visit(start, text.length, flags)
}

/** Splits on everything that is not a letter, digit or combining mark. Tokens keep their case. */
export function tokenize(text: string): string[] {
  const tokens: string[] = []
  scanTokens(text, (start, end) => {
    tokens.push(text.slice(start, end))
  })
  return tokens
}

function foldDiacritics(lower: string): string {
  return lower.normalize('NFD').replace(COMBINING_MARKS, '')
}

/** Lowercase, with diacritics removed ("Törmä" → "torma"). */
export function normalizeTerm(token: string): string {
  const lower = token.toLowerCase()
  return NON_ASCII.test(lower) ? foldDiacritics(lower) : lower
}

export function isStopWord(term: string): boolean {
  return STOP_WORDS.has(term)
}

export interface AnalyzeOptions {
  /**
   * Keep stop words and one-letter tokens. Names need them: "J. A. Smith" has initials and
   * "An" is a family name.
   */
  keepShortAndStopWords?: boolean
}

/** The terms a text contributes to the index (or a query), in reading order, repeats kept. */
export function analyzeText(text: string, options: AnalyzeOptions = {}): string[] {
  const terms: string[] = []
  const keepAll = options.keepShortAndStopWords === true
  // The scan is inlined rather than shared with `scanTokens`: this loop runs over ~1 GB of text
  // in a full build, and a callback per token costs a third of its time.
  let start = -1
  let flags = 0
  for (let i = 0; i <= text.length; i += 1) {
    const code = i < text.length ? text.charCodeAt(i) : 32
    const kind = code < 128 ? ASCII_CLASS[code] : isNonAsciiWordChar(text, i, code) ? 4 : 0
    if (kind !== 0) {
      if (start < 0) {
        start = i
        flags = 0
      }
      flags |= kind
      continue
    }
    if (start < 0) continue
    const length = i - start
    if (length <= MAX_TERM_LENGTH && (keepAll || length >= 2)) {
      let term = text.slice(start, i)
      if ((flags & 4) !== 0) term = foldDiacritics(term.toLowerCase())
      else if ((flags & 2) !== 0) term = term.toLowerCase()
      if (
        keepAll
          ? term.length > 0
          : term.length >= 2 && !(term.length <= LONGEST_STOP_WORD && STOP_WORDS.has(term))
      ) {
        terms.push(term)
      }
    }
    start = -1
  }
  return terms
}

/** Author names keep initials and short family names; everything else is prose. */
export function analyzeFieldText(text: string, field: string): string[] {
  return analyzeText(text, { keepShortAndStopWords: field === 'authors' })
}
