/**
 * Papers in the order pages list them (newest first), for the whole archive and per task: derived
 * records written once at the end of a sync, in place of `date` and `*taskIds` indexes on the
 * papers table. Those indexes put ~3.5 index entries in IndexedDB per paper written, and the
 * papers import was bound by IndexedDB's per-entry cost (FACTS.md); a listing is one record per
 * task, rewritten once per sync.
 *
 * A listing is stored as two strings, the ids joined by newlines and the dates at a fixed width,
 * rather than as arrays: structured clone copies a string at memory speed, where the 576k
 * elements of an array are cloned one at a time.
 */

/** Every paper of the papers dump, newest first. */
export const REAL_PAPERS_LISTING = 'papers'
/**
 * Papers known only from a code link or a leaderboard row, newest first. Apart from the real
 * papers, so that the default `/papers` view is a listing as stored, with no filter to run.
 */
export const STUB_PAPERS_LISTING = 'stubs'

/**
 * Which papers have code: any link, an official one, one per framework. These listings are in id
 * order, without dates; the `/papers` filters intersect them with a dated listing. They spare
 * that page a read of every code link (300k at full scale) on each visit.
 */
export const CODE_LISTING_PREFIX = 'code:'
export const ANY_CODE_LISTING = `${CODE_LISTING_PREFIX}any`
export const OFFICIAL_CODE_LISTING = `${CODE_LISTING_PREFIX}official`
const FRAMEWORK_LISTING_PREFIX = `${CODE_LISTING_PREFIX}framework:`

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

export interface PaperListingRecord {
  key: string
  /** Paper ids, newest first, joined by `\n`. */
  ids: string
  /**
   * `YYYY-MM-DD` per id, `DATE_WIDTH` characters each; blanks for papers without a date. Empty
   * for the code listings, which are in id order.
   */
  dates: string
}

/** What a listing needs to know of a paper. */
export interface ListedPaper {
  id: string
  date: string | null
  taskIds: readonly string[]
  isStub: boolean
}

interface ListingEntry {
  id: string
  date: string | null
}

const ID_SEPARATOR = '\n'
const DATE_WIDTH = 10
const NO_DATE = ' '.repeat(DATE_WIDTH)

