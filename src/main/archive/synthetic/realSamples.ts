/**
 * Everything the synthetic archive borrows from the real dumps in `shared/data`: words and
 * sentences for its text, and real records to resample its shapes from (how many tasks a dataset
 * lists, how many rows a leaderboard has, what a metric value string looks like). Resampling
 * real records keeps the joint distributions real without hand-tuned tables.
 *
 * The files are small (≈ 7 MB gzipped in all), so each is parsed whole.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'

export const REAL_SAMPLE_FILES = {
  evaluationTables: 'pwc-dump-2020-09_evaluation-tables.json.gz',
  methods: 'pwc-dump-2022-06_methods.json.gz',
  datasets: 'pwc-dump-2022-06_datasets.json.gz',
  papers: 'converted_papers-with-abstracts_from-api-v1.json.gz',
  links: 'converted_links-between-papers-and-code_from-grimrepor.json.gz',
  linksWithProceeding: 'derived_edmundloo_links-subset-with-proceeding_2020-07.json'
} as const

// The fields read here, as data/README.md documents them.
export interface RealRow {
  model_name: string
  paper_title: string
  paper_url: string
  paper_date: string | null
  code_links: { title: string; url: string }[]
  metrics: Record<string, string>
}
export interface RealLeaderboard {
  dataset: string
  sota: { metrics: string[]; rows: RealRow[] } | null
  subdatasets?: RealLeaderboard[]
}
export interface RealTask {
  task: string
  description: string
  categories: string[]
  datasets: RealLeaderboard[]
  subtasks: RealTask[]
}
export interface RealMethod {
  name: string
  full_name: string | null
  description: string | null
  paper: { title: string; url: string } | null
  introduced_year: number
  source_url: string | null
  code_snippet_url: string | null
  num_papers: number
  collections: { collection: string; area_id: string; area: string }[]
}
export interface RealDataset {
  name: string
  full_name: string | null
  homepage: string | null
  description: string
  paper: { title: string; url: string } | null
  introduced_date: string | null
  modalities: string[]
  tasks: { task: string; url: string }[]
  languages: string[]
  variants: string[]
  num_papers: number
  data_loaders: { url: string; repo: string; frameworks: string[] }[]
}
interface RealPaper {
  authors: string[]
  abstract: string
}
interface RealLink {
  is_official: boolean
  framework: string
}

export interface RealSamples {
  /** The roots of the 2020 task tree. */
  topLevelTasks: RealTask[]
  /** Every task node of the 2020 tree (duplicated subtrees included), as shape templates. */
  tasks: RealTask[]
  /** Every leaderboard with a non-empty table. */
  leaderboards: RealLeaderboard[]
  methods: RealMethod[]
  datasets: RealDataset[]
  links: RealLink[]
  /** Real `proceeding` strings ("CVPR 2018 6"), `''` where a paper had none, at real frequencies. */
  proceedings: string[]
  /** Titles of papers the leaderboards cite; most are absent from any papers file we generate. */
  citedPaperTitles: string[]
  /** Non-arXiv paper URLs from leaderboard rows (CVF open access, DOIs, project pages). */
  externalPaperUrls: string[]
  modelNames: string[]
  /** `owner/repo` of real code links. */
  repositories: string[]
  givenNames: string[]
  familyNames: string[]
  /** Prose tokens (markup stripped) in reading order, for abstracts. */
  proseTokens: string[]
  /** Title tokens in reading order, for titles. */
  titleTokens: string[]
  /** Description sentences with their Markdown and LaTeX intact, for descriptions. */
  sentences: string[]
}

function readGzipJson<T>(dataDir: string, name: string): T {
  return JSON.parse(gunzipSync(readFileSync(join(dataDir, name))).toString('utf8')) as T
}

function walkTasks(tasks: readonly RealTask[], visit: (task: RealTask) => void): void {
  for (const task of tasks) {
    visit(task)
    walkTasks(task.subtasks, visit)
  }
}

