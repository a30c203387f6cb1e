/**
 * `npm run archive -- inspect [--kind <kind>] <file…>`: reads dumps with the sync engine's own reader and
 * normalizers, without a database, and prints one JSON report: what a sync of these files would
 * store, which metric strings hold no number, and where a broken file breaks.
 *
 * Papers are resolved in memory the way the engine resolves them (arXiv id, then title), so the
 * stub count is what a sync into an empty database would create.
 *
 * `--kind` reads every file as that kind, for files whose names do not say (`eff.json`). A file
 * whose result rows sit in a field the normalizer does not read (`sota.sota_rows`) is reported by
 * name and field, and is an error (exit 1) when not one of its rows could be read.
 * `longTexts` lists the strings a sync would store apart from their records (longText.ts), with
 * the chunks they take, as the engine writes them.
 * `--replacing <file>` adds `replacePlan`: what replacing those files' kinds with the inspected
 * files would remove (inMemoryReplacePlan.ts).
 */
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { toArchiveSyncError } from '../../shared/archive/dumpErrors'
import {
  DUMP_KINDS_IN_IMPORT_ORDER,
  detectDumpKind,
  isDumpKind,
  type DumpKind
} from '../../shared/archive/dumpKinds'
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
import { ARCHIVE_ENTITY_TABLES, type ResultRecord } from '../../shared/archive/entities'
import { longFieldsOf, longTextChunkCount } from '../../shared/archive/longText'
import type { ArchiveSyncError } from '../../shared/archive/syncProgress'
import { unreadRowWarnings, unreadRowsSince } from '../../shared/archive/unreadRowWarnings'
import type { RemovalCounts } from '../../shared/archive/removalPlan'
import { readDumpFile } from '../archive/readDumpFile'
import { planReplaceInMemory } from './inMemoryReplacePlan'

const MAX_EXAMPLES = 10
const MAX_ERRORS = 10

const USAGE = `usage: npm run archive -- inspect [--kind <${DUMP_KINDS_IN_IMPORT_ORDER.join('|')}>] [--replacing <held dump>]… <dump file…>
  gzip or plain JSON; the kind comes from the file name unless --kind names it`

interface FileReport {
  file: string
  kind: DumpKind | null
  bytes: number | null
  records: number
  ok: boolean
  /** Rows in fields the normalizer does not read, and similar: read, but incompletely. */
  warnings: string[]
}

interface LongTextReport {
  table: string
  id: string
  field: string
  length: number
  chunks: number
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
  /** By table, id and field: a record listed twice is stored once. */
  private readonly longTexts = new Map<string, LongTextReport>()
  /** Papers and link stubs by arXiv id and title, as the database would hold them. */
  private readonly knownPapers = new PaperMatchIndex()
  private readonly realPapers = new Set<string>()
  private readonly linkStubs = new Set<string>()
  private readonly rowPapers = new Map<string, { arxivId: string | null; titleKey: string | null }>()

