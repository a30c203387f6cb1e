/**
 * Old schema versions exactly as `db.ts` declared them: the stores existing profiles were created
 * with, for the upgrade tests (never edited: a profile made with them exists somewhere).
 */
/** Version 1 exactly as `db.ts` declares it: the schema every existing profile was created with. */
export const SCHEMA_V1 = {
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

/** Version 6's changes over version 1 (versions 3 to 5 folded in). */
export const SCHEMA_V6_CHANGES = {
  papers: 'id, stubSource, citedBy',
  codeLinks: 'id',
  searchIndex: 'key',
  paperListings: 'key'
}

/** Version 6 as one declaration (versions 1–6 folded into their final stores). */
export const SCHEMA_V6 = { ...SCHEMA_V1, ...SCHEMA_V6_CHANGES }
