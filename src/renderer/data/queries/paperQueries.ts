import type {
  CodeLinkRecord,
  LeaderboardRecord,
  MethodRecord,
  PaperRecord,
  ResultRecord,
  TaskRecord
} from '../../../shared/archive/entities'
import { resolveMetricDirection } from '../../../shared/sota/metricDirection'
import { PAPERS_LISTING, taskListingKey } from '../../../shared/archive/paperListings'
import type { ArchiveDatabase } from '../db'
import { codeLinksOfPapers } from './codeLinkQueries'
import { newestPaperIds, papersByIds } from './paperListQueries'
import { bestResult } from './leaderboardBest'

export interface PaperResultRow {
  result: ResultRecord
  leaderboard: LeaderboardRecord | null
  task: TaskRecord | null
  metric: string
  raw: string
  /** True when this value is the best on its leaderboard for this metric. */
  isSota: boolean
}

export interface PaperPageData {
  /** Its facts (date, tasks, links) already hold what its rows say: paperFacts.ts. */
  paper: PaperRecord
  codeLinks: CodeLinkRecord[]
  tasks: TaskRecord[]
  methods: MethodRecord[]
  results: PaperResultRow[]
}

function present<T>(values: (T | undefined)[]): T[] {
  return values.filter((v): v is T => v !== undefined)
}

/** Official code first (as the old site marked it), then by framework and URL for a stable order. */
export function orderCodeLinks(links: readonly CodeLinkRecord[]): CodeLinkRecord[] {
  return [...links].sort(
    (a, b) =>
      Number(b.isOfficial) - Number(a.isOfficial) ||
      (a.framework ?? '~').localeCompare(b.framework ?? '~') ||
      a.repoUrl.localeCompare(b.repoUrl)
  )
}

async function resultRows(db: ArchiveDatabase, results: ResultRecord[]): Promise<PaperResultRow[]> {
  const boardIds = [...new Set(results.map((r) => r.leaderboardId))]
  const boards = present(await db.leaderboards.bulkGet(boardIds))
  const boardById = new Map(boards.map((b) => [b.id, b]))
  const tasks = present(await db.tasks.bulkGet([...new Set(boards.map((b) => b.taskId))]))
  const taskById = new Map(tasks.map((t) => [t.id, t]))
  const rows: PaperResultRow[] = []
  for (const boardId of boardIds) {
    const board = boardById.get(boardId) ?? null
    const boardResults = await db.results.where('leaderboardId').equals(boardId).toArray()
    for (const result of results.filter((r) => r.leaderboardId === boardId)) {
      for (const [metric, value] of Object.entries(result.metrics)) {
        const best = bestResult(boardResults, metric, resolveMetricDirection(metric).direction)
        rows.push({
          result,
          leaderboard: board,
          task: board ? (taskById.get(board.taskId) ?? null) : null,
          metric,
          raw: value.raw,
          isSota: best?.id === result.id
        })
      }
    }
  }
  return rows
}

const STOP_WORDS = new Set(
  'a an and are as at by for from in into is of on or the to with via using towards toward we our its'.split(
    ' '
  )
)

export function titleWords(title: string): Set<string> {
  return new Set(
    title
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2 && !STOP_WORDS.has(w))
  )
}

/** How many of each task's newest papers are candidates, and how many of those are read. */
const CANDIDATES_PER_TASK = 400
const CANDIDATES_READ = 150

/**
 * The candidates worth reading: the newest papers of each of the paper's tasks (from the task
 * listings, no record read), most shared tasks first, then newest. A shared task weighs three
 * title words, so the best-scored papers are nearly always among them; reading every candidate
 * (up to 2,400 records with abstracts) made the paper page wait over a second at full scale.
 */
async function relatedCandidateIds(db: ArchiveDatabase, paper: PaperRecord): Promise<string[]> {
  const shared = new Map<string, { tasks: number; rank: number }>()
  const listings = await Promise.all(
    paper.taskIds
      .slice(0, 6)
      .map((taskId) => newestPaperIds(db, taskListingKey(taskId), CANDIDATES_PER_TASK, false))
  )
  for (const ids of listings) {
    ids.forEach((id, rank) => {
      const seen = shared.get(id)
      if (seen) {
        seen.tasks += 1
        seen.rank = Math.min(seen.rank, rank)
      } else shared.set(id, { tasks: 1, rank })
    })
  }
  shared.delete(paper.id)
  const ranked = [...shared]
    .sort((a, b) => b[1].tasks - a[1].tasks || a[1].rank - b[1].rank)
    .map(([id]) => id)
  if (ranked.length >= CANDIDATES_READ) return ranked.slice(0, CANDIDATES_READ)
  const newest = await newestPaperIds(db, PAPERS_LISTING, CANDIDATES_READ + 1, false)
  return [...new Set([...ranked, ...newest.filter((id) => id !== paper.id)])].slice(0, CANDIDATES_READ)
}

/**
 * Papers sharing tasks and title words, newest first, at most `limit`. Candidates come from
 * the task listings (bounded per task) and, for papers with few, the newest papers.
 */
export async function relatedPapers(
  db: ArchiveDatabase,
  paper: PaperRecord,
  limit = 10
): Promise<PaperRecord[]> {
  const candidates = await papersByIds(db, await relatedCandidateIds(db, paper))
  const words = titleWords(paper.title + ' ' + (paper.abstract ?? '').slice(0, 600))
  const tasks = new Set(paper.taskIds)
  const scored = candidates
    .filter((p) => !p.isStub)
    .map((p) => {
      const sharedTasks = p.taskIds.filter((t) => tasks.has(t)).length
      let sharedWords = 0
      for (const w of titleWords(p.title)) if (words.has(w)) sharedWords += 1
      return { p, score: sharedTasks * 3 + sharedWords }
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((s) => s.p)
  return scored.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))
}

/**
 * What the paper page shows first; related papers (hundreds of candidates read) load apart, so
 * the paper's own facts never wait for them.
 */
export async function loadPaperPage(db: ArchiveDatabase, id: string): Promise<PaperPageData | null> {
  const paper = await db.papers.get(id)
  if (!paper) return null
  const [links, results, tasks, methods] = await Promise.all([
    codeLinksOfPapers(db, [id]),
    db.results.where('paperId').equals(id).toArray(),
    db.tasks.bulkGet(paper.taskIds),
    db.methods.bulkGet(paper.methodIds)
  ])
  return {
    paper,
    codeLinks: orderCodeLinks(links),
    tasks: present(tasks),
    methods: present(methods),
    results: await resultRows(db, results)
  }
}
