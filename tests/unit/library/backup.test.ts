import { describe, expect, it } from 'vitest'
import {
  BackupFormatError,
  applyRestoreWrites,
  backupFileName,
  createBackup,
  parseBackup,
  planRestore,
  type LibraryBackup
} from '../../../src/shared/library/backup'
import { canonicalLibrary } from '../../../src/shared/library/libraryRecords'
import { listEntryKey, type LibraryContents } from '../../../src/shared/library/libraryTypes'
import {
  ARXIV_PAPER,
  NON_ASCII_PAPER,
  PUBLISHER_PAPER,
  VENUE_ARXIV_ID,
  entryFor,
  readingList,
  samplePaper,
  samplePapers,
  venuePaper
} from './libraryFixtures'

const EMPTY: LibraryContents = { lists: [], entries: [], savedSearches: [], followedLeaderboards: [] }
const EXPORTED_AT = '2025-08-03T12:00:00.000Z'

/** The library on the machine that made the backup. */
function laptopLibrary(): LibraryContents {
  const venue = venuePaper(VENUE_ARXIV_ID)
  const papers = samplePapers()
  return {
    lists: [readingList('reading-list', 'Reading list', 0), readingList('theory-laptop', 'Theory', 1)],
    entries: [
      entryFor(venue.paper, 'reading-list', { status: 'read', tags: ['transformers'] }, venue.codeLinks),
      entryFor(samplePaper(ARXIV_PAPER), 'reading-list', {
        addedAt: '2025-07-01T10:00:00.000Z',
        status: 'reading',
        tags: ['SUSY', 'higgs'],
        note: 'Section 3 has the R-parity signatures.'
      }),
      entryFor(samplePaper(NON_ASCII_PAPER), 'theory-laptop', {
        note: 'Check the **Ortiz‐Monasterio** data.'
      }),
      ...papers
        .slice(10, 16)
        .map((paper, i) =>
          entryFor(paper, 'theory-laptop', { addedAt: `2025-07-1${i}T08:00:00.000Z`, tags: ['physics'] })
        )
    ],
    savedSearches: [
      {
        id: 'search-gan',
        name: 'GANs',
        query: 'generative adversarial',
        createdAt: '2025-07-02T09:00:00.000Z',
        lastRunAt: '2025-08-02T09:00:00.000Z',
        lastResultIds: ['generative-adversarial-networks']
      },
      {
        id: 'search-qc',
        name: 'Quantum',
        query: 'quantum error correction',
        createdAt: '2025-07-03T09:00:00.000Z'
      }
    ],
    followedLeaderboards: [
      {
        leaderboardId: 'image-classification-on-imagenet',
        followedAt: '2025-07-05T09:00:00.000Z',
        lastSeenResultIds: ['image-classification-on-imagenet/a', 'image-classification-on-imagenet/b'],
        lastSeenBest: {
          resultId: 'image-classification-on-imagenet/b',
          metric: 'Top 1 Accuracy',
          value: 88.5,
          raw: '88.5%'
        }
      }
    ]
  }
}

/** The library on the machine the backup is restored on. */
function desktopLibrary(): LibraryContents {
  return {
    lists: [readingList('reading-list', 'Reading list', 0), readingList('theory-desktop', 'theory ', 1)],
    entries: [
      entryFor(samplePaper(ARXIV_PAPER), 'reading-list', {
        addedAt: '2025-07-20T10:00:00.000Z',
        status: 'to-read',
        tags: ['susy', 'colliders'],
        note: 'Desktop: compare with the LHC numbers.'
      }),
      entryFor(samplePaper(PUBLISHER_PAPER), 'reading-list', { note: 'Classic.' }),
      entryFor(samplePaper(PUBLISHER_PAPER), 'theory-desktop')
    ],
    savedSearches: [
      {
        id: 'search-gan',
        name: 'GANs',
        query: 'generative adversarial',
        createdAt: '2025-07-02T09:00:00.000Z'
      },
      {
        id: 'search-qc-desktop',
        name: 'quantum',
        query: 'quantum error correction',
        createdAt: '2025-07-04T09:00:00.000Z'
      }
    ],
    followedLeaderboards: [
      {
        leaderboardId: 'image-classification-on-imagenet',
        followedAt: '2025-07-06T09:00:00.000Z',
        lastSeenResultIds: ['image-classification-on-imagenet/a', 'image-classification-on-imagenet/c'],
        lastSeenBest: {
          resultId: 'image-classification-on-imagenet/c',
          metric: 'Top 1 Accuracy',
          value: 88.1,
          raw: '88.1'
        }
      },
      {
        leaderboardId: 'language-modelling-on-penn-treebank-word',
        followedAt: '2025-07-07T09:00:00.000Z',
        lastSeenResultIds: []
      }
    ]
  }
}

function backupOf(contents: LibraryContents): LibraryBackup {
  return parseBackup(JSON.parse(JSON.stringify(createBackup(contents, EXPORTED_AT))) as unknown)
}

