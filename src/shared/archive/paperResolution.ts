/**
 * Which paper a code link or a leaderboard row belongs to, and the stub to store when the papers
 * table does not have it (yet): a partial sync, or links and results imported before papers.
 *
 * Two kinds of stub, so that a later papers import merges them without guessing:
 * - a link names its paper by PWC URL, so its stub's id *is* the real paper's id and the real
 *   record simply replaces it;
 * - a row names its paper by arXiv id and title only, so its stub gets a synthetic id
 *   (`arxiv:<id>` or `title:<titleKey>`, never a valid PWC slug because of the colon) and the
 *   finalize pass re-points the row to the real paper once one with that arXiv id or title exists.
 */
import type { CodeLinkRecord, PaperRecord, ResultRecord } from './entities'
import { paperPageLinks } from './paperFacts'
import { paperTitleKey } from './paperKeys'

const ARXIV_STUB_PREFIX = 'arxiv:'
const TITLE_STUB_PREFIX = 'title:'

/** The synthetic id of a row's paper stub, or `null` for a row without any paper. */
export function resultStubPaperId(arxivId: string | null, titleKey: string | null): string | null {
  if (arxivId) return ARXIV_STUB_PREFIX + arxivId
  if (titleKey) return TITLE_STUB_PREFIX + titleKey
  return null
}

export function isResultStubId(id: string): boolean {
  return id.startsWith(ARXIV_STUB_PREFIX) || id.startsWith(TITLE_STUB_PREFIX)
}

function stubPaper(
  id: string,
  title: string | null,
  arxivId: string | null,
  fields: Pick<PaperRecord, 'date' | 'urlAbs' | 'urlPdf' | 'stubSource'>
): PaperRecord {
  const shownTitle = title ?? ''
  return {
    id,
    arxivId,
    title: shownTitle,
    titleKey: paperTitleKey(shownTitle),
    abstract: null,
    authors: [],
    taskIds: [],
    date: fields.date,
    proceeding: null,
    conference: null,
    ...paperPageLinks(arxivId, fields.urlAbs, fields.urlPdf),
    methodIds: [],
    isStub: true,
    stubSource: fields.stubSource
  }
}

/** The stub for a link's paper: its real id, title and arXiv id, and the URLs the link carries. */
export function linkPaperStub(
  link: CodeLinkRecord,
  urlAbs: string | null,
  urlPdf: string | null
): PaperRecord {
  return stubPaper(link.paperId, link.paperTitle, link.paperArxivId, {
    date: null,
    urlAbs,
    urlPdf,
    stubSource: 'link'
  })
}

/**
 * The stub for a row's paper, or `null` when the row has no paper or resolved to a stored one. Its
 * date, like its tasks, comes from every row citing it (the finalize pass, paperFacts.ts).
 */
export function resultPaperStub(result: ResultRecord): PaperRecord | null {
  if (result.paperId === null || !isResultStubId(result.paperId)) return null
  return stubPaper(result.paperId, result.paperTitle, result.paperArxivId, {
    date: null,
    urlAbs: result.paperUrl,
    urlPdf: null,
    stubSource: 'result'
  })
}

/** A real paper written as a stub: what a link still needs once the papers dump drops it. */
export function demoteToStub(paper: PaperRecord): PaperRecord {
  return stubPaper(paper.id, paper.title, paper.arxivId, {
    date: paper.date,
    urlAbs: paper.urlAbs,
    urlPdf: paper.urlPdf,
    stubSource: isResultStubId(paper.id) ? 'result' : 'link'
  })
}

function preferredPaperId(
  ids: string[] | undefined,
  allowResultStubs: boolean,
  removed: ReadonlySet<string>
): string | null {
  let best: string | null = null
  for (const id of ids ?? []) {
    if (removed.has(id)) continue
    const stub = isResultStubId(id)
    if (stub && !allowResultStubs) continue
    // Stored papers (and link stubs, which carry real ids) win over row stubs; among equals the
    // smallest id, so the answer never depends on the order the index was filled in.
    if (best === null || (isResultStubId(best) && !stub) || (isResultStubId(best) === stub && id < best))
      best = id
  }
  return best
}

/** Papers by arXiv id and by title key, filled from the database or from parsed dumps. */
export class PaperMatchIndex {
  private readonly byArxivId = new Map<string, string[]>()
  private readonly byTitleKey = new Map<string, string[]>()
  private readonly removed = new Set<string>()

  add(paperId: string, arxivId: string | null, titleKey: string | null): void {
    this.removed.delete(paperId)
    if (arxivId) this.addTo(this.byArxivId, arxivId, paperId)
    if (titleKey) this.addTo(this.byTitleKey, titleKey, paperId)
  }

  /** Papers deleted from the table: lookups skip them (their keys are not at hand to unlist them). */
  remove(paperIds: Iterable<string>): void {
    for (const id of paperIds) this.removed.add(id)
  }

  /**
   * The paper for an arXiv id, else for a title; `allowResultStubs: false` looks for a stored
   * paper (or link stub) only, which is what re-pointing a row stub needs.
   */
  resolve(arxivId: string | null, titleKey: string | null, allowResultStubs = true): string | null {
    const byArxiv = arxivId
      ? preferredPaperId(this.byArxivId.get(arxivId), allowResultStubs, this.removed)
      : null
    if (byArxiv !== null) return byArxiv
    return titleKey ? preferredPaperId(this.byTitleKey.get(titleKey), allowResultStubs, this.removed) : null
  }

  private addTo(map: Map<string, string[]>, key: string, paperId: string): void {
    const ids = map.get(key)
    if (!ids) map.set(key, [paperId])
    else if (!ids.includes(paperId)) ids.push(paperId)
  }
}

/** Points a row at the best paper the index knows, keeping its stub id when there is none. */
export function resolveResultPaper(result: ResultRecord, index: PaperMatchIndex): ResultRecord {
  const resolved = index.resolve(result.paperArxivId, paperTitleKey(result.paperTitle))
  return resolved === null || resolved === result.paperId ? result : { ...result, paperId: resolved }
}
