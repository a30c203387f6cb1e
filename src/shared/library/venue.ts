/**
 * The dumps' `proceeding` field read as a venue. It is "<venue> <year> <month>" ("NeurIPS 2018 12",
 * "ICLR 2020 1"), but 134 distinct values in the 2020 links subset include every variant a free
 * text field grows:
 *
 * - no month: `"NeurIPS 2018"`; the year repeated: `"CVPR 2019 2019 4"`, `"CVPR2016 2016 6"`,
 *   `"ICML deep learning workshop, vol. 2. 2015. 2015 7"`;
 * - full names: `"IEEE Transactions on Pattern Analysis and Machine Intelligence 2018 5"`;
 * - arXiv given as the venue: `"arXiv 2019 3"`, `"arXiv preprint 2019 4"`;
 * - the API's slugs instead of names: `"proceedings-of-the-27th-international"`.
 */

export type VenueKind = 'conference' | 'journal' | 'preprint'

export interface ParsedVenue {
  /** The venue without its year and month: `"NeurIPS"`, `"IEEE Transactions on ..."`. */
  name: string
  year: number | null
  /** 1-12, the month the venue met or the issue appeared. */
  month: number | null
  kind: VenueKind
}

const YEAR_AND_MONTH = /^(.*?)[\s,.]+((?:19|20)\d{2})(?:\s+(\d{1,2}))?$/
const API_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)+$/
const PREPRINT = /^(?:arxiv|corr)\b/i
// Journals that PWC names by acronym; the rest say "Journal", "Transactions" or "Letters".
const JOURNAL_ACRONYMS = new Set(['TACL', 'TPAMI', 'PAMI', 'JMLR', 'TMLR', 'IJCV'])
const JOURNAL_WORDS = /\b(?:journal|transactions|letters)\b/i

/** The venue a `proceeding` names, or `null` when it names none (empty, or an API slug). */
export function parseVenue(proceeding: string | null): ParsedVenue | null {
  const text = proceeding?.replace(/\s+/g, ' ').trim() ?? ''
  if (text === '' || API_SLUG.test(text)) return null
  const match = YEAR_AND_MONTH.exec(text)
  const year = match ? Number(match[2]) : null
  const monthNumber = match?.[3] === undefined ? null : Number(match[3])
  const month = monthNumber !== null && monthNumber >= 1 && monthNumber <= 12 ? monthNumber : null
  const name = match ? withoutTrailingYear(match[1], match[2]) : text
  if (name === '') return null
  return { name, year, month, kind: venueKind(name) }
}

function withoutTrailingYear(name: string, year: string): string {
  const repeated = new RegExp(`[\\s,.]*${year}\\.?$`)
  return name.replace(repeated, '').replace(/[\s,.;:-]+$/, '')
}

function venueKind(name: string): VenueKind {
  if (PREPRINT.test(name)) return 'preprint'
  if (JOURNAL_ACRONYMS.has(name.toUpperCase()) || JOURNAL_WORDS.test(name)) return 'journal'
  return 'conference'
}
