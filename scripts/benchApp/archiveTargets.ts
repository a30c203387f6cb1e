/**
 * Which pages the benchmark opens: random papers, random tasks and the one with the most
 * leaderboards, the largest leaderboards. Read in the page straight from the app's IndexedDB
 * (tooling only; the app's own queries are what the steps then time).
 */
import type { Page } from '@playwright/test'

/** A page to open and the text that shows it is this page, not the one before it. */
export interface PageTarget {
  id: string
  /** A paper's title, a task's name, a leaderboard's dataset name. */
  name: string
  /** Leaderboards: their result count. */
  resultCount?: number
}

export interface ArchiveTargets {
  papers: PageTarget[]
  tasks: PageTarget[]
  largestTask: PageTarget
  /** Largest first. */
  largestLeaderboards: PageTarget[]
}

// Plain JavaScript run in the page (the scripts' TypeScript config has no DOM types).
const PICK_TARGETS = `async ({ counts, seed, dbName }) => {
  // Mulberry32: the same archive gives the same picks run after run.
  let state = seed >>> 0
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open(dbName)
    open.onsuccess = () => resolve(open.result)
    open.onerror = () => reject(open.error)
  })
  const request = (storeName, make) => new Promise((resolve, reject) => {
    const r = make(db.transaction(storeName).objectStore(storeName))
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
  const paperKeys = await request('papers', (s) => s.getAllKeys())
  const papers = []
  for (let tries = 0; papers.length < counts.papers && tries < counts.papers * 20; tries++) {
    const id = paperKeys[Math.floor(random() * paperKeys.length)]
    const paper = await request('papers', (s) => s.get(id))
    // Stubs (known only from a leaderboard or a code link) are not what a reader opens.
    if (paper && !paper.stubSource && !papers.some((p) => p.id === id)) papers.push({ id, name: paper.title })
  }
  const task = async (id) => ({ id, name: ((await request('tasks', (s) => s.get(id))) || { name: id }).name })
  const boards = await request('leaderboards', (s) => s.getAll())
  const perTask = new Map()
  for (const board of boards) perTask.set(board.taskId, (perTask.get(board.taskId) || 0) + 1)
  const tasks = [...perTask.keys()]
  const taskIds = []
  while (taskIds.length < Math.min(counts.tasks, tasks.length)) {
    const id = tasks[Math.floor(random() * tasks.length)]
    if (!taskIds.includes(id)) taskIds.push(id)
  }
  const taskTargets = []
  for (const id of taskIds) taskTargets.push(await task(id))
  const largestTask = await task(([...perTask].sort((a, b) => b[1] - a[1])[0] || [''])[0])
  const largestLeaderboards = [...boards]
    .sort((a, b) => b.resultCount - a.resultCount)
    .slice(0, counts.leaderboards)
    .map((b) => ({ id: b.id, name: b.datasetName.trim(), resultCount: b.resultCount }))
  db.close()
  return { papers, tasks: taskTargets, largestTask, largestLeaderboards }
}`

/** `DEFAULT_ARCHIVE_DATABASE_NAME` of src/renderer/data/db.ts (not importable here: it needs the DOM). */
const DATABASE_NAME = 'papers-with-code-2'

export async function pickArchiveTargets(
  page: Page,
  counts: { papers: number; tasks: number; leaderboards: number },
  seed = 14
): Promise<ArchiveTargets> {
  const args = JSON.stringify({ counts, seed, dbName: DATABASE_NAME })
  return (await page.evaluate(`(${PICK_TARGETS})(${args})`)) as ArchiveTargets
}
