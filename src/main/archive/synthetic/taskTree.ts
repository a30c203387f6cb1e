/**
 * The synthetic evaluation-tables tree. Each generated task copies the shape of a real 2020 task
 * (its categories, subtask structure, leaderboards, their metric columns and row counts), so the
 * recursion depth, fan-out and rows-per-leaderboard distributions are the real ones.
 *
 * Like the real dumps, some subtasks appear under two parents (266 task names do in the 2020
 * dump): a generated task may be attached again under a later top-level task and is then written
 * twice, identically. Such references only point at tasks built earlier, so the tree stays finite.
 */
import { parseMetricNumber } from '../../../shared/archive/metricValue'
import {
  ABSENT_ARXIV_NUMBER_FLOOR,
  formatArxivId,
  repositoriesFor,
  type PaperIdentities
} from './paperIdentities'
import type { RealLeaderboard, RealRow, RealSamples, RealTask } from './realSamples'
import { createRandom, type Random } from './seededRandom'
import { makeDescription, type TextSource } from './syntheticText'
import { qualifiersOf } from './uniqueNames'

export interface SyntheticLeaderboard {
  name: string
  template: RealLeaderboard
}

export interface SyntheticTask {
  id: number
  name: string
  template: RealTask
  description: string
  children: SyntheticTask[]
  leaderboards: SyntheticLeaderboard[]
}

export interface TaskForest {
  topLevel: SyntheticTask[]
  /** Every distinct task once. */
  unique: SyntheticTask[]
  /** Task nodes as written, duplicates included. */
  writtenNodes: number
}

const DUPLICATE_SUBTASK_CHANCE = 0.12
const MAX_DEPTH = 7

/** Expected size of `task`'s subtree when each subtask is kept with probability `keep`. */
function expectedPrunedSize(task: RealTask, keep: number): number {
  return 1 + keep * task.subtasks.reduce((sum, child) => sum + expectedPrunedSize(child, keep), 0)
}

/**
 * The 2025 tree is shallower than the 2020 one (1.97 task nodes per top-level task against
 * 2.35), so subtasks of the 2020 templates are kept with the probability that gives the target
 * node count on average. Bisection: the expected size only grows with `keep`.
 */
function subtaskKeepProbability(templates: readonly RealTask[], nodesPerTopLevel: number): number {
  const meanSize = (keep: number): number =>
    templates.reduce((sum, template) => sum + expectedPrunedSize(template, keep), 0) / templates.length
  if (meanSize(1) <= nodesPerTopLevel) return 1
  let low = 0
  let high = 1
  for (let i = 0; i < 40; i += 1) {
    const middle = (low + high) / 2
    if (meanSize(middle) < nodesPerTopLevel) low = middle
    else high = middle
  }
  return low
}

function writtenSize(task: SyntheticTask): number {
  return 1 + task.children.reduce((sum, child) => sum + writtenSize(child), 0)
}

