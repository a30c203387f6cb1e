/**
 * Papers in the order pages list them (newest first), for the whole archive, per task and per kind
 * of code: derived records written once at the end of a sync, in place of `date` and `*taskIds`
 * indexes on the papers table. Those indexes put ~3.5 index entries in IndexedDB per paper
 * written, and the papers import was bound by IndexedDB's per-entry cost (FACTS.md).
 *
 * A listing is stored in pages: a small head (size, where each year starts, which positions hold
 * stubs) and pages of `LISTING_PAGE_SIZE` entries. A page shows a screenful, so it reads the head
 * and the page or two under it: the whole archive's listing is ~15 MB at full scale, and reading
 * it whole took `/papers` 1.3 s. Within a page the ids and dates are strings, not arrays:
 * structured clone copies a string at memory speed, an array element by element.
 *
 * Every listing holds stubs (papers known only from a code link or a leaderboard row) with the
 * real papers; the head's stub positions let a page leave them out without reading them.
 */

/** Every paper, stubs included (their positions are in the head). */
export const PAPERS_LISTING = 'papers'

/**
 * Papers with code: any link, an official one, one per framework. Dated and ordered like the
 * others, so the `/papers` code filters read a listing as stored instead of filtering one.
 */
export const CODE_LISTING_PREFIX = 'code:'
export const ANY_CODE_LISTING = `${CODE_LISTING_PREFIX}any`
export const OFFICIAL_CODE_LISTING = `${CODE_LISTING_PREFIX}official`
export const FRAMEWORK_LISTING_PREFIX = `${CODE_LISTING_PREFIX}framework:`

export function frameworkListingKey(framework: string): string {
  return `${FRAMEWORK_LISTING_PREFIX}${framework}`
}

/** The framework a `frameworkListingKey` names, or `null` for any other key. */
export function frameworkOfListing(key: string): string | null {
  return key.startsWith(FRAMEWORK_LISTING_PREFIX) ? key.slice(FRAMEWORK_LISTING_PREFIX.length) : null
}

export function taskListingKey(taskId: string): string {
  return `task:${taskId}`
}

/** Entries per stored page: a few screenfuls, ~30 KB. */
export const LISTING_PAGE_SIZE = 1000

/** Positions `from` (inclusive) to `to` (exclusive) of a listing. */
export interface PositionRange {
  from: number
  to: number
}

export interface YearSpan extends PositionRange {
  year: number
}

/** A listing's head: the `paperListings` table. */
export interface PaperListingRecord {
  key: string
  size: number
  /** Positions of the stubs, ascending. */
  stubs: number[]
  /** The years its dated papers span, newest first; undated papers follow the last. */
  years: YearSpan[]
}

/** Entries `page * LISTING_PAGE_SIZE` on of a listing: the `paperListingPages` table. */
export interface PaperListingPageRecord {
  key: string
  page: number
  /** Paper ids joined by `\n`. */
  ids: string
  /** `YYYY-MM-DD` per id, `DATE_WIDTH` characters each; blanks for papers without a date. */
  dates: string
}

export interface EncodedListing {
  head: PaperListingRecord
  pages: PaperListingPageRecord[]
}

/** What a listing needs to know of a paper. */
export interface ListedPaper {
  id: string
  date: string | null
  taskIds: readonly string[]
  isStub: boolean
}

export interface ListingEntry {
  id: string
  date: string | null
  isStub: boolean
}

const ID_SEPARATOR = '\n'
const DATE_WIDTH = 10
const NO_DATE = ' '.repeat(DATE_WIDTH)

/** Newest first; undated papers last; ties by id, so the order is the same on every build. */
export function compareEntries(a: ListingEntry, b: ListingEntry): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1
    if (b.date === null) return -1
    return a.date < b.date ? 1 : -1
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

function joinIds(ids: readonly string[]): string {
  for (const id of ids) {
    if (id.includes(ID_SEPARATOR)) throw new Error(`paper id ${JSON.stringify(id)} has a newline`)
  }
  return ids.join(ID_SEPARATOR)
}

export function splitIds(ids: string): string[] {
  return ids === '' ? [] : ids.split(ID_SEPARATOR)
}

export function encodeDate(date: string | null): string {
  return date === null ? NO_DATE : date.slice(0, DATE_WIDTH).padEnd(DATE_WIDTH)
}

/** The date at `index` of a fixed-width dates string. */
export function dateAt(dates: string, index: number): string | null {
  const date = dates.slice(index * DATE_WIDTH, (index + 1) * DATE_WIDTH)
  return date === NO_DATE || date === '' ? null : date.trimEnd()
}

