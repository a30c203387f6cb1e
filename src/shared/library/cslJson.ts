/**
 * CSL-JSON export (the citeproc input schema, csl-data.json of CSL 1.0.2), for Zotero, pandoc and
 * every citeproc-based tool.
 *
 * Types and fields follow what Zotero itself writes for the same items, since Zotero is where these
 * files usually go: an arXiv preprint is `article` with `publisher: "arXiv"`, `number:
 * "arXiv:<id>"` and arXiv's DataCite DOI `10.48550/arXiv.<id>` (arXiv registers one for every
 * paper); a venue paper is `paper-conference` or `article-journal` with `container-title`; anything
 * else is `document`. `archive` is not used for arXiv: styles print it as a physical archive.
 * Keys are the BibTeX keys, so `[@vaswani2017attention]` works with either file.
 */
import { assignCitationKeys, type KeyedPaper } from './citationKeys'
import type { ExportablePaper } from './libraryTypes'
import { parsePersonName, splitAuthorList, type PersonName } from './personNames'
import { describePublication, type PublicationFacts } from './publicationFacts'

export type CslItemType = 'article' | 'paper-conference' | 'article-journal' | 'document'

export interface CslName {
  family?: string
  given?: string
  'non-dropping-particle'?: string
  suffix?: string
}

export interface CslDate {
  /** One date: `[[year]]`, `[[year, month]]` or `[[year, month, day]]`. */
  'date-parts': [number[]]
}

export interface CslItem {
  id: string
  type: CslItemType
  title: string
  author?: CslName[]
  issued?: CslDate
  'container-title'?: string
  publisher?: string
  number?: string
  DOI?: string
  URL?: string
  /** Where the record came from, as Zotero's "Library Catalog". */
  source?: string
  note?: string
}

const CSL_TYPES: Record<PublicationFacts['kind'], CslItemType> = {
  preprint: 'article',
  'conference-paper': 'paper-conference',
  'journal-article': 'article-journal',
  other: 'document'
}

/** CSL-JSON items for the papers, each paper once, in the order given. */
export function toCslItems(papers: readonly ExportablePaper[]): CslItem[] {
  return assignCitationKeys(papers).map(toCslItem)
}

/** The `.json` file: a CSL-JSON array, indented for people who diff their libraries. */
export function toCslJson(papers: readonly ExportablePaper[]): string {
  return JSON.stringify(toCslItems(papers), null, 2) + '\n'
}

export function toCslItem(paper: KeyedPaper): CslItem {
  const { snapshot } = paper
  const facts = describePublication(snapshot)
  const item: CslItem = {
    id: paper.citationKey,
    type: CSL_TYPES[facts.kind],
    title: snapshot.title.replace(/\s+/g, ' ').trim()
  }
  const authors = splitAuthorList(snapshot.authors).map((name) => toCslName(parsePersonName(name)))
  if (authors.length > 0) item.author = authors
  const issued = cslDate(facts)
  if (issued !== null) item.issued = issued
  if (facts.venue !== null) item['container-title'] = facts.venue.name
  if (facts.kind === 'preprint' && facts.arxivId !== null) {
    item.publisher = 'arXiv'
    item.number = `arXiv:${facts.arxivId}`
  }
  const doi =
    facts.doi ?? (facts.kind === 'preprint' && facts.arxivId !== null ? arxivDoi(facts.arxivId) : null)
  if (doi !== null) item.DOI = doi
  if (facts.url !== null) item.URL = facts.url
  // A published paper's arXiv version is still worth a pointer; Zotero keeps it in "Extra" too.
  item.source = 'Papers with Code'
  if (facts.kind !== 'preprint' && facts.arxivId !== null) item.note = `arXiv: ${facts.arxivId}`
  return item
}

export function toCslName(name: PersonName): CslName {
  const cslName: CslName = { family: name.family }
  if (name.given !== '') cslName.given = name.given
  // Citeproc keeps a non-dropping particle with the family name ("de Campos"), as BibTeX prints it.
  if (name.particle !== '') cslName['non-dropping-particle'] = name.particle
  if (name.suffix !== '') cslName.suffix = name.suffix
  return cslName
}

/** arXiv's DataCite DOI, which it registers for every paper, old-style ids included. */
export function arxivDoi(arxivId: string): string {
  return `10.48550/arXiv.${arxivId}`
}

function cslDate(facts: PublicationFacts): CslDate | null {
  if (facts.year === null) return null
  const parts = [facts.year]
  if (facts.month !== null) {
    parts.push(facts.month)
    if (facts.day !== null) parts.push(facts.day)
  }
  return { 'date-parts': [parts] }
}