function walkLeaderboards(boards: readonly RealLeaderboard[], visit: (board: RealLeaderboard) => void): void {
  for (const board of boards) {
    visit(board)
    walkLeaderboards(board.subdatasets ?? [], visit)
  }
}

function plainProse(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\$[^$]*\$/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/<[^>]*>?/g, ' ')
    .replace(/\b(image )?source:/gi, ' ')
    .replace(/[*_`#>|]/g, '')
}

function tokens(text: string): string[] {
  return text.split(/\s+/).filter((token) => token.length > 0)
}

function sentencesOf(markdown: string): string[] {
  return markdown
    .split(/\r?\n\r?\n|(?<=[.!?])\s+(?=[A-Z])/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length >= 20 && !/^(image )?source:/i.test(sentence))
}

export function loadRealSamples(dataDir: string): RealSamples {
  const tree = readGzipJson<RealTask[]>(dataDir, REAL_SAMPLE_FILES.evaluationTables)
  const methods = readGzipJson<RealMethod[]>(dataDir, REAL_SAMPLE_FILES.methods)
  const datasets = readGzipJson<RealDataset[]>(dataDir, REAL_SAMPLE_FILES.datasets)
  const papers = readGzipJson<RealPaper[]>(dataDir, REAL_SAMPLE_FILES.papers)
  const links = readGzipJson<RealLink[]>(dataDir, REAL_SAMPLE_FILES.links)
  const withProceeding = JSON.parse(
    readFileSync(join(dataDir, REAL_SAMPLE_FILES.linksWithProceeding), 'utf8')
  ) as Record<string, { proceeding: string }>

  const tasks: RealTask[] = []
  const leaderboards: RealLeaderboard[] = []
  walkTasks(tree, (task) => {
    tasks.push(task)
    walkLeaderboards(task.datasets, (board) => {
      if ((board.sota?.rows.length ?? 0) > 0) leaderboards.push(board)
    })
  })

  const citedPaperTitles = new Set<string>()
  const externalPaperUrls = new Set<string>()
  const modelNames = new Set<string>()
  const repositories = new Set<string>()
  for (const board of leaderboards) {
    for (const row of board.sota?.rows ?? []) {
      if (row.paper_title !== '') citedPaperTitles.add(row.paper_title)
      if (row.paper_url !== '' && !row.paper_url.includes('arxiv.org')) externalPaperUrls.add(row.paper_url)
      modelNames.add(row.model_name)
      for (const link of row.code_links) {
        if (/^[\w.-]+\/[\w.-]+$/.test(link.title)) repositories.add(link.title)
      }
    }
  }

  const givenNames = new Set<string>()
  const familyNames = new Set<string>()
  for (const paper of papers) {
    for (const author of paper.authors) {
      const parts = author.trim().split(/\s+/)
      if (parts.length < 2) continue
      familyNames.add(parts[parts.length - 1])
      givenNames.add(parts.slice(0, -1).join(' '))
    }
  }

  const descriptions = [
    ...methods.map((method) => method.description ?? ''),
    ...datasets.map((dataset) => dataset.description),
    ...tasks.map((task) => task.description)
  ].filter((description) => description.length > 0)
  const proseTokens = [...descriptions.map(plainProse), ...papers.map((paper) => paper.abstract)].flatMap(
    tokens
  )
  const titleTokens = [
    ...citedPaperTitles,
    ...methods.flatMap((method) => method.paper?.title ?? [])
  ].flatMap(tokens)

  return {
    topLevelTasks: tree,
    tasks,
    leaderboards,
    methods,
    datasets,
    links,
    proceedings: Object.values(withProceeding).map((link) => link.proceeding),
    citedPaperTitles: [...citedPaperTitles],
    externalPaperUrls: [...externalPaperUrls],
    modelNames: [...modelNames],
    repositories: [...repositories],
    givenNames: [...givenNames],
    familyNames: [...familyNames],
    proseTokens,
    titleTokens,
    sentences: descriptions.flatMap(sentencesOf)
  }
}