describe('library backup', () => {
  it('survives JSON and validation unchanged', () => {
    const backup = createBackup(laptopLibrary(), EXPORTED_AT)
    expect(backup.format).toBe('pwc2-library')
    expect(backup.version).toBe(1)
    expect(parseBackup(JSON.stringify(backup))).toEqual(backup)
    expect(backupFileName(EXPORTED_AT)).toBe('pwc2-library-2025-08-03.json')
  })

  it('restores into an empty library exactly, in replace and in merge mode', () => {
    const original = laptopLibrary()
    const backup = backupOf(original)
    for (const mode of ['replace', 'merge'] as const) {
      const plan = planRestore(EMPTY, backup, mode)
      const restored = applyRestoreWrites(EMPTY, plan.writes)
      expect(restored).toEqual(canonicalLibrary(original))
      expect(createBackup(restored, EXPORTED_AT)).toEqual(backup)
      expect(plan.report.entries.added).toBe(original.entries.length)
    }
  })

  it('replaces the whole library and says what goes', () => {
    const plan = planRestore(desktopLibrary(), backupOf(laptopLibrary()), 'replace')
    expect(plan.writes.clearExisting).toBe(true)
    expect(plan.report.lists).toEqual({ added: 2, updated: 0, unchanged: 0, removed: 2 })
    expect(plan.report.entries).toEqual({ added: 9, updated: 0, unchanged: 0, removed: 3 })
    expect(plan.report.summary).toEqual([
      'The current library is replaced by the backup of 2025-08-03T12:00:00.000Z.',
      'Removed: 2 lists, 3 papers in lists, 2 saved searches, 2 followed leaderboards.',
      'Restored: 2 lists, 9 papers in lists, 2 saved searches, 1 followed leaderboard.'
    ])
  })

  it('merges into a full library, reports every decision and loses nothing', () => {
    const current = desktopLibrary()
    const backup = backupOf(laptopLibrary())
    const plan = planRestore(current, backup, 'merge')
    const merged = applyRestoreWrites(current, plan.writes)
    const { report } = plan

    expect(plan.writes.clearExisting).toBe(false)
    expect(report.listsAdded).toEqual(['Theory (restored)'])
    expect(report.listsRenamed).toEqual([{ from: 'Theory', to: 'Theory (restored)' }])
    expect(report.lists).toEqual({ added: 1, updated: 0, unchanged: 1, removed: 0 })
    expect(report.entries).toEqual({ added: 8, updated: 1, unchanged: 0, removed: 0 })
    expect(report).toMatchObject({ tagsMerged: 1, notesCombined: 1, statusesAdvanced: 1 })
    expect(report.savedSearches).toEqual({ added: 0, updated: 1, unchanged: 1, removed: 0 })
    expect(report.followedLeaderboards).toEqual({ added: 0, updated: 1, unchanged: 0, removed: 0 })
    expect(report.summary).toEqual([
      'Lists: 1 list added (“Theory (restored)”), 1 already here.',
      'The backup’s list “Theory” is added as “Theory (restored)”, because a different list already has that name.',
      'Papers in lists: 8 added, 1 updated, 0 unchanged.',
      'Tags merged on 1 entry; reading status moved forward on 1 entry; both versions of the note kept on 1 entry.',
      'Saved searches: 0 added, 1 updated, 1 unchanged.',
      'Followed leaderboards: 0 added, 1 updated, 0 unchanged.',
      'Nothing in the current library is removed or overwritten.'
    ])

    // Every record of both libraries has its place in the result.
    const mergedKeys = new Set(merged.entries.map(listEntryKey))
    for (const entry of [...current.entries, ...backup.entries])
      expect(mergedKeys.has(listEntryKey(entry))).toBe(true)
    expect(merged.lists.map((list) => list.id).sort()).toEqual([
      'reading-list',
      'theory-desktop',
      'theory-laptop'
    ])
    expect(merged.entries).toHaveLength(current.entries.length + 8)

    const higgs = merged.entries.find(
      (entry) => entry.listId === 'reading-list' && entry.paperId === ARXIV_PAPER
    )
    expect(higgs).toMatchObject({
      addedAt: '2025-07-01T10:00:00.000Z',
      status: 'reading',
      tags: ['susy', 'colliders', 'higgs']
    })
    expect(higgs?.note).toBe(
      'Desktop: compare with the LHC numbers.\n\n---\n\n*From the backup of 2025-08-03:*\n\n' +
        'Section 3 has the R-parity signatures.'
    )
    const gan = merged.savedSearches.find((search) => search.id === 'search-gan')
    expect(gan).toMatchObject({
      lastRunAt: '2025-08-02T09:00:00.000Z',
      lastResultIds: ['generative-adversarial-networks']
    })
    expect(merged.savedSearches).toHaveLength(2)
    const imagenet = merged.followedLeaderboards.find(
      (f) => f.leaderboardId === 'image-classification-on-imagenet'
    )
    expect(imagenet).toMatchObject({
      followedAt: '2025-07-05T09:00:00.000Z',
      lastSeenResultIds: [
        'image-classification-on-imagenet/a',
        'image-classification-on-imagenet/c',
        'image-classification-on-imagenet/b'
      ],
      lastSeenBest: { resultId: 'image-classification-on-imagenet/c' }
    })
    // The desktop's own records are untouched.
    for (const entry of current.entries.filter((entry) => entry.paperId !== ARXIV_PAPER)) {
      expect(merged.entries).toContainEqual(entry)
    }
  })

  it('changes nothing when the same backup is merged again', () => {
    const backup = backupOf(laptopLibrary())
    const once = applyRestoreWrites(desktopLibrary(), planRestore(desktopLibrary(), backup, 'merge').writes)
    const again = planRestore(once, backup, 'merge')
    expect(again.writes).toEqual({
      clearExisting: false,
      lists: [],
      entries: [],
      savedSearches: [],
      followedLeaderboards: []
    })
    expect(again.report.entries).toEqual({ added: 0, updated: 0, unchanged: 9, removed: 0 })
  })

  it('adds a saved search whose name is taken under a new name, and says so', () => {
    const search = {
      id: 'desktop-vision',
      name: 'Vision',
      query: 'image classification',
      createdAt: EXPORTED_AT
    }
    const other = { id: 'laptop-vision', name: 'vision', query: 'object detection', createdAt: EXPORTED_AT }
    const current = { ...EMPTY, savedSearches: [search] }
    const plan = planRestore(current, backupOf({ ...EMPTY, savedSearches: [other] }), 'merge')
    expect(plan.writes.savedSearches).toEqual([{ ...other, name: 'vision (restored)' }])
    expect(plan.report.savedSearchesRenamed).toEqual([{ from: 'vision', to: 'vision (restored)' }])
    expect(plan.report.summary).toContain(
      'The backup’s saved search “vision” is added as “vision (restored)”, because another search has that name.'
    )
  })

  it('keeps the longer note when one contains the other', () => {
    const current = laptopLibrary()
    const edited = laptopLibrary()
    const higgs = edited.entries.find((entry) => entry.paperId === ARXIV_PAPER)
    if (!higgs) throw new Error('fixture')
    higgs.note += ' Also Table 2.'
    const plan = planRestore(current, backupOf(edited), 'merge')
    expect(plan.writes.entries.map((entry) => entry.note)).toEqual([
      'Section 3 has the R-parity signatures. Also Table 2.'
    ])
    expect(plan.report.notesCombined).toBe(0)
  })
})

