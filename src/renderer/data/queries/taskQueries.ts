import type {
  LeaderboardRecord,
  PaperRecord,
  ResultRecord,
  TaskRecord
} from '../../../shared/archive/entities'
import { pwcSlug } from '../../../shared/archive/slug'
import { taskListingKey } from '../../../shared/archive/paperListings'
import type { ArchiveDatabase } from '../db'
import { archiveStamp } from '../sync/syncMetaStore'
import { newestPapers } from './paperListQueries'
import { bestResult, primaryMetric } from './leaderboardBest'

export interface AreaSummary {
  name: string
  slug: string
  /** Root tasks of the area, largest (most leaderboards) first. */
  tasks: { task: TaskRecord; leaderboards: number }[]
}

export interface SotaHomeData {
  notable: { board: LeaderboardRecord; task: TaskRecord | null }[]
  areas: AreaSummary[]
  totalBoards: number
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1)
  return counts
}

/** Leaderboards counted under a task include those of its subtasks, as the old site's area pages did. */
function boardsPerTaskWithDescendants(
  tasks: readonly TaskRecord[],
  boards: readonly LeaderboardRecord[]
): Map<string, number> {
  const direct = countBy(boards, (b) => b.taskId)
  const children = new Map<string, string[]>()
  for (const task of tasks) {
    if (task.parentId) children.set(task.parentId, [...(children.get(task.parentId) ?? []), task.id])
  }
  const total = new Map<string, number>()
  const visit = (id: string, seen: Set<string>): number => {
    if (total.has(id)) return total.get(id) as number
    if (seen.has(id)) return 0
    seen.add(id)
    let sum = direct.get(id) ?? 0
    for (const child of children.get(id) ?? []) sum += visit(child, seen)
    total.set(id, sum)
    return sum
  }
  for (const task of tasks) visit(task.id, new Set())
  return total
}

export async function loadSotaHome(db: ArchiveDatabase, notableCount = 12): Promise<SotaHomeData> {
  const [boards, tasks] = await Promise.all([db.leaderboards.toArray(), db.tasks.toArray()])
  const taskById = new Map(tasks.map((t) => [t.id, t]))
  const notable = [...boards]
    .sort((a, b) => b.resultCount - a.resultCount || a.id.localeCompare(b.id))
    .slice(0, notableCount)
    .map((board) => ({ board, task: taskById.get(board.taskId) ?? null }))
  const perTask = boardsPerTaskWithDescendants(tasks, boards)
  const byArea = new Map<string, AreaSummary>()
  for (const task of tasks) {
    if (task.parentId !== null) continue
    for (const area of task.areas.length > 0 ? task.areas : ['Other']) {
      const summary = byArea.get(area) ?? { name: area, slug: pwcSlug(area), tasks: [] }
      summary.tasks.push({ task, leaderboards: perTask.get(task.id) ?? 0 })
      byArea.set(area, summary)
    }
  }
  const areas = [...byArea.values()]
    .map((a) => ({
      ...a,
      tasks: a.tasks.sort((x, y) => y.leaderboards - x.leaderboards || x.task.name.localeCompare(y.task.name))
    }))
    .sort((a, b) => b.tasks.length - a.tasks.length)
  return { notable, areas, totalBoards: boards.length }
}

export async function loadArea(db: ArchiveDatabase, slug: string): Promise<AreaSummary | null> {
  const home = await loadSotaHome(db, 0)
  return home.areas.find((a) => a.slug === slug) ?? null
}

export interface BoardSummary {
  board: LeaderboardRecord
  metric: string | null
  best: ResultRecord | null
}

export interface TaskPageData {
  task: TaskRecord
  parent: TaskRecord | null
  subtasks: TaskRecord[]
  boards: BoardSummary[]
  papers: PaperRecord[]
}

export async function summarizeBoards(
  db: ArchiveDatabase,
  boards: readonly LeaderboardRecord[]
): Promise<BoardSummary[]> {
  return Promise.all(
    [...boards]
      .sort((a, b) => b.resultCount - a.resultCount)
      .map(async (board) => {
        const metric = primaryMetric(board)
        const results = metric ? await db.results.where('leaderboardId').equals(board.id).toArray() : []
        return { board, metric, best: metric ? bestResult(results, metric) : null }
      })
  )
}

export async function loadTaskPage(db: ArchiveDatabase, id: string): Promise<TaskPageData | null> {
  const task = await db.tasks.get(id)
  if (!task) return null
  const [parent, subtasks, boards, papers] = await Promise.all([
    task.parentId ? db.tasks.get(task.parentId) : undefined,
    db.tasks.where('parentId').equals(id).sortBy('name'),
    db.leaderboards.where('taskId').equals(id).toArray(),
    newestPapers(db, taskListingKey(id), 50)
  ])
  return {
    task,
    parent: parent ?? null,
    subtasks,
    boards: await summarizeBoards(db, boards),
    papers
  }
}

export interface TaskName {
  id: string
  name: string
}

const nameOrder = new Intl.Collator('en').compare
const taskNamesCache = new WeakMap<ArchiveDatabase, { version: string; names: TaskName[] }>()

/**
 * Every task's name, by name, for the `/papers` task filter. Reading all ~4.5k task records (with
 * their descriptions) and sorting them cost every visit of `/papers` tens of ms on the UI thread;
 * the list is kept until a sync changes the archive or the number of tasks.
 */
export async function loadTaskNames(db: ArchiveDatabase): Promise<TaskName[]> {
  const [stamp, count] = await Promise.all([archiveStamp(db), db.tasks.count()])
  const version = `${stamp}|${count}`
  const cached = taskNamesCache.get(db)
  if (cached?.version === version) return cached.names
  const names = (await db.tasks.toArray()).map(({ id, name }) => ({ id, name }))
  names.sort((a, b) => nameOrder(a.name, b.name))
  taskNamesCache.set(db, { version, names })
  return names
}
