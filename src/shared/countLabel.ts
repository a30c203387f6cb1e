/**
 * A count with its noun in the right number, for every label that shows one. Hand-written
 * `${n} papers` reads "1 papers"; every count label goes through here instead.
 */

/** The noun alone: `singular` for exactly 1, else `plural` (English: 0 papers, 1 paper, 2 papers). */
export function pluralNoun(count: number, singular: string, plural = `${singular}s`): string {
  return count === 1 ? singular : plural
}

/**
 * `1 paper`, `2 papers`, `12,345 results`. `plural` for nouns that do not just take an `s`
 * (`entry`/`entries`), or to carry the verb along (`'result is'`/`'results are'`).
 */
export function countLabel(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en')} ${pluralNoun(count, singular, plural)}`
}
