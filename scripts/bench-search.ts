/**
 * Full-text search benchmark: our segmented compact index next to a plain single MiniSearch
 * (title + abstract + authors + tasks, MiniSearch's defaults), on synthetic papers at a scale of
 * the full archive (576,261 papers).
 *
 *   npx tsx scripts/bench-search.ts --scale 0.1
 *   npx tsx scripts/bench-search.ts --scale 1            (~15 min on 2 cores)
 *   options: --seed 1  --baseline-scale 0.2  --skip-baseline  --keep (keep the chunk files)
 *            --peers fts5,flexsearch (the default)  --skip-peers
 *            --phase report --dir <a --keep run's dir> (print it again, with the same options)
 *
 * Each engine runs in its own child process of this script (same machine, same run, same
 * corpus), so each one's peak memory is its own: a process's peak RSS cannot be reset, and the
 * build's garbage would otherwise be charged to search. The phases:
 *   build    generate papers, index them, serialize to chunk files (as IndexedDB would store)
 *   search   read the chunks back, time the first result, attach the rest, run the query set
 *   baseline the same corpus into one MiniSearch; build, memory, JSON, loadJSON, the query set
 *   peer     the same corpus and query set into SQLite FTS5 or FlexSearch (scripts/bench-search/),
 *            printed as ratios to ours, with how far their top results agree with ours
 *
 * Papers are generated deterministically from real vocabulary in ../shared/data: prose words
 * from the real method, dataset and task descriptions and the 50 real abstracts, title words
 * from the 4,533 paper titles the 2020 leaderboards cite, real task, dataset, method, venue and
 * framework names; words are drawn by rank with a Zipf (1/rank) law, plus a long tail of rare
 * made-up terms (model names, symbols) so the vocabulary keeps growing with the corpus as real
 * vocabularies do.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import MiniSearch from 'minisearch'
import {
  attachPaperIndexChunks,
  chunkKeysByGroup,
  deserializePaperIndex,
  serializePaperIndex,
  serializedSize,
  type IndexChunkGroup
} from '../src/shared/search/indexSerialization'
import { PaperSearchIndex } from '../src/shared/search/paperSearchIndex'
import { parseQuery, type ParsedQuery } from '../src/shared/search/queryParser'
import type { SearchablePaper } from '../src/shared/search/searchDocuments'
import { argValue, scaleArg } from './bench/cliArgs'
import { flexsearchPeerModule } from './bench-search/flexsearchPeer'
import { fts5PeerModule } from './bench-search/fts5Peer'
import { printPeers, type PeerResult } from './bench-search/peerReport'
import { AGREEMENT_DEPTH, runPeerPhase, type PeerModule, type QueryOutcome } from './bench-search/searchPeer'

const FULL_ARCHIVE = 576_261
const SCRIPT = fileURLToPath(import.meta.url)
const REPO_ROOT = resolve(dirname(SCRIPT), '..')
const DATA_DIR = resolve(REPO_ROOT, '../shared/data')
/** FACTS: reading one 100 MB value back from IndexedDB takes ~1 s. */
const INDEXEDDB_READ_BYTES_PER_SECOND = 100e6
/** FACTS: V8's longest string. */
const V8_MAX_STRING_LENGTH = 536_870_888

// ───────────────────────────── command line ─────────────────────────────

interface Args {
  scale: number
  seed: number
  baselineScale: number
  skipBaseline: boolean
  keep: boolean
  peers: PeerName[]
  phase: 'main' | 'build' | 'search' | 'baseline' | 'peer' | 'report'
  dir: string
  loadAtStart: string
}

function parseArgs(argv: readonly string[]): Args {
  const value = (name: string): string | undefined => argValue(argv, name)
  const scale = scaleArg(argv)
  return {
    scale,
    seed: Number(value('seed') ?? '1'),
    // A plain MiniSearch with abstracts needs ~4 GB and ~9 minutes at 576k (FACTS).
    baselineScale: Number(value('baseline-scale') ?? String(Math.min(scale, 0.2))),
    skipBaseline: argv.includes('--skip-baseline'),
    keep: argv.includes('--keep'),
    peers: argv.includes('--skip-peers') ? [] : parsePeerNames(value('peers') ?? PEER_NAMES.join(',')),
    phase: (value('phase') as Args['phase'] | undefined) ?? 'main',
    dir: value('dir') ?? '',
    loadAtStart: loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')
  }
}

const PEER_MODULES = { fts5: fts5PeerModule, flexsearch: flexsearchPeerModule } satisfies Record<
  string,
  PeerModule
>
type PeerName = keyof typeof PEER_MODULES
const PEER_NAMES = Object.keys(PEER_MODULES) as PeerName[]

function parsePeerNames(list: string): PeerName[] {
  const names = list.split(',').filter((name) => name !== '')
  for (const name of names) {
    if (!(PEER_NAMES as string[]).includes(name)) throw new Error(`--peers takes ${PEER_NAMES.join(',')}`)
  }
  return names as PeerName[]
}

// ───────────────────────────── synthetic papers ─────────────────────────────

function readGzipJson<T>(name: string): T {
  return JSON.parse(gunzipSync(readFileSync(join(DATA_DIR, name))).toString('utf8')) as T
}

