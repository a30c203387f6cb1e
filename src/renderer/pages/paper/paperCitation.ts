import type { CodeLinkRecord, PaperRecord } from '../../../shared/archive/entities'
import { toBibtex } from '../../../shared/library/bibtex'
import { snapshotFromPaper } from '../../../shared/library/paperSnapshot'

/** The paper's BibTeX entry, made exactly as a reading-list export makes it. */
export function paperBibtex(paper: PaperRecord, codeLinks: readonly CodeLinkRecord[]): string {
  return toBibtex([{ paperId: paper.id, snapshot: snapshotFromPaper(paper, codeLinks) }])
}
