/**
 * Citation keys shared by the BibTeX and CSL-JSON exports, in the Google Scholar / Better BibTeX
 * shape `<first author's family name><year><first significant title word>`: `vaswani2017attention`.
 *
 * Keys are plain lower-case ASCII, because classic BibTeX reads keys as bytes and breaks on UTF-8
 * (`Seljak` → `seljak`, `Ortiz‐Monasterio` → `ortizmonasterio`, `Sjöstrand` → `sjostrand`).
 *
 * Colliding keys get `a`, `b`, `c`... in the order of the papers' dates and then ids, never in the
 * order the caller passed them, so the same library always exports the same keys; the earliest
 * paper keeps the bare key, as Better BibTeX does.
 */
import type { ExportablePaper, PaperSnapshot } from './libraryTypes'
import { parsePersonName, splitAuthorList } from './personNames'
import { describePublication } from './publicationFacts'

export interface KeyedPaper extends ExportablePaper {
  citationKey: string
}

// Words a title key skips, as Google Scholar does ("A Theory of..." → theory).
const TITLE_STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'on',
  'of',
  'in',
  'for',
  'to',
  'and',
  'with',
  'from',
  'by',
  'at',
  'is',
  'are',
  'towards',
  'toward'
])

// Letters NFKD does not decompose into ASCII plus a mark.
const TRANSLITERATIONS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i'
}

/**
 * Each paper once (the first entry for a paper id wins), in the order given, with a unique key.
 * A paper in several lists is one bibliography item.
 */
export function assignCitationKeys(papers: readonly ExportablePaper[]): KeyedPaper[] {
  const unique = new Map<string, ExportablePaper>()
  for (const paper of papers) if (!unique.has(paper.paperId)) unique.set(paper.paperId, paper)
  const candidates = [...unique.values()].map((paper) => ({ paper, base: baseCitationKey(paper.snapshot) }))
  candidates.sort(
    (a, b) =>
      compareText(a.base, b.base) ||
      compareText(a.paper.snapshot.date ?? '', b.paper.snapshot.date ?? '') ||
      compareText(a.paper.paperId, b.paper.paperId)
  )
  // Bare keys first, so a suffixed key can never take the bare key another paper is owed.
  const taken = new Set<string>()
  const keys = new Map<string, string>()
  const needSuffix: typeof candidates = []
  for (const candidate of candidates) {
    if (taken.has(candidate.base)) needSuffix.push(candidate)
    else {
      taken.add(candidate.base)
      keys.set(candidate.paper.paperId, candidate.base)
    }
  }
  for (const candidate of needSuffix) {
    let index = 0
    let key = candidate.base + suffixFor(index)
    while (taken.has(key)) key = candidate.base + suffixFor(++index)
    taken.add(key)
    keys.set(candidate.paper.paperId, key)
  }
  return [...unique.values()].map((paper) => ({ ...paper, citationKey: keys.get(paper.paperId) ?? '' }))
}

/** The key before deduplication; `anon` and `nd` stand in for a missing author and year. */
export function baseCitationKey(snapshot: PaperSnapshot): string {
  const firstAuthor = splitAuthorList(snapshot.authors)[0]
  const family = firstAuthor === undefined ? '' : asciiKeyPart(parsePersonName(firstAuthor).family)
  const year = describePublication(snapshot).year
  const titleWord = snapshot.title
    .split(/[\s\-–—:/]+/)
    .map(asciiKeyPart)
    .find((word) => word !== '' && !TITLE_STOP_WORDS.has(word))
  return `${family || 'anon'}${year ?? 'nd'}${titleWord ?? ''}`
}

/** `a`…`z`, then `aa`, `ab`… (bijective base 26), so there is no limit on collisions. */
function suffixFor(index: number): string {
  let suffix = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    suffix = String.fromCharCode(97 + ((n - 1) % 26)) + suffix
  }
  return suffix
}

function asciiKeyPart(text: string): string {
  return text
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => TRANSLITERATIONS[letter])
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '')
}

// Code-unit order, not the locale's: keys must not depend on the machine that exports them.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
