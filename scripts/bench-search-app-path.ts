/**
 * The search worker's query path, per query class: what one request costs from the moment the
 * worker receives it until the UI thread holds the answer, i.e. the engine (matching, scoring,
 * top-k), facet counting, and the structured clone `postMessage` makes of the response (in both
 * directions: `structuredClone` runs V8's serializer and deserializer, as a message does).
 *
 *   npx tsx scripts/bench-search-app-path.ts --scale 0.1
 *   npx tsx scripts/bench-search-app-path.ts --scale 1          (first run builds: ~4 min, ~3 GB)
 *   options: --seed 1  --dir <folder for the index chunks>  --passes 3
 *
 * The index is built from bench-search's synthetic papers and kept in `--dir` (default
 * `<tmp>/bench-search-app-path-<scale>-<seed>`): later runs read it back, so a change to the
 * query path can be compared before/after on the very same index. Delete the folder after a
 * change to the index format or to the generator.
 *
 * Requests are the ones the app sends:
 * - the results page (`SearchPage`): `{ sort, limit: 20, offset: 0 }`, facets on — bench-search's
 *   query classes, plus the most frequent words alone, with a facet refinement added (what a
 *   click on a facet does), in pairs, and sorted by date;
 * - search-as-you-type (`useQuickResults`, palette and header): `{ limit: 6, facets: false }`
 *   for every prefix of a query as it is typed, in typing order.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { serialize } from 'node:v8'
import {
  attachPaperIndexChunks,
  chunkKeysByGroup,
  deserializePaperIndex,
  serializePaperIndex
} from '../src/shared/search/indexSerialization'
import { PaperSearchIndex } from '../src/shared/search/paperSearchIndex'
import type { PaperSearchOptions } from '../src/shared/search/paperSearchResponse'
import { argValue, scaleArg } from './bench/cliArgs'
import {
  buildQuerySet,
  chunkFile,
  cpuMilliseconds,
  generatePapers,
  loadVocabulary,
  percentile,
  readChunks
} from './bench-search'

const FULL_ARCHIVE = 576_261
const RESULTS_PAGE: PaperSearchOptions = { sort: 'relevance', limit: 20, offset: 0 }
const QUICK_RESULTS: PaperSearchOptions = { limit: 6, facets: false }

interface Args {
  scale: number
  seed: number
  dir: string
  passes: number
}

function parseArgs(argv: readonly string[]): Args {
  const value = (name: string): string | undefined => argValue(argv, name)
  const scale = scaleArg(argv)
  const seed = Number(value('seed') ?? '1')
  return {
    scale,
    seed,
    dir: value('dir') ?? join(tmpdir(), `bench-search-app-path-${scale}-${seed}`),
    passes: Number(value('passes') ?? '3')
  }
}

function progress(message: string): void {
  process.stderr.write(`[bench-search-app-path ${new Date().toISOString().slice(11, 19)}] ${message}\n`)
}

/** Builds the index once and stores it as chunk files; later runs only read it back. */
function ensureIndexFiles(args: Args, vocabulary: ReturnType<typeof loadVocabulary>): void {
  if (existsSync(join(args.dir, 'manifest.json'))) return
  const papers = Math.round(FULL_ARCHIVE * args.scale)
  progress(`building the index of ${papers} papers into ${args.dir}`)
  const index = PaperSearchIndex.build(generatePapers(vocabulary, papers, args.seed))
  const serialized = serializePaperIndex(index)
  mkdirSync(args.dir, { recursive: true })
  for (const chunk of serialized.chunks) {
    writeFileSync(chunkFile(args.dir, chunk.key, typeof chunk.data === 'string'), chunk.data)
  }
  // Written last: its presence says the folder is complete.
  writeFileSync(join(args.dir, 'manifest.json'), serialized.manifest)
}

function loadIndex(dir: string): PaperSearchIndex {
  const manifest = readFileSync(join(dir, 'manifest.json'), 'utf8')
  const groups = chunkKeysByGroup(manifest)
  const index = deserializePaperIndex(manifest, readChunks(dir, groups.core, manifest))
  attachPaperIndexChunks(
    index,
    manifest,
    readChunks(dir, [...groups.sequences, ...groups.abstract], manifest)
  )
  return index
}

