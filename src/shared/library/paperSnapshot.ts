/**
 * The copy of a paper a list entry keeps (see `PaperSnapshot`), made when the paper is added and
 * refreshed whenever the archive still has it.
 */
import type { CodeLinkRecord, PaperRecord } from '../archive/entities'
import { paperVenue } from '../archive/paperFacts'
import type { PaperSnapshot } from './libraryTypes'

export type SnapshotSource = Pick<
  PaperRecord,
  | 'id'
  | 'title'
  | 'authors'
  | 'date'
  | 'arxivId'
  | 'proceeding'
  | 'urlAbs'
  | 'urlPdf'
  | 'isStub'
  | 'stubSource'
> &
  Partial<Pick<PaperRecord, 'conference'>>

const PWC_PAPER_PAGE = 'https://paperswithcode.com/paper/'

export function snapshotFromPaper(
  paper: SnapshotSource,
  codeLinks: readonly Pick<CodeLinkRecord, 'repoUrl' | 'isOfficial'>[] = []
): PaperSnapshot {
  // Official implementations first: they are the ones a reader wants when the archive is gone.
  const ordered = [...codeLinks].sort((a, b) => Number(b.isOfficial) - Number(a.isOfficial))
  return {
    title: paper.title,
    authors: [...paper.authors],
    date: paper.date,
    arxivId: paper.arxivId,
    venue: paperVenue(paper),
    urlAbs: paper.urlAbs,
    urlPdf: paper.urlPdf,
    codeUrls: [...new Set(ordered.map((link) => link.repoUrl))],
    paperUrl: pwcPaperUrl(paper)
  }
}

/**
 * The paper's page on the old site. Stubs named by a code link carry the real PWC slug; stubs made
 * from a leaderboard row have a synthetic id that never had a page.
 */
export function pwcPaperUrl(paper: Pick<PaperRecord, 'id' | 'isStub' | 'stubSource'>): string | null {
  if (paper.isStub && paper.stubSource !== 'link') return null
  return PWC_PAPER_PAGE + encodeURIComponent(paper.id)
}
