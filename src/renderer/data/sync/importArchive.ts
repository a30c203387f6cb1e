/**
 * The archive sync engine: dump files → archive tables. The same code runs in the app's Worker
 * and in Node (tests, with fake-indexeddb), on web streams only.
 *
 * Per file: bytes (gunzipped when they start with 1f 8b) → array splitter → normalizer → chunks
 * of ≤ `chunkSize` entities, each committed with the file's checkpoint in one short transaction.
 * Files go in `DUMP_KINDS_IN_IMPORT_ORDER` (methods, datasets, papers, links, evaluation tables)
 * so rows find their papers at once; what arrives later is joined in the finalize pass.
 *
 * - Resume: a checkpoint says how many records of a file (by its prefix fingerprint) are
 *   committed; the next sync re-parses those records (for their ids) but does not write them again.
 * - Re-sync: a file is skipped as unchanged only when its full content hash (archiveSource.ts)
 *   equals the one recorded when it was last imported; `force` reads it anyway, and unchanged
 *   records are still not written.
 * - Add or replace: by default files add and update records, and nothing is removed. Only for
 *   the kinds in `replaceKinds` (a full snapshot) are the ids they no longer list removed, by the
 *   plan `previewArchiveImport` computes without writing (removalPlan.ts).
 * - Bad input stops the sync with an `ArchiveSyncError` (file, record index, byte offset);
 *   committed chunks stay, and user tables are never part of any transaction here.
 */
import type { ArchiveDatabase } from '../db'
import type {
  ArchiveEntityTable,
  ImportedFileMeta,
  SyncCheckpointMeta
} from '../../../shared/archive/entities'
import {
  openWithFingerprint,
  readContentHash,
  type ArchiveSource,
  type OpenedSource
} from '../../../shared/archive/archiveSource'
import { paperIdOfCodeLink } from '../../../shared/archive/codeLinkIds'
import { resolveResultPaper } from '../../../shared/archive/paperResolution'
import {
  countRemovals,
  planReplaceRemovals,
  type RemovalCounts,
  type ReplaceInput,
  type UserHoldings
} from '../../../shared/archive/removalPlan'
import { toArchiveSyncError } from '../../../shared/archive/dumpErrors'
import { utf8ByteLength } from '../../../shared/byteSize'
import { asStorageFullError } from '../../../shared/storage/storageFull'
import {
  DUMP_KINDS_IN_IMPORT_ORDER,
  detectDumpKind,
  snapshotDateFromFileName,
  type DumpKind
} from '../../../shared/archive/dumpKinds'
import {
  clearEntityBatch,
  takeEntityBatch,
  createEntityBatch,
  entityBatchSize,
  splitEntityBatch,
  type EntityBatch,
  type NormalizationContext
} from '../../../shared/archive/dumpNormalizer'
import { createDumpNormalizer } from '../../../shared/archive/dumpNormalizers'
import { claimEvaluationTaskIds } from '../../../shared/archive/evaluationTaskIds'
import { DumpRecordIngestor } from '../../../shared/archive/dumpRecordIngestor'
import { readDumpRecords } from '../../../shared/archive/dumpRecordReader'
import type {
  ArchiveSyncError,
  ArchiveSyncOutcome,
  ArchiveSyncProgress,
  ArchiveSyncResult,
  FileSyncSummary
} from '../../../shared/archive/syncProgress'
import { unreadRowWarnings, unreadRowsSince } from '../../../shared/archive/unreadRowWarnings'
import { readArchiveHoldings, readUserHoldings } from './archiveHoldings'
import { addTally, createSyncTally, writeEntityChunk } from './entityChunkWriter'
import { finalizeArchive } from './finalizeArchive'
import { loadNormalizationContext } from './normalizationSeed'
import { StageClock } from './stageClock'
import { StoredArchiveIds } from './storedArchiveIds'
import { StoredPapers } from './storedPapers'
import { SyncProgressTracker } from './syncProgressTracker'
import type { SyncPaperObserver } from './syncPaperObserver'
import {
  checkpointKey,
  forgetImportedKind,
  markPaperListingsStale,
  readSyncState,
  recordCompletedSync,
  type StoredSyncState
} from './syncMetaStore'

