/**
 * BibTeX export of reading-list papers, readable by classic BibTeX and by biber/biblatex.
 *
 * - arXiv-only papers are `@misc` with `eprint`, `archivePrefix = {arXiv}` and, for old-style ids
 *   where the id states it, `primaryClass`: the shape arXiv's own "Export BibTeX" produces.
 * - Papers with a venue are `@inproceedings` with `booktitle` (or `@article` with `journal` for the
 *   journals PWC lists), with the venue's year and month; an arXiv id is kept as `eprint`.
 * - Anything else is `@misc` with its link.
 */
import { assignCitationKeys, type KeyedPaper } from './citationKeys'
import { bibtexVerbatim, escapeBibtexText, protectTitleCase } from './bibtexText'
import type { ExportablePaper } from './libraryTypes'
import { parsePersonName, splitAuthorList, type PersonName } from './personNames'
import { describePublication, type PublicationFacts } from './publicationFacts'

export interface BibtexExportOptions {
  /** A `%` comment line at the top; `false` leaves the file bare. Defaults to the PWC attribution. */
  header?: string | false
}

const DEFAULT_HEADER = 'Paper metadata from Papers with Code (paperswithcode.com), CC-BY-SA 4.0.'

// BibTeX's predefined month macros: both BibTeX styles and biber understand them.
const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** A `.bib` file for the papers, each paper once, in the order given. */
export function toBibtex(papers: readonly ExportablePaper[], options: BibtexExportOptions = {}): string {
  const header = options.header ?? DEFAULT_HEADER
  const entries = assignCitationKeys(papers).map(formatBibtexEntry)
  const preamble = header === false ? [] : header.split(/\r?\n/).map((line) => `% ${line}`)
  return [...(preamble.length > 0 ? [preamble.join('\n')] : []), ...entries].join('\n\n') + '\n'
}

/** One `@type{key, ...}` entry. */
export function formatBibtexEntry(paper: KeyedPaper): string {
  const facts = describePublication(paper.snapshot)
  const fields = bibtexFields(paper, facts)
  const body = fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n')
  return `@${bibtexType(facts)}{${paper.citationKey},\n${body}\n}`
}

function bibtexType(facts: PublicationFacts): string {
  if (facts.kind === 'conference-paper') return 'inproceedings'
  if (facts.kind === 'journal-article') return 'article'
  return 'misc'
}

function bibtexFields(paper: KeyedPaper, facts: PublicationFacts): [string, string][] {
  const { snapshot } = paper
  const fields: [string, string][] = [['title', `{${protectTitleCase(snapshot.title)}}`]]
  const authors = splitAuthorList(snapshot.authors).map((name) => formatBibtexName(parsePersonName(name)))
  if (authors.length > 0) fields.push(['author', `{${authors.join(' and ')}}`])
  if (facts.venue !== null) {
    const venueField = facts.kind === 'journal-article' ? 'journal' : 'booktitle'
    fields.push([venueField, `{${escapeBibtexText(facts.venue.name)}}`])
  }
  if (facts.year !== null) fields.push(['year', `{${facts.year}}`])
  if (facts.month !== null) fields.push(['month', MONTH_MACROS[facts.month - 1]])
  if (facts.arxivId !== null) {
    fields.push(['eprint', `{${bibtexVerbatim(facts.arxivId)}}`], ['archivePrefix', '{arXiv}'])
    if (facts.arxivPrimaryClass !== null) fields.push(['primaryClass', `{${facts.arxivPrimaryClass}}`])
  }
  if (facts.doi !== null) fields.push(['doi', `{${bibtexVerbatim(facts.doi)}}`])
  if (facts.url !== null) fields.push(['url', `{${bibtexVerbatim(facts.url)}}`])
  return fields
}

/**
 * "von Last, Jr, First": the one form BibTeX cannot misread, whatever the name's word order.
 * A name word that is literally "and" is braced, or BibTeX would split the author there.
 */
export function formatBibtexName(name: PersonName): string {
  const part = (text: string): string =>
    text
      .split(' ')
      .map((word) => (/^and$/i.test(word) ? `{${word}}` : escapeBibtexText(word)))
      .join(' ')
  const last = [name.particle, name.family]
    .filter((text) => text !== '')
    .map(part)
    .join(' ')
  if (name.given === '' && name.suffix === '') return name.family.includes(' ') ? `{${last}}` : last
  return [last, ...(name.suffix === '' ? [] : [part(name.suffix)]), part(name.given)].join(', ')
}
