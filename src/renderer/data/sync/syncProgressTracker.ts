/**
 * Keeps the sync's progress and hands it to the listener at most every `intervalMs` (~4/s by
 * default) plus at every phase change: a progress bar needs no more, and posting one message per
 * record from a Worker would cost more than parsing the record.
 */
import type { DumpKind } from '../../../shared/archive/dumpKinds'
import type {
  ArchiveSyncError,
  ArchiveSyncProgress,
  FileSyncPhase,
  FileSyncProgress,
  SyncPhase
} from '../../../shared/archive/syncProgress'

interface TrackedFile extends FileSyncProgress {
  startedAt: number | null
}

export class SyncProgressTracker {
  private readonly files: TrackedFile[] = []
  private readonly startedAt: number
  private phase: SyncPhase = 'preparing'
  private error: ArchiveSyncError | null = null
  private lastEmitAt = Number.NEGATIVE_INFINITY

  constructor(
    private readonly listener: ((progress: ArchiveSyncProgress) => void) | undefined,
    private readonly intervalMs: number,
    private readonly now: () => number
  ) {
    this.startedAt = now()
  }

  /** Registers a file; returns its handle for the updates below. */
  addFile(name: string, kind: DumpKind | null, bytesTotal: number | null): number {
    this.files.push({
      name,
      kind,
      bytesTotal,
      bytesRead: 0,
      records: 0,
      recordsPerSecond: 0,
      etaSeconds: null,
      phase: 'queued',
      startedAt: null
    })
    return this.files.length - 1
  }

  setPhase(phase: SyncPhase, error: ArchiveSyncError | null = null): void {
    this.phase = phase
    this.error = error
    this.emit(true)
  }

  setFilePhase(file: number, phase: FileSyncPhase): void {
    const tracked = this.files[file]
    if (tracked.startedAt === null && (phase === 'parsing' || phase === 'writing'))
      tracked.startedAt = this.now()
    if (tracked.phase === phase) return
    tracked.phase = phase
    this.emit(true)
  }

  addBytes(file: number, bytes: number): void {
    this.files[file].bytesRead += bytes
  }

  /** Dump bytes not read yet, over the files still to read (for what a sync still has to store). */
  unreadBytes(): number {
    let unread = 0
    for (const file of this.files) {
      if (file.bytesTotal === null || file.phase === 'skipped' || file.phase === 'done') continue
      unread += Math.max(file.bytesTotal - file.bytesRead, 0)
    }
    return unread
  }

  setRecords(file: number, records: number): void {
    this.files[file].records = records
    this.emit(false)
  }

  /** The current state, for the final report. */
  snapshot(): ArchiveSyncProgress {
    const now = this.now()
    return {
      phase: this.phase,
      files: this.files.map((file) => this.rates(file, now)),
      elapsedSeconds: (now - this.startedAt) / 1000,
      error: this.error
    }
  }

  private rates(file: TrackedFile, now: number): FileSyncProgress {
    const { startedAt, ...progress } = file
    const seconds = startedAt === null ? 0 : (now - startedAt) / 1000
    if (seconds <= 0 || progress.phase === 'skipped') return progress
    const bytesPerSecond = progress.bytesRead / seconds
    const remaining =
      progress.bytesTotal === null ? null : Math.max(progress.bytesTotal - progress.bytesRead, 0)
    return {
      ...progress,
      recordsPerSecond: progress.records / seconds,
      etaSeconds:
        remaining === null || bytesPerSecond <= 0 || progress.phase === 'done'
          ? null
          : remaining / bytesPerSecond
    }
  }

  private emit(force: boolean): void {
    if (!this.listener) return
    const now = this.now()
    if (!force && now - this.lastEmitAt < this.intervalMs) return
    this.lastEmitAt = now
    this.listener(this.snapshot())
  }
}