export interface ImportArchiveOptions {
  signal?: AbortSignal
  /** Called at most every `progressIntervalMs`, and at every phase change. */
  onProgress?: (progress: ArchiveSyncProgress) => void
  progressIntervalMs?: number
  /**
   * Entities per transaction. Throughput hardly depends on it (FACTS.md); smaller chunks mean
   * finer checkpoints and shorter pauses for anything else that uses the database.
   */
  chunkSize?: number
  /** Largest top-level record accepted, in bytes. */
  maxRecordBytes?: number
  /** The archive's date, when the file names do not carry it (`jul-28-...`). */
  snapshotDate?: string | null
  /** Read files even when their content matches the last completed sync ("Re-read"). */
  force?: boolean
  /**
   * Kinds whose files are the whole of that kind (a full snapshot): what the tables hold of it
   * and the files no longer list is removed. Every other kind only adds and updates.
   */
  replaceKinds?: readonly DumpKind[] | 'all'
  /** Clock in milliseconds, for progress rates. */
  now?: () => number
  /** Told every paper the import writes and deletes (not for a preview, which writes none). */
  paperObserver?: SyncPaperObserver
}

const DEFAULT_CHUNK_SIZE = 1000
const DEFAULT_PROGRESS_INTERVAL_MS = 250

class SyncCancelled extends Error {}

class SyncFailed extends Error {
  constructor(readonly report: ArchiveSyncError) {
    super(report.message)
  }
}

interface PlannedFile {
  source: ArchiveSource
  kind: DumpKind
  progressId: number
  summary: FileSyncSummary
}

/** Imports `sources` into `db`; resolves (never rejects) with the outcome and what changed. */
export async function importArchive(
  db: ArchiveDatabase,
  sources: readonly ArchiveSource[],
  options: ImportArchiveOptions = {}
): Promise<ArchiveSyncResult> {
  return new ArchiveImportRun(db, options, false).run(sources)
}

/**
 * Reads `sources` as `importArchive` would, writes nothing, and resolves with the removals the
 * import would carry out in `summary.removals` (for the kinds in `replaceKinds`): the preview the
 * user confirms before a replace. Table change counts stay zero: a preview compares no records.
 */
export async function previewArchiveImport(
  db: ArchiveDatabase,
  sources: readonly ArchiveSource[],
  options: ImportArchiveOptions = {}
): Promise<ArchiveSyncResult> {
  return new ArchiveImportRun(db, options, true).run(sources)
}

class ArchiveImportRun {
  private readonly tally = createSyncTally()
  private readonly progress: SyncProgressTracker
  private readonly clock: StageClock
  private readonly now: () => number
  private readonly startedAt: number
  private readonly chunkSize: number
  private readonly files: PlannedFile[] = []
  private readonly seenIds = new Map<ArchiveEntityTable, Set<string>>()
  private readonly importedKinds = new Map<DumpKind, ImportedFileMeta[]>()
  private stored: StoredArchiveIds | null = null
  private papers: StoredPapers = StoredPapers.none()
  private state: StoredSyncState = { archive: null, checkpoints: new Map(), paperListingsStale: false }
  private context: NormalizationContext | null = null
  private user: UserHoldings = { followedLeaderboards: new Set(), bookmarkedPapers: new Set() }
  /** Papers the read records cite, for a preview (a real import finds them in the tables). */
  private readonly citedByIncoming = new Set<string>()
  private readonly unchangedKinds = new Map<DumpKind, boolean>()
  private removals: RemovalCounts | null = null
  private current: PlannedFile | null = null
  private observer: SyncPaperObserver | null = null
  /** The chunk write in flight, if any (see `flush`). */
  private writing: Promise<SyncFailed | null> = Promise.resolve(null)

