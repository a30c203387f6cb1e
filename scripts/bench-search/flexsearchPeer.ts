/**
 * FlexSearch as a search peer: one Document index, the short fields forward-tokenized so a word
 * being typed completes there (as in ours), abstracts and filter names by whole word, year and
 * code flags as tags. Size is its `export()` written to files, as an app would persist it.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import FlexSearch, { type Document as FlexDocument, type Id, type Resolver as FlexResolver } from 'flexsearch'
import type { ParsedQuery } from '../../src/shared/search/queryParser'
import type { SearchablePaper } from '../../src/shared/search/searchDocuments'
import {
  FLEXSEARCH_SHORT_FIELDS,
  FLEXSEARCH_WHOLE_WORD_FIELDS,
  toFlexSearchPlan,
  type FlexGroup,
  type FlexTagFilter
} from './flexsearchQuery'
import {
  directoryBytes,
  installedVersion,
  type PeerAnswer,
  type PeerApproximation,
  type PeerFootprint,
  type PeerModule,
  type SearchPeer
} from './searchPeer'

const { Document, Resolver } = FlexSearch

/**
 * Forward tokenizing (prefix search) up to this many papers. At 57,626 papers it held 619 MB of
 * heap and took 3× our build; at the full archive that is ~6 GB, over the 4 GB heap of an
 * Electron process and the benchmark's time, so larger runs index whole words (FACTS measured
 * that mode at 500k: 1.29 GB) and say that prefix queries then match whole words only.
 */
const FORWARD_TOKENIZE_MAX_PAPERS = 200_000

interface FlexPaper {
  [key: string]: string | number
  id: number
  title: string
  authors: string
  tasks: string
  venue: string
  abstract: string
  datasets: string
  methods: string
  frameworks: string
  year: string
  hasCode: string
  officialCode: string
}

type PaperIndex = FlexDocument<FlexPaper>
type Intermediate = Id[][]

const flag = (value: boolean): string => (value ? '1' : '0')

function resultSize(result: Intermediate): number {
  let size = 0
  for (const ids of result) if (ids) size += ids.length
  return size
}

class FlexSearchPeer implements SearchPeer {
  readonly name = 'FlexSearch'
  readonly configuration: string
  private readonly index: PaperIndex
  private readonly paperIds: string[] = []
  private readonly years = new Set<number>()
  private readonly seen = new Set<PeerApproximation>()

  private readonly completes: boolean

  constructor(
    private readonly dir: string,
    paperCount: number,
    version: string
  ) {
    this.completes = paperCount <= FORWARD_TOKENIZE_MAX_PAPERS
    const shortMode = this.completes
      ? "'forward'"
      : `'strict' (whole words: forward tokenizing is used up to ${FORWARD_TOKENIZE_MAX_PAPERS.toLocaleString('en-US')} papers; at 10 % it took 619 MB of heap, ~6 GB projected here)`
    this.configuration = `flexsearch ${version}, Document: ${FLEXSEARCH_SHORT_FIELDS.join(', ')} tokenize ${shortMode}; ${FLEXSEARCH_WHOLE_WORD_FIELDS.join(', ')} 'strict'; tags year, hasCode, officialCode; default encoder (Normalize)`
    const shortTokenize = this.completes ? ('forward' as const) : ('strict' as const)
    this.index = new Document<FlexPaper>({
      document: {
        id: 'id',
        index: [
          ...FLEXSEARCH_SHORT_FIELDS.map((field) => ({ field, tokenize: shortTokenize })),
          ...FLEXSEARCH_WHOLE_WORD_FIELDS.map((field) => ({ field, tokenize: 'strict' as const }))
        ],
        tag: [{ field: 'year' }, { field: 'hasCode' }, { field: 'officialCode' }]
      }
    })
  }

