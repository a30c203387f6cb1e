/**
 * One dump file read by each of the two consumers, reduced to what they must agree on: the
 * `inspect` CLI (in process, on a temporary file, as `npm run archive -- inspect` reads it) and
 * the app's sync engine (`importArchive` on fake-indexeddb).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runInspect } from '../../../../src/main/cli/inspectCommand'
import type { ArchiveDatabase } from '../../../../src/renderer/data/db'
import { importArchive } from '../../../../src/renderer/data/sync/importArchive'
import type { ArchiveSyncError } from '../../../../src/shared/archive/syncProgress'
import { memorySource } from '../archiveFixtures'

export interface ReaderOutcome {
  accepted: boolean
  /** Records read, when accepted. */
  records: number | null
  error: ArchiveSyncError | null
}

interface InspectReport {
  files: { file: string; records: number; ok: boolean }[]
  errors: ArchiveSyncError[]
}

const scratch = mkdtempSync(join(tmpdir(), 'pwc-fuzz-'))

export function removeScratchFiles(): void {
  rmSync(scratch, { recursive: true, force: true })
}

export async function inspectOutcome(name: string, bytes: Uint8Array): Promise<ReaderOutcome> {
  const path = join(scratch, name)
  writeFileSync(path, bytes)
  const lines: string[] = []
  await runInspect([path], (line) => lines.push(line))
  const report = JSON.parse(lines.join('\n')) as InspectReport
  const file = report.files[0]
  const error = report.errors[0] ?? null
  return { accepted: error === null, records: error === null ? file.records : null, error }
}

/** Imports `bytes` as the file `name` into `db`, delivered `chunkBytes` at a time. */
export async function importOutcome(
  db: ArchiveDatabase,
  name: string,
  bytes: Uint8Array,
  chunkBytes: number
): Promise<ReaderOutcome> {
  const result = await importArchive(db, [memorySource(name, bytes, { chunkBytes })])
  const accepted = result.outcome === 'completed'
  return {
    accepted,
    records: accepted ? result.summary.files[0].records : null,
    error: result.error
  }
}