/** Newest first; undated papers last; ties by id, so the order is the same on every build. */
function compareEntries(a: ListingEntry, b: ListingEntry): number {
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

function encodeListing(key: string, entries: readonly ListingEntry[]): PaperListingRecord {
  let dates = ''
  for (const entry of entries)
    dates += entry.date === null ? NO_DATE : entry.date.slice(0, DATE_WIDTH).padEnd(DATE_WIDTH)
  return { key, ids: joinIds(entries.map((entry) => entry.id)), dates }
}

/** One listing, decoded: ids by position and the date at each position. */
export class PaperListing {
  readonly ids: readonly string[]

  private constructor(
    readonly key: string,
    ids: readonly string[],
    private readonly dates: string
  ) {
    this.ids = ids
  }

  static decode(record: PaperListingRecord): PaperListing {
    const ids = record.ids === '' ? [] : record.ids.split(ID_SEPARATOR)
    return new PaperListing(record.key, ids, record.dates)
  }

  static empty(key: string): PaperListing {
    return new PaperListing(key, [], '')
  }

  get size(): number {
    return this.ids.length
  }

  dateAt(position: number): string | null {
    const date = this.dates.slice(position * DATE_WIDTH, (position + 1) * DATE_WIDTH)
    return date === NO_DATE || date === '' ? null : date.trimEnd()
  }

  /** The newest and oldest dates (a dated listing is sorted newest first, undated last). */
  dateRange(): { newest: string; oldest: string } | null {
    let newest: string | null = null
    let oldest: string | null = null
    for (let i = 0; i < this.size && newest === null; i++) newest = this.dateAt(i)
    for (let i = this.size - 1; i >= 0 && oldest === null; i--) oldest = this.dateAt(i)
    return newest !== null && oldest !== null ? { newest, oldest } : null
  }

  entries(): ListingEntry[] {
    return this.ids.map((id, i) => ({ id, date: this.dateAt(i) }))
  }

  /** Two dated listings as one, newest first (a merge: both are sorted already). */
  static merge(key: string, a: PaperListing, b: PaperListing): PaperListing {
    const ids: string[] = []
    const dates: string[] = []
    let i = 0
    let j = 0
    while (i < a.size || j < b.size) {
      const fromA =
        j >= b.size ||
        (i < a.size &&
          compareEntries({ id: a.ids[i], date: a.dateAt(i) }, { id: b.ids[j], date: b.dateAt(j) }) <= 0)
      const [listing, at] = fromA ? [a, i++] : [b, j++]
      ids.push(listing.ids[at])
      dates.push(listing.dates.slice(at * DATE_WIDTH, (at + 1) * DATE_WIDTH).padEnd(DATE_WIDTH))
    }
    return new PaperListing(key, ids, dates.join(''))
  }
}

/** The years the listings' dates span, newest first. */
export function yearsSpanned(listings: readonly PaperListing[]): number[] {
  const ranges = listings.map((listing) => listing.dateRange()).filter((range) => range !== null)
  if (ranges.length === 0) return []
  const to = Math.max(...ranges.map((range) => Number(range.newest.slice(0, 4))))
  const from = Math.min(...ranges.map((range) => Number(range.oldest.slice(0, 4))))
  if (!from || !to) return []
  return Array.from({ length: to - from + 1 }, (_, i) => to - i)
}

/**
 * The code listings of a database, counted without decoding them; a listing's ids become a set
 * only when a filter asks for it (a framework's set is built when it is picked).
 */
export class CodeListings {
  private readonly sets = new Map<string, ReadonlySet<string>>()

  constructor(private readonly records: ReadonlyMap<string, PaperListingRecord>) {}

  private counted: [string, number][] | null = null

  /** Frameworks with how many papers have code in each, most first. */
  frameworks(): [string, number][] {
    if (this.counted === null) {
      const counts: [string, number][] = []
      for (const [key, record] of this.records) {
        const framework = frameworkOfListing(key)
        if (framework !== null) counts.push([framework, countIds(record.ids)])
      }
      this.counted = counts.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    }
    return this.counted
  }

  /** Papers in the listing `key` (`ANY_CODE_LISTING`, `OFFICIAL_CODE_LISTING`, a framework's). */
  papers(key: string): ReadonlySet<string> {
    let set = this.sets.get(key)
    if (set === undefined) {
      const record = this.records.get(key)
      set = new Set(record ? PaperListing.decode(record).ids : [])
      this.sets.set(key, set)
    }
    return set
  }
}

function countIds(ids: string): number {
  if (ids === '') return 0
  let count = 1
  for (let at = ids.indexOf(ID_SEPARATOR); at !== -1; at = ids.indexOf(ID_SEPARATOR, at + 1)) count++
  return count
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

/** Every code listing, from every stored link. */
export function buildCodeListings(links: Iterable<ListedCodeLink>): PaperListingRecord[] {
  const listings = new Map<string, Set<string>>()
  const add = (key: string, paperId: string): void => {
    const ids = listings.get(key)
    if (ids) ids.add(paperId)
    else listings.set(key, new Set([paperId]))
  }
  for (const link of links) {
    add(ANY_CODE_LISTING, link.paperId)
    if (link.isOfficial) add(OFFICIAL_CODE_LISTING, link.paperId)
    if (link.framework !== null) add(frameworkListingKey(link.framework), link.paperId)
  }
  return [...listings].map(([key, ids]) => ({ key, ids: joinIds([...ids].sort()), dates: '' }))
}

export interface ListingUpdate {
  put: PaperListingRecord[]
  /** Keys of listings left with no paper. */
  remove: string[]
}

/**
 * The listings after `changes`, given the stored ones: papers the changes touched leave every
 * listing, and their new versions join the real papers' or the stubs' listing and their tasks'.
 * Only listings that differ are returned.
 */
export function updatePaperListings(
  stored: readonly PaperListingRecord[],
  changes: PaperListingChanges
): ListingUpdate {
  const listings = new Map<string, ListingEntry[]>()
  const dirty = new Set<string>()
  const storedByKey = new Map(stored.map((record) => [record.key, PaperListing.decode(record)]))
  // Entries are materialized only for a listing that changes: most of a re-sync's listings do not.
  const entriesOf = (key: string): ListingEntry[] => {
    let entries = listings.get(key)
    if (entries === undefined) {
      entries = (storedByKey.get(key)?.entries() ?? []).filter((entry) => !changes.has(entry.id))
      listings.set(key, entries)
    }
    return entries
  }
  for (const [key, listing] of storedByKey) {
    if (listing.ids.some((id) => changes.has(id))) {
      entriesOf(key)
      dirty.add(key)
    }
  }
  const add = (key: string, entry: ListingEntry): void => {
    entriesOf(key).push(entry)
    dirty.add(key)
  }
  for (const paper of changes.written()) {
    const entry = { id: paper.id, date: paper.date }
    add(paper.isStub ? STUB_PAPERS_LISTING : REAL_PAPERS_LISTING, entry)
    for (const taskId of new Set(paper.taskIds)) add(taskListingKey(taskId), entry)
  }
  const update: ListingUpdate = { put: [], remove: [] }
  for (const key of dirty) {
    const entries = listings.get(key) ?? []
    if (entries.length === 0) update.remove.push(key)
    else update.put.push(encodeListing(key, entries.sort(compareEntries)))
  }
  return update
}