interface AppRequest {
  queryClass: string
  query: string
  options: PaperSearchOptions
  /** Sent just before, unmeasured: the request this one refines (a facet click follows its query). */
  after?: AppRequest
}

const plainWord = (word: string): boolean => /^[a-z]{4,}$/.test(word)

function resultsPageRequests(vocabulary: ReturnType<typeof loadVocabulary>): AppRequest[] {
  const requests: AppRequest[] = buildQuerySet(vocabulary).map((query) => ({
    queryClass: query.queryClass,
    query: query.text,
    options: RESULTS_PAGE
  }))
  const frequent = [...new Set(vocabulary.titleWords.map((word) => word.toLowerCase()))]
    .filter(plainWord)
    .slice(0, 20)
  const add = (queryClass: string, queries: readonly string[], options = RESULTS_PAGE): void => {
    for (const query of queries) requests.push({ queryClass, query, options })
  }
  add(
    'common word',
    frequent.map((word) => `${word} `)
  )
  const refinements = [
    'year:2020',
    'has:code',
    `task:"${vocabulary.tasks[0]}"`,
    'framework:pytorch',
    'official:yes',
    'year:2017..2021',
    `dataset:"${vocabulary.datasets[0]}"`,
    'venue:cvpr'
  ]
  add(
    'common + facet',
    frequent.map((word, i) => `${word} ${refinements[i % refinements.length]} `)
  )
  add(
    'common 2 words',
    frequent.slice(0, 10).map((word, i) => `${word} ${frequent[(i + 3) % frequent.length]} `)
  )
  add(
    'common by date',
    frequent.slice(0, 10).map((word) => `${word} `),
    { ...RESULTS_PAGE, sort: 'date' }
  )
  // What the page sends next on the same words: a facet clicked, the next page, another order.
  frequent.forEach((word, i) => {
    const shown: AppRequest = { queryClass: '', query: `${word} `, options: RESULTS_PAGE }
    const next: [string, string, PaperSearchOptions][] = [
      ['then a facet', `${word} ${refinements[i % refinements.length]} `, RESULTS_PAGE],
      ['then show more', `${word} `, { ...RESULTS_PAGE, limit: 40 }],
      ['then by date', `${word} `, { ...RESULTS_PAGE, sort: 'date' }]
    ]
    for (const [queryClass, query, options] of next)
      requests.push({ queryClass, query, options, after: shown })
  })
  return requests
}

/** Every prefix of each query from two letters on, as `useQuickResults` sends them while typing. */
function typingRequests(vocabulary: ReturnType<typeof loadVocabulary>): AppRequest[] {
  const frequent = [...new Set(vocabulary.titleWords.map((word) => word.toLowerCase()))].filter(plainWord)
  const typed = [
    frequent[0],
    `${frequent[1]} ${frequent[2]}`,
    `${frequent[5]} ${frequent[40]} ${frequent[3]}`,
    vocabulary.tasks[3].toLowerCase(),
    vocabulary.tasks[100].toLowerCase(),
    vocabulary.methods[0].toLowerCase(),
    vocabulary.datasets[10].toLowerCase(),
    frequent[300]
  ]
  return typed.flatMap((text) =>
    Array.from({ length: Math.max(0, text.length - 1) }, (_, i) => ({
      queryClass: 'typing (palette)',
      query: text.slice(0, i + 2),
      options: QUICK_RESULTS
    }))
  )
}

interface Measured {
  /** Per request (in request order), its fastest CPU time over the passes. */
  bestCpu: number[]
  engine: number[]
  clone: number[]
  total: number[]
  cpu: number[]
  bytes: number[]
  matches: number[]
}

