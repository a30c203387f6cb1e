/**
 * `npm run archive -- frontier <evaluation-tables file> --task <task> --dataset <dataset> --metric <metric>`
 * prints one leaderboard's state-of-the-art frontier as CSV; `--list` prints every
 * task × dataset × metric of the file, to find the names to ask for.
 *
 * The file is read exactly as the app's sync reads it (stream splitter, evaluation-tables
 * normalizer), so the CLI shows what the app will show.
 *
 * Output of a frontier, comment lines first so a CSV reader can skip them (`#` is a comment in
 * pandas, R and csvkit):
 *
 *   # task: Image Classification
 *   # dataset: ImageNet
 *   # metric: Top 1 Accuracy
 *   # direction: higher-is-better (inferred: accuracy)
 *   # results: 199 (plotted: 195, missing date: 1, missing value: 3, missing both: 0)
 *   date,model,paper_title,value
 *   2012-12-01,AlexNet - 7CNNs,ImageNet Classification with Deep Convolutional Neural Networks,63.3
 */
import { DumpRecordIngestor } from '../../shared/archive/dumpRecordIngestor'
import { createEntityBatch, createNormalizationContext } from '../../shared/archive/dumpNormalizer'
import { createDumpNormalizer } from '../../shared/archive/dumpNormalizers'
import { readDumpRecords } from '../../shared/archive/dumpRecordReader'
import type { LeaderboardRecord, ResultRecord, TaskRecord } from '../../shared/archive/entities'
import { computeSotaFrontier } from '../../shared/sota/frontier'
import { sotaPointsForMetric } from '../../shared/sota/leaderboardPoints'
import { resolveMetricDirection, type MetricDirection } from '../../shared/sota/metricDirection'
import { readDumpFile } from '../archive/readDumpFile'
import { safeCsvCell } from '../../shared/csv'

export const FRONTIER_USAGE = [
  'usage: frontier <evaluation-tables file> --task <task> --dataset <dataset> --metric <metric>',
  '                [--direction higher-is-better|lower-is-better]',
  '       frontier <evaluation-tables file> --list'
]

interface FrontierArguments {
  file: string
  list: boolean
  task?: string
  dataset?: string
  metric?: string
  direction?: MetricDirection
}

class UsageError extends Error {}

const VALUE_FLAGS = new Set(['--task', '--dataset', '--metric', '--direction'])