/** Head and pages of entries already in listing order. */
export function encodeListing(key: string, entries: readonly ListingEntry[]): EncodedListing {
  const stubs: number[] = []
  const years: YearSpan[] = []
  entries.forEach((entry, position) => {
    if (entry.isStub) stubs.push(position)
    const year = entry.date === null ? null : Number(entry.date.slice(0, 4))
    if (year === null || !Number.isFinite(year)) return
    const last = years.at(-1)
    if (last?.year === year) last.to = position + 1
    else years.push({ year, from: position, to: position + 1 })
  })
  const pages: PaperListingPageRecord[] = []
  for (let start = 0; start < entries.length; start += LISTING_PAGE_SIZE) {
    const slice = entries.slice(start, start + LISTING_PAGE_SIZE)
    pages.push({
      key,
      page: pages.length,
      ids: joinIds(slice.map((entry) => entry.id)),
      dates: slice.map((entry) => encodeDate(entry.date)).join('')
    })
  }
  return { head: { key, size: entries.length, stubs, years }, pages }
}

/** Every entry of a stored listing, in order. */
export function decodeListing({ head, pages }: EncodedListing): ListingEntry[] {
  const stubs = new Set(head.stubs)
  const entries: ListingEntry[] = []
  for (const page of [...pages].sort((a, b) => a.page - b.page)) {
    splitIds(page.ids).forEach((id, i) => {
      const position = page.page * LISTING_PAGE_SIZE + i
      entries.push({ id, date: dateAt(page.dates, i), isStub: stubs.has(position) })
    })
  }
  return entries
}

/** The first index of a sorted array whose value is ≥ `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid] < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Where a listing's entries are, from its head alone: a year's range, how many papers a range
 * holds with or without stubs, and which positions show rows `offset…offset + limit` of it.
 */
export class ListingLayout {
  constructor(readonly head: PaperListingRecord) {}

  get size(): number {
    return this.head.size
  }

  /** Papers that are not stubs. */
  get realSize(): number {
    return this.head.size - this.head.stubs.length
  }

  range(year: number | null): PositionRange {
    if (year === null) return { from: 0, to: this.head.size }
    const span = this.head.years.find((candidate) => candidate.year === year)
    return span ? { from: span.from, to: span.to } : { from: 0, to: 0 }
  }

  private stubsIn(from: number, to: number): number {
    return lowerBound(this.head.stubs, to) - lowerBound(this.head.stubs, from)
  }

  count(range: PositionRange, withStubs: boolean): number {
    return range.to - range.from - (withStubs ? 0 : this.stubsIn(range.from, range.to))
  }

  /** The positions of the range's rows `offset` to `offset + limit` (stubs skipped unless `withStubs`). */
  positions(range: PositionRange, withStubs: boolean, offset: number, limit: number): number[] {
    const positions: number[] = []
    if (withStubs) {
      for (let at = range.from + offset; at < range.to && positions.length < limit; at++) positions.push(at)
      return positions
    }
    // The smallest position with `offset` real papers before it in the range (a monotone count).
    let lo = range.from
    let hi = range.to
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (mid - range.from - this.stubsIn(range.from, mid) < offset) lo = mid + 1
      else hi = mid
    }
    let nextStub = lowerBound(this.head.stubs, lo)
    for (let at = lo; at < range.to && positions.length < limit; at++) {
      if (this.head.stubs[nextStub] === at) nextStub++
      else positions.push(at)
    }
    return positions
  }

  /** Which stored pages hold these positions. */
  static pagesOf(positions: readonly number[]): number[] {
    return [...new Set(positions.map((position) => Math.floor(position / LISTING_PAGE_SIZE)))]
  }

  isStubAt(position: number): boolean {
    const at = lowerBound(this.head.stubs, position)
    return this.head.stubs[at] === position
  }
}

/** The years the listing's dates span, newest first, every year between included. */
export function yearsSpanned(head: PaperListingRecord): number[] {
  const to = head.years[0]?.year
  const from = head.years.at(-1)?.year
  if (!from || !to) return []
  return Array.from({ length: to - from + 1 }, (_, i) => to - i)
}

/**
 * What a sync wrote to or deleted from the papers table, collected as it goes so that the listings
 * are updated at its end without reading the papers back.
 */
export class PaperListingChanges {
  /** The paper as last written, or `null` once deleted. */
  private readonly changed = new Map<string, ListedPaper | null>()

  noteWritten(papers: readonly ListedPaper[]): void {
    for (const { id, date, taskIds, isStub } of papers) this.changed.set(id, { id, date, taskIds, isStub })
  }

  noteDeleted(ids: Iterable<string>): void {
    for (const id of ids) this.changed.set(id, null)
  }

  get isEmpty(): boolean {
    return this.changed.size === 0
  }

  has(id: string): boolean {
    return this.changed.has(id)
  }

  /** The paper as last written; `null` once deleted; `undefined` if untouched. */
  get(id: string): ListedPaper | null | undefined {
    return this.changed.get(id)
  }

  written(): ListedPaper[] {
    return [...this.changed.values()].filter((paper): paper is ListedPaper => paper !== null)
  }
}

/** What a code listing needs to know of a link. */
export interface ListedCodeLink {
  paperId: string
  isOfficial: boolean
  framework: string | null
}

/**
 * Every code listing, from every stored link, in the order of `papers` (the archive's listing:
 * a link's paper is always stored, as a stub if the papers dump lacks it).
 */
