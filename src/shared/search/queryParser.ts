/**
 * The search box's query language:
 *
 *   graph neural netw                 free words: all must match; the last one is a prefix while typing
 *   "exact phrase"   -survey          a phrase; a word or phrase that must not match
 *   author:"Kevin Clark"  venue:cvpr  task:, dataset:, method: name filters (quoted values allowed)
 *   year:2019  year:2017..2020        a year or an inclusive range (`2018..`, `..2015` are open)
 *   has:code  official:yes  framework:pytorch
 *
 * Parsing never fails and never drops input silently: anything it cannot use (an unknown
 * operator, a malformed year, an unclosed quote) becomes a `QueryNote` the UI can show, and
 * unknown `name:value` pairs are still searched as words.
 */
import { analyzeText } from './textAnalysis'

export type NameFilterKind = 'author' | 'task' | 'dataset' | 'method' | 'venue' | 'framework'

export type QueryFilter =
  | { kind: NameFilterKind; value: string; negated: boolean }
  | { kind: 'year'; from: number | null; to: number | null; negated: boolean }
  | { kind: 'hasCode'; value: boolean; negated: boolean }
  | { kind: 'officialCode'; value: boolean; negated: boolean }

export interface QueryTerm {
  /** The normalized term the index is searched for. */
  text: string
  /** The word as typed, for messages and highlighting. */
  source: string
  /** Also match longer words starting with `text`: the word is still being typed. */
  prefix: boolean
  /** Also match words a small edit away: long words are often mistyped. */
  fuzzy: boolean
  negated: boolean
}

export interface QueryPhrase {
  text: string
  /** The phrase's normalized terms, in order. */
  terms: string[]
  negated: boolean
}

export type QueryNoteKind =
  'unknown-operator' | 'invalid-value' | 'empty-value' | 'unclosed-quote' | 'ignored-words'

export interface QueryNote {
  kind: QueryNoteKind
  /** `warning`: the query does not mean what was typed; `info`: worth a quiet hint. */
  severity: 'warning' | 'info'
  /** The part of the query the note is about, as typed. */
  source: string
  message: string
}

export interface ParsedQuery {
  terms: QueryTerm[]
  phrases: QueryPhrase[]
  filters: QueryFilter[]
  notes: QueryNote[]
}

/** Words shorter than this are matched exactly: a typo in a short word is usually another word. */
export const FUZZY_MIN_LENGTH = 5

const NAME_OPERATORS: Record<string, NameFilterKind> = {
  author: 'author',
  authors: 'author',
  task: 'task',
  tasks: 'task',
  dataset: 'dataset',
  datasets: 'dataset',
  method: 'method',
  methods: 'method',
  venue: 'venue',
  framework: 'framework'
}
const OTHER_OPERATORS = new Set(['year', 'has', 'official'])
export const KNOWN_OPERATORS = [
  'author:',
  'task:',
  'dataset:',
  'method:',
  'venue:',
  'year:',
  'has:',
  'official:',
  'framework:'
] as const

const YES = new Set(['yes', 'true', '1', 'y'])
const NO = new Set(['no', 'false', '0', 'n'])
const MIN_YEAR = 1900
const MAX_YEAR = 2100

interface RawToken {
  negated: boolean
  /** Lowercased operator name, when the token was `name:value`. */
  operator: string | null
  value: string
  quoted: boolean
  /** The token as typed (for notes). */
  source: string
  /** True when the token ran to the end of the input without trailing whitespace. */
  atEnd: boolean
}

const OPERATOR_NAME = /^([A-Za-z][A-Za-z_]*):/
const URL_LIKE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//

function isSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\u00a0'
}

function readQuoted(input: string, start: number): { value: string; end: number; closed: boolean } {
  const close = input.indexOf('"', start)
  return close < 0
    ? { value: input.slice(start), end: input.length, closed: false }
    : { value: input.slice(start, close), end: close + 1, closed: true }
}

