/**
 * `npm run archive -- inspect <file…>`: reads dumps with the sync engine's own reader and
 * normalizers, without a database, and prints one JSON report: what a sync of these files would
 * store, which metric strings hold no number, and where a broken file breaks.
 *
 * Papers are resolved in memory the way the engine resolves them (arXiv id, then title), so the
 * stub count is what a sync into an empty database would create.
 */
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { toArchiveSyncError } from '../../shared/archive/dumpErrors'
import { DUMP_KINDS_IN_IMPORT_ORDER, detectDumpKind, type DumpKind } from '../../shared/archive/dumpKinds'
import {
  clearEntityBatch,
  createEntityBatch,
  createNormalizationContext,
  createNormalizationStats,
  type EntityBatch,
  type NormalizationContext,
  type NormalizationStats
} from '../../shared/archive/dumpNormalizer'
import { createDumpNormalizer } from '../../shared/archive/dumpNormalizers'
import { DumpRecordIngestor } from '../../shared/archive/dumpRecordIngestor'
import { readDumpRecords } from '../../shared/archive/dumpRecordReader'
import { isPlaceholderMetric } from '../../shared/archive/metricValue'
import { paperTitleKey } from '../../shared/archive/paperKeys'
import { isResultStubId, PaperMatchIndex } from '../../shared/archive/paperResolution'
import type { ResultRecord } from '../../shared/archive/entities'
import type { ArchiveSyncError } from '../../shared/archive/syncProgress'
import { readDumpFile } from '../archive/readDumpFile'

const MAX_EXAMPLES = 10
const MAX_ERRORS = 10

const USAGE = 'usage: npm run archive -- inspect <dump file…>  (gzip or plain JSON; kind from the file name)'

interface FileReport {
  file: string
  kind: DumpKind | null
  bytes: number | null
  records: number
  ok: boolean
}

interface UnparsedMetricExample {
  leaderboardId: string
  modelName: string
  metric: string
  raw: string
}

/** Everything one inspection collects, across files. */
class Inspection {
  readonly files: FileReport[] = []
  readonly errors: ArchiveSyncError[] = []
  readonly counts = {
    papers: 0,
    stubs: 0,
    links: 0,
    tasks: 0,
    leaderboards: 0,
    results: 0,
    datasets: 0,
    methods: 0
  }
  readonly evaluationTables: NormalizationStats = createNormalizationStats()
  readonly unparsed = { values: 0, results: 0, examples: [] as UnparsedMetricExample[] }
  /** Papers and link stubs by arXiv id and title, as the database would hold them. */
  private readonly knownPapers = new PaperMatchIndex()
  private readonly realPapers = new Set<string>()
  private readonly linkStubs = new Set<string>()
  private readonly rowPapers = new Map<string, { arxivId: string | null; titleKey: string | null }>()

  /** Counts a batch's entities; kinds arrive in import order, so papers precede their stubs. */
  take(batch: EntityBatch): void {
    this.counts.papers += batch.papers.length
    this.counts.links += batch.codeLinks.length
    this.counts.tasks += batch.tasks.length
    this.counts.leaderboards += batch.leaderboards.length
    this.counts.results += batch.results.length
    this.counts.datasets += batch.datasets.length
    this.counts.methods += batch.methods.length
    for (const paper of batch.papers) {
      this.realPapers.add(paper.id)
      this.knownPapers.add(paper.id, paper.arxivId, paper.titleKey)
    }
    for (const stub of batch.paperStubs) {
      if (this.realPapers.has(stub.id) || this.linkStubs.has(stub.id)) continue
      this.linkStubs.add(stub.id)
      this.knownPapers.add(stub.id, stub.arxivId, stub.titleKey)
    }
    for (const result of batch.results) {
      if (result.paperId !== null && isResultStubId(result.paperId)) {
        this.rowPapers.set(result.paperId, {
          arxivId: result.paperArxivId,
          titleKey: paperTitleKey(result.paperTitle)
        })
      }
      this.countUnparsedMetrics(result)
    }
  }

  /** Stubs a sync into an empty database would store once every file is read. */
  countStubs(): void {
    const rowStubs = new PaperMatchIndex()
    let rowStubCount = 0
    for (const [id, keys] of this.rowPapers) {
      if (this.knownPapers.resolve(keys.arxivId, keys.titleKey) !== null) continue
      // A row citing by title only joins the stub another row made for the same title.
      if (rowStubs.resolve(keys.arxivId, keys.titleKey) !== null) continue
      rowStubs.add(id, keys.arxivId, keys.titleKey)
      rowStubCount++
    }
    this.counts.stubs = this.linkStubs.size + rowStubCount
  }