function parseArguments(args: readonly string[]): FrontierArguments {
  const positional: string[] = []
  const values = new Map<string, string>()
  let list = false
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]
    if (arg === '--list') list = true
    else if (VALUE_FLAGS.has(arg)) {
      const value = args[i + 1]
      if (value === undefined) throw new UsageError(`${arg} needs a value`)
      values.set(arg, value)
      i += 1
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`)
    else positional.push(arg)
  }
  if (positional.length !== 1) throw new UsageError('expected exactly one evaluation-tables file')
  const direction = values.get('--direction')
  if (direction !== undefined && direction !== 'higher-is-better' && direction !== 'lower-is-better') {
    throw new UsageError('--direction must be higher-is-better or lower-is-better')
  }
  const parsed: FrontierArguments = {
    file: positional[0],
    list,
    task: values.get('--task'),
    dataset: values.get('--dataset'),
    metric: values.get('--metric'),
    direction
  }
  if (!list && (parsed.task === undefined || parsed.dataset === undefined || parsed.metric === undefined)) {
    throw new UsageError('--task, --dataset and --metric are required (or --list)')
  }
  return parsed
}

interface EvaluationTables {
  tasks: TaskRecord[]
  leaderboards: LeaderboardRecord[]
  resultsByLeaderboard: Map<string, ResultRecord[]>
}

async function readEvaluationTables(path: string): Promise<EvaluationTables> {
  const ingestor = new DumpRecordIngestor(
    createDumpNormalizer('evaluation-tables', createNormalizationContext())
  )
  const tasks: TaskRecord[] = []
  const leaderboards: LeaderboardRecord[] = []
  const resultsByLeaderboard = new Map<string, ResultRecord[]>()
  const collect = (batch: ReturnType<typeof createEntityBatch>): void => {
    tasks.push(...batch.tasks)
    leaderboards.push(...batch.leaderboards)
    for (const result of batch.results) {
      const results = resultsByLeaderboard.get(result.leaderboardId)
      if (results === undefined) resultsByLeaderboard.set(result.leaderboardId, [result])
      else results.push(result)
    }
  }
  for await (const elements of readDumpRecords(readDumpFile(path))) {
    const batch = createEntityBatch()
    for (const element of elements) ingestor.add(element, batch)
    collect(batch)
  }
  const last = createEntityBatch()
  ingestor.finish(last)
  collect(last)
  return { tasks, leaderboards, resultsByLeaderboard }
}

/** RFC 4180 quoting with the shared formula-injection guard; numbers and nulls as they are. */
export function csvField(value: string | number | null): string {
  if (value === null) return ''
  if (typeof value === 'number') return String(value)
  return safeCsvCell(value)
}

function csvLine(fields: (string | number | null)[]): string {
  return fields.map(csvField).join(',')
}

/** Comment lines hold the query and may hold any text: keep each on one line. */
function commentValue(text: string): string {
  return text.replace(/[\r\n]+/g, ' ')
}

function displayDatasetName(board: LeaderboardRecord): string {
  return board.parentDatasetName === null
    ? board.datasetName
    : `${board.parentDatasetName} / ${board.datasetName}`
}

/** Exact match first; a case-insensitive one only when it is unambiguous. */
function findByName<T>(items: readonly T[], wanted: string, namesOf: (item: T) => string[]): T | undefined {
  const exact = items.find((item) => namesOf(item).includes(wanted))
  if (exact !== undefined) return exact
  const folded = wanted.toLocaleLowerCase('en')
  const loose = items.filter((item) => namesOf(item).some((name) => name.toLocaleLowerCase('en') === folded))
  return loose.length === 1 ? loose[0] : undefined
}

function listLeaderboards(tables: EvaluationTables, out: (line: string) => void): void {
  const taskNames = new Map(tables.tasks.map((task) => [task.id, task.name]))
  const rows = tables.leaderboards.flatMap((board) =>
    board.metrics.map((metric) => ({
      task: taskNames.get(board.taskId) ?? board.taskId,
      dataset: displayDatasetName(board),
      metric,
      results: board.resultCount
    }))
  )
  const order = (a: string, b: string): number => a.localeCompare(b, 'en')
  rows.sort((a, b) => order(a.task, b.task) || order(a.dataset, b.dataset))
  out(csvLine(['task', 'dataset', 'metric', 'direction', 'results']))
  for (const row of rows) {
    out(
      csvLine([row.task, row.dataset, row.metric, resolveMetricDirection(row.metric).direction, row.results])
    )
  }
}

function printFrontier(
  tables: EvaluationTables,
  args: FrontierArguments,
  out: (line: string) => void
): string | null {
  const wantedTask = args.task as string
  const task = findByName(tables.tasks, wantedTask, (candidate) => [candidate.name])
  if (task === undefined) return `no task named "${wantedTask}" in ${args.file}`
  const boards = tables.leaderboards.filter((board) => board.taskId === task.id)
  const wantedDataset = args.dataset as string
  const board = findByName(boards, wantedDataset, (candidate) => [
    candidate.datasetName,
    displayDatasetName(candidate)
  ])
  if (board === undefined) {
    const known = boards.map(displayDatasetName).join('; ')
    return `task "${task.name}" has no dataset "${wantedDataset}" (it has: ${known || 'none'})`
  }
  const metric = findByName(board.metrics, args.metric as string, (name) => [name])
  if (metric === undefined) {
    return `"${task.name}" on "${displayDatasetName(board)}" has no metric "${args.metric}" (it has: ${board.metrics.join('; ')})`
  }

  const results = [...(tables.resultsByLeaderboard.get(board.id) ?? [])].sort(
    (a, b) => a.position - b.position
  )
  const direction = resolveMetricDirection(metric, args.direction)
  const frontier = computeSotaFrontier(sotaPointsForMetric(results, metric), direction.direction)
  const counts = frontier.unplottedCounts
  out(`# task: ${commentValue(task.name)}`)
  out(`# dataset: ${commentValue(displayDatasetName(board))}`)
  out(`# metric: ${commentValue(metric)}`)
  out(`# direction: ${direction.direction} (${direction.source}: ${direction.rule})`)
  out(
    `# results: ${results.length} (plotted: ${frontier.plotted.length}, missing date: ${counts['missing-date']}, ` +
      `missing value: ${counts['missing-value']}, missing both: ${counts['missing-date-and-value']})`
  )
  out(csvLine(['date', 'model', 'paper_title', 'value']))
  for (const { point } of frontier.steps)
    out(csvLine([point.date, point.modelName, point.paperTitle, point.value]))
  return null
}

/**
 * Runs the `frontier` command. Returns the process exit code: 0 on success, 1 when the file or
 * the leaderboard cannot be read or found, 2 for a usage error. Errors go to `err` (by default
 * the same sink as the output).
 */
export async function runFrontier(
  args: string[],
  out: (line: string) => void,
  err: (line: string) => void = out
): Promise<number> {
  let parsed: FrontierArguments
  try {
    parsed = parseArguments(args)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    err(`frontier: ${error.message}`)
    FRONTIER_USAGE.forEach((line) => err(line))
    return 2
  }
  let tables: EvaluationTables
  try {
    tables = await readEvaluationTables(parsed.file)
  } catch (error) {
    err(`frontier: cannot read ${parsed.file}: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
  if (parsed.list) {
    listLeaderboards(tables, out)
    return 0
  }
  const problem = printFrontier(tables, parsed, out)
  if (problem !== null) {
    err(`frontier: ${problem}`)
    return 1
  }
  return 0
}
