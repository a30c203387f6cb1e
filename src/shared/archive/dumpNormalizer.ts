/**
 * The contract every per-kind normalizer implements, and what they share: the batch they fill
 * and the name → id lookups that tie dumps together.
 */
import type { ArchiveEntities, ArchiveEntityTable, PaperRecord } from './entities'
import type { DumpKind } from './dumpKinds'
import { SlugIdRegistry } from './slugIdRegistry'
import { taskSlug } from './slug'

/** Entities of some top-level records, grouped by table. */
export type EntityBatch = { [T in ArchiveEntityTable]: ArchiveEntities[T][] } & {
  /**
   * Papers known only from a code link. Written only where no paper is stored, so a link never
   * replaces a real paper's abstract with a stub.
   */
  paperStubs: PaperRecord[]
}

export function createEntityBatch(): EntityBatch {
  return {
    papers: [],
    codeLinks: [],
    tasks: [],
    datasets: [],
    methods: [],
    leaderboards: [],
    results: [],
    paperStubs: []
  }
}

/** Entities in the batch, stubs included. */
export function entityBatchSize(batch: EntityBatch): number {
  return (
    batch.papers.length +
    batch.codeLinks.length +
    batch.tasks.length +
    batch.datasets.length +
    batch.methods.length +
    batch.leaderboards.length +
    batch.results.length +
    batch.paperStubs.length
  )
}

/** Name → id lookups shared by the normalizers of one sync (or one `inspect`). */
export interface NormalizationContext {
  /** Task name → task id; the evaluation tables assign, papers and datasets look up. */
  taskIds: SlugIdRegistry
  /** `<taskId>\0<dataset path>` → leaderboard id. */
  leaderboardIds: SlugIdRegistry
  /** Method name → method id (from its URL), filled by the methods dump, read by papers. */
  methodIdsByName: Map<string, string>
}

export interface NormalizationSeed {
  tasks?: Iterable<readonly [name: string, id: string]>
  leaderboards?: Iterable<readonly [key: string, id: string]>
  methods?: Iterable<readonly [name: string, id: string]>
}

export function createNormalizationContext(seed: NormalizationSeed = {}): NormalizationContext {
  return {
    taskIds: new SlugIdRegistry(seed.tasks),
    leaderboardIds: new SlugIdRegistry(seed.leaderboards),
    methodIdsByName: new Map(seed.methods)
  }
}

/** The stored id for a task name read from a paper or a dataset (which name tasks, never slug them). */
export function taskIdForName(context: NormalizationContext, name: string): string {
  return context.taskIds.get(name) ?? taskSlug(name)
}

/** The registry key of a leaderboard: its task and the path of dataset names down to it. */
export function leaderboardKey(taskId: string, datasetPath: readonly string[]): string {
  return [taskId, ...datasetPath].join('\u0000')
}

export interface NormalizationStats {
  /** Top-level records read. */
  records: number
  /** Evaluation tables: task nodes in the tree, counting repeats under several parents. */
  taskOccurrences: number
  /** Evaluation tables: dataset nodes with a `sota` table, counting repeats. */
  leaderboardOccurrences: number
  /** Evaluation tables: rows of those tables, counting repeats. */
  resultRowOccurrences: number
  /** Evaluation tables: leaderboards seen again under another parent task, stored once. */
  repeatedLeaderboards: number
  /** Repeats whose table differs from the first copy (the first copy is kept). */
  conflictingRepeats: number
  /** Metric strings that hold no number, placeholders such as `"-"` and `"N/A"` excluded. */
  unparsedMetricValues: number
  /** A few distinct such strings, for reports. */
  unparsedMetricExamples: string[]
  /**
   * Evaluation tables: result rows found in a field the normalizer does not read, by field path
   * (`sota.sota_rows` in old sota-extractor files): such a file would import 0 results unnoticed.
   */
  unreadRowFields: Map<string, number>
}

export function createNormalizationStats(): NormalizationStats {
  return {
    records: 0,
    taskOccurrences: 0,
    leaderboardOccurrences: 0,
    resultRowOccurrences: 0,
    repeatedLeaderboards: 0,
    conflictingRepeats: 0,
    unparsedMetricValues: 0,
    unparsedMetricExamples: [],
    unreadRowFields: new Map()
  }
}

/** Turns the top-level records of one dump kind into entities. */
export interface DumpNormalizer {
  readonly kind: DumpKind
  /** Tables whose records this kind defines: ids it stops listing are removed after a full sync. */
  readonly ownedTables: readonly ArchiveEntityTable[]
  readonly stats: NormalizationStats
  /** Adds the entities of one top-level record; throws `RecordShapeError` for a foreign shape. */
  add(raw: unknown, into: EntityBatch): void
  /** Adds what is only known once every record is read (the evaluation tables' task tree). */
  finish(into: EntityBatch): void
}

// Order matters to the writer: papers before the stubs that must not replace them.
const BATCH_KEYS = [
  'papers',
  'paperStubs',
  'codeLinks',
  'methods',
  'datasets',
  'tasks',
  'leaderboards',
  'results'
] as const satisfies readonly (keyof EntityBatch)[]

/** Empties a batch in place (records parsed again on resume are dropped, not written). */
export function clearEntityBatch(batch: EntityBatch): void {
  for (const key of BATCH_KEYS) batch[key].length = 0
}

/** A batch holding `batch`'s entities, which is left empty: the records can be written while `batch` fills again. */
export function takeEntityBatch(batch: EntityBatch): EntityBatch {
  const taken = { ...batch }
  for (const key of BATCH_KEYS) batch[key] = []
  return taken
}

/** The batch cut into batches of at most `maxEntities` entities, keeping table order. */
export function splitEntityBatch(batch: EntityBatch, maxEntities: number): EntityBatch[] {
  if (entityBatchSize(batch) <= maxEntities) return [batch]
  const parts: EntityBatch[] = []
  let current = createEntityBatch()
  let size = 0
  for (const key of BATCH_KEYS) {
    const records: unknown[] = batch[key]
    for (let start = 0; start < records.length;) {
      if (size === maxEntities) {
        parts.push(current)
        current = createEntityBatch()
        size = 0
      }
      const take = Math.min(maxEntities - size, records.length - start)
      const target: unknown[] = current[key]
      target.push(...records.slice(start, start + take))
      size += take
      start += take
    }
  }
  if (size > 0) parts.push(current)
  return parts
}
