/**
 * The search index built from what a sync writes, while it writes (issue #14): the sync worker
 * hands over the documents of the papers it puts and the ids it deletes (importFeedProtocol.ts);
 * they go into the index the worker answers from, so search covers the papers imported so far,
 * and at the end of the sync only what needs the whole archive is brought up to date:
 * - code facts (links are imported after papers): set on the index's columns from the code
 *   listings the finalize pass wrote, with no paper read;
 * - papers indexed under a task name the tasks table no longer gives (a task the evaluation
 *   tables now name, or one a replace removed): re-read by id, these alone;
 * - known-item names: rebuilt from the stored name sources and what the sync wrote;
 * then the index is compacted and stored as after any build.
 *
 * This is exact only when the index the session starts from matched the tables; otherwise
 * (no stored index while papers are stored, an index older than the archive, a sync before this
 * one that stopped after writing papers) `finish` resolves `null` and the caller falls back to
 * the from-scratch build.
 */
import type { ArchiveDatabase } from '../data/db'
import { archiveStamp } from '../data/sync/syncMetaStore'
import { NO_CODE } from '../../shared/search/codeFacts'
import { EntitySearchIndex } from '../../shared/search/entitySearchIndex'
import { documentFingerprint } from '../../shared/search/indexUpdate'
import { KnownItemSources } from '../../shared/search/knownItemNames'
import { PaperSearchIndex, type PaperSearchIndexOptions } from '../../shared/search/paperSearchIndex'
import type { SearchablePaper } from '../../shared/search/searchDocuments'
import {
  forSearchablePapers,
  loadSearchableEntities,
  readCodeFactsFromListings,
  readTaskNames
} from './searchableRecords'
import {
  loadIndexedPaperFacts,
  saveSearchIndex,
  storedSearchStamp,
  type SearchIndexUpdate
} from './searchIndexStore'

/** Segments with at least this share of deleted papers are rewritten when the session ends. */
const COMPACT_DELETED_SHARE = 0.2

/** What the tables held when the sync began, as the sync saw them. */
export interface SessionStart {
  /** A sync before this one stopped after writing papers: the tables hold writes no index saw. */
  unfinishedSyncBefore: boolean
  papersBefore: number
  taskNamesBefore: ReadonlyMap<string, string>
}

interface SessionBase {
  fingerprints: Map<string, number>
  sources: KnownItemSources
  /** Task names when the sync began, to find the ones it changed. */
  taskNames: ReadonlyMap<string, string>
}

export class ImportIndexSession {
  private written = 0
  private touched = false

  private constructor(
    private readonly db: ArchiveDatabase,
    readonly index: PaperSearchIndex,
    /** Whether `index` held what the tables held when the sync began (else: fall back). */
    private readonly base: SessionBase | null,
    private readonly fresh: boolean
  ) {}

  /**
   * Starts from `current`, the index the worker answers from (fully loaded), or from nothing.
   * The sync may have written more by now: what the tables held before it comes from `start`.
   */
  static async open(
    db: ArchiveDatabase,
    current: PaperSearchIndex | null,
    start: SessionStart,
    options: PaperSearchIndexOptions = {}
  ): Promise<ImportIndexSession> {
    const { unfinishedSyncBefore, taskNamesBefore: taskNames } = start
    if (current === null) {
      // Nothing indexed: exact when nothing was stored either (the first import).
      const empty = !unfinishedSyncBefore && start.papersBefore === 0
      const base = empty ? { fingerprints: new Map(), sources: KnownItemSources.empty(), taskNames } : null
      return new ImportIndexSession(db, new PaperSearchIndex(options), base, true)
    }
    const [stamp, stored, facts] = await Promise.all([
      archiveStamp(db),
      storedSearchStamp(db),
      loadIndexedPaperFacts(db)
    ])
    const matchesTables = !unfinishedSyncBefore && stamp !== null && stamp === stored
    return new ImportIndexSession(db, current, matchesTables && facts ? { ...facts, taskNames } : null, false)
  }

