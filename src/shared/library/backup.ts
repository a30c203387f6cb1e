/**
 * The library backup file: everything the user owns in one JSON document that any tool can read and
 * that outlives this app. It holds only the user's data (lists, entries with their paper
 * snapshots, saved searches, followed leaderboards), never archive data, so it stays small and
 * restores into any archive version.
 *
 * Versioning: `version` rises when a field changes meaning or becomes required; a reader refuses
 * versions newer than it knows instead of dropping fields it does not understand.
 */
import { BackupReader, type BackupProblem, type JsonObject } from './backupValidation'
import { canonicalLibrary } from './libraryRecords'
import {
  READING_STATUSES,
  listEntryKey,
  type FollowedLeaderboard,
  type LibraryContents,
  type ListEntry,
  type ReadingList,
  type SavedSearch,
  type SeenBest
} from './libraryTypes'

export { planRestore, applyRestoreWrites } from './restorePlan'
export type { BackupProblem }

export const BACKUP_FORMAT = 'pwc2-library'
export const BACKUP_VERSION = 1

export interface LibraryBackup extends LibraryContents {
  format: typeof BACKUP_FORMAT
  version: typeof BACKUP_VERSION
  /** ISO timestamp. */
  exportedAt: string
}

/** Thrown by `parseBackup`; `problems` names every bad field found, `message` the first few. */
export class BackupFormatError extends Error {
  readonly problems: BackupProblem[]

  constructor(problems: BackupProblem[]) {
    const shown = problems.slice(0, 5).map((problem) => `${problem.path}: ${problem.message}`)
    const more = problems.length > shown.length ? ` (and ${problems.length - shown.length} more)` : ''
    super(`Not a valid library backup. ${shown.join('; ')}${more}`)
    this.name = 'BackupFormatError'
    this.problems = problems
  }
}

/** A backup of `contents`, in canonical order so two backups of the same library are identical. */
export function createBackup(contents: LibraryContents, exportedAt: string): LibraryBackup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, ...canonicalLibrary(contents) }
}

/** The suggested file name: `pwc2-library-2025-03-14.json`. */
export function backupFileName(exportedAt: string): string {
  return `${BACKUP_FORMAT}-${exportedAt.slice(0, 10)}.json`
}

/**
 * A validated backup from parsed JSON (or from the file's text). Unknown extra fields are dropped;
 * anything missing, mistyped, duplicated or dangling throws a `BackupFormatError` naming the field.
 */
export function parseBackup(json: unknown): LibraryBackup {
  if (typeof json === 'string') {
    try {
      json = JSON.parse(json) as unknown
    } catch (error) {
      throw new BackupFormatError([{ path: '(file)', message: `not JSON: ${(error as Error).message}` }])
    }
  }
  const reader = new BackupReader()
  const root = reader.object(json, '(root)')
  if (root === null) throw new BackupFormatError(reader.problems)
  if (root.format !== BACKUP_FORMAT) {
    reader.report(
      'format',
      `expected ${JSON.stringify(BACKUP_FORMAT)}: this is not a Papers With Code 2 library backup`
    )
    throw new BackupFormatError(reader.problems)
  }
  if (typeof root.version === 'number' && root.version > BACKUP_VERSION) {
    reader.report(
      'version',
      `the backup is format version ${root.version}, made by a newer app; update the app to restore it`
    )
    throw new BackupFormatError(reader.problems)
  }
  if (root.version !== BACKUP_VERSION) reader.report('version', `expected ${BACKUP_VERSION}`)
  const exportedAt = reader.timestamp(root, 'exportedAt', '(root)')
  const lists = readAll(reader, root, 'lists', readList)
  const entries = readAll(reader, root, 'entries', readEntry)
  const savedSearches = readAll(reader, root, 'savedSearches', readSavedSearch)
  const followedLeaderboards = readAll(reader, root, 'followedLeaderboards', readFollowedLeaderboard)
  checkReferences(reader, { lists, entries, savedSearches, followedLeaderboards })
  if (reader.problems.length > 0) throw new BackupFormatError(reader.problems)
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt,
    lists,
    entries,
    savedSearches,
    followedLeaderboards
  }
}

function readAll<T>(
  reader: BackupReader,
  root: JsonObject,
  field: string,
  readOne: (reader: BackupReader, record: JsonObject, path: string) => T
): T[] {
  const records: T[] = []
  reader.array(root[field], field).forEach((value, index) => {
    const path = `${field}[${index}]`
    const record = reader.object(value, path)
    if (record !== null) records.push(readOne(reader, record, path))
  })
  return records
}

function readList(reader: BackupReader, record: JsonObject, path: string): ReadingList {
  return {
    id: reader.string(record, 'id', path, { nonEmpty: true }),
    name: reader.string(record, 'name', path),
    order: reader.finiteNumber(record, 'order', path),
    createdAt: reader.timestamp(record, 'createdAt', path),
    updatedAt: reader.timestamp(record, 'updatedAt', path)
  }
}