/** mulberry32: tiny, seedable, and plenty for picking words. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SYLLABLES = [
  'ka', 'lo', 'ni', 'ra', 'to', 've', 'mi', 'sa', 'den', 'tor', 'lin', 'mar', 'gen', 'bel', 'cor',
  'dan', 'el', 'fu', 'han', 'is', 'jo', 'kur', 'lam', 'mon', 'nor', 'ost', 'pel', 'qui', 'ros',
  'sun', 'tan', 'ul', 'vik', 'wen', 'xi', 'yan', 'zor', 'ber', 'chen', 'dor'
] // prettier-ignore

/** A made-up word for rank `k`: distinct for every k, like the tail of a real vocabulary. */
function madeUpWord(k: number): string {
  let word = ''
  let rest = k
  do {
    word += SYLLABLES[rest % SYLLABLES.length]
    rest = Math.floor(rest / SYLLABLES.length)
  } while (rest > 0)
  return word
}

const capitalize = (word: string): string => (word === '' ? word : word[0].toUpperCase() + word.slice(1))

interface Vocabulary {
  proseWords: string[]
  titleWords: string[]
  tasks: string[]
  datasets: string[]
  methods: string[]
  venues: string[]
  givenNames: string[]
  familyNames: string[]
  frameworks: [string, number][]
}

interface RealTask {
  task: string
  description: string
  datasets: { sota: { rows: { paper_title: string }[] } | null; subdatasets?: RealTask['datasets'] }[]
  subtasks: RealTask[]
}

function wordsOf(text: string): string[] {
  return text
    .replace(/\$[^$]*\$/g, ' ')
    .replace(/[*_#`>[\]()]/g, ' ')
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word.length > 0 && word.length < 25 && !word.startsWith('http'))
}

function byFrequency(words: readonly string[]): string[] {
  const counts = new Map<string, number>()
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word)
}

export function loadVocabulary(): Vocabulary {
  const methods = readGzipJson<
    { name: string; description: string | null; paper: { title: string } | null }[]
  >('pwc-dump-2022-06_methods.json.gz')
  const datasets = readGzipJson<{ name: string; description: string | null; tasks: { task: string }[] }[]>(
    'pwc-dump-2022-06_datasets.json.gz'
  )
  const evaluationTables = readGzipJson<RealTask[]>('pwc-dump-2020-09_evaluation-tables.json.gz')
  const papers = readGzipJson<{ abstract: string; authors: string[] }[]>(
    'converted_papers-with-abstracts_from-api-v1.json.gz'
  )
  const links = readGzipJson<{ framework: string }[]>(
    'converted_links-between-papers-and-code_from-grimrepor.json.gz'
  )
  const proceedings = JSON.parse(
    readFileSync(join(DATA_DIR, 'derived_edmundloo_links-subset-with-proceeding_2020-07.json'), 'utf8')
  ) as Record<string, { proceeding: string | null }>

  const taskNames = new Set<string>()
  const titles = new Set<string>()
  const descriptions: string[] = []
  const walk = (tasks: readonly RealTask[]): void => {
    for (const task of tasks) {
      taskNames.add(task.task)
      if (task.description) descriptions.push(task.description)
      const walkDatasets = (boards: RealTask['datasets']): void => {
        for (const board of boards) {
          for (const row of board.sota?.rows ?? []) if (row.paper_title) titles.add(row.paper_title)
          walkDatasets(board.subdatasets ?? [])
        }
      }
      walkDatasets(task.datasets)
      walk(task.subtasks)
    }
  }
  walk(evaluationTables)
  for (const dataset of datasets) for (const task of dataset.tasks) taskNames.add(task.task)
  for (const method of methods) {
    if (method.description) descriptions.push(method.description)
    if (method.paper) titles.add(method.paper.title)
  }
  for (const dataset of datasets) if (dataset.description) descriptions.push(dataset.description)
  for (const paper of papers) descriptions.push(paper.abstract)

  const givenNames = new Set<string>()
  const familyNames = new Set<string>()
  for (const paper of papers) {
    for (const author of paper.authors) {
      const parts = author.trim().split(/\s+/)
      if (parts.length < 2) continue
      givenNames.add(parts[0])
      familyNames.add(parts[parts.length - 1])
    }
  }
  const frameworkCounts = new Map<string, number>()
  for (const link of links) {
    if (link.framework !== 'none')
      frameworkCounts.set(link.framework, (frameworkCounts.get(link.framework) ?? 0) + 1)
  }
  return {
    proseWords: byFrequency(descriptions.flatMap(wordsOf)),
    titleWords: byFrequency([...titles].flatMap(wordsOf)),
    tasks: [...taskNames],
    datasets: datasets.map((dataset) => dataset.name),
    methods: methods.map((method) => method.name),
    venues: byFrequency(
      Object.values(proceedings)
        .map((link) => (link.proceeding ?? '').replace(/\s+\d+$/, ''))
        .filter((venue) => venue !== '')
    ),
    givenNames: [...givenNames],
    familyNames: [...familyNames],
    frameworks: [...frameworkCounts.entries()].sort((a, b) => b[1] - a[1])
  }
}

/** Paper counts per year, shaped like the archive (growing to 2021, a partial 2025). */
const YEAR_WEIGHTS: [number, number][] = [
  [2008, 1], [2009, 1], [2010, 2], [2011, 2], [2012, 2], [2013, 3], [2014, 3], [2015, 4], [2016, 6],
  [2017, 8], [2018, 10], [2019, 12], [2020, 13], [2021, 13], [2022, 11], [2023, 6], [2024, 4], [2025, 1]
] // prettier-ignore
const GIVEN_NAME_RANKS = 4000
const FAMILY_NAME_RANKS = 400_000
const RARE_WORD_RANKS = 3_000_000
const RARE_WORD_SHARE = 0.04