function measure(
  index: PaperSearchIndex,
  requests: readonly AppRequest[],
  passes: number
): Map<string, Measured> {
  const byClass = new Map<string, Measured>()
  const position = new Map<AppRequest, number>()
  const run = (request: AppRequest, record: boolean): void => {
    if (request.after !== undefined) index.search(request.after.query, request.after.options)
    const cpuStart = cpuMilliseconds()
    const start = performance.now()
    const response = index.search(request.query, request.options)
    const searched = performance.now()
    structuredClone(response)
    const cloned = performance.now()
    const cpu = cpuMilliseconds() - cpuStart
    if (!record) return
    let entry = byClass.get(request.queryClass)
    if (entry === undefined) {
      entry = { bestCpu: [], engine: [], clone: [], total: [], cpu: [], bytes: [], matches: [] }
      byClass.set(request.queryClass, entry)
    }
    let slot = position.get(request)
    if (slot === undefined) {
      slot = entry.bestCpu.push(cpu) - 1
      position.set(request, slot)
    }
    entry.bestCpu[slot] = Math.min(entry.bestCpu[slot], cpu)
    entry.engine.push(searched - start)
    entry.clone.push(cloned - searched)
    entry.total.push(cloned - start)
    entry.cpu.push(cpu)
    entry.bytes.push(serialize(response).byteLength)
    entry.matches.push(response.total)
  }
  for (const request of requests) run(request, false) // warm-up: JIT and lazily built caches
  for (let pass = 0; pass < passes; pass += 1) for (const request of requests) run(request, true)
  return byClass
}

const ms = (value: number): string => (value < 10 ? value.toFixed(2) : value.toFixed(0))

function printTable(title: string, measured: Map<string, Measured>): void {
  const sorted = (values: number[]): number[] => [...values].sort((a, b) => a - b)
  const p = (values: number[], share: number): string => ms(percentile(sorted(values), share))
  const mean = (values: number[]): number =>
    values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length)
  console.log(`\n${title}`)
  console.log(
    `  ${'query class'.padEnd(18)}${'total p50/p95'.padStart(15)}${'engine p50/p95'.padStart(16)}${'clone p50/p95'.padStart(15)}${'CPU p50/p95'.padStart(13)}${'best p50/p95'.padStart(14)}${'max'.padStart(7)}${'response'.padStart(10)}${'matches'.padStart(9)}`
  )
  for (const [queryClass, entry] of measured) {
    console.log(
      `  ${queryClass.padEnd(18)}${`${p(entry.total, 0.5)}/${p(entry.total, 0.95)}`.padStart(15)}${`${p(entry.engine, 0.5)}/${p(entry.engine, 0.95)}`.padStart(16)}${`${p(entry.clone, 0.5)}/${p(entry.clone, 0.95)}`.padStart(15)}${`${p(entry.cpu, 0.5)}/${p(entry.cpu, 0.95)}`.padStart(13)}${`${p(entry.bestCpu, 0.5)}/${p(entry.bestCpu, 0.95)}`.padStart(14)}${p(entry.total, 1).padStart(7)}${`${(mean(entry.bytes) / 1024).toFixed(1)} kB`.padStart(10)}${String(Math.round(mean(entry.matches))).padStart(9)}`
    )
  }
}

function main(): void {
  const args = parseArgs(process.argv.slice(2))
  const vocabulary = loadVocabulary()
  ensureIndexFiles(args, vocabulary)
  const loadStart = performance.now()
  const index = loadIndex(args.dir)
  progress(`loaded ${index.documentCount} papers in ${ms(performance.now() - loadStart)} ms`)
  const load = (): string =>
    loadavg()
      .map((value) => value.toFixed(1))
      .join(' ')
  console.log(
    `=== search worker query path: ${index.documentCount} papers, seed ${args.seed}, node ${process.version}; load average ${load()} ===`
  )
  console.log(
    `each request 1 warm-up + ${args.passes} timed runs; ms. total = engine + clone (wall); CPU = this process's CPU time`
  )
  console.log(
    "(other jobs share the machine); best = each request's fastest CPU time over the runs, the closest to a quiet machine"
  )
  printTable(
    'Results page (sort, limit 20, facets)',
    measure(index, resultsPageRequests(vocabulary), args.passes)
  )
  printTable(
    'Search as you type (limit 6, no facets)',
    measure(index, typingRequests(vocabulary), args.passes)
  )
  console.log(`\nload average at end ${load()}`)
}

main()