function readEntry(reader: BackupReader, record: JsonObject, path: string): ListEntry {
  const snapshotPath = `${path}.snapshot`
  const snapshot = reader.object(record.snapshot, snapshotPath) ?? {}
  return {
    listId: reader.string(record, 'listId', path, { nonEmpty: true }),
    paperId: reader.string(record, 'paperId', path, { nonEmpty: true }),
    addedAt: reader.timestamp(record, 'addedAt', path),
    status: reader.oneOf(record, 'status', path, READING_STATUSES),
    tags: reader.stringArray(record, 'tags', path),
    note: reader.string(record, 'note', path),
    snapshot: {
      title: reader.string(snapshot, 'title', snapshotPath),
      authors: reader.stringArray(snapshot, 'authors', snapshotPath),
      date: reader.isoDayOrNull(snapshot, 'date', snapshotPath),
      arxivId: reader.nullableString(snapshot, 'arxivId', snapshotPath),
      venue: reader.nullableString(snapshot, 'venue', snapshotPath),
      urlAbs: reader.nullableString(snapshot, 'urlAbs', snapshotPath),
      urlPdf: reader.nullableString(snapshot, 'urlPdf', snapshotPath),
      codeUrls: reader.stringArray(snapshot, 'codeUrls', snapshotPath),
      paperUrl: reader.nullableString(snapshot, 'paperUrl', snapshotPath)
    }
  }
}

function readSavedSearch(reader: BackupReader, record: JsonObject, path: string): SavedSearch {
  const search: SavedSearch = {
    id: reader.string(record, 'id', path, { nonEmpty: true }),
    name: reader.string(record, 'name', path),
    query: reader.string(record, 'query', path),
    createdAt: reader.timestamp(record, 'createdAt', path)
  }
  const lastRunAt = reader.optionalTimestamp(record, 'lastRunAt', path)
  if (lastRunAt !== undefined) search.lastRunAt = lastRunAt
  const lastResultIds = reader.optionalStringArray(record, 'lastResultIds', path)
  if (lastResultIds !== undefined) search.lastResultIds = lastResultIds
  return search
}

function readFollowedLeaderboard(
  reader: BackupReader,
  record: JsonObject,
  path: string
): FollowedLeaderboard {
  const followed: FollowedLeaderboard = {
    leaderboardId: reader.string(record, 'leaderboardId', path, { nonEmpty: true }),
    followedAt: reader.timestamp(record, 'followedAt', path),
    lastSeenResultIds: reader.stringArray(record, 'lastSeenResultIds', path)
  }
  if (record.lastSeenBest != null) {
    const bestPath = `${path}.lastSeenBest`
    const best = reader.object(record.lastSeenBest, bestPath)
    if (best !== null) followed.lastSeenBest = readSeenBest(reader, best, bestPath)
  }
  return followed
}

function readSeenBest(reader: BackupReader, record: JsonObject, path: string): SeenBest {
  return {
    resultId: reader.string(record, 'resultId', path),
    metric: reader.string(record, 'metric', path),
    value: reader.finiteNumber(record, 'value', path),
    raw: reader.string(record, 'raw', path)
  }
}

// Duplicates would silently overwrite each other on restore; a dangling list id would hide entries.
function checkReferences(reader: BackupReader, contents: LibraryContents): void {
  const listIds = new Set<string>()
  contents.lists.forEach((list, index) => {
    if (listIds.has(list.id))
      reader.report(`lists[${index}].id`, `duplicate list id ${JSON.stringify(list.id)}`)
    listIds.add(list.id)
  })
  const entryKeys = new Set<string>()
  contents.entries.forEach((entry, index) => {
    if (entry.listId !== '' && !listIds.has(entry.listId)) {
      reader.report(
        `entries[${index}].listId`,
        `no list with id ${JSON.stringify(entry.listId)} in this backup`
      )
    }
    const key = listEntryKey(entry)
    if (entryKeys.has(key)) {
      reader.report(
        `entries[${index}]`,
        `paper ${JSON.stringify(entry.paperId)} appears twice in the same list`
      )
    }
    entryKeys.add(key)
  })
  reportDuplicates(
    reader,
    'savedSearches',
    'id',
    contents.savedSearches.map((search) => search.id)
  )
  reportDuplicates(
    reader,
    'followedLeaderboards',
    'leaderboardId',
    contents.followedLeaderboards.map((followed) => followed.leaderboardId)
  )
}

function reportDuplicates(
  reader: BackupReader,
  field: string,
  idField: string,
  ids: readonly string[]
): void {
  const seen = new Set<string>()
  ids.forEach((id, index) => {
    if (seen.has(id)) reader.report(`${field}[${index}].${idField}`, `duplicate ${JSON.stringify(id)}`)
    seen.add(id)
  })
}