export function buildTaskForest(
  seed: number,
  topLevelCount: number,
  nodeTarget: number,
  samples: RealSamples,
  datasetNames: readonly string[],
  text: TextSource
): TaskForest {
  const random = createRandom(seed, 'task-tree')
  const qualifiers = qualifiersOf(samples.tasks.map((task) => task.task))
  const usedNames = new Set<string>()
  const boardSuffixes = samples.leaderboards.flatMap((board) => {
    const at = board.dataset.indexOf(' - ')
    return at > 0 ? [board.dataset.slice(at)] : []
  })
  const keepSubtask = subtaskKeepProbability(samples.topLevelTasks, nodeTarget / topLevelCount)
  const unique: SyntheticTask[] = []
  const earlierNested: SyntheticTask[] = []

  // Both loops below give up on random variants after a few tries so they always terminate.
  const nameFor = (template: RealTask): string => {
    let name = template.task
    for (let attempt = 0; usedNames.has(name); attempt += 1) {
      name = attempt < 8 ? `${random.pick(qualifiers)} ${template.task}` : `${template.task} ${attempt}`
    }
    usedNames.add(name)
    return name
  }

  const leaderboardsFor = (template: RealTask): SyntheticLeaderboard[] => {
    const names = new Set<string>()
    return template.datasets.map((board) => {
      const base = random.chance(0.5) ? board.dataset : random.pick(datasetNames)
      let name = random.chance(0.3) && boardSuffixes.length > 0 ? base + random.pick(boardSuffixes) : base
      for (let attempt = 2; names.has(name); attempt += 1) name = `${base} (${attempt})`
      names.add(name)
      return { name, template: board }
    })
  }

  const build = (template: RealTask, depth: number, nestedThisTree: SyntheticTask[]): SyntheticTask => {
    const task: SyntheticTask = {
      id: unique.length,
      name: nameFor(template),
      template,
      description: makeDescription(random, text, template.description.length),
      children: [],
      leaderboards: leaderboardsFor(template)
    }
    unique.push(task)
    if (depth >= MAX_DEPTH) return task
    for (const childTemplate of template.subtasks) {
      if (!random.chance(keepSubtask)) continue
      const repeated =
        earlierNested.length > 0 && random.chance(DUPLICATE_SUBTASK_CHANCE)
          ? random.pick(earlierNested)
          : null
      if (repeated !== null && !task.children.includes(repeated)) {
        task.children.push(repeated)
      } else {
        const child = build(childTemplate, depth + 1, nestedThisTree)
        nestedThisTree.push(child)
        task.children.push(child)
      }
    }
    return task
  }

  const topLevel: SyntheticTask[] = []
  let writtenNodes = 0
  for (let i = 0; i < topLevelCount; i += 1) {
    const nested: SyntheticTask[] = []
    const root = build(random.pick(samples.topLevelTasks), 0, nested)
    topLevel.push(root)
    earlierNested.push(...nested)
    writtenNodes += writtenSize(root)
  }
  return { topLevel, unique, writtenNodes }
}

export interface RowContext {
  seed: number
  papers: PaperIdentities
  samples: RealSamples
}

interface Citation {
  title: string
  url: string
  date: string | null
  paperIndex: number | null
}

function randomDate(random: Random, fromYear: number): string {
  const year = random.between(fromYear, 2025)
  const month = year === 2025 ? random.between(1, 7) : random.between(1, 12)
  return `${year}-${String(month).padStart(2, '0')}-${String(random.between(1, 28)).padStart(2, '0')}`
}

/**
 * Which paper a row cites, in the real archive's mix: mostly papers of the papers file, joined
 * by arXiv id (the row's URL is an arXiv abstract link) or by exact title (a publisher URL);
 * some papers the file lacks; a few rows with no paper at all (806 of 28,183 in 2020).
 */
function cite(random: Random, context: RowContext): Citation {
  const { papers, samples } = context
  const draw = random.next()
  if (draw < 0.03 || papers.count === 0) return { title: '', url: '', date: null, paperIndex: null }
  if (draw < 0.82) {
    let index = random.int(papers.count)
    const byArxiv = draw < 0.72
    for (let attempt = 0; byArxiv && papers.arxivIds[index] === null && attempt < 20; attempt += 1) {
      index = random.int(papers.count)
    }
    const arxivId = papers.arxivIds[index]
    let url: string
    if (byArxiv && arxivId !== null) {
      const scheme = random.chance(0.55) ? 'http' : 'https'
      url = `${scheme}://arxiv.org/abs/${arxivId}${random.chance(0.98) ? `v${papers.arxivVersions[index]}` : ''}`
    } else {
      url = random.pick(samples.externalPaperUrls)
    }
    return { title: papers.titles[index], url, date: papers.dates[index], paperIndex: index }
  }
  const date = randomDate(random, 2015)
  const sequence = ABSENT_ARXIV_NUMBER_FLOOR + random.int(40_000)
  const arxivId = formatArxivId(Number(date.slice(0, 4)), Number(date.slice(5, 7)), sequence)
  return {
    title: random.pick(samples.citedPaperTitles),
    url: `https://arxiv.org/abs/${arxivId}v1`,
    date,
    paperIndex: null
  }
}

