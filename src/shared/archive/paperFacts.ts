/**
 * A paper's facts, derived once from every source that knows them and stored on the paper record,
 * so the paper page, search, `/papers`, reading-list exports and BibTeX all read the same values.
 *
 * The papers dump knows a paper's own date, tasks, authors and venue; leaderboard rows know the
 * tasks it has results for and, for papers the dump lacks, the date (`paper_date`); an arXiv id,
 * from whichever source gives it, names the abstract and PDF pages. Before this, the paper page
 * merged row facts in on the fly while search and listings read the bare record, so a stub showed
 * a date on its page and "undated" everywhere else.
 *
 * Row facts are added by the sync's finalize pass (`citedPaperFacts.ts`), which records what it
 * added in `rowFacts`: a re-sync compares an incoming dump record with `dumpView` of the stored one,
 * so facts the rows added never make an unchanged paper look changed.
 */
import type { PaperRecord } from './entities'

/** The canonical, version-free abstract page arXiv itself prints in citations. */
export function arxivAbsUrl(arxivId: string): string {
  return `https://arxiv.org/abs/${arxivId}`
}

export function arxivPdfUrl(arxivId: string): string {
  return `https://arxiv.org/pdf/${arxivId}`
}

/** The abstract and PDF links a source gave, else the arXiv pages its arXiv id names. */
export function paperPageLinks(
  arxivId: string | null,
  urlAbs: string | null,
  urlPdf: string | null
): Pick<PaperRecord, 'urlAbs' | 'urlPdf'> {
  return {
    urlAbs: urlAbs ?? (arxivId ? arxivAbsUrl(arxivId) : null),
    urlPdf: urlPdf ?? (arxivId ? arxivPdfUrl(arxivId) : null)
  }
}

/** Where the paper appeared: the dump's `proceeding` ("NeurIPS 2018 12"), else its `conference`. */
export function paperVenue(
  paper: Pick<PaperRecord, 'proceeding'> & Partial<Pick<PaperRecord, 'conference'>>
): string | null {
  return paper.proceeding ?? paper.conference ?? null
}

/** What the leaderboard rows citing one paper say about it. */
export interface RowCitation {
  rows: number
  /** The earliest `paper_date` of the rows, `null` when none gives one. */
  earliestDate: string | null
  /** The tasks of the leaderboards the rows are on. */
  taskIds: Set<string>
  models: Set<string>
  datasets: Set<string>
}

/** One row as a citation of its paper: its own fields and its leaderboard's. */
export interface CitingRow {
  paperDate: string | null
  modelName: string
  /** Its leaderboard's task and dataset name; `null` when the board is not stored. */
  taskId: string | null
  datasetName: string | null
}

/** Row citations per paper id, gathered in one pass over the results. */
export class RowCitations {
  private readonly byPaper = new Map<string, RowCitation>()

  add(paperId: string, row: CitingRow): void {
    let citation = this.byPaper.get(paperId)
    if (citation === undefined) {
      citation = { rows: 0, earliestDate: null, taskIds: new Set(), models: new Set(), datasets: new Set() }
      this.byPaper.set(paperId, citation)
    }
    citation.rows += 1
    if (row.taskId !== null) citation.taskIds.add(row.taskId)
    const model = row.modelName.trim()
    if (model !== '') citation.models.add(model)
    const dataset = row.datasetName?.trim()
    if (dataset) citation.datasets.add(dataset)
    if (row.paperDate !== null && (citation.earliestDate === null || row.paperDate < citation.earliestDate))
      citation.earliestDate = row.paperDate
  }

  get(paperId: string): RowCitation | undefined {
    return this.byPaper.get(paperId)
  }

  paperIds(): IterableIterator<string> {
    return this.byPaper.keys()
  }
}

/** The record as its own source wrote it: without the facts the rows added. */
export function dumpView(paper: PaperRecord): PaperRecord {
  const { rowFacts, citedBy, ...own } = paper
  if (rowFacts === undefined && citedBy === undefined) return paper
  if (rowFacts === undefined) return own
  const added = new Set(rowFacts.addedTaskIds)
  return {
    ...own,
    taskIds: own.taskIds.filter((id) => !added.has(id)),
    date: rowFacts.datedByRows ? null : own.date
  }
}

/**
 * The paper with what its rows say: their tasks after its own, their earliest date when it has
 * none of its own, and their model and dataset names. `citation` undefined (no row cites it any more) takes the row facts away.
 */
export function withRowFacts(paper: PaperRecord, citation: RowCitation | undefined): PaperRecord {
  const own = dumpView(paper)
  if (citation === undefined) return own
  const ownTasks = new Set(own.taskIds)
  const addedTaskIds = [...citation.taskIds].filter((id) => !ownTasks.has(id)).sort()
  const datedByRows = own.date === null && citation.earliestDate !== null
  return {
    ...own,
    taskIds: [...own.taskIds, ...addedTaskIds],
    date: datedByRows ? citation.earliestDate : own.date,
    citedBy: citation.rows,
    rowFacts: { addedTaskIds, datedByRows, models: [...citation.models], datasets: [...citation.datasets] }
  }
}
