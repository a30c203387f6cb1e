/**
 * The real SQuAD leaderboards (sota-extractor) in the older shape some tools wrote, with each
 * table's rows under `sota.sota_rows` instead of `sota.rows`: same records, one key renamed.
 */
import { realRecords } from './archiveFixtures'

export const SQUAD_FILE = 'sota-extractor_tasks_squad.json'

interface RawTask {
  datasets: { sota?: Record<string, unknown> | null }[]
  subtasks: RawTask[]
}

function renameRows(task: RawTask): RawTask {
  return {
    ...task,
    datasets: task.datasets.map((dataset) => {
      if (!dataset.sota) return dataset
      const { rows, ...rest } = dataset.sota
      return { ...dataset, sota: { ...rest, sota_rows: rows } }
    }),
    subtasks: task.subtasks.map(renameRows)
  }
}

export function squadWithOldRowField(): RawTask[] {
  return realRecords<RawTask>(SQUAD_FILE).map(renameRows)
}
