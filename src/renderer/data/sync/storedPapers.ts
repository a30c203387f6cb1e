/**
 * What a sync keeps in memory about the papers table, read with one pass over it when the sync
 * starts (a fresh database costs nothing; a full one ~1 minute, on a re-sync that imports papers,
 * links or rows) and kept current by the sync's own writes and deletions:
 *
 * - which stored papers (and stubs) have a given arXiv id or title key, what a leaderboard row is
 *   joined by. Held here for one sync instead of as two IndexedDB indexes on the papers table:
 *   those cost the papers import ~40 % of its time at the full archive (890 → 547 s measured
 *   here, 576k papers), while a sync needs them for ~60k rows at most;
 * - what the sync changed, for updating the paper listings at its end (paperListings.ts). When the
 *   stored listings may be stale (a sync before this one did not finish), every stored paper
 *   counts as changed, so the listings are rebuilt from the same pass;
 * - and it tells an observer (the search worker's feed) what the sync writes and deletes.
 */
import type { ArchiveDatabase } from '../db'
import type { PaperRecord } from '../../../shared/archive/entities'
import { PaperListingChanges } from '../../../shared/archive/paperListings'
import { PaperMatchIndex } from '../../../shared/archive/paperResolution'
import type { SyncPaperObserver } from './syncPaperObserver'

export class StoredPapers {
  private observer: SyncPaperObserver | null = null

  private constructor(
    readonly matches: PaperMatchIndex,
    readonly listingChanges: PaperListingChanges,
    /** Whether the listings must be rebuilt rather than updated. */
    readonly rebuildListings: boolean,
    /** False for a sync that neither writes papers nor joins rows to them. */
    readonly tracked: boolean
  ) {}

  static async load(db: ArchiveDatabase, options: { listingsStale: boolean }): Promise<StoredPapers> {
    const stored = new StoredPapers(
      new PaperMatchIndex(),
      new PaperListingChanges(),
      options.listingsStale,
      true
    )
    await db.papers.each((paper) => {
      stored.matches.add(paper.id, paper.arxivId, paper.titleKey)
      if (options.listingsStale) stored.listingChanges.noteWritten([paper])
    })
    return stored
  }

  /** An empty one, for a sync that neither writes papers nor joins rows to them. */
  static none(): StoredPapers {
    return new StoredPapers(new PaperMatchIndex(), new PaperListingChanges(), false, false)
  }

  /** From now on, every paper write and deletion noted here is also handed to `observer`. */
  observe(observer: SyncPaperObserver): void {
    this.observer = observer
  }

  noteWritten(papers: readonly PaperRecord[]): void {
    for (const paper of papers) this.matches.add(paper.id, paper.arxivId, paper.titleKey)
    this.listingChanges.noteWritten(papers)
    if (papers.length > 0) this.observer?.written(papers)
  }

  noteDeleted(paperIds: readonly string[]): void {
    this.matches.remove(paperIds)
    this.listingChanges.noteDeleted(paperIds)
    if (paperIds.length > 0) this.observer?.deleted(paperIds)
  }
}