function tokenizeQuery(input: string, notes: QueryNote[]): RawToken[] {
  const tokens: RawToken[] = []
  let i = 0
  while (i < input.length) {
    if (isSpace(input[i])) {
      i += 1
      continue
    }
    const tokenStart = i
    let negated = false
    if (input[i] === '-' && i + 1 < input.length && !isSpace(input[i + 1])) {
      negated = true
      i += 1
    }
    let operator: string | null = null
    const rest = input.slice(i)
    const operatorMatch = URL_LIKE.test(rest) ? null : OPERATOR_NAME.exec(rest)
    if (operatorMatch) {
      operator = operatorMatch[1].toLowerCase()
      i += operatorMatch[0].length
    }
    let value: string
    let quoted = false
    if (input[i] === '"') {
      const quote = readQuoted(input, i + 1)
      value = quote.value
      quoted = true
      i = quote.end
      if (!quote.closed) {
        notes.push({
          kind: 'unclosed-quote',
          severity: 'info',
          source: input.slice(tokenStart),
          message: 'The quote is not closed; it was read to the end of the query.'
        })
      }
    } else {
      const valueStart = i
      while (i < input.length && !isSpace(input[i])) i += 1
      value = input.slice(valueStart, i)
    }
    tokens.push({
      negated,
      operator,
      value,
      quoted,
      source: input.slice(tokenStart, i),
      atEnd: i >= input.length
    })
  }
  return tokens
}

function parseYear(text: string): number | null {
  if (!/^\d{4}$/.test(text)) return null
  const year = Number(text)
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : null
}

function parseYearFilter(token: RawToken, notes: QueryNote[]): Extract<QueryFilter, { kind: 'year' }> | null {
  const value = token.value.trim()
  const invalid = (): null => {
    notes.push({
      kind: 'invalid-value',
      severity: 'warning',
      source: token.source,
      message: `“${token.source}” was ignored: year: takes a year (year:2019) or a range (year:2017..2020, year:2018.., year:..2015).`
    })
    return null
  }
  const comparison = /^(>=|<=|>|<)(\d{4})$/.exec(value)
  if (comparison) {
    const year = parseYear(comparison[2])
    if (year === null) return invalid()
    const op = comparison[1]
    if (op === '>=') return { kind: 'year', from: year, to: null, negated: token.negated }
    if (op === '>') return { kind: 'year', from: year + 1, to: null, negated: token.negated }
    if (op === '<=') return { kind: 'year', from: null, to: year, negated: token.negated }
    return { kind: 'year', from: null, to: year - 1, negated: token.negated }
  }
  const range = /^(\d{4})?\s*(?:\.\.|–|—)\s*(\d{4})?$/.exec(value)
  if (range && (range[1] !== undefined || range[2] !== undefined)) {
    const from = range[1] === undefined ? null : parseYear(range[1])
    const to = range[2] === undefined ? null : parseYear(range[2])
    if ((range[1] !== undefined && from === null) || (range[2] !== undefined && to === null)) return invalid()
    if (from !== null && to !== null && from > to) {
      notes.push({
        kind: 'invalid-value',
        severity: 'info',
        source: token.source,
        message: `The range in “${token.source}” runs backwards; searched ${to}..${from}.`
      })
      return { kind: 'year', from: to, to: from, negated: token.negated }
    }
    return { kind: 'year', from, to, negated: token.negated }
  }
  const year = parseYear(value)
  if (year === null) return invalid()
  return { kind: 'year', from: year, to: year, negated: token.negated }
}

function parseYesNo(token: RawToken, notes: QueryNote[]): boolean | null {
  const value = token.value.trim().toLowerCase()
  if (YES.has(value)) return true
  if (NO.has(value)) return false
  notes.push({
    kind: 'invalid-value',
    severity: 'warning',
    source: token.source,
    message: `“${token.source}” was ignored: ${token.operator}: takes yes or no.`
  })
  return null
}

function parseOperator(token: RawToken, filters: QueryFilter[], notes: QueryNote[]): void {
  const operator = token.operator as string
  if (token.value.trim() === '') {
    notes.push({
      kind: 'empty-value',
      severity: 'warning',
      source: token.source,
      message: `“${token.source}” has no value and was ignored (for example ${operator}:${exampleValue(operator)}).`
    })
    return
  }
  const nameKind = NAME_OPERATORS[operator]
  if (nameKind !== undefined) {
    filters.push({ kind: nameKind, value: token.value.trim(), negated: token.negated })
    return
  }
  if (operator === 'year') {
    const filter = parseYearFilter(token, notes)
    if (filter) filters.push(filter)
    return
  }
  if (operator === 'official') {
    const value = parseYesNo(token, notes)
    if (value !== null) filters.push({ kind: 'officialCode', value, negated: token.negated })
    return
  }
  // has:
  const value = token.value.trim().toLowerCase()
  if (value === 'code') {
    filters.push({ kind: 'hasCode', value: true, negated: token.negated })
  } else if (value === 'official' || value === 'official-code') {
    filters.push({ kind: 'officialCode', value: true, negated: token.negated })
  } else {
    notes.push({
      kind: 'invalid-value',
      severity: 'warning',
      source: token.source,
      message: `“${token.source}” was ignored: has: takes code or official.`
    })
  }
}

