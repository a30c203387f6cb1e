/**
 * `evaluation-tables` records (one recursive task tree each) → tasks, leaderboards and results.
 *
 * The tree is really a graph drawn as a tree: 266 of the 1,553 task names of 2020 sit under
 * several parents, each copy repeating the same datasets and rows, so the dump's 4,531 tables and
 * 28,183 rows are 2,738 distinct leaderboards and 15,519 distinct results. A leaderboard is one
 * page per (task, dataset), so each is stored once: the first copy wins, later copies are counted
 * (`repeatedLeaderboards`) and compared (`conflictingRepeats`). A task keeps the first parent it
 * is listed under as `parentId` and the others in `otherParentIds`.
 *
 * Tasks are held until `finish`, because a later record can add a parent to a task already seen;
 * leaderboards and results are emitted as their record is read.
 */
import type { LeaderboardRecord, MetricValue, ResultRecord, TaskRecord, TitledLink } from './entities'
import { RecordShapeError } from './dumpErrors'
import { shortTextHash } from './contentHash'
import {
  createNormalizationStats,
  leaderboardKey,
  type DumpNormalizer,
  type EntityBatch,
  type NormalizationContext,
  type NormalizationStats
} from './dumpNormalizer'
import { isPlaceholderMetric, parseMetricValue } from './metricValue'
import { arxivIdFromUrl, paperTitleKey } from './paperKeys'
import { resultStubPaperId } from './paperResolution'
import {
  booleanOrNull,
  expectRawObject,
  isoDayOrNull,
  isRawObject,
  lineList,
  lineOrNull,
  objectList,
  pushUnique,
  rawFieldsOrNull,
  textOrNull,
  type RawFields
} from './rawFields'
import type {
  RawEvaluationDataset,
  RawEvaluationTask,
  RawResultRow,
  RawSota,
  RawTitledLink
} from './rawDumpTypes'
import { claimTaskId } from './evaluationTaskIds'
import { pwcSlug } from './slug'

const MAX_UNPARSED_EXAMPLES = 8

/** The dataset and table fields read below; rows anywhere else are reported, not guessed at. */
const READ_DATASET_FIELDS = new Set([
  'dataset',
  'subdataset',
  'description',
  'dataset_links',
  'dataset_citations',
  'subdatasets',
  'sota'
])
const READ_SOTA_FIELDS = new Set(['metrics', 'rows'])

/** Rows of a results table: an array holding at least one object with a `model_name`. */
function resultRowCount(value: unknown): number {
  return Array.isArray(value) && value.some((row) => isRawObject(row) && 'model_name' in row)
    ? value.length
    : 0
}

interface DatasetScope {
  taskId: string
  /**
   * Dataset names from the task's dataset down to this node, verbatim: "FB15k" and " FB15k" are
   * two different 2020 tables (as on the old site), which trimming would merge.
   */
  path: string[]
}

/** Metric names verbatim: rows key their values by these exact strings. */
function metricNames(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string') : []
}

function titledLinks(value: unknown): TitledLink[] {
  const links: TitledLink[] = []
  for (const item of Array.isArray(value) ? value : []) {
    if (typeof item === 'string') {
      const url = lineOrNull(item)
      if (url !== null) links.push({ title: null, url })
    } else {
      const link = rawFieldsOrNull<RawTitledLink>(item)
      const url = lineOrNull(link?.url)
      if (link !== null && url !== null) links.push({ title: lineOrNull(link.title), url })
    }
  }
  return links
}

function taskName(node: RawFields<RawEvaluationTask>): string {
  if (typeof node.task !== 'string') {
    throw new RecordShapeError('expected an evaluation-tables task with a string "task" name')
  }
  return lineOrNull(node.task) ?? ''
}

// Enough to notice that a repeated copy of a table is not the same table.
function tableSignature(metrics: string[], rows: RawFields<RawResultRow>[]): string {
  const models = rows.map((row) => (typeof row.model_name === 'string' ? row.model_name : '')).join('\u0001')
  return `${metrics.join('\u0001')}\u0002${rows.length}\u0002${shortTextHash(models)}`
}

