/**
 * Results a leaderboard lists twice. The 2020 dump has 9 rows that repeat another row of the same
 * table: the same model, from the same paper, with the same value in every metric (RotatE on
 * WN18RR word for word; T5 on SST-2 and CoLA, 3DMPPE_POSENET on MuPoTS-3D, once per arXiv version
 * of their paper). Shown as they are, such a result is plotted twice and takes two ranks. The
 * copy listed first in time counts; the others are repeats of it.
 */
import type { ResultRecord } from '../archive/entities'

export type RepeatableResult = Pick<
  ResultRecord,
  'id' | 'position' | 'modelName' | 'paperId' | 'paperArxivId' | 'paperTitle' | 'paperDate' | 'metrics'
>

/** Case and runs of spaces do not make another model ("MEMEN  (single model)"). */
function modelKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase()
}

function paperKey(result: RepeatableResult): string {
  // `paperId` is the paper the row resolved to (arXiv id first, versions aside, then title).
  return result.paperId ?? result.paperArxivId ?? result.paperTitle?.trim().toLowerCase() ?? ''
}

function metricsKey(result: RepeatableResult): string {
  return JSON.stringify(
    Object.entries(result.metrics)
      .map(([name, value]) => [name, value.raw.trim()])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  )
}

function repeatKey(result: RepeatableResult): string {
  return JSON.stringify([modelKey(result.modelName), paperKey(result), metricsKey(result)])
}

/** Earliest dated first, undated last; the board's own order breaks ties. */
function listedFirst(a: RepeatableResult, b: RepeatableResult): number {
  if (a.paperDate !== b.paperDate) {
    if (a.paperDate === null) return 1
    if (b.paperDate === null) return -1
    return a.paperDate < b.paperDate ? -1 : 1
  }
  return a.position - b.position
}

/** Every repeat's id, mapped to the id of the result it repeats. */
export function findRepeatedResults(results: readonly RepeatableResult[]): Map<string, string> {
  const groups = new Map<string, RepeatableResult[]>()
  for (const result of results) {
    const key = repeatKey(result)
    const group = groups.get(key)
    if (group) group.push(result)
    else groups.set(key, [result])
  }
  const repeats = new Map<string, string>()
  for (const group of groups.values()) {
    if (group.length < 2) continue
    const [original, ...copies] = [...group].sort(listedFirst)
    for (const copy of copies) repeats.set(copy.id, original.id)
  }
  return repeats
}

/** The results without their repeats, in their order. */
export function withoutRepeats<R extends RepeatableResult>(
  results: readonly R[],
  repeats: ReadonlyMap<string, string> = findRepeatedResults(results)
): R[] {
  return repeats.size === 0 ? [...results] : results.filter((result) => !repeats.has(result.id))
}
