import type { DatasetRecord, MethodRecord, PaperRecord, TaskRecord } from '../../../shared/archive/entities'
import { slugFromPwcUrl } from '../../../shared/archive/slug'
import type { ArchiveDatabase } from '../db'
import { summarizeBoards, type BoardSummary } from './taskQueries'

export interface DatasetPageData {
  dataset: DatasetRecord
  tasks: TaskRecord[]
  boards: BoardSummary[]
  /** The task of each board, by task id: a dataset's boards span tasks its own list may not name. */
  boardTasks: Map<string, TaskRecord>
  introducingPaper: PaperRecord | null
}

/** The local paper an archive reference (`{title, url}`) points at, if it is synced. */
async function referencedPaper(
  db: ArchiveDatabase,
  url: string | null | undefined
): Promise<PaperRecord | null> {
  const slug = url ? slugFromPwcUrl(url) : null
  return slug ? ((await db.papers.get(slug)) ?? null) : null
}

export async function loadDatasetPage(db: ArchiveDatabase, id: string): Promise<DatasetPageData | null> {
  const dataset = await db.datasets.get(id)
  if (!dataset) return null
  const [tasks, boards, introducingPaper] = await Promise.all([
    db.tasks.bulkGet(dataset.taskIds),
    db.leaderboards.where('datasetSlug').equals(id).toArray(),
    referencedPaper(db, dataset.paper?.url)
  ])
  const [summaries, boardTasks] = await Promise.all([
    summarizeBoards(db, boards),
    db.tasks.bulkGet([...new Set(boards.map((board) => board.taskId))])
  ])
  return {
    dataset,
    tasks: tasks.filter((t): t is TaskRecord => t !== undefined),
    boards: summaries,
    boardTasks: new Map(
      boardTasks.filter((t): t is TaskRecord => t !== undefined).map((task) => [task.id, task])
    ),
    introducingPaper
  }
}

export interface MethodPageData {
  method: MethodRecord
  introducingPaper: PaperRecord | null
}

export async function loadMethodPage(db: ArchiveDatabase, id: string): Promise<MethodPageData | null> {
  const method = await db.methods.get(id)
  if (!method) return null
  return { method, introducingPaper: await referencedPaper(db, method.paper?.url) }
}

export interface MethodArea {
  area: string
  collections: { name: string; methods: MethodRecord[] }[]
}

/** Methods by area, then collection, as the old /methods page grouped them. */
export function groupMethodsByArea(methods: readonly MethodRecord[]): MethodArea[] {
  const areas = new Map<string, Map<string, MethodRecord[]>>()
  for (const method of methods) {
    const collections =
      method.collections.length > 0
        ? method.collections
        : [{ collection: 'Uncategorized', area: 'General', areaId: null }]
    for (const c of collections) {
      const area = c.area ?? 'General'
      const byCollection = areas.get(area) ?? new Map<string, MethodRecord[]>()
      byCollection.set(c.collection, [...(byCollection.get(c.collection) ?? []), method])
      areas.set(area, byCollection)
    }
  }
  return [...areas.entries()]
    .map(([area, collections]) => ({
      area,
      collections: [...collections.entries()]
        .map(([name, list]) => ({
          name,
          methods: list.sort((a, b) => (b.numPapers ?? 0) - (a.numPapers ?? 0))
        }))
        .sort((a, b) => b.methods.length - a.methods.length)
    }))
    .sort((a, b) => a.area.localeCompare(b.area))
}

export interface DatasetFacets {
  modalities: [string, number][]
  total: number
}

export function datasetFacets(datasets: readonly DatasetRecord[]): DatasetFacets {
  const counts = new Map<string, number>()
  for (const d of datasets) for (const m of d.modalities) counts.set(m, (counts.get(m) ?? 0) + 1)
  return { modalities: [...counts.entries()].sort((a, b) => b[1] - a[1]), total: datasets.length }
}