class EvaluationTablesNormalizer implements DumpNormalizer {
  readonly kind = 'evaluation-tables'
  readonly ownedTables = ['tasks', 'leaderboards', 'results'] as const
  readonly stats: NormalizationStats = createNormalizationStats()
  private readonly tasks = new Map<string, TaskRecord>()
  private readonly tableSignatures = new Map<string, string>()
  private readonly unparsedExamples = new Set<string>()

  constructor(private readonly context: NormalizationContext) {}

  add(raw: unknown, into: EntityBatch): void {
    this.stats.records++
    this.visitTask(expectRawObject<RawEvaluationTask>(raw, 'an evaluation-tables task'), null, into)
  }

  finish(into: EntityBatch): void {
    this.breakParentCycles()
    into.tasks.push(...this.tasks.values())
  }

  private visitTask(node: RawFields<RawEvaluationTask>, parentId: string | null, into: EntityBatch): void {
    const name = taskName(node)
    const id = claimTaskId(this.context.taskIds, name)
    this.stats.taskOccurrences++
    const known = this.tasks.get(id)
    if (!known) {
      this.tasks.set(id, {
        id,
        name,
        description: textOrNull(node.description),
        areas: lineList(node.categories),
        parentId,
        otherParentIds: [],
        synonyms: lineList(node.synonyms),
        sourceLink: lineOrNull(node.source_link)
      })
    } else if (parentId !== null && parentId !== id && parentId !== known.parentId) {
      if (known.parentId === null) known.parentId = parentId
      else pushUnique(known.otherParentIds, parentId)
    }
    for (const dataset of objectList<RawEvaluationDataset>(node.datasets))
      this.visitDataset(dataset, { taskId: id, path: [] }, into)
    for (const subtask of Array.isArray(node.subtasks) ? node.subtasks : []) {
      this.visitTask(expectRawObject<RawEvaluationTask>(subtask, 'an evaluation-tables subtask'), id, into)
    }
  }

  private visitDataset(node: RawFields<RawEvaluationDataset>, parent: DatasetScope, into: EntityBatch): void {
    const isSubdataset = parent.path.length > 0
    const rawName = isSubdataset ? (node.subdataset ?? node.dataset) : node.dataset
    const name = typeof rawName === 'string' ? rawName : ''
    const scope: DatasetScope = { taskId: parent.taskId, path: [...parent.path, name] }
    const sota = rawFieldsOrNull<RawSota>(node.sota)
    this.noteUnreadRows(node, READ_DATASET_FIELDS, '')
    if (sota !== null) this.noteUnreadRows(sota, READ_SOTA_FIELDS, 'sota.')
    if (sota !== null) this.visitTable(node, sota, scope, into)
    for (const subdataset of objectList<RawEvaluationDataset>(node.subdatasets)) {
      this.visitDataset(subdataset, scope, into)
    }
  }

  private noteUnreadRows(node: object, read: ReadonlySet<string>, prefix: string): void {
    for (const [field, value] of Object.entries(node)) {
      if (read.has(field)) continue
      const rows = resultRowCount(value)
      if (rows === 0) continue
      const path = prefix + field
      this.stats.unreadRowFields.set(path, (this.stats.unreadRowFields.get(path) ?? 0) + rows)
    }
  }