class PaperGenerator {
  private readonly random: () => number
  private readonly yearTotal = YEAR_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0)
  private readonly frameworkTotal: number

  constructor(
    private readonly vocabulary: Vocabulary,
    seed: number
  ) {
    this.random = createRandom(seed)
    this.frameworkTotal = vocabulary.frameworks.reduce((sum, [, count]) => sum + count, 0)
  }

  /** A rank in [0, n) with P(rank r) ∝ 1/(r+1): Zipf's law. */
  zipf(n: number): number {
    return Math.min(n - 1, Math.floor(Math.pow(n + 1, this.random())) - 1)
  }

  private between(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1))
  }

  private rareWord(): string {
    const rank = this.zipf(RARE_WORD_RANKS)
    return rank < 100 ? String(rank) : madeUpWord(rank)
  }

  private word(ranked: readonly string[]): string {
    return this.random() < RARE_WORD_SHARE ? this.rareWord() : ranked[this.zipf(ranked.length)]
  }

  authorName(givenRank: number, familyRank: number): string {
    const { givenNames, familyNames } = this.vocabulary
    const given = givenRank < givenNames.length ? givenNames[givenRank] : capitalize(madeUpWord(givenRank))
    const family =
      familyRank < familyNames.length ? familyNames[familyRank] : capitalize(madeUpWord(familyRank + 7))
    return `${given} ${family}`
  }

  private pickSome(names: readonly string[], min: number, max: number): string[] {
    const picked = new Set<string>()
    const count = this.between(min, max)
    for (let i = 0; i < count; i += 1) picked.add(names[this.zipf(names.length)])
    return [...picked]
  }

  paper(index: number): SearchablePaper {
    const v = this.vocabulary
    const titleWords: string[] = []
    for (let i = this.between(10, 15); i > 0; i -= 1) {
      titleWords.push(this.random() < 0.8 ? this.word(v.titleWords) : this.word(v.proseWords))
    }
    titleWords[0] = capitalize(titleWords[0])
    const abstractWords: string[] = []
    for (let i = this.between(150, 250); i > 0; i -= 1) abstractWords.push(this.word(v.proseWords))
    abstractWords[0] = capitalize(abstractWords[0])
    abstractWords[abstractWords.length - 1] += '.'
    const authors: string[] = []
    for (let i = this.between(3, 6); i > 0; i -= 1) {
      authors.push(this.authorName(this.zipf(GIVEN_NAME_RANKS), this.zipf(FAMILY_NAME_RANKS)))
    }
    let yearDraw = this.random() * this.yearTotal
    let year = 2025
    for (const [candidate, weight] of YEAR_WEIGHTS) {
      if (yearDraw < weight) {
        year = candidate
        break
      }
      yearDraw -= weight
    }
    const month = String(this.between(1, 12)).padStart(2, '0')
    const day = String(this.between(1, 28)).padStart(2, '0')
    const hasCode = this.random() < 0.5
    const frameworks: string[] = []
    if (hasCode) {
      let draw = this.random() * this.frameworkTotal
      for (const [framework, count] of v.frameworks) {
        if (draw < count) {
          frameworks.push(framework)
          break
        }
        draw -= count
      }
    }
    return {
      id: `synthetic-paper-${index}`,
      // Joined, not concatenated: real text arrives as flat strings (JSON.parse, IndexedDB), and
      // V8 scans a concatenated (cons) string markedly slower.
      title: titleWords.join(' '),
      abstract: abstractWords.join(' '),
      authors,
      tasks: this.pickSome(v.tasks, 1, 4),
      venue: this.random() < 0.35 ? v.venues[this.zipf(v.venues.length)] : null,
      year,
      date: `${year}-${month}-${day}`,
      hasCode,
      hasOfficialCode: hasCode && this.random() < 0.6,
      frameworks,
      datasets: this.pickSome(v.datasets, 0, 3),
      methods: this.pickSome(v.methods, 0, 6)
    }
  }
}

export function* generatePapers(
  vocabulary: Vocabulary,
  count: number,
  seed: number
): Generator<SearchablePaper> {
  const generator = new PaperGenerator(vocabulary, seed)
  for (let index = 0; index < count; index += 1) yield generator.paper(index)
}

// ───────────────────────────── the query set ─────────────────────────────

type QueryClass =
  '1 word' | '2 words' | '3 words' | '3-letter prefix' | '5-letter prefix' | 'fuzzy' | 'operators'
const QUERY_CLASSES: QueryClass[] = [
  '1 word',
  '2 words',
  '3 words',
  '3-letter prefix',
  '5-letter prefix',
  'fuzzy',
  'operators'
]
const QUERIES_PER_CLASS = 20

interface BenchQuery {
  queryClass: QueryClass
  /** As typed; words end with a space (complete), prefix queries do not (still typing). */
  text: string
}

const isPlainWord = (word: string): boolean => /^[a-z]{4,}$/.test(word)

/** Every n-th item, so the picks span frequent and rarer names alike. */
function spread<T>(items: readonly T[], count: number): T[] {
  const step = Math.max(1, Math.floor(items.length / count))
  return Array.from({ length: Math.min(count, items.length) }, (_, i) => items[i * step])
}

