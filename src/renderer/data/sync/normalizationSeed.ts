/**
 * The name → id pairs already stored, so a sync gives every name the id it had before: a task
 * keeps `hand-gesture-recognition-1` even if the task that claimed the plain slug left the dump,
 * and papers read after an earlier sync's methods point at real method ids.
 */
import type { ArchiveDatabase } from '../db'
import type { DumpKind } from '../../../shared/archive/dumpKinds'
import {
  createNormalizationContext,
  leaderboardKey,
  type NormalizationContext,
  type NormalizationSeed
} from '../../../shared/archive/dumpNormalizer'

export async function loadNormalizationContext(
  db: ArchiveDatabase,
  kinds: ReadonlySet<DumpKind>
): Promise<NormalizationContext> {
  const seed: NormalizationSeed = {}
  if (kinds.has('evaluation-tables') || kinds.has('papers') || kinds.has('datasets')) {
    const tasks = await db.tasks.toArray()
    seed.tasks = tasks.map((task) => [task.name, task.id] as const)
  }
  if (kinds.has('evaluation-tables')) {
    const boards = await db.leaderboards.toArray()
    seed.leaderboards = boards.map((board) => {
      const path =
        board.parentDatasetName === null ? [board.datasetName] : [board.parentDatasetName, board.datasetName]
      return [leaderboardKey(board.taskId, path), board.id] as const
    })
  }
  if (kinds.has('papers')) {
    const methods: [string, string][] = []
    // Key-only cursor over the name index: no method description is loaded.
    await db.methods
      .orderBy('name')
      .eachKey((name, cursor) => methods.push([String(name), String(cursor.primaryKey)]))
    seed.methods = methods
  }
  return createNormalizationContext(seed)
}
