/**
 * A synthetic Papers With Code archive for benchmarks and scale tests: the five dump files under
 * their real download names, in the 2025 schema (data/README.md), at any fraction of the real
 * size. The real archive cannot be downloaded on our machines, and the real samples we have are
 * 10–100× too small to show how an import behaves at 576k papers.
 *
 * Deterministic by seed. Text is recombined from the real descriptions and titles in
 * `shared/data`; record shapes resample real records. Cross-references hold as in the real dumps:
 * links cite generated papers; leaderboard rows cite generated papers by arXiv id or exact title,
 * and some cite papers the archive lacks; papers list tasks of the evaluation tables and embed
 * methods of the methods file; methods and datasets cite generated papers.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import {
  openGzipJsonArray,
  type GzipJsonArrayWriter,
  type WrittenFile
} from './synthetic/gzipJsonArrayWriter'
import {
  buildDatasetNames,
  buildMethodCatalog,
  createDatasetRecordMaker,
  type MethodCatalog
} from './synthetic/methodsAndDatasets'
import {
  generatePaperIdentities,
  openReviewIdFor,
  paperAbsAndPdf,
  paperUrl,
  repositoriesFor,
  type PaperIdentities
} from './synthetic/paperIdentities'
import { loadRealSamples, type RealSamples } from './synthetic/realSamples'
import { createRandom, type Random } from './synthetic/seededRandom'
import { leadingSentences, makeAbstract, type TextSource } from './synthetic/syntheticText'
import { buildTaskForest, countWrittenRows, taskRecord, type TaskForest } from './synthetic/taskTree'
import { shuffled } from './synthetic/uniqueNames'

/** The download names of the last (July 2025) dumps. */
export const ARCHIVE_FILE_NAMES = {
  papers: 'jul-29-papers-with-abstracts.json.gz',
  links: 'jul-28-links-between-papers-and-code.json.gz',
  evaluationTables: 'jul-28-evaluation-tables.json.gz',
  methods: 'jul-28-methods.json.gz',
  datasets: 'jul-28-datasets.json.gz'
} as const

export type ArchiveFileKind = keyof typeof ARCHIVE_FILE_NAMES

/** Record counts of the real July 2025 archive (data/README.md); scale 1.0 reproduces them. */
export const FULL_SCALE_COUNTS = {
  papers: 576_261,
  links: 300_161,
  topLevelTasks: 2_254,
  taskNodes: 4_451,
  methods: 8_725,
  datasets: 15_008
} as const

export interface SyntheticArchiveOptions {
  outDir: string
  /** Fraction of the real archive's record counts: 1 for full size, 0.001 for a unit test. */
  scale: number
  seed?: number
  /** Where the real sample files live (`shared/data`). */
  dataDir: string
  /** 1 by default: the full papers file is 2.2 GB and level 6 would triple the run time. */
  gzipLevel?: number
  onFileWritten?: (file: SyntheticFileReport) => void
}

export interface SyntheticFileReport extends WrittenFile {
  kind: ArchiveFileKind
  name: string
  seconds: number
}

export interface SyntheticArchiveReport {
  seed: number
  scale: number
  files: SyntheticFileReport[]
  counts: {
    papers: number
    links: number
    topLevelTasks: number
    /** Task nodes as written, duplicated subtrees included. */
    taskNodes: number
    /** Distinct tasks (names). */
    distinctTasks: number
    resultRows: number
    methods: number
    datasets: number
  }
}

export const DEFAULT_SEED = 20250728

/** A count of the real archive at `scale`, as the generator writes it (at least one record). */
export function scaledCount(fullCount: number, scale: number): number {
  return Math.max(1, Math.round(fullCount * scale))
}

interface Generation {
  seed: number
  samples: RealSamples
  text: TextSource
  papers: PaperIdentities
  forest: TaskForest
  taskNames: string[]
  methods: MethodCatalog
  datasetNames: string[]
}

