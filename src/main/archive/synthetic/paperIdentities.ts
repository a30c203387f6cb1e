/**
 * Who the synthetic papers are (title, PWC slug, arXiv id, date, code repositories), decided
 * before any file is written. Links, leaderboard rows and methods all cite papers; keeping the
 * identities in memory (≈ 150 MB at full scale) lets every file cite them consistently while the
 * papers' bulky bodies (abstracts, embedded methods) are generated once, as they stream out.
 */
import { createRandom, type Random } from './seededRandom'
import { makeTitle, slugify, type TextSource } from './syntheticText'

export const PAPER_URL_PREFIX = 'https://paperswithcode.com/paper/'

export interface PaperIdentities {
  seed: number
  count: number
  titles: string[]
  slugs: string[]
  /** `null` for papers not on arXiv (about one in eight, and everything before April 2007). */
  arxivIds: (string | null)[]
  arxivVersions: Uint8Array
  dates: string[]
  /** How many code links each paper has in the links file. */
  linkCounts: Uint16Array
}

/** arXiv sequence numbers of generated papers stay below this; cited-but-absent ids use the rest. */
export const ABSENT_ARXIV_NUMBER_FLOOR = 50_000

function pickYear(random: Random): number {
  // PWC's papers grow roughly 30% a year; a geometric weight over 1990–2025 gives that skew.
  const weights: number[] = []
  let total = 0
  for (let year = 1990; year <= 2025; year += 1) {
    const weight = Math.pow(1.3, year - 1990)
    weights.push(weight)
    total += weight
  }
  let draw = random.next() * total
  for (let i = 0; i < weights.length; i += 1) {
    draw -= weights[i]
    if (draw < 0) return 1990 + i
  }
  return 2025
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value)
}

function makeDate(random: Random): string {
  const year = pickYear(random)
  // The archive was frozen in July 2025.
  const month = year === 2025 ? random.between(1, 7) : random.between(1, 12)
  return `${year}-${pad2(month)}-${pad2(random.between(1, 28))}`
}

/** New-style arXiv ids (YYMM.NNNNN) since 2015, four digits from April 2007 to 2014. */
export function formatArxivId(year: number, month: number, sequence: number): string {
  const digits = year >= 2015 ? 5 : 4
  return `${pad2(year % 100)}${pad2(month)}.${String(sequence).padStart(digits, '0')}`
}

export function generatePaperIdentities(
  seed: number,
  count: number,
  linkTotal: number,
  text: TextSource
): PaperIdentities {
  const random = createRandom(seed, 'paper-identities')
  const titles: string[] = []
  const slugs: string[] = []
  const arxivIds: (string | null)[] = []
  const arxivVersions = new Uint8Array(count)
  const dates: string[] = []
  const seenTitles = new Set<string>()
  const slugUses = new Map<string, number>()
  const usedSlugs = new Set<string>()
  const arxivSequence = new Map<string, number>()

  for (let i = 0; i < count; i += 1) {
    // Titles are unique so that "join by exact title" is unambiguous, as it nearly is for real.
    let title = makeTitle(random, text)
    for (let attempt = 1; seenTitles.has(title); attempt += 1) {
      title = attempt < 20 ? makeTitle(random, text) : `${makeTitle(random, text)} ${attempt}`
    }
    seenTitles.add(title)
    titles.push(title)

    // PWC de-duplicates slugs with a numeric suffix: "generative-adversarial-networks-1". The
    // suffixed slug can itself be another title's plain slug, so every candidate is checked.
    const base = slugify(title)
    let uses = slugUses.get(base) ?? 0
    let slug = uses === 0 ? base : `${base}-${uses}`
    while (usedSlugs.has(slug)) {
      uses += 1
      slug = `${base}-${uses}`
    }
    slugUses.set(base, uses + 1)
    usedSlugs.add(slug)
    slugs.push(slug)

    const date = makeDate(random)
    dates.push(date)
    const year = Number(date.slice(0, 4))
    const month = Number(date.slice(5, 7))
    const onArxiv = (year > 2007 || (year === 2007 && month >= 4)) && random.chance(0.88)
    let arxivId: string | null = null
    if (onArxiv) {
      const key = date.slice(0, 7)
      const sequence = (arxivSequence.get(key) ?? 0) + random.between(1, 3)
      arxivSequence.set(key, sequence)
      if (sequence < (year >= 2015 ? ABSENT_ARXIV_NUMBER_FLOOR : 10_000)) {
        arxivId = formatArxivId(year, month, sequence)
      }
    }
    arxivIds.push(arxivId)
    arxivVersions[i] = random.chance(0.55) ? 1 : random.between(2, 5)
  }

  const linkCounts = new Uint16Array(count)
  if (count > 0) {
    for (let k = 0; k < linkTotal; k += 1) linkCounts[random.int(count)] += 1
  }
  return { seed, count, titles, slugs, arxivIds, arxivVersions, dates, linkCounts }
}

export function paperUrl(papers: PaperIdentities, index: number): string {
  return PAPER_URL_PREFIX + papers.slugs[index]
}

const OPENREVIEW_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** An OpenReview forum id (10 characters, as on openreview.net) for papers not on arXiv. */
export function openReviewIdFor(papers: PaperIdentities, index: number): string | null {
  if (papers.arxivIds[index] !== null) return null
  let id = ''
  for (let k = 0; id.length < 10; k += 1) {
    id += OPENREVIEW_ALPHABET[mix(papers.seed, index, 1000 + k) % OPENREVIEW_ALPHABET.length]
  }
  return id
}

/** `url_abs` / `url_pdf` as PWC stored them: versioned arXiv links, or the OpenReview forum. */
export function paperAbsAndPdf(papers: PaperIdentities, index: number): { abs: string; pdf: string } {
  const arxivId = papers.arxivIds[index]
  if (arxivId !== null) {
    const version = papers.arxivVersions[index]
    return {
      abs: `https://arxiv.org/abs/${arxivId}v${version}`,
      pdf: `https://arxiv.org/pdf/${arxivId}v${version}.pdf`
    }
  }
  const id = openReviewIdFor(papers, index)
  return { abs: `https://openreview.net/forum?id=${id}`, pdf: `https://openreview.net/pdf?id=${id}` }
}

function mix(a: number, b: number, c: number): number {
  let h =
    Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35) ^ Math.imul(c, 0x27d4eb2f)
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d)
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39)
  return (h ^ (h >>> 15)) >>> 0
}

/**
 * The repositories of paper `index` (as many as it has code links), as `owner/name`, all
 * distinct: the links file never pairs a paper with one repository twice. A pure function of its
 * arguments, so the links file and the leaderboard rows that cite the paper agree.
 */
export function repositoriesFor(
  papers: PaperIdentities,
  index: number,
  realRepositories: readonly string[]
): string[] {
  const repositories: string[] = []
  for (let k = 0; repositories.length < papers.linkCounts[index]; k += 1) {
    const hash = mix(papers.seed, index, k)
    const owner = realRepositories[hash % realRepositories.length].split('/')[0]
    // Half the repositories are named after the paper, half borrow a real repository's name.
    const name =
      (hash >>> 8) % 2 === 0
        ? papers.slugs[index].split('-').slice(0, 3).join('-')
        : realRepositories[(hash >>> 9) % realRepositories.length].split('/')[1]
    const repository = k < 50 ? `${owner}/${name}` : `${owner}/${name}-${k}`
    if (!repositories.includes(repository)) repositories.push(repository)
  }
  return repositories
}
