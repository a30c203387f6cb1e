import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openArchiveDatabase, type ArchiveDatabase } from '../../../src/renderer/data/db'
import {
  DEFAULT_LIST_ID,
  addTag,
  createList,
  deleteList,
  isBookmarked,
  listsByPaper,
  loadLists,
  moveList,
  readLibrary,
  removeTag,
  restoreLibrary,
  toggleBookmark,
  transferEntry,
  undoDeletion,
  updateEntry
} from '../../../src/renderer/library/libraryActions'
import {
  followBoard,
  loadFollowedBoards,
  markBoardSeen
} from '../../../src/renderer/library/followedLeaderboards'
import { recordSearchRun, saveSearch } from '../../../src/renderer/library/savedSearches'
import { createEntityBatch, createNormalizationContext } from '../../../src/shared/archive/dumpNormalizer'
import type { CodeLinkRecord } from '../../../src/shared/archive/entities'
import { createEvaluationTablesNormalizer } from '../../../src/shared/archive/normalizeEvaluationTables'
import { createBackup } from '../../../src/shared/library/backup'
import { ARXIV_PAPER, PUBLISHER_PAPER, SHARED_DATA, sampleCodeLinks, samplePaper } from './libraryFixtures'

const opened: ArchiveDatabase[] = []
let counter = 0

