/**
 * The keys that join a leaderboard row to a paper. A row's `paper_url` is usually an arXiv or
 * publisher URL, not the PWC key (data/README.md), so rows join by arXiv id first and by title
 * second. 23,990 of the 28,183 rows of 2020 carry an arXiv URL.
 */

// New-style ids (1704.03549) and old-style ones (cs/9301114, math.GT/0309136).
const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})$/i
const ARXIV_URL =
  /arxiv\.org\/(?:abs\/|pdf\/|html\/)?(\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?(?:\.pdf)?(?:[?#/]|$)/i

/** An arXiv id without its version (`1704.03549v4` → `1704.03549`), or `null` if not one. */
export function normalizeArxivId(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const id = value
    .trim()
    .replace(/^arxiv:/i, '')
    .replace(/v\d+$/, '')
  return ARXIV_ID.test(id) ? id : null
}

/** The arXiv id in an arXiv URL (`http://arxiv.org/abs/1704.03549v4`, `https://arxiv.org/1910.02101`). */
export function arxivIdFromUrl(url: string | null): string | null {
  if (!url) return null
  const match = ARXIV_URL.exec(url)
  return match ? match[1] : null
}

/**
 * A paper's title reduced to its letters and digits, lower-cased and without accents, so that
 * "SEE: Towards Semi-SupervisedEnd-to-End ..." in a row joins "SEE: Towards Semi-Supervised
 * End-to-End ..." in the papers dump. Letters of every script count, so a Chinese title keeps a
 * key. `null` when nothing is left.
 */
export function paperTitleKey(title: string | null): string | null {
  if (!title) return null
  const key = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
  return key === '' ? null : key
}
