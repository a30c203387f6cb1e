/**
 * Task ids come from the evaluation tables: a name whose slug another name already holds gets
 * `-1`, `-2`, ... in tree order. Papers and datasets name tasks too, and must use the same ids,
 * but they are imported before the evaluation tables (so rows find their papers at once). The
 * engine therefore claims every task name of the evaluation tables first, in the order the
 * normalizer will meet them, without normalizing anything else.
 */
import type { SlugIdRegistry } from './slugIdRegistry'
import type { RawEvaluationTask } from './rawDumpTypes'
import { lineOrNull, rawFieldsOrNull } from './rawFields'
import { taskSlug } from './slug'

/** The id of a task name, claiming one when the name is new. */
export function claimTaskId(registry: SlugIdRegistry, name: string): string {
  return registry.assign(name, taskSlug(name))
}

/** Claims the ids of a task and its subtasks, depth first, parents before children. */
export function claimEvaluationTaskIds(raw: unknown, registry: SlugIdRegistry): void {
  const task = rawFieldsOrNull<RawEvaluationTask>(raw)
  if (task === null || typeof task.task !== 'string') return
  claimTaskId(registry, lineOrNull(task.task) ?? '')
  if (!Array.isArray(task.subtasks)) return
  for (const subtask of task.subtasks) claimEvaluationTaskIds(subtask, registry)
}