function exampleValue(operator: string): string {
  const examples: Record<string, string> = {
    year: '2019',
    has: 'code',
    official: 'yes',
    framework: 'pytorch',
    author: '"Kevin Clark"',
    venue: 'cvpr'
  }
  return examples[operator] ?? '"image classification"'
}

function addWords(
  token: RawToken,
  text: string,
  isLastToken: boolean,
  terms: QueryTerm[],
  ignored: string[]
): void {
  const analyzed = analyzeText(text)
  // The word being typed keeps its stop words and single letters: "the" may become "theory".
  const typing = isLastToken && !token.negated
  if (typing) {
    const all = analyzeText(text, { keepShortAndStopWords: true })
    const last = all[all.length - 1]
    if (last !== undefined && analyzed[analyzed.length - 1] !== last) analyzed.push(last)
  }
  if (analyzed.length === 0 && text.trim() !== '' && /[\p{L}\p{N}]/u.test(text)) ignored.push(text)
  analyzed.forEach((term, index) => {
    const prefix = typing && index === analyzed.length - 1
    terms.push({
      text: term,
      source: text,
      prefix,
      fuzzy: !token.negated && term.length >= FUZZY_MIN_LENGTH,
      negated: token.negated
    })
  })
}

function isRecognizedOperator(token: RawToken): boolean {
  return (
    token.operator !== null &&
    (NAME_OPERATORS[token.operator] !== undefined || OTHER_OPERATORS.has(token.operator))
  )
}

/** The token whose last word may still be being typed, or -1. */
function lastWordTokenIndex(tokens: readonly RawToken[]): number {
  let index = tokens.length - 1
  while (index >= 0 && isRecognizedOperator(tokens[index])) index -= 1
  if (index < 0) return -1
  const last = tokens[index]
  return last.atEnd || index < tokens.length - 1 ? index : -1
}

/** Parses what the user typed. Pure and total: every input gives a query and its notes. */
export function parseQuery(input: string): ParsedQuery {
  const notes: QueryNote[] = []
  const terms: QueryTerm[] = []
  const phrases: QueryPhrase[] = []
  const filters: QueryFilter[] = []
  const ignored: string[] = []
  const tokens = tokenizeQuery(input, notes)

  // The word being typed is the last word at the end of the input, or before operators only: a
  // facet click appends `has:code` and must not change what the words match (it once made
  // "attention" stop completing, so the facet said 63 papers and its filter found 71).
  const lastWords = lastWordTokenIndex(tokens)
  tokens.forEach((token, index) => {
    const isLastToken = index === lastWords
    if (token.operator !== null) {
      if (isRecognizedOperator(token)) {
        parseOperator(token, filters, notes)
        return
      }
      notes.push({
        kind: 'unknown-operator',
        severity: 'warning',
        source: token.source,
        message: `“${token.operator}:” is not a search operator, so “${token.source}” was searched as words. Operators: ${KNOWN_OPERATORS.join(' ')}`
      })
      addWords(token, `${token.operator} ${token.value}`, isLastToken && !token.quoted, terms, ignored)
      return
    }
    if (token.quoted) {
      const phraseTerms = analyzeText(token.value)
      if (phraseTerms.length > 0) {
        phrases.push({ text: token.value, terms: phraseTerms, negated: token.negated })
      } else if (token.value.trim() !== '') {
        ignored.push(token.value)
      }
      return
    }
    addWords(token, token.value, isLastToken, terms, ignored)
  })

  if (ignored.length > 0) {
    notes.push({
      kind: 'ignored-words',
      severity: 'info',
      source: ignored.join(' '),
      message: `Too common to search for: ${ignored.map((word) => `“${word}”`).join(', ')}.`
    })
  }
  return { terms, phrases, filters, notes }
}

/** True when the query asks for nothing: no words, phrases or filters. */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.terms.length === 0 && query.phrases.length === 0 && query.filters.length === 0
}