  private countUnparsedMetrics(result: ResultRecord): void {
    let unparsed = 0
    for (const [metric, { raw, value }] of Object.entries(result.metrics)) {
      if (value !== null || isPlaceholderMetric(raw)) continue
      unparsed++
      // One example per distinct string: a board repeats the same word down a column.
      if (
        this.unparsed.examples.length < MAX_EXAMPLES &&
        !this.unparsed.examples.some((e) => e.raw === raw)
      ) {
        this.unparsed.examples.push({
          leaderboardId: result.leaderboardId,
          modelName: result.modelName,
          metric,
          raw
        })
      }
    }
    this.unparsed.values += unparsed
    if (unparsed > 0) this.unparsed.results++
  }

  addEvaluationStats(stats: NormalizationStats): void {
    const target = this.evaluationTables
    target.records += stats.records
    target.taskOccurrences += stats.taskOccurrences
    target.leaderboardOccurrences += stats.leaderboardOccurrences
    target.resultRowOccurrences += stats.resultRowOccurrences
    target.repeatedLeaderboards += stats.repeatedLeaderboards
    target.conflictingRepeats += stats.conflictingRepeats
  }

  report(): unknown {
    const {
      records,
      taskOccurrences,
      leaderboardOccurrences,
      resultRowOccurrences,
      repeatedLeaderboards,
      conflictingRepeats
    } = this.evaluationTables
    return {
      files: this.files,
      counts: this.counts,
      evaluationTables: {
        topLevelTasks: records,
        taskOccurrences,
        leaderboardOccurrences,
        resultRowOccurrences,
        repeatedLeaderboards,
        conflictingRepeats
      },
      unparsedMetricValues: this.unparsed,
      errors: this.errors.slice(0, MAX_ERRORS),
      errorCount: this.errors.length
    }
  }
}

async function inspectKind(
  kind: DumpKind,
  paths: string[],
  inspection: Inspection,
  context: NormalizationContext
): Promise<void> {
  const ingestor = new DumpRecordIngestor(createDumpNormalizer(kind, context))
  const batch = createEntityBatch()
  for (const path of paths) {
    const report: FileReport = { file: basename(path), kind, bytes: null, records: 0, ok: true }
    inspection.files.push(report)
    try {
      report.bytes = (await stat(path)).size
      for await (const elements of readDumpRecords(readDumpFile(path))) {
        for (const element of elements) {
          ingestor.add(element, batch)
          report.records = element.index + 1
          inspection.take(batch)
          clearEntityBatch(batch)
        }
      }
    } catch (error) {
      report.ok = false
      inspection.errors.push(toArchiveSyncError(report.file, error, { recordIndex: null, byteOffset: null }))
      clearEntityBatch(batch)
    }
  }
  // The task tree of the records that were read, even when a file broke off. A failure here is
  // the kind's last file's, as the engine reports it.
  try {
    ingestor.finish(batch)
    inspection.take(batch)
  } catch (error) {
    const last = inspection.files[inspection.files.length - 1]
    last.ok = false
    inspection.errors.push(toArchiveSyncError(last.file, error, { recordIndex: null, byteOffset: null }))
    clearEntityBatch(batch)
  }
  if (kind === 'evaluation-tables') inspection.addEvaluationStats(ingestor.normalizer.stats)
}

/** Runs `inspect`; prints one JSON object through `out` and resolves to the exit code. */
export async function runInspect(args: string[], out: (line: string) => void): Promise<number> {
  const paths = args.filter((arg) => !arg.startsWith('--'))
  if (paths.length === 0 || args.includes('--help')) {
    out(USAGE)
    return paths.length === 0 ? 2 : 0
  }
  const inspection = new Inspection()
  const byKind = new Map<DumpKind, string[]>()
  for (const path of paths) {
    const kind = detectDumpKind(path)
    if (kind === null) {
      inspection.files.push({ file: basename(path), kind: null, bytes: null, records: 0, ok: false })
      inspection.errors.push({
        file: basename(path),
        recordIndex: null,
        byteOffset: null,
        message:
          'not a Papers With Code dump name (papers-with-abstracts, links-between-papers-and-code, evaluation-tables, methods, datasets)'
      })
      continue
    }
    byKind.set(kind, [...(byKind.get(kind) ?? []), path])
  }
  const context = createNormalizationContext()
  for (const kind of DUMP_KINDS_IN_IMPORT_ORDER) {
    const kindPaths = byKind.get(kind)
    if (kindPaths) await inspectKind(kind, kindPaths, inspection, context)
  }
  inspection.countStubs()
  out(JSON.stringify(inspection.report(), null, 2))
  return inspection.errors.length > 0 ? 1 : 0
}
