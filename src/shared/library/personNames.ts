/**
 * Author names as the dumps give them ("Ian J. Goodfellow", "F de Campos", "Klaus WERNER") split
 * into the parts citation formats want.
 *
 * The split follows BibTeX's own reading of "First von Last", so the BibTeX export and the CSL
 * export agree with what LaTeX users already expect: the last word is the family name; a run of
 * lower-case words before it ("van der", "de la") is the particle, and every word after the
 * particle belongs to the family name ("de la Vallée Poussin"). Capitalised particles ("Van Damme")
 * stay in the given name, as BibTeX leaves them; the dumps give no way to tell them apart from
 * given names such as the Vietnamese "Van".
 */

export interface PersonName {
  given: string
  family: string
  /** Lower-case words kept in front of the family name: `de`, `van der`; `''` when none. */
  particle: string
  /** `Jr.`, `III`; `''` when none. */
  suffix: string
}

const SUFFIX = /^(?:jr\.?|sr\.?|ii|iii|iv)$/i

/**
 * The author list with packed entries unpacked. One real record lists four people in one string
 * separated by double spaces ("José Crossa  Paul L. Cornelius  Ken Sayre  R.J. Iván
 * Ortiz‐Monasterio"); a stray double space inside one name ("John  Smith") must not split it, so
 * a string is unpacked only when every piece is itself a name of two or more words.
 */
export function splitAuthorList(authors: readonly string[]): string[] {
  const names: string[] = []
  for (const author of authors) {
    const pieces = author
      .trim()
      .split(/\s{2,}/)
      .map(collapseSpaces)
      .filter((piece) => piece !== '')
    const packed = pieces.length > 1 && pieces.every((piece) => piece.includes(' '))
    if (packed) names.push(...pieces)
    else if (pieces.length > 0) names.push(collapseSpaces(author))
  }
  return names
}

/** A name split into given, particle, family and suffix. A one-word name is all family. */
export function parsePersonName(name: string): PersonName {
  const text = collapseSpaces(name)
  const commaParts = text.split(/\s*,\s*/)
  if (commaParts.length >= 2) return parseCommaForm(commaParts)
  return parseFirstVonLast(text.split(' '), '')
}

/** A name for display: "Ian J. Goodfellow", "F de Campos". */
export function formatPersonName(name: PersonName): string {
  const main = [name.given, name.particle, name.family].filter((part) => part !== '').join(' ')
  return name.suffix === '' ? main : `${main} ${name.suffix}`
}

// "Family, Given", "Family, Suffix, Given", and "Given Family, Jr." (the comma before a suffix).
function parseCommaForm(parts: string[]): PersonName {
  const [first, second, ...rest] = parts
  if (rest.length === 0 && SUFFIX.test(second)) return parseFirstVonLast(first.split(' '), second)
  const suffix = rest.length > 0 ? second : ''
  const given = rest.length > 0 ? rest.join(', ') : second
  const { particle, family } = splitParticle(first.split(' '))
  return { given, family, particle, suffix }
}

function parseFirstVonLast(words: string[], suffixFromComma: string): PersonName {
  let suffix = suffixFromComma
  if (suffix === '' && words.length >= 3 && SUFFIX.test(words[words.length - 1])) {
    suffix = words[words.length - 1]
    words = words.slice(0, -1)
  }
  if (words.length === 1) return { given: '', family: words[0], particle: '', suffix }
  // The last word is always family; a particle is looked for among the words before it only.
  const beforeLast = words.slice(0, -1)
  const firstLower = beforeLast.findIndex(startsLowerCase)
  if (firstLower === -1) {
    return { given: beforeLast.join(' '), family: words[words.length - 1], particle: '', suffix }
  }
  let lastLower = firstLower
  for (let i = firstLower; i < beforeLast.length; i++) if (startsLowerCase(beforeLast[i])) lastLower = i
  return {
    given: words.slice(0, firstLower).join(' '),
    particle: words.slice(firstLower, lastLower + 1).join(' '),
    family: words.slice(lastLower + 1).join(' '),
    suffix
  }
}

function splitParticle(words: string[]): { particle: string; family: string } {
  let split = 0
  while (split < words.length - 1 && startsLowerCase(words[split])) split++
  return { particle: words.slice(0, split).join(' '), family: words.slice(split).join(' ') }
}

function startsLowerCase(word: string): boolean {
  const letter = /\p{L}/u.exec(word)?.[0]
  return letter !== undefined && letter !== letter.toUpperCase() && letter === letter.toLowerCase()
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
