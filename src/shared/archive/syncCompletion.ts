/**
 * How far a running sync is, as one percentage for the header and the pages that wait on it.
 * Measured in bytes of the files actually read: a file the engine skips because the tables
 * already hold it costs no time, so counting its bytes as "not yet read" kept a re-sync of one
 * changed file beside four unchanged ones below 20 % all the way to its end.
 */
import type { ArchiveSyncProgress, FileSyncPhase } from './syncProgress'

/** Phases after which a file's bytes are all read, whatever the last byte count reported said. */
const READ_THROUGH: ReadonlySet<FileSyncPhase> = new Set(['finalizing', 'done'])

/**
 * Whole percent (0–100) of the bytes to read that are read; rounded down, so 100 means every
 * byte is in. `null` when it cannot be said truthfully: a file to read has no known size, or
 * every file is skipped (nothing is read at all).
 */
export function syncReadPercent(progress: Pick<ArchiveSyncProgress, 'files'>): number | null {
  let read = 0
  let total = 0
  for (const file of progress.files) {
    if (file.phase === 'skipped') continue
    if (file.bytesTotal === null) return null
    total += file.bytesTotal
    read += READ_THROUGH.has(file.phase) ? file.bytesTotal : Math.min(file.bytesRead, file.bytesTotal)
  }
  if (total === 0) return null
  return Math.floor((read / total) * 100)
}