async function freshDatabase(): Promise<ArchiveDatabase> {
  counter += 1
  const db = openArchiveDatabase(`library-actions-${process.pid}-${counter}`)
  opened.push(db)
  await db.open()
  await db.papers.bulkPut([samplePaper(ARXIV_PAPER), samplePaper(PUBLISHER_PAPER)])
  return db
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

describe('bookmarks and lists', () => {
  it('bookmarks into the default list with a snapshot that carries the code links, and toggles back', async () => {
    const db = await freshDatabase()
    const paper = samplePaper(ARXIV_PAPER)
    const links: CodeLinkRecord[] = sampleCodeLinks()
      .slice(0, 3)
      .map((link, index) => ({
        id: `${paper.id}|${link.repo_url}`,
        paperId: paper.id,
        paperTitle: paper.title,
        paperArxivId: paper.arxivId,
        repoUrl: link.repo_url,
        isOfficial: index === 2,
        framework: link.framework,
        mentionedInPaper: null,
        mentionedInGithub: null
      }))
    await db.codeLinks.bulkPut(links)

    expect(await toggleBookmark(db, paper)).toBe(true)
    expect(await isBookmarked(db, paper.id)).toBe(true)
    const lists = await loadLists(db)
    expect(lists.map((list) => [list.id, list.name])).toEqual([[DEFAULT_LIST_ID, 'Reading list']])
    const entry = await db.listEntries.get([DEFAULT_LIST_ID, paper.id])
    expect(entry).toMatchObject({ status: 'to-read', tags: [], note: '' })
    // The official repository first: it is the one a reader wants once the archive is gone.
    expect(entry?.snapshot.codeUrls[0]).toBe(links[2].repoUrl)
    expect(entry?.snapshot.codeUrls).toHaveLength(new Set(links.map((link) => link.repoUrl)).size)
    expect(entry?.snapshot.paperUrl).toBe(`https://paperswithcode.com/paper/${paper.id}`)

    expect(await toggleBookmark(db, paper)).toBe(false)
    expect(await isBookmarked(db, paper.id)).toBe(false)
  })

  it('copies and moves entries between lists with their status, tags and note', async () => {
    const db = await freshDatabase()
    const paper = samplePaper(PUBLISHER_PAPER)
    await toggleBookmark(db, paper)
    const key: [string, string] = [DEFAULT_LIST_ID, paper.id]
    await updateEntry(db, key, { status: 'reading', note: 'Energy **function**' })
    await addTag(db, key, 'memory')
    await addTag(db, key, ' Memory ')
    await addTag(db, key, 'physics')
    await removeTag(db, key, 'PHYSICS')
    const theory = await createList(db, '  Theory ')

    await transferEntry(db, key, theory, 'copy')
    expect((await listsByPaper(db)).get(paper.id)?.sort()).toEqual([DEFAULT_LIST_ID, theory].sort())
    const copy = await db.listEntries.get([theory, paper.id])
    expect(copy).toMatchObject({ status: 'reading', tags: ['memory'], note: 'Energy **function**' })

    const archive = await createList(db, 'Archive')
    await transferEntry(db, [theory, paper.id], archive, 'move')
    expect((await listsByPaper(db)).get(paper.id)?.sort()).toEqual([DEFAULT_LIST_ID, archive].sort())
    expect((await loadLists(db)).map((list) => list.name)).toEqual(['Reading list', 'Theory', 'Archive'])
  })

  it('reorders lists and undoes a deletion exactly', async () => {
    const db = await freshDatabase()
    await toggleBookmark(db, samplePaper(ARXIV_PAPER))
    const theory = await createList(db, 'Theory')
    const physics = await createList(db, 'Physics')
    await toggleBookmark(db, samplePaper(ARXIV_PAPER), physics)
    await toggleBookmark(db, samplePaper(PUBLISHER_PAPER), physics)
    await moveList(db, physics, -1)
    expect((await loadLists(db)).map((list) => list.id)).toEqual([DEFAULT_LIST_ID, physics, theory])
    await moveList(db, DEFAULT_LIST_ID, -1)
    expect((await loadLists(db)).map((list) => list.order)).toEqual([0, 1, 2])

    const before = await readLibrary(db)
    const deleted = await deleteList(db, physics)
    expect(deleted?.entries).toHaveLength(2)
    expect(await db.listEntries.where('listId').equals(physics).count()).toBe(0)
    expect(await db.readingLists.get(physics)).toBeUndefined()
    await undoDeletion(db, deleted!)
    expect(await readLibrary(db)).toEqual(before)
  })

  it('restores a backup by merge or replace in one go, keeping settings', async () => {
    const db = await freshDatabase()
    await toggleBookmark(db, samplePaper(ARXIV_PAPER))
    const theory = await createList(db, 'Theory')
    await toggleBookmark(db, samplePaper(PUBLISHER_PAPER), theory)
    await db.settings.put({ key: 'theme', value: 'dark' })
    const backup = createBackup(await readLibrary(db), '2025-08-03T12:00:00.000Z')

    await deleteList(db, theory)
    const merged = await restoreLibrary(db, backup, 'merge')
    expect(merged.entries).toMatchObject({ added: 1, unchanged: 1 })
    expect((await loadLists(db)).map((list) => list.name)).toEqual(['Reading list', 'Theory'])

    await createList(db, 'Scratch')
    const replaced = await restoreLibrary(db, backup, 'replace')
    expect(replaced.lists).toMatchObject({ added: 2, removed: 3 })
    expect((await loadLists(db)).map((list) => list.name)).toEqual(['Reading list', 'Theory'])
    expect(await db.listEntries.count()).toBe(2)
    expect(await db.settings.get('theme')).toEqual({ key: 'theme', value: 'dark' })
  })

  it('recreates the default list after a replace with a backup that lacks it', async () => {
    const db = await freshDatabase()
    const theory = await createList(db, 'Theory')
    await toggleBookmark(db, samplePaper(PUBLISHER_PAPER), theory)
    const library = await readLibrary(db)
    const backup = createBackup(
      { ...library, lists: library.lists.filter((list) => list.id === theory) },
      '2025-08-03T12:00:00.000Z'
    )
    await restoreLibrary(db, backup, 'replace')
    expect((await loadLists(db)).map((list) => list.id).sort()).toEqual([DEFAULT_LIST_ID, theory].sort())
  })
})

describe('saved searches', () => {
  it('says which results are new since the previous run', async () => {
    const db = await freshDatabase()
    const search = await saveSearch(db, '', ' supersymmetry higgs ')
    expect(search).toMatchObject({ name: 'supersymmetry higgs', query: 'supersymmetry higgs' })
    expect(await recordSearchRun(db, search.id, [ARXIV_PAPER], '2025-08-01T00:00:00.000Z')).toEqual([])
    expect(
      await recordSearchRun(db, search.id, [ARXIV_PAPER, PUBLISHER_PAPER], '2025-08-02T00:00:00.000Z')
    ).toEqual([PUBLISHER_PAPER])
    expect(await db.savedSearches.get(search.id)).toMatchObject({
      lastRunAt: '2025-08-02T00:00:00.000Z',
      lastResultIds: [ARXIV_PAPER, PUBLISHER_PAPER]
    })
  })
})

describe('followed leaderboards', () => {
  it('reports results added after the follow, and a new state of the art, until marked as seen', async () => {
    // ReCoRD, a real leaderboard PWC scraped from an external tracker, through the real normalizer.
    const normalizer = createEvaluationTablesNormalizer(createNormalizationContext())
    const batch = createEntityBatch()
    const tasks = JSON.parse(readFileSync(resolve(SHARED_DATA, 'sota-extractor_tasks_record.json'), 'utf8'))
    for (const task of tasks as unknown[]) normalizer.add(task, batch)
    normalizer.finish(batch)
    const [board] = batch.leaderboards
    const bestEm = [...batch.results].sort(
      (a, b) => (b.metrics.EM?.value ?? 0) - (a.metrics.EM?.value ?? 0)
    )[0]

    const db = await freshDatabase()
    await db.leaderboards.put(board)
    await db.tasks.bulkPut(batch.tasks)
    // The board as it was before its best row arrived: the user follows it then.
    await db.results.bulkPut(batch.results.filter((result) => result.id !== bestEm.id))
    await followBoard(db, board.id)
    expect((await loadFollowedBoards(db))[0].changes?.newResults).toEqual([])

    await db.results.put(bestEm)
    const [view] = await loadFollowedBoards(db)
    expect(view.choice).toEqual({ metric: 'EM', direction: 'higher-is-better' })
    expect(view.changes?.newResults.map((result) => result.id)).toEqual([bestEm.id])
    expect(view.changes?.newSota?.raw).toBe(bestEm.metrics.EM.raw)

    await markBoardSeen(db, board.id)
    const [seen] = await loadFollowedBoards(db)
    expect(seen.changes?.newResults).toEqual([])
    expect(seen.followed.lastSeenBest).toMatchObject({ metric: 'EM', resultId: bestEm.id })
  })
})
