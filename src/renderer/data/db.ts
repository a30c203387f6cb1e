/**
 * The app's one IndexedDB database: the archive tables a sync rewrites, and the user's own
 * tables, which no sync ever writes (a failing or partial sync must leave reading lists intact).
 *
 * Indexes are few on purpose: every index entry costs write time (FACTS.md: each multiEntry
 * index ~20% of the import rate), so only lookups a page or the sync engine makes are indexed.
 * Keep every schema version that has an upgrade step; add a version, never edit a shipped one.
 */
import Dexie, { type DexieOptions, type Table } from 'dexie'
import type {
  CodeLinkRecord,
  DatasetRecord,
  LeaderboardRecord,
  MethodRecord,
  PaperRecord,
  ResultRecord,
  SyncMetaRecord,
  TaskRecord
} from '../../shared/archive/entities'
import type { LongTextChunkRecord, LongTextKey } from '../../shared/archive/longText'
import type { PaperListingPageRecord, PaperListingRecord } from '../../shared/archive/paperListings'
import type {
  FollowedLeaderboard,
  ListEntry,
  PaperSnapshot,
  ReadingList,
  ReadingStatus,
  SavedSearch
} from '../../shared/library/libraryTypes'
import { upgradeListingsToPages } from './paperListingStore'
import { upgradeUserTablesToV2 } from './userTablesUpgrade'
import { applyRowFacts } from './sync/rowFactsPass'
import { LONG_TEXTS_SCHEMA, moveLongTextsOut } from './longTextStore'

export const DEFAULT_ARCHIVE_DATABASE_NAME = 'papers-with-code-2'

export interface SettingRecord {
  key: string
  value: unknown
}

/**
 * The user tables store the library's own types (`src/shared/library/libraryTypes.ts`), the shapes
 * the backup file carries, so a backup restores without translation. The aliases keep this file's
 * `…Record` naming for the tables.
 */
export type ReadingListRecord = ReadingList
export type ListEntryRecord = ListEntry
export type SavedSearchRecord = SavedSearch
export type FollowedLeaderboardRecord = FollowedLeaderboard
export type { PaperSnapshot, ReadingStatus }

/** Tables a sync writes (its records and its bookkeeping in `syncMeta`). */
export const ARCHIVE_TABLES = [
  'papers',
  'codeLinks',
  'tasks',
  'datasets',
  'methods',
  'leaderboards',
  'results',
  'syncMeta',
  'longTexts'
] as const

/** Tables only the user's actions write. */
export const USER_TABLES = [
  'readingLists',
  'listEntries',
  'settings',
  'savedSearches',
  'followedLeaderboards'
] as const

/** Tables derived from the archive that any worker may rebuild (never user data, never a sync's). */
export const DERIVED_TABLES = ['searchIndex', 'paperListings', 'paperListingPages'] as const

export type ArchiveTableName = (typeof ARCHIVE_TABLES)[number]
export type UserTableName = (typeof USER_TABLES)[number]

const SCHEMA_V1: Record<Exclude<ArchiveTableName, 'longTexts'> | UserTableName, string> = {
  // `stubSource` exists on stub papers only, so its index lists the stubs and costs real papers nothing.
  papers: 'id, arxivId, titleKey, date, *taskIds, stubSource',
  codeLinks: 'id, paperId',
  tasks: 'id, parentId, *areas',
  datasets: 'id, name, *taskIds',
  methods: 'id, name',
  leaderboards: 'id, taskId, datasetSlug',
  results: 'id, leaderboardId, paperId',
  syncMeta: 'key',
  readingLists: 'id, name, order',
  listEntries: '[listId+paperId], listId, paperId, addedAt, status, *tags',
  settings: 'key',
  savedSearches: 'id, name',
  followedLeaderboards: 'leaderboardId'
}

/** One stored piece of the persisted search index (`manifest`, `entities`, or a chunk key). */
export interface SearchIndexChunkRecord {
  key: string
  data: Uint8Array | string
}

