import type { CodeLinkRecord, PaperRecord } from '../archive/entities'
import { toBibtex } from './bibtex'
import { snapshotFromPaper } from './paperSnapshot'

/** The paper's BibTeX entry, made exactly as a reading-list export makes it. */
export function paperBibtex(paper: PaperRecord, codeLinks: readonly CodeLinkRecord[]): string {
  return toBibtex([{ paperId: paper.id, snapshot: snapshotFromPaper(paper, codeLinks) }])
}
