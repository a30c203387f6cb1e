/**
 * Other search engines run by `scripts/bench-search.ts` next to ours, on the same papers and the
 * same queries in the same run: the contract each one implements, and the phase that builds and
 * measures one of them in its own child process (so its memory is its own, as ours is).
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { NameFilterKind, ParsedQuery } from '../../src/shared/search/queryParser'
import type { SearchablePaper } from '../../src/shared/search/searchDocuments'

/**
 * Where a peer's query language falls short of ours; each translation records the ones it used,
 * and the report says so next to the figures they affect.
 */
export type PeerApproximation =
  | 'no-fuzzy'
  | 'phrase-positional-in-abstract'
  | 'phrase-as-words'
  | 'name-filter-as-words'
  | 'words-match-as-prefixes'
  | 'no-relaxation'
  | 'no-completion'

export const APPROXIMATION_TEXT: Record<PeerApproximation, string> = {
  'no-fuzzy':
    'no fuzzy matching: words are matched exactly (ours also matches words of 5+ letters 1–2 edits away), so the fuzzy class (misspelled words) finds next to nothing',
  'phrase-positional-in-abstract':
    'a phrase is matched by position in every field, abstract included (ours: by position in title, authors, tasks, venue; all its words in an abstract)',
  'phrase-as-words':
    'no phrases: a phrase is matched as all its words, anywhere (ours: by position in title, authors, tasks, venue)',
  'name-filter-as-words':
    'author:/task:/venue:/dataset:/method:/framework: match when the field has all the value’s words (ours: an exact name, else one name with all the words)',
  'words-match-as-prefixes':
    'with forward tokenizing, a complete word also matches longer words in title, authors, tasks and venue (ours: completions only for the word being typed)',
  'no-completion':
    'whole words only (FlexSearch without forward tokenizing, see its configuration): a word being typed is matched as a complete word, so the prefix classes find only papers with that exact word',
  'no-relaxation':
    'no relaxation: when no paper has every word the answer is empty (ours falls back to papers with some of the words)'
}

export interface PeerAnswer {
  /** Paper ids of the requested page, best first. */
  ids: string[]
  /** Every paper that matches (ours reports this total; so must a peer, to cost the same). */
  total: number
}

export interface PeerFootprint {
  /** What `bytes` measures: `on disk` for a database file, `serialized` for an exported index. */
  kind: 'on disk' | 'serialized'
  bytes: number
  /** How long writing (or exporting) it took, when that is separate from the build. */
  writeMs: number
}

export interface SearchPeer {
  /** As printed in the report. */
  readonly name: string
  /** How it was configured, one line for the report. */
  readonly configuration: string
  add(paper: SearchablePaper): void
  /** Everything after the last `add` that must happen before searching (commit, optimize). */
  finishBuild(): void
  search(query: ParsedQuery, limit: number): PeerAnswer
  /** The translations' shortfalls seen so far. */
  approximations(): ReadonlySet<PeerApproximation>
  /** Persisted size; may serialize or close and reopen the index. */
  footprint(): PeerFootprint
  close(): void
}

/** A peer's module, loaded only when its phase runs (a missing native addon must not stop the others). */
export interface PeerModule {
  /** Null when the peer can run here, else why it cannot (printed instead of its figures). */
  unavailableReason(): string | null
  /** `paperCount`: how many papers will be added, for peers whose configuration depends on scale. */
  createPeer(dir: string, paperCount: number): SearchPeer
}

export interface QueryOutcome {
  ids: string[]
  total: number
}

export interface MemoryFigures {
  heapUsed: number
  arrayBuffers: number
  rss: number
  peakRss: number
}

export interface PeerReport<L> {
  name: string
  configuration: string
  papers: number
  buildMs: number
  /** CPU time of adding the papers and finishing the build. */
  buildCpuMs: number
  finishMs: number
  afterBuild: MemoryFigures
  /** Heap used before the first paper was added: the benchmark's own data (vocabulary, queries). */
  heapBeforeBuild: number
  footprint: PeerFootprint
  latency: L
  outcomes: Record<string, QueryOutcome>
  approximations: PeerApproximation[]
}

export interface PeerPhaseContext<Q extends { text: string }, L> {
  papers: Iterable<SearchablePaper>
  paperCount: number
  queries: readonly Q[]
  parse(text: string): ParsedQuery
  /** The benchmark's timing loop, shared with ours so every engine is timed alike. */
  measure(run: (query: Q) => number): L
  cpuMilliseconds(): number
  memory(): MemoryFigures
  progress(message: string): void
  reportFile: string
}

/** The page size our results page asks for. */
export const PAGE_SIZE = 20
/** Result agreement is measured on the top of the page. */
export const AGREEMENT_DEPTH = 10

export function runPeerPhase<Q extends { text: string }, L>(
  peer: SearchPeer,
  context: PeerPhaseContext<Q, L>
): void {
  const heapBeforeBuild = context.memory().heapUsed
  let buildMs = 0
  let buildCpuMs = 0
  let added = 0
  for (const paper of context.papers) {
    const start = performance.now()
    const cpuStart = context.cpuMilliseconds()
    peer.add(paper)
    buildMs += performance.now() - start
    buildCpuMs += context.cpuMilliseconds() - cpuStart
    added += 1
    if (added % 100_000 === 0) context.progress(`${peer.name} added ${added} of ${context.paperCount}`)
  }
  const finishStart = performance.now()
  const finishCpuStart = context.cpuMilliseconds()
  peer.finishBuild()
  const finishMs = performance.now() - finishStart
  buildCpuMs += context.cpuMilliseconds() - finishCpuStart
  const afterBuild = context.memory()
  const footprint = peer.footprint()

  const parsed = new Map(context.queries.map((query) => [query.text, context.parse(query.text)]))
  const parsedOf = (query: Q): ParsedQuery => parsed.get(query.text) as ParsedQuery
  const latency = context.measure((query) => peer.search(parsedOf(query), PAGE_SIZE).total)
  const outcomes: Record<string, QueryOutcome> = {}
  for (const query of context.queries) {
    const answer = peer.search(parsedOf(query), AGREEMENT_DEPTH)
    outcomes[query.text] = { ids: answer.ids, total: answer.total }
  }
  const report: PeerReport<L> = {
    name: peer.name,
    configuration: peer.configuration,
    papers: added,
    buildMs,
    buildCpuMs,
    finishMs,
    afterBuild,
    heapBeforeBuild,
    footprint,
    latency,
    outcomes,
    approximations: [...peer.approximations()]
  }
  peer.close()
  writeFileSync(context.reportFile, JSON.stringify(report))
}

/** Bytes of every file under `dir` (a database with its journal, or exported chunks). */
export function directoryBytes(dir: string): number {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    total += entry.isDirectory() ? directoryBytes(path) : statSync(path).size
  }
  return total
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** The version npm installed, for the report (some packages do not export their package.json). */
export function installedVersion(name: string): string {
  try {
    const manifest = readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')
    return (JSON.parse(manifest) as { version: string }).version
  } catch {
    return 'unknown version'
  }
}

/** The document field each name filter (`author:`, `task:` …) searches, the same for every peer. */
export const NAME_FILTER_FIELD = {
  author: 'authors',
  task: 'tasks',
  venue: 'venue',
  dataset: 'datasets',
  method: 'methods',
  framework: 'frameworks'
} as const satisfies Record<NameFilterKind, string>