describe('reading a backup file', () => {
  function problemsOf(value: unknown): string[] {
    try {
      parseBackup(value)
    } catch (error) {
      expect(error).toBeInstanceOf(BackupFormatError)
      return (error as BackupFormatError).problems.map((problem) => `${problem.path}: ${problem.message}`)
    }
    throw new Error('parseBackup accepted it')
  }

  function validJson(): Record<string, unknown> & { entries: Record<string, unknown>[] } {
    return JSON.parse(JSON.stringify(createBackup(laptopLibrary(), EXPORTED_AT))) as ReturnType<
      typeof validJson
    >
  }

  it('names the field that is wrong', () => {
    const json = validJson()
    json.entries[1].status = 'done'
    ;(json.entries[2].snapshot as Record<string, unknown>).authors = ['José Crossa', 7]
    delete json.entries[3].addedAt
    expect(problemsOf(json)).toEqual([
      'entries[1].status: expected one of "to-read", "reading", "read", got the string "done"',
      'entries[2].snapshot.authors[1]: expected a string, got number 7',
      'entries[3].addedAt: expected a string, got nothing (the field is missing)'
    ])
    expect(() => parseBackup(json)).toThrow(/entries\[1\]\.status: expected one of/)
  })

  it('refuses other files, newer versions, dangling lists and duplicates', () => {
    expect(problemsOf('{"format": "pwc2-library",')[0]).toMatch(/^\(file\): not JSON/)
    expect(problemsOf([])).toEqual(['(root): expected an object, got an array'])
    expect(problemsOf({ format: 'zotero' })[0]).toMatch(/^format: expected "pwc2-library"/)
    expect(problemsOf({ ...validJson(), version: 2 })[0]).toMatch(/^version: .*newer app/)

    const dangling = validJson()
    dangling.entries[0].listId = 'gone'
    expect(problemsOf(dangling)).toEqual(['entries[0].listId: no list with id "gone" in this backup'])

    const duplicated = validJson()
    duplicated.entries.push({ ...duplicated.entries[0] })
    expect(problemsOf(duplicated)).toEqual([
      `entries[9]: paper "${duplicated.entries[0].paperId as string}" appears twice in the same list`
    ])
  })

  it('drops fields it does not know, so stray data never reaches the tables', () => {
    const json = validJson()
    json.entries[0].scratch = { leaked: true }
    json.extra = 1
    const backup = parseBackup(json)
    expect(backup).toEqual(createBackup(laptopLibrary(), EXPORTED_AT))
    expect('scratch' in backup.entries[0]).toBe(false)
  })
})
