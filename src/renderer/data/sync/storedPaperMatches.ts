/**
 * Which stored papers (and stubs) have a given arXiv id or title key: what a leaderboard row is
 * joined by. Held in memory for one sync instead of as two IndexedDB indexes on the papers table:
 * those two indexes cost the papers import ~40 % of its time at the full archive (890 → 547 s
 * measured here, 576k papers), while a sync needs them for ~60k rows at most.
 *
 * Read with one pass over the papers table when the sync starts (a fresh database costs nothing;
 * a full one ~1 minute, on a re-sync that imports papers or rows), then kept current by the sync's
 * own writes and deletions.
 */
import type { ArchiveDatabase } from '../db'
import type { PaperRecord } from '../../../shared/archive/entities'
import { PaperMatchIndex } from '../../../shared/archive/paperResolution'

export class StoredPaperMatches {
  private constructor(readonly index: PaperMatchIndex) {}

  static async load(db: ArchiveDatabase): Promise<StoredPaperMatches> {
    const index = new PaperMatchIndex()
    await db.papers.each((paper) => index.add(paper.id, paper.arxivId, paper.titleKey))
    return new StoredPaperMatches(index)
  }

  /** An empty one, for a sync that neither writes papers nor joins rows to them. */
  static none(): StoredPaperMatches {
    return new StoredPaperMatches(new PaperMatchIndex())
  }

  noteWritten(papers: readonly PaperRecord[]): void {
    for (const paper of papers) this.index.add(paper.id, paper.arxivId, paper.titleKey)
  }

  noteDeleted(paperIds: Iterable<string>): void {
    this.index.remove(paperIds)
  }
}