export function buildQuerySet(vocabulary: Vocabulary): BenchQuery[] {
  const words = vocabulary.titleWords
    .map((word) => word.toLowerCase())
    .filter((word, index, all) => isPlainWord(word) && all.indexOf(word) === index)
    .slice(0, 600)
  const common = spread(words.slice(0, 200), QUERIES_PER_CLASS)
  const varied = spread(words, QUERIES_PER_CLASS)
  const taskWords = (count: number): string[] =>
    vocabulary.tasks
      .map((task) => task.toLowerCase())
      .filter((task) => task.split(/\s+/).length === count && task.split(/\s+/).every(isPlainWord))
  const long = words.filter((word) => word.length >= 8)
  const generator = new PaperGenerator(vocabulary, 1)
  const queries: BenchQuery[] = []
  const add = (queryClass: QueryClass, texts: readonly string[]): void => {
    for (const text of texts.slice(0, QUERIES_PER_CLASS)) queries.push({ queryClass, text })
  }
  add(
    '1 word',
    [...common.slice(0, 10), ...varied.slice(10, 20)].map((word) => `${word} `)
  )
  add(
    '2 words',
    spread(taskWords(2), QUERIES_PER_CLASS).map((task) => `${task} `)
  )
  add(
    '3 words',
    spread(taskWords(3), QUERIES_PER_CLASS).map((task) => `${task} `)
  )
  add(
    '3-letter prefix',
    common.map((word, i) => (i % 2 === 0 ? word.slice(0, 3) : `${varied[i]} ${word.slice(0, 3)}`))
  )
  add(
    '5-letter prefix',
    spread(long, QUERIES_PER_CLASS).map((word, i) =>
      i % 2 === 0 ? word.slice(0, 5) : `${common[i]} ${word.slice(0, 5)}`
    )
  )
  add(
    'fuzzy',
    spread(long, QUERIES_PER_CLASS).map((word) => {
      const middle = Math.floor(word.length / 2)
      return `${word.slice(0, middle - 1)}${word[middle]}${word[middle - 1]}${word.slice(middle + 1)} `
    })
  )
  const [task2a, task2b] = spread(taskWords(2), 2)
  add('operators', [
    `author:"${generator.authorName(0, 0)}"`,
    `author:"${generator.authorName(3, 40)}" `,
    `${common[0]} year:2017..2020 `,
    `${common[1]} has:code `,
    `task:"${vocabulary.tasks[0]}" year:2019 `,
    `${common[2]} framework:pytorch `,
    `${common[3]} venue:cvpr `,
    `${common[4]} -${common[5]} `,
    `"${task2a}" `,
    `${varied[12]} official:yes `,
    `dataset:"${vocabulary.datasets[0]}" ${common[6]} `,
    `method:"${vocabulary.methods[0]}" year:2018.. `,
    `${common[7]} ${varied[14]} year:2020 has:code `,
    `author:"${generator.authorName(1, 2)}" ${common[8]} `,
    `task:"${task2b}" framework:tf `,
    `year:2019 has:code `,
    `"${task2b}" -${common[9]} `,
    `${varied[15]} venue:neurips year:2018..2019 `,
    `${common[10]} ${common[11]} official:yes year:2021 `,
    `task:segmentation ${varied[16]} `
  ])
  return queries
}

// ───────────────────────────── measuring ─────────────────────────────

interface Latency {
  p50: number
  p95: number
  max: number
  /** The same, in CPU time of this process: what the query costs without other jobs competing. */
  cpuP50: number
  cpuP95: number
  cpuMax: number
  meanMatches: number
}

export function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]
}

export function cpuMilliseconds(): number {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1000
}

function measureQueries(
  queries: readonly BenchQuery[],
  run: (query: BenchQuery) => number,
  passes: number
): Record<QueryClass, Latency> {
  for (const query of queries) run(query) // warm-up: JIT and lazily built caches
  const wall = new Map<QueryClass, number[]>()
  const cpu = new Map<QueryClass, number[]>()
  const matches = new Map<QueryClass, number[]>()
  const record = (map: Map<QueryClass, number[]>, queryClass: QueryClass, value: number): void => {
    map.set(queryClass, [...(map.get(queryClass) ?? []), value])
  }
  for (let pass = 0; pass < passes; pass += 1) {
    for (const query of queries) {
      const cpuStart = cpuMilliseconds()
      const start = performance.now()
      const count = run(query)
      record(wall, query.queryClass, performance.now() - start)
      record(cpu, query.queryClass, cpuMilliseconds() - cpuStart)
      if (pass === 0) record(matches, query.queryClass, count)
    }
  }
  const result = {} as Record<QueryClass, Latency>
  for (const queryClass of QUERY_CLASSES) {
    const sortedWall = (wall.get(queryClass) ?? []).sort((a, b) => a - b)
    const sortedCpu = (cpu.get(queryClass) ?? []).sort((a, b) => a - b)
    const counts = matches.get(queryClass) ?? []
    result[queryClass] = {
      p50: percentile(sortedWall, 0.5),
      p95: percentile(sortedWall, 0.95),
      max: sortedWall[sortedWall.length - 1] ?? NaN,
      cpuP50: percentile(sortedCpu, 0.5),
      cpuP95: percentile(sortedCpu, 0.95),
      cpuMax: sortedCpu[sortedCpu.length - 1] ?? NaN,
      meanMatches: counts.reduce((sum, count) => sum + count, 0) / Math.max(1, counts.length)
    }
  }
  return result
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  gc?.()
}

interface MemorySnapshot {
  heapUsed: number
  arrayBuffers: number
  rss: number
  peakRss: number
}

function memory(): MemorySnapshot {
  collectGarbage()
  const usage = process.memoryUsage()
  return {
    heapUsed: usage.heapUsed,
    arrayBuffers: usage.arrayBuffers,
    rss: usage.rss,
    peakRss: process.resourceUsage().maxRSS * 1024
  }
}

