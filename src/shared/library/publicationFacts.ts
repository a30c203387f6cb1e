/**
 * What kind of publication a snapshot describes and when it appeared, decided once so the BibTeX
 * and CSL-JSON exports never disagree about the same paper.
 *
 * A paper with a venue is cited as the venue version even when it also has an arXiv id (the
 * published version is the one to cite; the arXiv id rides along as `eprint`). A `proceeding` that
 * names arXiv itself ("arXiv 2019 3") is no venue.
 */
import { checkExternalUrl } from '../security/externalLinks'
import type { PaperSnapshot } from './libraryTypes'
import { parseVenue, type ParsedVenue } from './venue'
import { arxivAbsUrl } from '../archive/paperFacts'

export type PublicationKind = 'conference-paper' | 'journal-article' | 'preprint' | 'other'

export interface PublicationFacts {
  kind: PublicationKind
  /** Set for conference papers and journal articles. */
  venue: ParsedVenue | null
  arxivId: string | null
  /** Known only for old-style ids, where it is part of the id (`hep-ph/9206214` → `hep-ph`). */
  arxivPrimaryClass: string | null
  year: number | null
  month: number | null
  day: number | null
  /** A publisher DOI found in the paper's links; arXiv's own DOIs are left to each format. */
  doi: string | null
  /** The one link a citation prints: the arXiv abstract page for arXiv papers, else the publisher's. */
  url: string | null
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const OLD_STYLE_ARXIV_ID = /^([a-z-]+(?:\.[A-Z]{2})?)\/\d{7}$/
// doi.org links and publisher paths such as Wiley's `/doi/abs/10.2135/...`.
const DOI_IN_URL = /(?:doi\.org\/|\/doi\/(?:abs\/|full\/|pdf\/|epdf\/|book\/)?)(10\.\d{4,9}\/[^?#\s]+)/i

export function describePublication(snapshot: PaperSnapshot): PublicationFacts {
  const parsed = parseVenue(snapshot.venue)
  const venue = parsed !== null && parsed.kind !== 'preprint' ? parsed : null
  const arxivId = snapshot.arxivId
  const kind: PublicationKind =
    venue !== null
      ? venue.kind === 'journal'
        ? 'journal-article'
        : 'conference-paper'
      : arxivId !== null
        ? 'preprint'
        : 'other'
  const day = ISO_DAY.exec(snapshot.date ?? '')
  // The venue's year is the one to cite: ResNet is arXiv 2015 but CVPR 2016.
  const useVenueDate = venue?.year != null
  return {
    kind,
    venue,
    arxivId,
    arxivPrimaryClass: arxivId === null ? null : (OLD_STYLE_ARXIV_ID.exec(arxivId)?.[1] ?? null),
    year: useVenueDate ? venue.year : day ? Number(day[1]) : null,
    month: useVenueDate ? venue.month : day ? Number(day[2]) : null,
    day: useVenueDate || !day ? null : Number(day[3]),
    doi: doiFromUrls([snapshot.urlAbs, snapshot.urlPdf]),
    url: citationUrl(snapshot, arxivId)
  }
}

/** The DOI a publisher link carries, or `null`. */
export function doiFromUrls(urls: readonly (string | null)[]): string | null {
  for (const url of urls) {
    const match = url === null ? null : DOI_IN_URL.exec(url)
    if (match) return safeDecode(match[1])
  }
  return null
}

function citationUrl(snapshot: PaperSnapshot, arxivId: string | null): string | null {
  if (arxivId !== null) return arxivAbsUrl(arxivId)
  for (const candidate of [snapshot.urlAbs, snapshot.urlPdf, snapshot.paperUrl]) {
    // Archive records are user-submitted; a `javascript:` link must not reach a bibliography.
    if (candidate !== null && checkExternalUrl(candidate).allowed) return candidate.trim()
  }
  return null
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