  /** Counts a batch's entities; kinds arrive in import order, so papers precede their stubs. */
  take(batch: EntityBatch): void {
    this.noteLongTexts(batch)
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

  private noteLongTexts(batch: EntityBatch): void {
    for (const table of ARCHIVE_ENTITY_TABLES) {
      for (const record of batch[table]) {
        for (const field of longFieldsOf(table, record)) {
          const text = (record as unknown as Record<string, string>)[field]
          const chunks = longTextChunkCount(text)
          this.longTexts.set(`${table}|${record.id}|${field}`, {
            table,
            id: record.id,
            field,
            length: text.length,
            chunks
          })
        }
      }
    }
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
      longTexts: {
        fields: this.longTexts.size,
        chunks: [...this.longTexts.values()].reduce((sum, text) => sum + text.chunks, 0),
        examples: [...this.longTexts.values()].slice(0, MAX_EXAMPLES)
      },
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
    const report: FileReport = { file: basename(path), kind, bytes: null, records: 0, ok: true, warnings: [] }
    inspection.files.push(report)
    const stats = ingestor.normalizer.stats
    const unreadBefore = new Map(stats.unreadRowFields)
    const rowsBefore = stats.resultRowOccurrences
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
    const rows = stats.resultRowOccurrences - rowsBefore
    report.warnings = unreadRowWarnings(
      report.file,
      unreadRowsSince(unreadBefore, stats.unreadRowFields),
      rows
    )
    if (report.warnings.length > 0 && rows === 0) {
      report.ok = false
      for (const message of report.warnings) {
        inspection.errors.push({ file: report.file, recordIndex: null, byteOffset: null, message })
      }
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

/** The removals replacing what `replacing` holds with the inspected files would make; `null` on errors. */
async function replacePlan(
  replacing: string[],
  incoming: ReadonlyMap<DumpKind, string[]>,
  inspection: Inspection
): Promise<RemovalCounts | null> {
  const held = new Map<DumpKind, string[]>()
  for (const path of replacing) {
    const kind = detectDumpKind(path)
    if (kind === null) {
      inspection.errors.push({
        file: basename(path),
        recordIndex: null,
        byteOffset: null,
        message: '--replacing needs dump files whose names say their kind'
      })
      return null
    }
    held.set(kind, [...(held.get(kind) ?? []), path])
  }
  try {
    return await planReplaceInMemory(held, incoming, createNormalizationContext())
  } catch (error) {
    inspection.errors.push(toArchiveSyncError(null, error, { recordIndex: null, byteOffset: null }))
    return null
  }
}

interface InspectArgs {
  paths: string[]
  kind: DumpKind | null
  /** Files standing for what the archive holds, for the plan of replacing it with `paths`. */
  replacing: string[]
  help: boolean
}

function parseInspectArgs(args: string[]): InspectArgs | string {
  const parsed: InspectArgs = { paths: [], kind: null, replacing: [], help: false }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === '--help') parsed.help = true
    else if (arg === '--kind' || arg.startsWith('--kind=')) {
      const value = arg === '--kind' ? args[++i] : arg.slice('--kind='.length)
      if (!isDumpKind(value)) return `--kind must be one of ${DUMP_KINDS_IN_IMPORT_ORDER.join(', ')}`
      parsed.kind = value
    } else if (arg === '--replacing') {
      const value = args[++i]
      if (value === undefined || value.startsWith('--')) return '--replacing needs a dump file'
      parsed.replacing.push(value)
    } else if (arg.startsWith('--')) return `unknown option ${arg}`
    else parsed.paths.push(arg)
  }
  return parsed
}

/** Runs `inspect`; prints one JSON object through `out` and resolves to the exit code. */
export async function runInspect(
  args: string[],
  out: (line: string) => void,
  err: (line: string) => void = out
): Promise<number> {
  const parsed = parseInspectArgs(args)
  if (typeof parsed === 'string') {
    err(`${parsed}\n${USAGE}`)
    return 2
  }
  const { paths, help } = parsed
  if (paths.length === 0 || help) {
    out(USAGE)
    return paths.length === 0 ? 2 : 0
  }
  const inspection = new Inspection()
  const byKind = new Map<DumpKind, string[]>()
  for (const path of paths) {
    const kind = parsed.kind ?? detectDumpKind(path)
    if (kind === null) {
      inspection.files.push({
        file: basename(path),
        kind: null,
        bytes: null,
        records: 0,
        ok: false,
        warnings: []
      })
      inspection.errors.push({
        file: basename(path),
        recordIndex: null,
        byteOffset: null,
        message:
          'not a Papers With Code dump name (papers-with-abstracts, links-between-papers-and-code, evaluation-tables, methods, datasets); name its kind with --kind'
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
  const report = inspection.report() as Record<string, unknown>
  if (parsed.replacing.length > 0)
    report.replacePlan = await replacePlan(parsed.replacing, byKind, inspection)
  out(JSON.stringify(report, null, 2))
  return inspection.errors.length > 0 ? 1 : 0
}