  constructor(
    private readonly db: ArchiveDatabase,
    private readonly options: ImportArchiveOptions,
    /** A preview: read and plan, write nothing (no checkpoint, no mark, no snapshot). */
    private readonly dryRun: boolean
  ) {
    this.now = options.now ?? (() => Date.now())
    this.startedAt = this.now()
    this.clock = new StageClock(this.now)
    this.chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK_SIZE)
    this.progress = new SyncProgressTracker(
      options.onProgress,
      options.progressIntervalMs ?? DEFAULT_PROGRESS_INTERVAL_MS,
      this.now
    )
  }

  async run(sources: readonly ArchiveSource[]): Promise<ArchiveSyncResult> {
    try {
      this.progress.setPhase('preparing')
      this.plan(sources)
      this.state = await readSyncState(this.db)
      const kinds = new Set(this.files.map((file) => file.kind))
      this.context = await loadNormalizationContext(this.db, kinds)
      this.stored = await StoredArchiveIds.load(this.db)
      this.user = await readUserHoldings(this.db)
      // Kinds that write papers or join rows to them; methods and datasets alone need neither.
      if ((['papers', 'links', 'evaluation-tables'] as const).some((kind) => kinds.has(kind))) {
        if (!this.dryRun) await markPaperListingsStale(this.db)
        this.papers = await StoredPapers.load(this.db, { listingsStale: this.state.paperListingsStale })
        await this.observeWrites()
      }
      this.progress.setPhase('importing')
      let taskIdsClaimed = false
      for (const kind of DUMP_KINDS_IN_IMPORT_ORDER) {
        const files = this.files.filter((file) => file.kind === kind)
        if (files.length === 0) continue
        if (!taskIdsClaimed && (kind === 'datasets' || kind === 'papers')) {
          taskIdsClaimed = true
          await this.claimEvaluationTaskIds()
        }
        await this.importKind(kind, files)
      }
      this.current = null
      await this.finalize()
      this.endFeed(true)
      return this.finish('completed', null)
    } catch (error) {
      // A write still in flight finishes (or fails) before the outcome is reported.
      await this.writing
      this.endFeed(false)
      if (error instanceof SyncCancelled) return this.finish('cancelled', null)
      const report =
        error instanceof SyncFailed
          ? error.report
          : toArchiveSyncError(this.current?.source.name ?? null, error, {
              recordIndex: null,
              byteOffset: null
            })
      return this.finish('failed', report)
    }
  }

  /**
   * Every sync that was given an observer ends it, also one that wrote no papers (methods or
   * datasets alone): the search worker holds its index updates until the feed ends.
   */
  private endFeed(completed: boolean): void {
    ;(this.observer ?? this.options.paperObserver)?.end(completed)
  }

  /** The observer, if any, from the first paper write on; a preview writes none. */
  private async observeWrites(): Promise<void> {
    const observer = this.options.paperObserver
    if (observer === undefined || this.dryRun) return
    const taskIds = this.requireContext().taskIds
    observer.begin({
      taskName: (id) => taskIds.keyOf(id),
      unfinishedSyncBefore: this.state.paperListingsStale,
      papersBefore: this.requireStored().idsOf('papers').size,
      taskNamesBefore: new Map((await this.db.tasks.toArray()).map((task) => [task.id, task.name]))
    })
    this.papers.observe(observer)
    this.observer = observer
  }

  private plan(sources: readonly ArchiveSource[]): void {
    const names = new Set<string>()
    const planned: PlannedFile[] = []
    for (const source of sources) {
      const kind = source.kind ?? detectDumpKind(source.name)
      if (kind === null) {
        throw this.failure(
          source.name,
          'not a Papers With Code dump name (papers-with-abstracts, links-between-papers-and-code, evaluation-tables, methods, datasets)'
        )
      }
      // Checkpoints are stored per file name.
      if (names.has(source.name)) throw this.failure(source.name, 'the same file name is listed twice')
      names.add(source.name)
      planned.push({
        source,
        kind,
        progressId: -1,
        summary: {
          name: source.name,
          kind,
          fingerprint: null,
          outcome: 'not-reached',
          records: 0,
          recordsSkippedByCheckpoint: 0,
          repeatedLeaderboards: 0,
          unparsedMetricValues: 0,
          warnings: []
        }
      })
    }
    for (const kind of DUMP_KINDS_IN_IMPORT_ORDER) {
      for (const file of planned) {
        if (file.kind !== kind) continue
        file.progressId = this.progress.addFile(file.source.name, kind, file.source.size ?? null)
        this.files.push(file)
      }
    }
  }

  private async importKind(kind: DumpKind, files: PlannedFile[]): Promise<void> {
    if (await this.isUnchanged(kind, files)) {
      for (const file of files) {
        file.summary.outcome = 'unchanged'
        this.progress.setFilePhase(file.progressId, 'skipped')
      }
      return
    }
    const opened: OpenedSource[] = []
    for (const file of files) {
      this.current = file
      opened.push(await this.open(file))
    }
    if (!this.dryRun) await forgetImportedKind(this.db, kind)
    const ingestor = new DumpRecordIngestor(createDumpNormalizer(kind, this.requireContext()))
    for (const [i, file] of files.entries()) {
      await this.importFile(file, opened[i], ingestor, i === files.length - 1)
    }
    for (const [table, ids] of ingestor.seenIds) this.seenIds.set(table, ids)
    const imported: ImportedFileMeta[] = []
    for (const [i, file] of files.entries()) {
      imported.push({
        name: file.source.name,
        kind,
        fingerprint: opened[i].fingerprint,
        // Read to its end above, so this costs nothing (readContentHash only cancels).
        contentHash: await readContentHash(opened[i]),
        records: file.summary.records,
        snapshotDate: snapshotDateFromFileName(file.source.name)
      })
    }
    // An add leaves what earlier files of the kind added: the tables now hold all of them.
    const names = new Set(imported.map((file) => file.name))
    const earlier = this.replaces(kind) ? [] : (this.state.archive?.kinds[kind] ?? [])
    this.importedKinds.set(kind, [...earlier.filter((file) => !names.has(file.name)), ...imported])
  }

  private replaces(kind: DumpKind): boolean {
    const kinds = this.options.replaceKinds ?? []
    return kinds === 'all' || kinds.includes(kind)
  }

  /**
   * Whether importing these files of `kind` again would change nothing, by full content hash. The
   * cheap prefix fingerprint only says whether hashing is worth it: when it matches, the file's
   * raw bytes are hashed (no gunzip, no parse) and compared with the hash recorded when it was
   * imported; a same-size edit past the first 64 KiB is read, not skipped (issue #13).
   */
  private async isUnchanged(kind: DumpKind, files: PlannedFile[]): Promise<boolean> {
    const cached = this.unchangedKinds.get(kind)
    if (cached !== undefined) return cached
    // A replace must match the kind's whole entry; an add, the files imported last (nothing of
    // the kind imported since could have overwritten what they wrote).
    const entry = this.state.archive?.kinds[kind] ?? []
    const previous = this.replaces(kind) ? entry : entry.slice(-files.length)
    let unchanged = !this.options.force && entry.length > 0 && previous.length === files.length
    if (this.replaces(kind)) unchanged &&= entry.length === files.length
    for (const file of files) {
      if (!unchanged) break
      this.current = file
      const opened = await this.open(file)
      const match = previous.find((p) => p.fingerprint === opened.fingerprint && p.contentHash !== undefined)
      if (!opened.identifies || match === undefined) {
        await opened.stream.cancel().catch(() => undefined)
        unchanged = false
        break
      }
      unchanged = (await this.hashOf(file, opened)) === match.contentHash
    }
    this.current = null
    this.unchangedKinds.set(kind, unchanged)
    return unchanged
  }

  private async hashOf(file: PlannedFile, opened: OpenedSource): Promise<string> {
    try {
      return await readContentHash(opened)
    } catch (error) {
      throw new SyncFailed(
        toArchiveSyncError(file.source.name, error, { recordIndex: null, byteOffset: null })
      )
    }
  }

  /**
   * Reads the task names of the evaluation tables this sync will import, so that datasets and
   * papers, imported before them, already get the ids those names will have.
   */
  private async claimEvaluationTaskIds(): Promise<void> {
    const files = this.files.filter((file) => file.kind === 'evaluation-tables')
    if (files.length === 0) return
    // Skipped later too; the ids stored by the sync that imported them are already seeded.
    if (await this.isUnchanged('evaluation-tables', files)) return
    const opened: OpenedSource[] = []
    for (const file of files) opened.push(await this.open(file))
    const registry = this.requireContext().taskIds
    for (const [i, file] of files.entries()) {
      this.current = file
      this.clock.switchTo('reading')
      try {
        for await (const elements of readDumpRecords(opened[i].stream, {
          maxRecordBytes: this.options.maxRecordBytes
        })) {
          this.throwIfAborted()
          for (const element of elements) claimEvaluationTaskIds(element.value, registry)
        }
      } catch (error) {
        if (error instanceof SyncCancelled) throw error
        throw new SyncFailed(
          toArchiveSyncError(file.source.name, error, { recordIndex: null, byteOffset: null })
        )
      }
    }
    this.clock.switchTo(null)
    this.current = null
  }

  private async open(file: PlannedFile): Promise<OpenedSource> {
    this.throwIfAborted()
    try {
      const opened = await openWithFingerprint(file.source)
      file.summary.fingerprint = opened.fingerprint
      return opened
    } catch (error) {
      throw new SyncFailed(
        toArchiveSyncError(file.source.name, error, { recordIndex: null, byteOffset: null })
      )
    }
  }

  private async importFile(
    file: PlannedFile,
    opened: OpenedSource,
    ingestor: DumpRecordIngestor,
    lastOfKind: boolean
  ): Promise<void> {
    this.current = file
    const { summary, progressId } = file
    const stats = ingestor.normalizer.stats
    // A preview reads every record for its ids and writes none: no checkpoint applies.
    const checkpoint =
      opened.identifies && !this.dryRun ? this.state.checkpoints.get(file.source.name) : undefined
    const resumeAt =
      checkpoint?.fingerprint !== opened.fingerprint
        ? 0
        : checkpoint.complete
          ? Number.POSITIVE_INFINITY
          : checkpoint.recordsDone
    const before = { ...stats, unreadRowFields: new Map(stats.unreadRowFields) }
    const pending = createEntityBatch()
    this.progress.setFilePhase(progressId, 'parsing')
    this.clock.switchTo('reading')
    try {
      const batches = readDumpRecords(opened.stream, {
        maxRecordBytes: this.options.maxRecordBytes,
        onRawBytes: (bytes) => this.progress.addBytes(progressId, bytes)
      })
      for await (const elements of batches) {
        for (const element of elements) {
          this.throwIfAborted()
          ingestor.add(element, pending)
          summary.records = element.index + 1
          if (element.index < resumeAt) {
            // Committed by an earlier sync: parsed again only so its ids count as listed.
            clearEntityBatch(pending)
            summary.recordsSkippedByCheckpoint++
          } else if (entityBatchSize(pending) >= this.chunkSize) {
            await this.flush(file, opened, pending, summary.records, false)
          }
        }
        this.progress.setRecords(progressId, summary.records)
      }
      if (lastOfKind) {
        ingestor.finish(pending)
        if (resumeAt === Number.POSITIVE_INFINITY) clearEntityBatch(pending)
      }
    } catch (error) {
      if (error instanceof SyncCancelled || error instanceof SyncFailed) throw error
      throw new SyncFailed(
        toArchiveSyncError(file.source.name, error, { recordIndex: summary.records, byteOffset: null })
      )
    }
    await this.flush(file, opened, pending, summary.records, true)
    this.clock.switchTo(null)
    summary.outcome = summary.recordsSkippedByCheckpoint > 0 ? 'resumed' : 'imported'
    summary.repeatedLeaderboards = stats.repeatedLeaderboards - before.repeatedLeaderboards
    summary.unparsedMetricValues = stats.unparsedMetricValues - before.unparsedMetricValues
    summary.warnings = unreadRowWarnings(
      file.source.name,
      unreadRowsSince(before.unreadRowFields, stats.unreadRowFields),
      stats.resultRowOccurrences - before.resultRowOccurrences
    )
    this.progress.setRecords(progressId, summary.records)
    this.progress.setFilePhase(progressId, 'finalizing')
  }

  /**
   * Hands `pending` (emptied) to the writer, the checkpoint with its last chunk. Chunks commit one
   * after another, but the next records are parsed while one commits: IndexedDB does its work in
   * the browser process, so parsing in this thread meanwhile is nearly free. `complete` waits
   * until everything is committed.
   */
  private async flush(
    file: PlannedFile,
    opened: OpenedSource,
    pending: EntityBatch,
    recordsDone: number,
    complete: boolean
  ): Promise<void> {
    this.throwIfAborted()
    if (this.dryRun) {
      this.noteIncomingCitations(pending)
      clearEntityBatch(pending)
      return
    }
    const checkpoint: SyncCheckpointMeta | null = opened.identifies
      ? {
          key: checkpointKey(file.source.name),
          fileName: file.source.name,
          fingerprint: opened.fingerprint,
          recordsDone,
          complete
        }
      : null
    if (entityBatchSize(pending) > 0 || checkpoint !== null) {
      const batch = takeEntityBatch(pending)
      await this.settleWrites(file)
      // Parsing runs ahead of the writes by one chunk; the observer may hold back both.
      await this.observer?.caughtUp()
      this.writing = this.write(file, batch, checkpoint, recordsDone)
    }
    if (complete) await this.settleWrites(file)
  }

  /** What the records a preview reads would cite, resolved as the chunk writer would resolve them. */
  private noteIncomingCitations(batch: EntityBatch): void {
    for (const link of batch.codeLinks) this.citedByIncoming.add(paperIdOfCodeLink(link.id))
    for (const result of batch.results) {
      const paperId = resolveResultPaper(result, this.papers.matches).paperId
      if (paperId !== null) this.citedByIncoming.add(paperId)
    }
  }

  /** The kinds this run replaces that it read, and the ids their files list. */
  private replaceInput(): ReplaceInput | null {
    const kinds = [...this.importedKinds.keys()].filter((kind) => this.replaces(kind))
    if (kinds.length === 0) return null
    const listed = new Map<ArchiveEntityTable, ReadonlySet<string>>()
    for (const kind of kinds) {
      for (const table of createDumpNormalizer(kind, this.requireContext()).ownedTables) {
        const ids = this.seenIds.get(table)
        if (ids) listed.set(table, ids)
      }
    }
    return { kinds, listed, citedByIncoming: this.citedByIncoming }
  }

  private async planPreview(): Promise<void> {
    this.progress.setPhase('finalizing')
    const replace = this.replaceInput()
    if (replace === null) return
    const stored = this.requireStored()
    const holdings = await readArchiveHoldings(this.db, stored, this.user)
    this.removals = countRemovals(planReplaceRemovals(holdings, this.user, replace))
  }

  /** Waits for the write in flight; throws its failure. */
  private async settleWrites(file: PlannedFile): Promise<void> {
    this.progress.setFilePhase(file.progressId, 'writing')
    const failure = await this.clock.time('writing', () => this.writing)
    this.writing = Promise.resolve(null)
    if (failure) throw failure
    this.progress.setFilePhase(file.progressId, 'parsing')
  }

  /** Writes `batch` in chunk transactions; resolves to the failure rather than rejecting, so a write nobody awaits yet cannot go unhandled. */
  private async write(
    file: PlannedFile,
    batch: EntityBatch,
    checkpoint: SyncCheckpointMeta | null,
    recordsDone: number
  ): Promise<SyncFailed | null> {
    const parts = splitEntityBatch(batch, this.chunkSize)
    for (const [i, part] of parts.entries()) {
      try {
        const tally = await writeEntityChunk(this.db, part, {
          stored: this.requireStored(),
          papers: this.papers,
          checkpoint: i === parts.length - 1 ? checkpoint : null
        })
        addTally(this.tally, tally)
      } catch (error) {
        const bytesNeeded = entityBatchBytes(parts.slice(i)) + this.progress.unreadBytes()
        return new SyncFailed(
          toArchiveSyncError(
            file.source.name,
            asStorageFullError(error, bytesNeeded) ??
              new Error(`the database refused a write: ${describe(error)}`),
            { recordIndex: recordsDone - 1, byteOffset: null }
          )
        )
      }
    }
    return null
  }

  private async finalize(): Promise<void> {
    if (this.dryRun) {
      await this.planPreview()
      return
    }
    this.progress.setPhase('finalizing')
    const citingKinds: DumpKind[] = ['papers', 'links', 'evaluation-tables']
    this.clock.switchTo('finalizing')
    try {
      this.removals = await finalizeArchive(
        this.db,
        {
          replace: this.replaceInput(),
          user: this.user,
          papersOrCitationsChanged: citingKinds.some((kind) => this.importedKinds.has(kind)),
          stored: this.requireStored(),
          papers: this.papers,
          throwIfAborted: () => this.throwIfAborted()
        },
        this.tally
      )
      this.throwIfAborted()
      await recordCompletedSync(this.db, {
        importedKinds: this.importedKinds,
        snapshotDate: this.options.snapshotDate ?? null,
        completedAt: new Date(this.now()).toISOString(),
        changedRecords: this.tally.writes > 0,
        fileNames: this.files.map((file) => file.source.name)
      })
    } catch (error) {
      if (error instanceof SyncCancelled) throw error
      throw new SyncFailed(
        toArchiveSyncError(
          null,
          asStorageFullError(error, null) ?? new Error(`finalizing failed: ${describe(error)}`),
          {
            recordIndex: null,
            byteOffset: null
          }
        )
      )
    }
    this.clock.switchTo(null)
    for (const file of this.files) {
      if (file.summary.outcome !== 'unchanged') this.progress.setFilePhase(file.progressId, 'done')
    }
  }

  private finish(outcome: ArchiveSyncOutcome, error: ArchiveSyncError | null): ArchiveSyncResult {
    if (outcome !== 'completed' && this.current) {
      this.current.summary.outcome = outcome === 'cancelled' ? 'cancelled' : 'failed'
      this.progress.setFilePhase(this.current.progressId, outcome === 'cancelled' ? 'cancelled' : 'error')
    }
    this.progress.setPhase(
      outcome === 'completed' ? 'done' : outcome === 'cancelled' ? 'cancelled' : 'error',
      error
    )
    const durationSeconds = (this.now() - this.startedAt) / 1000
    return {
      outcome,
      error,
      summary: {
        tables: this.tally.tables,
        stubs: this.tally.stubs,
        resultsRepointed: this.tally.resultsRepointed,
        removals: this.removals,
        files: this.files.map((file) => file.summary),
        durationSeconds,
        writtenRecordsPerSecond: durationSeconds > 0 ? this.tally.writes / durationSeconds : 0,
        stageSeconds: this.clock.seconds()
      }
    }
  }

  private failure(file: string, message: string): SyncFailed {
    return new SyncFailed({ file, recordIndex: null, byteOffset: null, message })
  }

  private requireStored(): StoredArchiveIds {
    if (this.stored === null) throw new Error('stored ids used before they were loaded')
    return this.stored
  }

  private requireContext(): NormalizationContext {
    if (this.context === null) throw new Error('normalization context used before it was loaded')
    return this.context
  }

  private throwIfAborted(): void {
    if (this.options.signal?.aborted) throw new SyncCancelled()
  }
}

/**
 * What refused entities would take once stored, roughly: their JSON size. Together with the dump
 * bytes not read yet it is the space a storage-full sync still needs (compressed dumps grow when
 * stored, so it is a lower bound for them).
 */
function entityBatchBytes(batches: readonly EntityBatch[]): number {
  return batches.reduce((sum, batch) => sum + utf8ByteLength(JSON.stringify(batch)), 0)
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}