function authorsFor(random: Random, samples: RealSamples): string[] {
  const count = Math.min(30, 1 + Math.floor(-Math.log(1 - random.next()) * 3.5))
  const authors: string[] = []
  for (let i = 0; i < count; i += 1) {
    authors.push(`${random.pick(samples.givenNames)} ${random.pick(samples.familyNames)}`)
  }
  return authors
}

function distinctSkewedPicks<T>(random: Random, items: readonly T[], count: number, skew: number): T[] {
  const picked = new Set<T>()
  for (let attempt = 0; picked.size < Math.min(count, items.length) && attempt < count * 4; attempt += 1) {
    picked.add(items[random.skewedIndex(items.length, skew)])
  }
  return [...picked]
}

// Calibrated so that, with ~1,400-character abstracts, the full papers file is ~2.2 GB.
function methodsPerPaper(random: Random): number {
  return random.chance(0.7) ? 0 : 1 + Math.floor(-Math.log(1 - random.next()) * 0.8)
}

function tasksPerPaper(random: Random): number {
  const draw = random.next()
  return draw < 0.12 ? 0 : draw < 0.47 ? 1 : draw < 0.75 ? 2 : draw < 0.9 ? 3 : random.between(4, 7)
}

function abstractLength(random: Random): number {
  // Sum of uniforms: bell-shaped around 1,400 characters, 400–2,400.
  return Math.round(400 + (random.next() + random.next() + random.next() + random.next()) * 500)
}

async function writePapers(writer: GzipJsonArrayWriter, generation: Generation): Promise<void> {
  const { seed, samples, text, papers, methods, taskNames } = generation
  const random = createRandom(seed, 'papers')
  const popularMethods = methods.byPopularity.map((index) => methods.embedded[index])
  for (let i = 0; i < papers.count; i += 1) {
    const abstract = random.chance(0.01) ? '' : makeAbstract(random, text, abstractLength(random))
    const proceeding = random.pick(samples.proceedings)
    const { abs, pdf } = paperAbsAndPdf(papers, i)
    await writer.writeRecord({
      paper_url: paperUrl(papers, i),
      arxiv_id: papers.arxivIds[i],
      nips_id: null,
      openreview_id: openReviewIdFor(papers, i),
      title: papers.titles[i],
      abstract,
      short_abstract: leadingSentences(abstract, 280),
      url_abs: abs,
      url_pdf: pdf,
      proceeding: proceeding === '' ? null : proceeding,
      authors: authorsFor(random, samples),
      tasks: distinctSkewedPicks(random, taskNames, tasksPerPaper(random), 2),
      date: papers.dates[i],
      conference_url_abs: null,
      conference_url_pdf: null,
      // The API gives a conference paper its own slug, e.g. "generative-adversarial-networks-1".
      conference: proceeding === '' ? null : `${papers.slugs[i]}-1`,
      reproduces_paper: null,
      methods: distinctSkewedPicks(random, popularMethods, methodsPerPaper(random), 2.5)
    })
  }
}

async function writeLinks(writer: GzipJsonArrayWriter, generation: Generation): Promise<void> {
  const { seed, samples, papers } = generation
  const random = createRandom(seed, 'links')
  for (let i = 0; i < papers.count; i += 1) {
    const { abs, pdf } = paperAbsAndPdf(papers, i)
    for (const repository of repositoriesFor(papers, i, samples.repositories)) {
      const template = random.pick(samples.links)
      await writer.writeRecord({
        paper_url: paperUrl(papers, i),
        paper_title: papers.titles[i],
        paper_arxiv_id: papers.arxivIds[i],
        paper_url_abs: abs,
        paper_url_pdf: pdf,
        repo_url: `https://github.com/${repository}`,
        is_official: template.is_official,
        mentioned_in_paper: template.is_official ? random.chance(0.8) : random.chance(0.1),
        mentioned_in_github: random.chance(template.is_official ? 0.3 : 0.6),
        framework: template.framework
      })
    }
  }
}