export function buildCodeListings(
  links: Iterable<ListedCodeLink>,
  papers: readonly ListingEntry[]
): EncodedListing[] {
  const keysOf = new Map<string, Set<string>>()
  for (const link of links) {
    const keys = keysOf.get(link.paperId) ?? new Set<string>()
    keys.add(ANY_CODE_LISTING)
    if (link.isOfficial) keys.add(OFFICIAL_CODE_LISTING)
    if (link.framework !== null) keys.add(frameworkListingKey(link.framework))
    keysOf.set(link.paperId, keys)
  }
  const listings = new Map<string, ListingEntry[]>()
  for (const entry of papers) {
    for (const key of keysOf.get(entry.id) ?? []) {
      const entries = listings.get(key)
      if (entries) entries.push(entry)
      else listings.set(key, [entry])
    }
  }
  return [...listings].map(([key, entries]) => encodeListing(key, entries))
}

export interface ListingUpdate {
  put: EncodedListing[]
  /** Keys of listings left with no paper. */
  remove: string[]
}

/**
 * The listings after `changes`, given the stored ones: papers the changes touched leave every
 * listing, and their new versions join the archive's listing and their tasks'. A code listing
 * keeps its papers (links decide it, and the caller rebuilds the code listings when links
 * changed): a paper it holds comes back with its new date, unless deleted. Only listings that
 * differ are returned.
 */
export function updatePaperListings(
  stored: readonly EncodedListing[],
  changes: PaperListingChanges
): ListingUpdate {
  const listings = new Map<string, ListingEntry[]>()
  const dirty = new Set<string>()
  const storedEntries = new Map(stored.map((listing) => [listing.head.key, decodeListing(listing)]))
  // Entries are materialized only for a listing that changes: most of a re-sync's listings do not.
  const entriesOf = (key: string): ListingEntry[] => {
    let entries = listings.get(key)
    if (entries === undefined) {
      entries = (storedEntries.get(key) ?? []).filter((entry) => !changes.has(entry.id))
      listings.set(key, entries)
    }
    return entries
  }
  const add = (key: string, paper: ListedPaper): void => {
    entriesOf(key).push({ id: paper.id, date: paper.date, isStub: paper.isStub })
    dirty.add(key)
  }
  for (const [key, entries] of storedEntries) {
    const touched = entries.filter((entry) => changes.has(entry.id))
    if (touched.length === 0) continue
    entriesOf(key)
    dirty.add(key)
    if (!key.startsWith(CODE_LISTING_PREFIX)) continue
    for (const entry of touched) {
      const paper = changes.get(entry.id)
      if (paper) add(key, paper)
    }
  }
  for (const paper of changes.written()) {
    add(PAPERS_LISTING, paper)
    for (const taskId of new Set(paper.taskIds)) add(taskListingKey(taskId), paper)
  }
  const update: ListingUpdate = { put: [], remove: [] }
  for (const key of dirty) {
    const entries = listings.get(key) ?? []
    if (entries.length === 0) update.remove.push(key)
    else update.put.push(encodeListing(key, entries.sort(compareEntries)))
  }
  return update
}

/** A listing as schema version 5 and 6 stored it: one record, ids and dates whole. */
export interface LegacyListingRecord {
  key: string
  ids: string
  dates: string
}

const LEGACY_REAL_PAPERS = 'papers'
const LEGACY_STUBS = 'stubs'

/**
 * The paged listings that version 5 and 6 listings hold: their real papers' and stubs' listings
 * become the one archive listing, task listings keep their order, and the code listings (sets in
 * id order then) take the archive listing's order.
 */
export function convertLegacyListings(records: readonly LegacyListingRecord[]): EncodedListing[] {
  const byKey = new Map(records.map((record) => [record.key, record]))
  const entriesOf = (
    record: LegacyListingRecord | undefined,
    stubIds: ReadonlySet<string>
  ): ListingEntry[] =>
    record
      ? splitIds(record.ids).map((id, i) => ({ id, date: dateAt(record.dates, i), isStub: stubIds.has(id) }))
      : []
  const stubIds = new Set(splitIds(byKey.get(LEGACY_STUBS)?.ids ?? ''))
  const papers = [
    ...entriesOf(byKey.get(LEGACY_REAL_PAPERS), new Set()),
    ...entriesOf(byKey.get(LEGACY_STUBS), stubIds)
  ].sort(compareEntries)
  const converted: EncodedListing[] = papers.length > 0 ? [encodeListing(PAPERS_LISTING, papers)] : []
  for (const record of records) {
    if (record.key.startsWith(CODE_LISTING_PREFIX)) {
      const members = new Set(splitIds(record.ids))
      const entries = papers.filter((entry) => members.has(entry.id))
      if (entries.length > 0) converted.push(encodeListing(record.key, entries))
    } else if (record.key !== LEGACY_REAL_PAPERS && record.key !== LEGACY_STUBS) {
      converted.push(encodeListing(record.key, entriesOf(record, stubIds)))
    }
  }
  return converted
}
