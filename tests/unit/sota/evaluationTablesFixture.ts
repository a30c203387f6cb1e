/**
 * Reads the real 2020 evaluation-tables dump for the SotA tests. The file is small (3.9 MB
 * gzipped), so a whole-file `JSON.parse` is fine here; the app itself streams.
 *
 * CI clones the repository into a fresh folder with `shared/` beside it, so the data is found
 * relative to the repository root, never through an absolute path.
 */
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')

export const EVALUATION_TABLES_2020 = resolve(
  repoRoot,
  '../shared/data/pwc-dump-2020-09_evaluation-tables.json.gz'
)

/** The fields of the dump's tree these tests read (README "Schema", evaluation tables). */
export interface RawRow {
  model_name: string
  paper_title: string
  paper_url: string
  paper_date: string | null
  metrics: Record<string, string>
}

export interface RawDataset {
  dataset: string
  sota: { metrics: string[]; rows: RawRow[] } | null
  subdatasets?: RawDataset[]
}

export interface RawTask {
  task: string
  datasets: RawDataset[]
  subtasks: RawTask[]
}

let cached: RawTask[] | null = null

export function loadEvaluationTables2020(): RawTask[] {
  cached ??= JSON.parse(gunzipSync(readFileSync(EVALUATION_TABLES_2020)).toString('utf8')) as RawTask[]
  return cached
}

export function* walkTasks(tasks: readonly RawTask[]): Generator<RawTask> {
  for (const task of tasks) {
    yield task
    yield* walkTasks(task.subtasks)
  }
}

export function* walkDatasets(datasets: readonly RawDataset[]): Generator<RawDataset> {
  for (const dataset of datasets) {
    yield dataset
    yield* walkDatasets(dataset.subdatasets ?? [])
  }
}

/**
 * The first leaderboard for `task` × `dataset`. The tree repeats a task under several parents
 * (266 names in the 2020 dump) with identical datasets, so the first copy is as good as any.
 */
export function findLeaderboard(task: string, dataset: string): RawDataset {
  for (const candidate of walkTasks(loadEvaluationTables2020())) {
    if (candidate.task !== task) continue
    for (const board of walkDatasets(candidate.datasets)) {
      if (board.dataset === dataset) return board
    }
  }
  throw new Error(`no leaderboard ${task} / ${dataset} in ${EVALUATION_TABLES_2020}`)
}

export function distinctMetricNames(): string[] {
  const names = new Set<string>()
  for (const task of walkTasks(loadEvaluationTables2020())) {
    for (const board of walkDatasets(task.datasets)) {
      for (const name of board.sota?.metrics ?? []) names.add(name)
      for (const row of board.sota?.rows ?? []) for (const name of Object.keys(row.metrics)) names.add(name)
    }
  }
  return [...names]
}