const FIRST_NUMBER = /-?\d+(?:\.\d+)?/

/** A value near the real `raw`, in the same format ("88.5%" → "87.9%", "480M" → "463M"). */
export function jitterMetricValue(random: Random, raw: string): string {
  const match = FIRST_NUMBER.exec(raw)
  // Strings that state no number ("TAS-pruned ResNet-18", "Yes") are kept as they are.
  if (match === null || parseMetricNumber(raw) === null || random.chance(0.1)) return raw
  const decimals = match[0].includes('.') ? match[0].length - match[0].indexOf('.') - 1 : 0
  let value = Number(match[0]) * (1 + (random.next() - 0.5) * 0.08)
  if (raw.includes('%') && Number(match[0]) <= 100) value = Math.min(100, value)
  return raw.slice(0, match.index) + value.toFixed(decimals) + raw.slice(match.index + match[0].length)
}

function codeLinksFor(random: Random, template: RealRow, citation: Citation, context: RowContext) {
  const { papers, samples } = context
  const repositories: string[] = []
  if (citation.paperIndex !== null && papers.linkCounts[citation.paperIndex] > 0) {
    repositories.push(...repositoriesFor(papers, citation.paperIndex, samples.repositories).slice(0, 20))
  } else {
    for (let k = 0; k < template.code_links.length; k += 1)
      repositories.push(random.pick(samples.repositories))
  }
  return repositories.map((repository) => ({ title: repository, url: `https://github.com/${repository}` }))
}

function rowRecord(random: Random, template: RealRow, metricNames: readonly string[], context: RowContext) {
  const citation = cite(random, context)
  const metrics: Record<string, string> = {}
  for (const name of metricNames) {
    const raw = template.metrics[name]
    if (raw !== undefined) metrics[name] = jitterMetricValue(random, raw)
  }
  return {
    code_links: codeLinksFor(random, template, citation, context),
    metrics,
    model_links: [],
    model_name: random.chance(0.6) ? template.model_name : random.pick(context.samples.modelNames),
    paper_date: citation.date,
    paper_title: citation.title,
    paper_url: citation.url,
    uses_additional_data: random.chance(0.08)
  }
}

function leaderboardRecord(random: Random, board: SyntheticLeaderboard, context: RowContext) {
  const sota = board.template.sota
  const metrics = sota?.metrics ?? []
  return {
    dataset: board.name,
    dataset_citations: [],
    dataset_links: [],
    description: '',
    sota:
      sota === null
        ? null
        : { metrics, rows: sota.rows.map((row) => rowRecord(random, row, metrics, context)) },
    subdatasets: []
  }
}

/**
 * One task as the dump writes it, subtasks included. Its rows come from the task's own random
 * stream, so a task written under two parents is written identically both times.
 */
export function taskRecord(task: SyntheticTask, context: RowContext): unknown {
  const random = createRandom(context.seed, `task-${task.id}`)
  return {
    categories: task.template.categories,
    datasets: task.leaderboards.map((board) => leaderboardRecord(random, board, context)),
    description: task.description,
    source_link: null,
    subtasks: task.children.map((child) => taskRecord(child, context)),
    synonyms: [],
    task: task.name
  }
}

/** Result rows the written tree holds, duplicates included. */
export function countWrittenRows(tasks: readonly SyntheticTask[]): number {
  let rows = 0
  for (const task of tasks) {
    for (const board of task.leaderboards) rows += board.template.sota?.rows.length ?? 0
    rows += countWrittenRows(task.children)
  }
  return rows
}