  private visitTable(
    node: RawFields<RawEvaluationDataset>,
    sota: RawFields<RawSota>,
    scope: DatasetScope,
    into: EntityBatch
  ): void {
    const rows = objectList<RawResultRow>(sota.rows)
    const metrics = metricNames(sota.metrics)
    for (const row of rows) {
      if (isRawObject(row.metrics)) for (const metric of Object.keys(row.metrics)) pushUnique(metrics, metric)
    }
    this.stats.leaderboardOccurrences++
    this.stats.resultRowOccurrences += rows.length

    const key = leaderboardKey(scope.taskId, scope.path)
    const signature = tableSignature(metrics, rows)
    const seenSignature = this.tableSignatures.get(key)
    if (seenSignature !== undefined) {
      this.stats.repeatedLeaderboards++
      if (seenSignature !== signature) this.stats.conflictingRepeats++
      return
    }
    this.tableSignatures.set(key, signature)

    // A subdataset's slug names its parent too: "SemEval 2018" › "General" → semeval-2018-general.
    const datasetSlug = pwcSlug(scope.path.join(' '), 'dataset')
    const parentPath = scope.path.slice(0, -1)
    const id = this.context.leaderboardIds.assign(key, `${scope.taskId}-on-${datasetSlug}`)
    const board: LeaderboardRecord = {
      id,
      taskId: scope.taskId,
      datasetName: scope.path[scope.path.length - 1],
      datasetSlug,
      parentDatasetName: parentPath.length > 0 ? parentPath[parentPath.length - 1] : null,
      parentDatasetSlug: parentPath.length > 0 ? pwcSlug(parentPath.join(' '), 'dataset') : null,
      description: textOrNull(node.description),
      datasetLinks: titledLinks(node.dataset_links),
      metrics,
      resultCount: rows.length
    }
    into.leaderboards.push(board)
    const idUses = new Map<string, number>()
    rows.forEach((row, position) => into.results.push(this.result(row, position, board.id, idUses)))
  }

  private result(
    row: RawFields<RawResultRow>,
    position: number,
    leaderboardId: string,
    idUses: Map<string, number>
  ): ResultRecord {
    const modelName = lineOrNull(row.model_name) ?? ''
    const paperTitle = lineOrNull(row.paper_title)
    const paperUrl = lineOrNull(row.paper_url)
    const paperArxivId = arxivIdFromUrl(paperUrl)
    // Rows have no id; model and paper identify one, and repeats (the same model listed twice,
    // 14 in 2020) are told apart by their order.
    const baseId = `${leaderboardId}/${shortTextHash(`${modelName}\u0000${paperUrl ?? ''}\u0000${paperTitle ?? ''}`)}`
    const uses = idUses.get(baseId) ?? 0
    idUses.set(baseId, uses + 1)
    return {
      id: uses === 0 ? baseId : `${baseId}-${uses}`,
      leaderboardId,
      position,
      modelName,
      paperTitle,
      paperUrl,
      paperArxivId,
      paperDate: isoDayOrNull(row.paper_date),
      paperId: resultStubPaperId(paperArxivId, paperTitleKey(paperTitle)),
      metrics: this.metricValues(row.metrics),
      codeLinks: titledLinks(row.code_links).map((link) => link.url),
      modelLinks: titledLinks(row.model_links),
      usesAdditionalData: booleanOrNull(row.uses_additional_data)
    }
  }

  private metricValues(value: unknown): Record<string, MetricValue> {
    if (!isRawObject(value)) return {}
    const entries: [string, MetricValue][] = []
    for (const [name, raw] of Object.entries(value)) {
      if (typeof raw !== 'string' && typeof raw !== 'number') continue
      const metric = parseMetricValue(raw)
      if (metric.value === null && !isPlaceholderMetric(metric.raw)) {
        this.stats.unparsedMetricValues++
        if (this.unparsedExamples.size < MAX_UNPARSED_EXAMPLES && !this.unparsedExamples.has(metric.raw)) {
          this.unparsedExamples.add(metric.raw)
          this.stats.unparsedMetricExamples.push(metric.raw)
        }
      }
      entries.push([name, metric])
    }
    // fromEntries defines own properties, so a metric named "__proto__" stays a metric.
    return Object.fromEntries(entries)
  }

  /**
   * Task A under B in one place and B under A in another would make "first parent" a cycle that
   * a breadcrumb would walk forever; the task that closes one becomes a root, its parent kept in
   * `otherParentIds`.
   */
  private breakParentCycles(): void {
    for (const task of this.tasks.values()) {
      let current = task.parentId
      for (let steps = 0; current !== null && steps <= this.tasks.size; steps++) {
        if (current === task.id) {
          pushUnique(task.otherParentIds, task.parentId as string)
          task.parentId = null
          break
        }
        current = this.tasks.get(current)?.parentId ?? null
      }
    }
  }
}

export function createEvaluationTablesNormalizer(context: NormalizationContext): DumpNormalizer {
  return new EvaluationTablesNormalizer(context)
}
