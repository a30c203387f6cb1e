/**
 * Errors raised while reading a dump. Each carries the position the user needs to look at the
 * bytes themselves; `toArchiveSyncError` turns any of them into the engine's plain-data report.
 */
import { StorageFullError } from '../storage/storageFull'
import type { ArchiveSyncError } from './syncProgress'

export type DumpFormatProblem =
  | 'empty-input'
  | 'not-an-array'
  | 'invalid-json'
  | 'truncated'
  | 'record-too-large'
  | 'trailing-data'
  | 'corrupt-compression'

/** The bytes are not one well-formed top-level JSON array. */
export class DumpFormatError extends Error {
  override readonly name = 'DumpFormatError'

  constructor(
    readonly problem: DumpFormatProblem,
    message: string,
    /** 0-based index of the record being read, `null` when the failure is outside any record. */
    readonly recordIndex: number | null,
    /** Offset in the uncompressed bytes. */
    readonly byteOffset: number
  ) {
    super(message)
  }
}

/** A well-formed record that is not what its dump kind holds (a method in a papers file). */
export class RecordShapeError extends Error {
  override readonly name = 'RecordShapeError'
}

/** Two records of one file claim the same id: the later would silently replace the earlier. */
export class DuplicateRecordIdError extends Error {
  override readonly name = 'DuplicateRecordIdError'

  constructor(
    readonly table: string,
    readonly id: string
  ) {
    super(`duplicate ${table} id "${id}": an earlier record of this file has the same id`)
  }
}

/** A record that could not be turned into entities, at its position in the file. */
export class RecordError extends Error {
  override readonly name = 'RecordError'

  constructor(
    readonly recordIndex: number | null,
    readonly byteOffset: number | null,
    readonly reason: unknown
  ) {
    const detail = reason instanceof Error ? reason.message : String(reason)
    super(recordIndex === null ? detail : `record ${recordIndex}: ${detail}`)
  }
}

export interface RecordPosition {
  recordIndex: number | null
  byteOffset: number | null
}

/** The engine's report for `error`, at `position` unless the error knows its own. */
export function toArchiveSyncError(
  file: string | null,
  error: unknown,
  position: RecordPosition
): ArchiveSyncError {
  if (error instanceof DumpFormatError || error instanceof RecordError) {
    return { file, recordIndex: error.recordIndex, byteOffset: error.byteOffset, message: error.message }
  }
  if (error instanceof StorageFullError) {
    return { ...position, file, message: error.message, storageFull: { bytesNeeded: error.bytesNeeded } }
  }
  const detail = error instanceof Error ? error.message : String(error)
  const where = position.recordIndex === null ? '' : `record ${position.recordIndex}: `
  return {
    file,
    recordIndex: position.recordIndex,
    byteOffset: position.byteOffset,
    message: `${where}${detail}`
  }
}
