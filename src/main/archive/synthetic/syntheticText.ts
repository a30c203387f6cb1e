/**
 * Text for the synthetic archive, recombined from real text so that word frequencies, lengths,
 * Markdown and LaTeX look like the dumps' (search indexes and gzip ratios depend on all three).
 *
 * Titles and abstracts copy short runs of consecutive real tokens from random places: runs keep
 * local phrasing ("a generative model that"), random places keep the text from repeating whole
 * sentences, which would compress far better than real abstracts do.
 */
import type { Random } from './seededRandom'

export interface TextSource {
  proseTokens: readonly string[]
  titleTokens: readonly string[]
  sentences: readonly string[]
}

function runs(
  random: Random,
  tokens: readonly string[],
  targetChars: number,
  minRun: number,
  maxRun: number
) {
  const words: string[] = []
  let length = 0
  while (length < targetChars) {
    const runLength = random.between(minRun, maxRun)
    const start = random.int(Math.max(1, tokens.length - runLength))
    const end = Math.min(tokens.length, start + runLength)
    for (let i = start; i < end && length < targetChars; i += 1) {
      words.push(tokens[i])
      length += tokens[i].length + 1
    }
  }
  return words
}

function capitalize(text: string): string {
  return text.length === 0 ? text : text[0].toUpperCase() + text.slice(1)
}

export function makeTitle(random: Random, source: TextSource): string {
  const words = runs(random, source.titleTokens, random.between(30, 110), 2, 6)
  return capitalize(words.join(' ').replace(/[.,;:]+$/, ''))
}

export function makeAbstract(random: Random, source: TextSource, targetChars: number): string {
  const text = runs(random, source.proseTokens, targetChars, 4, 14).join(' ')
  return `${capitalize(text).replace(/[,;:]+$/, '')}${/[.!?]$/.test(text) ? '' : '.'}`
}

/** Whole real sentences (Markdown and LaTeX intact), in real `\r\n\r\n` paragraphs. */
export function makeDescription(random: Random, source: TextSource, targetChars: number): string {
  if (targetChars <= 0) return ''
  let text = random.pick(source.sentences)
  while (text.length < targetChars) {
    text += random.chance(0.2) ? '\r\n\r\n' : ' '
    text += random.pick(source.sentences)
  }
  return text
}

/** The first sentences of `abstract`, up to `maxChars`: a plausible `short_abstract`. */
export function leadingSentences(abstract: string, maxChars: number): string {
  if (abstract.length <= maxChars) return abstract
  const cut = abstract.lastIndexOf('. ', maxChars)
  return cut > 40 ? abstract.slice(0, cut + 1) : `${abstract.slice(0, maxChars).trimEnd()}...`
}

/** PWC-style slug: lower-case words joined by `-`, cut at a word boundary near 50 characters. */
export function slugify(text: string, maxLength = 50): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= maxLength) return slug.length > 0 ? slug : 'untitled'
  const cut = slug.lastIndexOf('-', maxLength)
  return slug.slice(0, cut > 0 ? cut : maxLength)
}
