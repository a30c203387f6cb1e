/**
 * Real Papers With Code records, mapped to the search engine's document shapes.
 *
 * - 50 real papers with abstracts and authors (a real API v1 response);
 * - the papers the 2020 leaderboards cite, with their real tasks, datasets, dates and whether
 *   they have code, joined by title to the real code links for frameworks and official code;
 * - real methods, datasets and tasks for entity search.
 *
 * CI clones the repository into a fresh folder with `shared/` beside it, so the data is found
 * relative to the repository root, never through an absolute path.
 */
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import type { SearchableEntity, SearchablePaper } from '../../../src/shared/search/searchDocuments'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const dataDir = resolve(repoRoot, '../shared/data')

function readGzipJson<T>(name: string): T {
  return JSON.parse(gunzipSync(readFileSync(resolve(dataDir, name))).toString('utf8')) as T
}

interface RawPaper {
  paper_url: string
  title: string
  abstract: string
  authors: string[]
  date: string
  proceeding: string | null
}

/** The 50 real papers with abstracts, as the worker's mapper would hand them to the index. */
export function realAbstractPapers(): SearchablePaper[] {
  return readGzipJson<RawPaper[]>('converted_papers-with-abstracts_from-api-v1.json.gz').map((paper) => ({
    id: paper.paper_url,
    title: paper.title,
    abstract: paper.abstract,
    authors: paper.authors,
    tasks: [],
    venue: paper.proceeding,
    year: Number(paper.date.slice(0, 4)),
    date: paper.date,
    hasCode: false,
    hasOfficialCode: false,
    frameworks: []
  }))
}

interface RawRow {
  paper_title: string
  paper_url: string
  paper_date: string | null
  code_links: unknown[]
}
interface RawBoard {
  dataset: string
  sota: { rows: RawRow[] } | null
  subdatasets?: RawBoard[]
}
interface RawTask {
  task: string
  datasets: RawBoard[]
  subtasks: RawTask[]
}
interface RawLink {
  paper_title: string
  is_official: boolean
  framework: string
}

/**
 * One paper per distinct title cited by the 2020 leaderboards: every task and dataset it has
 * results on, its date, code (from the rows' code links and the real links file).
 */
export function realLeaderboardPapers(): SearchablePaper[] {
  const links = readGzipJson<RawLink[]>('converted_links-between-papers-and-code_from-grimrepor.json.gz')
  const linksByTitle = new Map<string, RawLink[]>()
  for (const link of links)
    linksByTitle.set(link.paper_title, [...(linksByTitle.get(link.paper_title) ?? []), link])

  const papers = new Map<string, SearchablePaper>()
  const visit = (task: RawTask): void => {
    const visitBoard = (board: RawBoard): void => {
      for (const row of board.sota?.rows ?? []) {
        if (row.paper_title.trim() === '') continue
        let paper = papers.get(row.paper_title)
        if (paper === undefined) {
          const rowLinks = linksByTitle.get(row.paper_title) ?? []
          const frameworks = [
            ...new Set(rowLinks.map((link) => link.framework).filter((name) => name !== 'none'))
          ]
          paper = {
            id: `leaderboard-paper:${row.paper_title}`,
            title: row.paper_title,
            abstract: '',
            authors: [],
            tasks: [],
            venue: null,
            year: row.paper_date ? Number(row.paper_date.slice(0, 4)) : null,
            date: row.paper_date,
            hasCode: row.code_links.length > 0 || rowLinks.length > 0,
            hasOfficialCode: rowLinks.some((link) => link.is_official),
            frameworks,
            datasets: []
          }
          papers.set(row.paper_title, paper)
        }
        if (!paper.tasks.includes(task.task)) paper.tasks.push(task.task)
        if (!paper.datasets?.includes(board.dataset)) paper.datasets?.push(board.dataset)
      }
      for (const sub of board.subdatasets ?? []) visitBoard(sub)
    }
    for (const board of task.datasets) visitBoard(board)
    for (const subtask of task.subtasks) visit(subtask)
  }
  for (const task of readGzipJson<RawTask[]>('pwc-dump-2020-09_evaluation-tables.json.gz')) visit(task)
  return [...papers.values()]
}

interface RawMethod {
  url: string
  name: string
  full_name: string | null
  description: string | null
}
interface RawDataset {
  url: string
  name: string
  full_name: string | null
  description: string | null
}

const slugOf = (url: string): string => url.split('/').filter(Boolean).pop() ?? url

export function realEntities(): SearchableEntity[] {
  const methods = readGzipJson<RawMethod[]>('pwc-dump-2022-06_methods.json.gz').map(
    (method): SearchableEntity => ({
      id: slugOf(method.url),
      kind: 'method',
      name: method.name,
      fullName: method.full_name ?? undefined,
      description: method.description ?? undefined
    })
  )
  const datasets = readGzipJson<RawDataset[]>('pwc-dump-2022-06_datasets.json.gz').map(
    (dataset): SearchableEntity => ({
      id: slugOf(dataset.url),
      kind: 'dataset',
      name: dataset.name,
      fullName: dataset.full_name ?? undefined,
      description: dataset.description ?? undefined
    })
  )
  const tasks = new Map<string, SearchableEntity>()
  const leaderboards: SearchableEntity[] = []
  const visit = (task: RawTask): void => {
    tasks.set(task.task, { id: task.task, kind: 'task', name: task.task })
    for (const board of task.datasets) {
      leaderboards.push({
        id: `${task.task}/${board.dataset}`,
        kind: 'leaderboard',
        name: `${task.task} on ${board.dataset}`
      })
    }
    for (const subtask of task.subtasks) visit(subtask)
  }
  for (const task of readGzipJson<RawTask[]>('pwc-dump-2020-09_evaluation-tables.json.gz')) visit(task)
  const unique = new Map<string, SearchableEntity>()
  for (const entity of [...methods, ...datasets, ...tasks.values(), ...leaderboards]) {
    unique.set(`${entity.kind}:${entity.id}`, entity)
  }
  return [...unique.values()]
}