export class ArchiveDatabase extends Dexie {
  // `declare`, not fields: a class field would be initialised to undefined after Dexie's
  // constructor and hide the table Dexie defines on the instance.
  declare readonly papers: Table<PaperRecord, string>
  declare readonly codeLinks: Table<CodeLinkRecord, string>
  declare readonly tasks: Table<TaskRecord, string>
  declare readonly datasets: Table<DatasetRecord, string>
  declare readonly methods: Table<MethodRecord, string>
  declare readonly leaderboards: Table<LeaderboardRecord, string>
  declare readonly results: Table<ResultRecord, string>
  declare readonly syncMeta: Table<SyncMetaRecord, string>
  declare readonly readingLists: Table<ReadingListRecord, string>
  declare readonly listEntries: Table<ListEntryRecord, [string, string]>
  declare readonly settings: Table<SettingRecord, string>
  declare readonly savedSearches: Table<SavedSearchRecord, string>
  declare readonly searchIndex: Table<SearchIndexChunkRecord, string>
  declare readonly paperListings: Table<PaperListingRecord, string>
  declare readonly paperListingPages: Table<PaperListingPageRecord, [string, number]>
  declare readonly followedLeaderboards: Table<FollowedLeaderboardRecord, string>
  declare readonly longTexts: Table<LongTextChunkRecord, LongTextKey>

  constructor(name: string = DEFAULT_ARCHIVE_DATABASE_NAME, options?: DexieOptions) {
    super(name, options)
    this.version(1).stores(SCHEMA_V1)
    // No index changes (an empty declaration keeps every table as it is): the user tables' version 1
    // rows are brought to the library types, see userTablesUpgrade.ts.
    this.version(2).stores({}).upgrade(upgradeUserTablesToV2)
    // The search index is derived data: the search worker writes it after a sync, and can
    // always rebuild it, so it is neither archive nor user data.
    this.version(3).stores({ searchIndex: 'key' })
    // The arXiv-id and title-key indexes served only the sync's joins of rows to papers, which
    // now happen in memory (storedPaperMatches.ts); they cost the papers import ~40 % of its time.
    this.version(4).stores({ papers: 'id, date, *taskIds, stubSource' })
    // The date and task indexes gave way to listings written once per sync (paperListings.ts):
    // their ~3.5 entries per paper were most of the papers import's remaining IndexedDB cost.
    // A paper's code links are a range of their ids (codeLinkIds.ts), so `paperId` goes too.
    // The listings these two versions built are built by version 7's upgrade, in its shape (the
    // code that wrote this shape is gone); version 6 clears those its row facts made stale.
    this.version(5).stores({ papers: 'id, stubSource', codeLinks: 'id', paperListings: 'key' })
    // Row facts (paperFacts.ts): papers take their leaderboards' tasks and, lacking a date, their
    // rows' date, so every page reads the same facts; `citedBy` lists the papers rows cite.
    this.version(6)
      .stores({ papers: 'id, stubSource, citedBy' })
      .upgrade(async (tx) => {
        const written = await applyRowFacts({
          papers: tx.table('papers'),
          results: tx.table('results'),
          leaderboards: tx.table('leaderboards')
        })
        if (written > 0) await tx.table('paperListings').clear()
      })
    // Strings over 64 K characters move to their own table in chunks (longText.ts): reading a
    // record with a 20 MB description blocked the UI thread for up to ~440 ms (issue #13).
    this.version(7).stores({ longTexts: LONG_TEXTS_SCHEMA }).upgrade(moveLongTextsOut)
    // Listings in pages with a small head (paperListings.ts): `/papers` read the archive's whole
    // listing (~15 MB at full scale) on each visit, where a screenful needs one page of it.
    this.version(8)
      .stores({ paperListingPages: '[key+page]' })
      .upgrade((tx) =>
        upgradeListingsToPages(tx.table('papers'), {
          listings: tx.table('paperListings'),
          pages: tx.table('paperListingPages'),
          links: tx.table('codeLinks')
        })
      )
  }
}

/** A new connection to the archive database (no shared instance: a Worker and a page each open one). */
export function openArchiveDatabase(
  name: string = DEFAULT_ARCHIVE_DATABASE_NAME,
  options?: DexieOptions
): ArchiveDatabase {
  return new ArchiveDatabase(name, options)
}
