/**
 * Who else learns, as the sync goes, which papers it writes and deletes: the search worker,
 * which indexes them while the sync writes instead of reading every paper back after it
 * (importIndexSession.ts). Every paper write and deletion of a sync goes through `StoredPapers`,
 * which forwards them here.
 */
import type { PaperRecord } from '../../../shared/archive/entities'

export interface SyncStart {
  taskName: (taskId: string) => string | undefined
  unfinishedSyncBefore: boolean
  papersBefore: number
  taskNamesBefore: ReadonlyMap<string, string>
}

export interface SyncPaperObserver {
  /**
   * Before the sync's first paper write. `taskName` names a task id as the tasks table will
   * once the sync ends (the evaluation tables' names are claimed before papers are read).
   * `unfinishedSyncBefore`: a sync before this one stopped after writing papers, so the tables
   * hold writes nobody was told about. `papersBefore` and `taskNamesBefore`: what the tables
   * held when the sync began (the observer may look later, when the sync has written more).
   */
  begin(start: SyncStart): void
  /** Papers (and stubs) just put, in their stored shape; called inside the write's transaction. */
  written(papers: readonly PaperRecord[]): void
  deleted(ids: readonly string[]): void
  /** Resolves once the observer has taken in enough of what it was handed to be handed more. */
  caughtUp(): Promise<void>
  /** After the sync's last write: `completed` when it finished (its finalize pass included). */
  end(completed: boolean): void
}