async function writeEvaluationTables(writer: GzipJsonArrayWriter, generation: Generation): Promise<void> {
  const context = { seed: generation.seed, papers: generation.papers, samples: generation.samples }
  for (const task of generation.forest.topLevel) await writer.writeRecord(taskRecord(task, context))
}

async function writeMethods(writer: GzipJsonArrayWriter, generation: Generation): Promise<void> {
  for (const record of generation.methods.records) await writer.writeRecord(record)
}

async function writeDatasets(writer: GzipJsonArrayWriter, generation: Generation): Promise<void> {
  const makeRecord = createDatasetRecordMaker(generation.seed, {
    ...generation,
    taskNames: generation.taskNames
  })
  for (const name of generation.datasetNames) await writer.writeRecord(makeRecord(name))
}

const WRITERS: Record<
  ArchiveFileKind,
  (writer: GzipJsonArrayWriter, generation: Generation) => Promise<void>
> = {
  papers: writePapers,
  links: writeLinks,
  evaluationTables: writeEvaluationTables,
  methods: writeMethods,
  datasets: writeDatasets
}

export async function generateSyntheticArchive(
  options: SyntheticArchiveOptions
): Promise<SyntheticArchiveReport> {
  if (!(options.scale > 0 && options.scale <= 10))
    throw new RangeError(`scale must be in (0, 10], got ${options.scale}`)
  const seed = options.seed ?? DEFAULT_SEED
  const gzipLevel = options.gzipLevel ?? 1
  const samples = loadRealSamples(options.dataDir)
  const text: TextSource = samples
  const counts = {
    papers: scaledCount(FULL_SCALE_COUNTS.papers, options.scale),
    links: scaledCount(FULL_SCALE_COUNTS.links, options.scale),
    topLevelTasks: scaledCount(FULL_SCALE_COUNTS.topLevelTasks, options.scale),
    taskNodes: scaledCount(FULL_SCALE_COUNTS.taskNodes, options.scale),
    methods: scaledCount(FULL_SCALE_COUNTS.methods, options.scale),
    datasets: scaledCount(FULL_SCALE_COUNTS.datasets, options.scale)
  }

  const papers = generatePaperIdentities(seed, counts.papers, counts.links, text)
  const datasetNames = buildDatasetNames(seed, counts.datasets, samples)
  const forest = buildTaskForest(seed, counts.topLevelTasks, counts.taskNodes, samples, datasetNames, text)
  const taskNames = shuffled(
    createRandom(seed, 'task-popularity'),
    forest.unique.map((task) => task.name)
  )
  const methods = buildMethodCatalog(seed, counts.methods, samples, papers, text)
  const generation: Generation = { seed, samples, text, papers, forest, taskNames, methods, datasetNames }

  mkdirSync(options.outDir, { recursive: true })
  const files: SyntheticFileReport[] = []
  for (const kind of Object.keys(ARCHIVE_FILE_NAMES) as ArchiveFileKind[]) {
    const started = performance.now()
    const writer = openGzipJsonArray(join(options.outDir, ARCHIVE_FILE_NAMES[kind]), gzipLevel)
    await WRITERS[kind](writer, generation)
    const written = await writer.finish()
    const report = {
      ...written,
      kind,
      name: ARCHIVE_FILE_NAMES[kind],
      seconds: (performance.now() - started) / 1000
    }
    files.push(report)
    options.onFileWritten?.(report)
  }

  return {
    seed,
    scale: options.scale,
    files,
    counts: {
      papers: counts.papers,
      links: counts.links,
      topLevelTasks: forest.topLevel.length,
      taskNodes: forest.writtenNodes,
      distinctTasks: forest.unique.length,
      resultRows: countWrittenRows(forest.topLevel),
      methods: methods.records.length,
      datasets: datasetNames.length
    }
  }
}