  add(paper: SearchablePaper): void {
    const id = this.paperIds.length
    this.paperIds.push(paper.id)
    if (paper.year !== null) this.years.add(paper.year)
    this.index.add({
      id,
      title: paper.title,
      authors: paper.authors.join(' ; '),
      tasks: paper.tasks.join(' ; '),
      venue: paper.venue ?? '',
      // Model names share the abstract's weight, as in our index.
      abstract: paper.models?.length ? `${paper.abstract} ${paper.models.join(' ; ')}` : paper.abstract,
      datasets: (paper.datasets ?? []).join(' ; '),
      methods: (paper.methods ?? []).join(' ; '),
      frameworks: paper.frameworks.join(' ; '),
      year: paper.year === null ? '' : String(paper.year),
      hasCode: flag(paper.hasCode),
      officialCode: flag(paper.hasOfficialCode)
    })
  }

  finishBuild(): void {}

  private group(group: FlexGroup): FlexResolver<FlexPaper> {
    const [first, ...rest] = group.fields
    const resolver = new Resolver<FlexPaper>({ index: this.index, field: first, query: group.word })
    for (const field of rest) resolver.or({ index: this.index, field, query: group.word })
    return resolver
  }

  private conjunction(groups: readonly FlexGroup[]): FlexResolver<FlexPaper> {
    const [first, ...rest] = groups
    const resolver = this.group(first)
    for (const group of rest) resolver.and(this.group(group))
    return resolver
  }

  /** Papers with the tag, as a FlexSearch result. */
  private tagged(filter: FlexTagFilter): FlexResolver<FlexPaper> {
    const values =
      filter.kind === 'year'
        ? [...this.years]
            .filter((year) => year >= (filter.from ?? 0) && year <= (filter.to ?? 9999))
            .map(String)
        : [flag(filter.value)]
    const field = filter.kind === 'year' ? 'year' : filter.kind
    const ids: Id[] = []
    for (const value of values) {
      for (const entry of this.index.search({ tag: { [field]: value }, limit: this.paperIds.length })) {
        for (const id of entry.result) ids.push(id)
      }
    }
    return new Resolver<FlexPaper>([ids])
  }

  search(query: ParsedQuery, limit: number): PeerAnswer {
    const plan = toFlexSearchPlan(query, this.completes)
    plan.approximations.forEach((approximation) => this.seen.add(approximation))
    if (plan.unsupported !== null) return { ids: [], total: 0 }
    let resolver: FlexResolver<FlexPaper> | null = null
    const intersect = (next: FlexResolver<FlexPaper>): void => {
      if (resolver === null) resolver = next
      else resolver.and(next)
    }
    if (plan.must.length > 0) intersect(this.conjunction(plan.must))
    for (const tag of plan.tags) if (!tag.negated) intersect(this.tagged(tag))
    const matched = resolver as FlexResolver<FlexPaper> | null
    if (matched === null) return { ids: [], total: 0 }
    for (const tag of plan.tags) if (tag.negated) matched.not(this.tagged(tag))
    for (const groups of plan.mustNot) matched.not(this.conjunction(groups))
    const total = resultSize(matched.result)
    const ids = matched.resolve({ limit }) as Id[]
    return { ids: ids.map((id) => this.paperIds[Number(id)]), total }
  }

  approximations(): ReadonlySet<PeerApproximation> {
    return this.seen
  }

  footprint(): PeerFootprint {
    const exportDir = join(this.dir, 'flexsearch-export')
    mkdirSync(exportDir, { recursive: true })
    const start = performance.now()
    let chunk = 0
    this.index.export((key, data) => {
      writeFileSync(join(exportDir, `${chunk++}-${key}`), data)
    })
    const writeMs = performance.now() - start
    return { kind: 'serialized', bytes: directoryBytes(exportDir), writeMs }
  }

  close(): void {}
}

export const flexsearchPeerModule: PeerModule = {
  unavailableReason: () => null,
  createPeer: (dir, paperCount) => new FlexSearchPeer(dir, paperCount, installedVersion('flexsearch'))
}