  /** The documents of papers the sync just wrote (a paper already indexed is replaced). */
  add(papers: readonly SearchablePaper[]): void {
    for (const paper of papers) {
      this.index.add(paper)
      this.base?.fingerprints.set(paper.id, documentFingerprint(paper))
      this.base?.sources.note(paper)
    }
    this.written += papers.length
    this.touched ||= papers.length > 0
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) {
      this.index.remove(id)
      this.base?.fingerprints.delete(id)
      this.base?.sources.remove(id)
    }
    this.touched ||= ids.length > 0
  }

  /**
   * Brings in what needs the whole archive and stores the index; resolves `null` when the
   * session cannot be exact and the index must be built from the tables instead.
   * `usedTaskNames`: the name the sync gave each task id in the documents it handed over.
   */
  async finish(usedTaskNames: ReadonlyMap<string, string>): Promise<SearchIndexUpdate | null> {
    const stamp = await archiveStamp(this.db)
    const base = this.base
    if (base === null || stamp === null) return null
    const taskNames = await readTaskNames(this.db)
    const renamed = this.papersWithStaleTaskNames(staleTaskNames(base.taskNames, usedTaskNames, taskNames))
    await forSearchablePapers(this.db, renamed, (paper) => {
      this.index.add(paper)
      base.fingerprints.set(paper.id, documentFingerprint(paper))
      base.sources.note(paper)
    })
    const code = await readCodeFactsFromListings(this.db)
    const patched = this.index.applyCodeFacts((id) => code.get(id) ?? NO_CODE)
    if (!this.touched && renamed.length === 0 && patched === 0) {
      const entities = EntitySearchIndex.build(await loadSearchableEntities(this.db))
      return { papers: this.index, entities, stamp, mode: 'streamed', indexed: 0, removed: 0 }
    }
    this.index.compact(COMPACT_DELETED_SHARE)
    this.index.useKnownItems(base.sources.names())
    const entities = EntitySearchIndex.build(await loadSearchableEntities(this.db))
    await saveSearchIndex(
      this.db,
      { papers: this.index, entities, stamp },
      { fingerprints: base.fingerprints, sources: base.sources },
      !this.fresh
    )
    return {
      papers: this.index,
      entities,
      stamp,
      mode: 'streamed',
      indexed: this.written + renamed.length,
      removed: 0
    }
  }

  /** Live papers indexed under one of the task names `stale`, found in the segments' task tables. */
  private papersWithStaleTaskNames(stale: ReadonlySet<string>): string[] {
    if (stale.size === 0) return []
    const ids = new Set<string>()
    for (const { segment } of this.index.segments()) {
      const tags = segment.docsByTag('tasks')
      segment.data.tables.tasks.forEach((name, tag) => {
        if (!stale.has(name)) return
        for (let i = tags.starts[tag]; i < tags.starts[tag + 1]; i += 1) {
          const doc = tags.values[i]
          if (!segment.isDeleted(doc)) ids.add(segment.id(doc))
        }
      })
    }
    return [...ids]
  }
}

/**
 * Task names some document may be indexed under that the tasks table no longer gives: a task's
 * name when the sync began (a paper stored before it has it), or the one the sync named it by
 * (from the evaluation tables it read), where the table it left says otherwise. A task the
 * table does not name is indexed under its id, as a read-back does.
 */
function staleTaskNames(
  before: ReadonlyMap<string, string>,
  used: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>
): Set<string> {
  const stale = new Set<string>()
  for (const names of [before, used]) {
    for (const [id, name] of names) if (name !== (after.get(id) ?? id)) stale.add(name)
  }
  // A task named now that was not before: papers stored earlier carry its id as its name.
  for (const id of after.keys()) if (!before.has(id)) stale.add(id)
  return stale
}