function progress(message: string): void {
  process.stderr.write(`[bench-search ${new Date().toISOString().slice(11, 19)}] ${message}\n`)
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`
const ms = (value: number): string =>
  Number.isNaN(value) ? '—' : value < 10 ? value.toFixed(2) : value.toFixed(0)

// ───────────────────────────── phase: build ─────────────────────────────

interface BuildReport {
  papers: number
  generateMs: number
  /** CPU time of indexing alone (generating excluded): comparable across engines on a shared machine. */
  buildCpuMs: number
  buildMs: number
  /** CPU time of the whole phase (generation included): wall time suffers on a shared machine. */
  phaseCpuMs: number
  serializeMs: number
  segments: number
  bytesByGroup: Record<IndexChunkGroup, number>
  totalBytes: number
  chunkCount: number
  largestChunkBytes: number
  afterBuild: MemorySnapshot
}

export function chunkFile(dir: string, key: string, isString: boolean): string {
  return join(dir, `${key.replace(/[/#]/g, '_')}.${isString ? 'txt' : 'bin'}`)
}

function runBuildPhase(args: Args): void {
  const papers = Math.round(FULL_ARCHIVE * args.scale)
  const vocabulary = loadVocabulary()
  let generateMs = 0
  let generateCpuMs = 0
  const source = generatePapers(vocabulary, papers, args.seed)
  // Time spent generating is measured inside the stream and subtracted from the build.
  function* timedPapers(): Generator<SearchablePaper> {
    for (let i = 0; ; i += 1) {
      const start = performance.now()
      const cpuStart = cpuMilliseconds()
      const next = source.next()
      generateMs += performance.now() - start
      generateCpuMs += cpuMilliseconds() - cpuStart
      if (next.done) return
      if ((i + 1) % 100_000 === 0) progress(`built ${i + 1} of ${papers}`)
      yield next.value
    }
  }
  const start = performance.now()
  const cpuStart = cpuMilliseconds()
  const index = PaperSearchIndex.build(timedPapers())
  const buildMs = performance.now() - start - generateMs
  const buildCpuMs = cpuMilliseconds() - cpuStart - generateCpuMs
  const afterBuild = memory()

  const serializeStart = performance.now()
  const serialized = serializePaperIndex(index)
  const serializeMs = performance.now() - serializeStart
  const bytesByGroup: Record<IndexChunkGroup, number> = { core: 0, sequences: 0, abstract: 0 }
  let largestChunkBytes = 0
  mkdirSync(args.dir, { recursive: true })
  writeFileSync(join(args.dir, 'manifest.json'), serialized.manifest)
  for (const chunk of serialized.chunks) {
    const size = serializedSize({ manifest: '', chunks: [chunk], keys: [] })
    bytesByGroup[chunk.group] += size
    largestChunkBytes = Math.max(largestChunkBytes, size)
    writeFileSync(chunkFile(args.dir, chunk.key, typeof chunk.data === 'string'), chunk.data)
  }
  const cpu = process.cpuUsage()
  const report: BuildReport = {
    papers,
    generateMs,
    buildCpuMs,
    buildMs,
    phaseCpuMs: (cpu.user + cpu.system) / 1000,
    serializeMs,
    segments: index.segments().length,
    bytesByGroup,
    totalBytes: serializedSize(serialized),
    chunkCount: serialized.chunks.length,
    largestChunkBytes,
    afterBuild
  }
  writeFileSync(join(args.dir, 'build-report.json'), JSON.stringify(report))
}

// ───────────────────────────── phase: search ─────────────────────────────

interface SearchReport {
  coreReadMs: number
  coreBytes: number
  coreLoadMs: number
  firstQueryMs: number
  firstQueryHits: number
  restReadMs: number
  restAttachMs: number
  latency: Record<QueryClass, Latency>
  memory: MemorySnapshot
  /** Each query's top results and total, for the peers' agreement. */
  outcomes: Record<string, QueryOutcome>
}

export function readChunks(
  dir: string,
  keys: readonly string[],
  manifest: string
): Map<string, Uint8Array | string> {
  const stringKeys = new Set<string>()
  const parsed = JSON.parse(manifest) as {
    segments: { parts: Record<string, { keys: string[]; type: string }> }[]
  }
  for (const segment of parsed.segments) {
    for (const part of Object.values(segment.parts))
      if (part.type === 'string') part.keys.forEach((key) => stringKeys.add(key))
  }
  const chunks = new Map<string, Uint8Array | string>()
  for (const key of keys) {
    if (stringKeys.has(key)) {
      chunks.set(key, readFileSync(chunkFile(dir, key, true), 'utf8'))
    } else {
      const buffer = readFileSync(chunkFile(dir, key, false))
      chunks.set(key, new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength))
    }
  }
  return chunks
}

function runSearchPhase(args: Args): void {
  const vocabulary = loadVocabulary()
  const queries = buildQuerySet(vocabulary)
  collectGarbage()

  // Cold start: read the core group, build the index object, answer one query.
  let start = performance.now()
  const manifest = readFileSync(join(args.dir, 'manifest.json'), 'utf8')
  const groups = chunkKeysByGroup(manifest)
  const core = readChunks(args.dir, groups.core, manifest)
  const coreReadMs = performance.now() - start
  const coreBytes = [...core.values()].reduce(
    (sum, data) => sum + (typeof data === 'string' ? data.length : data.byteLength),
    0
  )
  start = performance.now()
  const index = deserializePaperIndex(manifest, core)
  const coreLoadMs = performance.now() - start
  start = performance.now()
  const first = index.search(queries[0].text, { limit: 20 })
  const firstQueryMs = performance.now() - start

  start = performance.now()
  const rest = readChunks(args.dir, [...groups.sequences, ...groups.abstract], manifest)
  const restReadMs = performance.now() - start
  start = performance.now()
  attachPaperIndexChunks(index, manifest, rest)
  const restAttachMs = performance.now() - start
  core.clear()
  rest.clear()

  const latency = measureQueries(queries, (query) => index.search(query.text, { limit: 20 }).total, 3)
  const memoryWhileSearching = memory()
  const outcomes: Record<string, QueryOutcome> = {}
  for (const query of queries) {
    const response = index.search(query.text, { limit: AGREEMENT_DEPTH, facets: false })
    outcomes[query.text] = { ids: response.hits.map((hit) => hit.id), total: response.total }
  }
  const report: SearchReport = {
    coreReadMs,
    coreBytes,
    coreLoadMs,
    firstQueryMs,
    firstQueryHits: first.total,
    restReadMs,
    restAttachMs,
    latency,
    memory: memoryWhileSearching,
    outcomes
  }
  writeFileSync(join(args.dir, 'search-report.json'), JSON.stringify(report))
}

// ───────────────────────────── phase: baseline ─────────────────────────────

interface BaselineReport {
  papers: number
  buildMs: number
  afterBuild: MemorySnapshot
  jsonChars: number | null
  jsonError: string | null
  serializeMs: number
  loadMs: number | null
  latency: Record<QueryClass, Latency>
  peakRss: number
}

interface BaselineDocument {
  id: number
  title: string
  abstract: string
  authors: string
  tasks: string
  year: number | null
  hasCode: boolean
  hasOfficialCode: boolean
}

const BASELINE_OPTIONS = {
  fields: ['title', 'abstract', 'authors', 'tasks'],
  storeFields: ['year', 'hasCode', 'hasOfficialCode']
}

type BaselineFilter = (result: Record<string, unknown>) => boolean

/**
 * The same query through MiniSearch's own API: words AND-combined (last one a prefix while
 * typing, fuzzy 0.2 from 5 letters), author:/task: as field-restricted sub-queries, negation as
 * AND_NOT, year/code flags as filters on stored fields. Operators it has no data for
 * (framework, venue, dataset, method) are ignored: the baseline only has to cost the same.
 */
function baselineSearch(miniSearch: MiniSearch<BaselineDocument>, parsed: ParsedQuery): number {
  type Sub = Parameters<MiniSearch<BaselineDocument>['search']>[0]
  const positive = parsed.terms.filter((term) => !term.negated)
  const words = [
    ...positive.map((term) => term.text),
    ...parsed.phrases.filter((p) => !p.negated).flatMap((p) => p.terms)
  ]
  const prefixLast = positive.at(-1)?.prefix === true && parsed.phrases.length === 0
  const subqueries: Sub[] = []
  if (words.length > 0) {
    subqueries.push({
      queries: [words.join(' ')],
      combineWith: 'AND',
      prefix: (_term: string, index: number, terms: string[]) => prefixLast && index === terms.length - 1,
      fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false),
      maxFuzzy: 2
    })
  }
  const filters: BaselineFilter[] = []
  for (const filter of parsed.filters) {
    if (filter.kind === 'author' || filter.kind === 'task') {
      subqueries.push({
        queries: [filter.value],
        fields: [filter.kind === 'author' ? 'authors' : 'tasks'],
        combineWith: 'AND'
      })
    } else if (filter.kind === 'year') {
      const { from, to } = filter
      filters.push((result) => {
        const year = result.year as number | null
        return year !== null && (from === null || year >= from) && (to === null || year <= to)
      })
    } else if (filter.kind === 'hasCode' || filter.kind === 'officialCode') {
      const field = filter.kind === 'hasCode' ? 'hasCode' : 'hasOfficialCode'
      filters.push((result) => result[field] === filter.value)
    }
  }
  const filter = (result: Record<string, unknown>): boolean => filters.every((test) => test(result))
  const options = { filter, boost: { title: 3, authors: 2, tasks: 1.5 } }
  if (subqueries.length === 0) return miniSearch.search(MiniSearch.wildcard, options).length
  let query: Sub = { queries: subqueries, combineWith: 'AND' }
  const negated = parsed.terms.filter((term) => term.negated).map((term) => term.text)
  if (negated.length > 0) query = { queries: [query, negated.join(' ')], combineWith: 'AND_NOT' }
  return miniSearch.search(query, options).length
}

function runBaselinePhase(args: Args): void {
  const papers = Math.round(FULL_ARCHIVE * args.baselineScale)
  const vocabulary = loadVocabulary()
  const queries = buildQuerySet(vocabulary)
  let miniSearch = new MiniSearch<BaselineDocument>(BASELINE_OPTIONS)
  let buildMs = 0
  let id = 0
  for (const paper of generatePapers(vocabulary, papers, args.seed)) {
    const document: BaselineDocument = {
      id: id++,
      title: paper.title,
      abstract: paper.abstract,
      authors: paper.authors.join(', '),
      tasks: paper.tasks.join(', '),
      year: paper.year,
      hasCode: paper.hasCode,
      hasOfficialCode: paper.hasOfficialCode
    }
    const start = performance.now()
    miniSearch.add(document)
    buildMs += performance.now() - start
    if (id % 50_000 === 0) progress(`baseline built ${id} of ${papers}`)
  }
  const afterBuild = memory()

  // Serialize, drop the built index, load it back: the app's cold start, and the peak memory of
  // holding an index, its plain-object form and its JSON at once.
  let jsonChars: number | null = null
  let jsonError: string | null = null
  let loadMs: number | null = null
  let start = performance.now()
  let json: string | null = null
  try {
    json = JSON.stringify(miniSearch)
    jsonChars = json.length
  } catch (error) {
    jsonError = String(error)
  }
  const serializeMs = performance.now() - start
  let searched: MiniSearch<BaselineDocument>
  if (json === null) {
    searched = miniSearch
  } else {
    miniSearch = new MiniSearch<BaselineDocument>(BASELINE_OPTIONS)
    collectGarbage()
    start = performance.now()
    searched = MiniSearch.loadJSON<BaselineDocument>(json, BASELINE_OPTIONS)
    searched.search('learning')
    loadMs = performance.now() - start
  }
  json = null
  const parsed = new Map(queries.map((query) => [query, parseQuery(query.text)]))
  const latency = measureQueries(
    queries,
    (query) => baselineSearch(searched, parsed.get(query) as ParsedQuery),
    1
  )
  const report: BaselineReport = {
    papers,
    buildMs,
    afterBuild,
    jsonChars,
    jsonError,
    serializeMs,
    loadMs,
    latency,
    peakRss: process.resourceUsage().maxRSS * 1024
  }
  writeFileSync(join(args.dir, 'baseline-report.json'), JSON.stringify(report))
}

// ───────────────────────────── phase: peer ─────────────────────────────

const peerReportFile = (name: PeerName): string => `peer-${name}-report.json`

function runPeerChildPhase(args: Args): void {
  const name = args.peers[0]
  const module = PEER_MODULES[name]
  const reportFile = join(args.dir, peerReportFile(name))
  const unavailable = module.unavailableReason()
  if (unavailable !== null) {
    writeFileSync(reportFile, JSON.stringify({ unavailable }))
    return
  }
  const papers = Math.round(FULL_ARCHIVE * args.scale)
  const vocabulary = loadVocabulary()
  const queries = buildQuerySet(vocabulary)
  runPeerPhase(module.createPeer(join(args.dir, `peer-${name}`), papers), {
    papers: generatePapers(vocabulary, papers, args.seed),
    paperCount: papers,
    queries,
    parse: parseQuery,
    measure: (run) => measureQueries(queries, run, 3),
    cpuMilliseconds,
    memory,
    progress,
    reportFile
  })
}

function readPeerResult(dir: string, name: PeerName): PeerResult<QueryClass> {
  const report = readReport<PeerResult<QueryClass>['report'] | { unavailable: string }>(
    dir,
    peerReportFile(name)
  )
  if (report === null) return { report: null, unavailable: `${name}: its phase did not finish (see above)` }
  if ('unavailable' in report) return { report: null, unavailable: `${name}: ${report.unavailable}` }
  return { report, unavailable: null }
}

// ───────────────────────────── orchestration and report ─────────────────────────────

function runChild(args: Args, phase: Args['phase'], extraArgs: readonly string[] = []): void {
  const childArgs = [
    '--scale',
    String(args.scale),
    '--seed',
    String(args.seed),
    '--baseline-scale',
    String(args.baselineScale)
  ]
  const result = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=8192',
      '--import',
      'tsx',
      SCRIPT,
      ...childArgs,
      '--phase',
      phase,
      '--dir',
      args.dir,
      ...extraArgs
    ],
    { stdio: 'inherit', cwd: REPO_ROOT }
  )
  if (result.status !== 0)
    progress(`phase ${phase} exited with status ${result.status} (${result.signal ?? 'no signal'})`)
}

function readReport<T>(dir: string, name: string): T | null {
  try {
    return JSON.parse(readFileSync(join(dir, name), 'utf8')) as T
  } catch {
    return null
  }
}

function printLatencies(rows: [string, Record<QueryClass, Latency> | null][]): void {
  const width = 47
  console.log(`  ${'query class'.padEnd(17)}${rows.map(([name]) => name.padStart(width)).join('')}`)
  console.log(
    `  ${''.padEnd(17)}${rows.map(() => 'wall p50/p95/max | CPU p50/p95/max ms (hits)'.padStart(width)).join('')}`
  )
  for (const queryClass of QUERY_CLASSES) {
    const cells = rows.map(([, latency]) => {
      const entry = latency?.[queryClass]
      if (!entry) return '—'.padStart(width)
      const wallPart = `${ms(entry.p50)}/${ms(entry.p95)}/${ms(entry.max)}`
      const cpuPart = `${ms(entry.cpuP50)}/${ms(entry.cpuP95)}/${ms(entry.cpuMax)}`
      return `${wallPart} | ${cpuPart} (${Math.round(entry.meanMatches)})`.padStart(width)
    })
    console.log(`  ${queryClass.padEnd(17)}${cells.join('')}`)
  }
}

function printReport(args: Args): void {
  const build = readReport<BuildReport>(args.dir, 'build-report.json')
  const search = readReport<SearchReport>(args.dir, 'search-report.json')
  const baseline = readReport<BaselineReport>(args.dir, 'baseline-report.json')
  console.log(
    `\n=== bench-search: scale ${args.scale} (${Math.round(FULL_ARCHIVE * args.scale)} papers), seed ${args.seed}, node ${process.version}, ${cpus().length} cores, ${new Date().toISOString().slice(0, 10)} ===`
  )
  console.log(
    `load average at start ${args.loadAtStart}, at end ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')} (other jobs share this machine: wall times are inflated accordingly)`
  )
  if (build) {
    const g = build.bytesByGroup
    console.log('\nSegmented compact index (ours)')
    console.log(
      `  build             ${seconds(build.buildMs)}, CPU ${seconds(build.buildCpuMs)} (${build.segments} segments; generating the papers took another ${seconds(build.generateMs)}; CPU time of generating + building + serializing ${seconds(build.phaseCpuMs)})`
    )
    console.log(
      `  build memory      heap ${mb(build.afterBuild.heapUsed)} + typed arrays ${mb(build.afterBuild.arrayBuffers)}; peak RSS ${mb(build.afterBuild.peakRss)}`
    )
    console.log(
      `  serialized        ${mb(build.totalBytes)} in ${build.chunkCount} chunks (largest ${mb(build.largestChunkBytes)}): core ${mb(g.core)}, sequences ${mb(g.sequences)}, abstract ${mb(g.abstract)}; serialize ${seconds(build.serializeMs)}`
    )
  }
  if (search) {
    const idbSeconds = search.coreBytes / INDEXEDDB_READ_BYTES_PER_SECOND
    console.log(
      `  cold start        read core ${mb(search.coreBytes)} ${ms(search.coreReadMs)} ms + load ${ms(search.coreLoadMs)} ms + first query ${ms(search.firstQueryMs)} ms (${search.firstQueryHits} matches) = ${seconds(search.coreReadMs + search.coreLoadMs + search.firstQueryMs)} to first result`
    )
    console.log(
      `                    (reading the core group from IndexedDB at FACTS' ~100 MB/s: ~${idbSeconds.toFixed(1)} s; then + ${ms(search.coreLoadMs + search.firstQueryMs)} ms)`
    )
    console.log(
      `  later groups      sequences + abstract read ${ms(search.restReadMs)} ms, attached in ${ms(search.restAttachMs)} ms`
    )
    console.log(
      `  search memory     heap ${mb(search.memory.heapUsed)} + typed arrays ${mb(search.memory.arrayBuffers)}; RSS ${mb(search.memory.rss)}, peak RSS ${mb(search.memory.peakRss)}`
    )
  }
  if (baseline) {
    const projection = FULL_ARCHIVE / baseline.papers
    console.log(
      `\nBaseline: one plain MiniSearch (title+abstract+authors+tasks) at ${baseline.papers} papers${baseline.papers < Math.round(FULL_ARCHIVE * args.scale) ? ` (scale ${args.baselineScale}: the largest run that fits this benchmark's time and memory)` : ''}`
    )
    console.log(`  build             ${seconds(baseline.buildMs)}`)
    console.log(
      `  memory            heap ${mb(baseline.afterBuild.heapUsed)}; peak RSS ${mb(baseline.peakRss)}`
    )
    console.log(
      baseline.jsonChars !== null
        ? `  serialized        JSON ${mb(baseline.jsonChars)} chars, stringify ${seconds(baseline.serializeMs)}, loadJSON to first result ${seconds(baseline.loadMs ?? NaN)}`
        : `  serialized        FAILED: ${baseline.jsonError}`
    )
    if (baseline.papers < FULL_ARCHIVE) {
      const projectedChars = (baseline.jsonChars ?? 0) * projection
      console.log(
        `  at 576,261 papers (linear projection ×${projection.toFixed(1)}): build ~${seconds(baseline.buildMs * projection)}, heap ~${mb(baseline.afterBuild.heapUsed * projection)}, JSON ~${mb(projectedChars)} chars`
      )
      if (projectedChars > V8_MAX_STRING_LENGTH) {
        console.log(
          `                    → JSON.stringify would throw "RangeError: Invalid string length" (V8's limit is ${V8_MAX_STRING_LENGTH.toLocaleString('en-US')} chars), as FACTS measured at 500k`
        )
      }
      if (baseline.afterBuild.heapUsed * projection > 4e9) {
        console.log(
          '                    → the heap alone exceeds the 4 GB V8 heap cap of an Electron process'
        )
      }
    }
  }
  console.log(
    '\nQuery latency (each query 1 warm-up + 3 timed runs for ours, 1 for the baseline; 20 queries per class)'
  )
  printLatencies([
    ['ours', search?.latency ?? null],
    [`baseline @${baseline?.papers ?? '—'}`, baseline?.latency ?? null]
  ])
  if (args.peers.length === 0) return
  const queries = buildQuerySet(loadVocabulary())
  printPeers(
    {
      buildMs: build?.buildMs ?? null,
      buildCpuMs: build?.buildCpuMs ?? null,
      persistedBytes: build?.totalBytes ?? null,
      searchMemory: search ? search.memory.heapUsed + search.memory.arrayBuffers : null,
      searchRss: search?.memory.rss ?? null,
      buildPeakRss: build?.afterBuild.peakRss ?? null,
      latency: search?.latency ?? null,
      outcomes: search?.outcomes ?? null
    },
    args.peers.map((name) => readPeerResult(args.dir, name)),
    QUERY_CLASSES,
    new Map(
      QUERY_CLASSES.map((queryClass) => [
        queryClass,
        queries.filter((query) => query.queryClass === queryClass).map((query) => query.text)
      ])
    )
  )
}

function main(): void {
  const args = parseArgs(process.argv.slice(2))
  if (args.phase === 'build') return runBuildPhase(args)
  if (args.phase === 'search') return runSearchPhase(args)
  if (args.phase === 'baseline') return runBaselinePhase(args)
  if (args.phase === 'peer') return runPeerChildPhase(args)
  if (args.phase === 'report') return printReport(args)

  args.dir = join(tmpdir(), `bench-search-${process.pid}`)
  rmSync(args.dir, { recursive: true, force: true })
  mkdirSync(args.dir, { recursive: true })
  progress(`scale ${args.scale}: chunks and reports in ${args.dir}`)
  runChild(args, 'build')
  runChild(args, 'search')
  if (!args.skipBaseline) runChild(args, 'baseline')
  for (const name of args.peers) {
    progress(`peer ${name}`)
    runChild(args, 'peer', ['--peers', name])
  }
  printReport(args)
  if (!args.keep) rmSync(args.dir, { recursive: true, force: true })
}

// Imported by profiling harnesses for its generator; runs only as a script.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === SCRIPT) main()
