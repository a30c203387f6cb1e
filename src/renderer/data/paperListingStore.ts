/**
 * The `paperListings` (heads) and `paperListingPages` tables: reading what a page shows of a
 * listing, and writing the listings after a sync (or building them from the papers and links
 * tables, when a schema upgrade creates them).
 */
import type { Table } from 'dexie'
import type { CodeLinkRecord, PaperRecord } from '../../shared/archive/entities'
import {
  buildCodeListings,
  CODE_LISTING_PREFIX,
  convertLegacyListings,
  dateAt,
  decodeListing,
  LISTING_PAGE_SIZE,
  ListingLayout,
  PAPERS_LISTING,
  PaperListingChanges,
  splitIds,
  updatePaperListings,
  type EncodedListing,
  type LegacyListingRecord,
  type ListedCodeLink,
  type ListingEntry,
  type PaperListingPageRecord,
  type PaperListingRecord,
  type PositionRange
} from '../../shared/archive/paperListings'

export interface ListingTables {
  listings: Table<PaperListingRecord, string>
  pages: Table<PaperListingPageRecord, [string, number]>
}

interface DecodedPage {
  ids: string[]
  dates: string
}

/**
 * One stored listing: its head, read up front, and the pages a caller asks for, read then and
 * kept (a scroll back up reads nothing again).
 */
export class StoredListing {
  readonly layout: ListingLayout
  private readonly pages = new Map<number, Promise<DecodedPage | undefined>>()

  private constructor(
    private readonly tables: ListingTables,
    head: PaperListingRecord
  ) {
    this.layout = new ListingLayout(head)
  }

  static async read(tables: ListingTables, key: string): Promise<StoredListing> {
    const head = await tables.listings.get(key)
    return new StoredListing(tables, head ?? { key, size: 0, stubs: [], years: [] })
  }

  static ofHead(tables: ListingTables, head: PaperListingRecord): StoredListing {
    return new StoredListing(tables, head)
  }

  get key(): string {
    return this.layout.head.key
  }

  private async readPages(numbers: readonly number[]): Promise<Map<number, DecodedPage | undefined>> {
    const missing = numbers.filter((page) => !this.pages.has(page))
    if (missing.length > 0) {
      const read = this.tables.pages.bulkGet(missing.map((page): [string, number] => [this.key, page]))
      missing.forEach((page, i) =>
        this.pages.set(
          page,
          read.then((records) => {
            const record = records[i]
            return record ? { ids: splitIds(record.ids), dates: record.dates } : undefined
          })
        )
      )
    }
    const pages = await Promise.all(numbers.map((page) => this.pages.get(page)))
    return new Map(numbers.map((page, i) => [page, pages[i]]))
  }

  /** The entries at these positions (one bulk read of the pages they fall on). */
  async entriesAt(positions: readonly number[]): Promise<ListingEntry[]> {
    const pages = await this.readPages(ListingLayout.pagesOf(positions))
    const entries: ListingEntry[] = []
    for (const position of positions) {
      const page = pages.get(Math.floor(position / LISTING_PAGE_SIZE))
      const at = position % LISTING_PAGE_SIZE
      const id = page?.ids[at]
      if (page && id !== undefined)
        entries.push({ id, date: dateAt(page.dates, at), isStub: this.layout.isStubAt(position) })
    }
    return entries
  }

  /** Rows `offset…offset + limit` of a range, stubs left out unless `withStubs`. */
  async idsAt(range: PositionRange, withStubs: boolean, offset: number, limit: number): Promise<string[]> {
    const entries = await this.entriesAt(this.layout.positions(range, withStubs, offset, limit))
    return entries.map((entry) => entry.id)
  }

  /** Every entry of a range, in order. */
  async entriesIn(range: PositionRange): Promise<ListingEntry[]> {
    return this.entriesAt(
      Array.from({ length: Math.max(0, range.to - range.from) }, (_, i) => range.from + i)
    )
  }
}

export function readStoredListing(tables: ListingTables, key: string): Promise<StoredListing> {
  return StoredListing.read(tables, key)
}

/** The heads of the listings whose keys start with `prefix` (no page read). */
export async function readListingHeads(tables: ListingTables, prefix: string): Promise<PaperListingRecord[]> {
  return tables.listings.where('key').startsWith(prefix).toArray()
}

/** Every stored listing, pages and all (for a sync's update, which needs the whole of them). */
async function readAllListings(tables: ListingTables): Promise<Map<string, EncodedListing>> {
  const [heads, pages] = await Promise.all([tables.listings.toArray(), tables.pages.toArray()])
  const listings = new Map(heads.map((head): [string, EncodedListing] => [head.key, { head, pages: [] }]))
  for (const page of pages) listings.get(page.key)?.pages.push(page)
  return listings
}

function samePage(a: PaperListingPageRecord | undefined, b: PaperListingPageRecord): boolean {
  return a !== undefined && a.ids === b.ids && a.dates === b.dates
}

/** Writes `put` and removes `remove`, writing only the pages that differ from `stored`. */
async function writeListings(
  tables: ListingTables,
  stored: ReadonlyMap<string, EncodedListing>,
  put: readonly EncodedListing[],
  remove: readonly string[]
): Promise<void> {
  const deletePages: [string, number][] = []
  const putPages: PaperListingPageRecord[] = []
  for (const key of remove) {
    for (const page of stored.get(key)?.pages ?? []) deletePages.push([key, page.page])
  }
  for (const listing of put) {
    const before = new Map((stored.get(listing.head.key)?.pages ?? []).map((page) => [page.page, page]))
    for (const page of listing.pages) if (!samePage(before.get(page.page), page)) putPages.push(page)
    for (const page of before.keys())
      if (page >= listing.pages.length) deletePages.push([listing.head.key, page])
  }
  await tables.listings.bulkDelete([...remove])
  await tables.pages.bulkDelete(deletePages)
  await tables.listings.bulkPut(put.map((listing) => listing.head))
  await tables.pages.bulkPut(putPages)
}

export interface ListingRefresh {
  /** `changes` holds every stored paper: the stored listings are replaced, not updated. */
  rebuild: boolean
  /** Some code link was added, changed or removed: the code listings are built from the links. */
  linksChanged: boolean
}

/**
 * Applies a sync's changes to the stored listings (after a sync that did not finish, `rebuild`:
 * the stored ones may miss what it wrote). The code listings are built again from every link when
 * any link changed: a link's paper may have other links, so one link's change does not say
 * whether its paper still has code.
 */
export async function writePaperListings(
  tables: ListingTables & { links: Table<CodeLinkRecord, string> },
  changes: PaperListingChanges,
  { rebuild, linksChanged }: ListingRefresh
): Promise<void> {
  if (!rebuild && !linksChanged && changes.isEmpty) return
  const stored = await readAllListings(tables)
  const fromLinks = rebuild || linksChanged
  const kept = [...stored.values()].filter(
    (listing) => !rebuild && !(fromLinks && listing.head.key.startsWith(CODE_LISTING_PREFIX))
  )
  const update = updatePaperListings(kept, changes)
  const put = new Map(update.put.map((listing) => [listing.head.key, listing]))
  const remove = new Set(update.remove)
  if (fromLinks) {
    const papers = remove.has(PAPERS_LISTING)
      ? undefined
      : (put.get(PAPERS_LISTING) ?? stored.get(PAPERS_LISTING))
    const code = buildCodeListings(await readListedLinks(tables.links), papers ? decodeListing(papers) : [])
    for (const listing of code) put.set(listing.head.key, listing)
    // What was stored and is not built again goes: every listing on a rebuild, else code listings.
    for (const key of stored.keys())
      if (!put.has(key) && (rebuild || key.startsWith(CODE_LISTING_PREFIX))) remove.add(key)
  }
  await writeListings(tables, stored, [...put.values()], [...remove])
}

async function readListedLinks(links: Table<CodeLinkRecord, string>): Promise<ListedCodeLink[]> {
  const listed: ListedCodeLink[] = []
  await links.each(({ paperId, isOfficial, framework }) => listed.push({ paperId, isOfficial, framework }))
  return listed
}

/** Builds every listing from the papers and links tables (one pass over each). */
export async function rebuildPaperListings(
  papers: Table<PaperRecord, string>,
  tables: ListingTables & { links: Table<CodeLinkRecord, string> }
): Promise<void> {
  const changes = new PaperListingChanges()
  await papers.each((paper) => changes.noteWritten([paper]))
  await writePaperListings(tables, changes, { rebuild: true, linksChanged: true })
}

/**
 * Brings the listings of schema version 6 (one record each) to pages. Without any, as in a
 * profile whose earlier upgrades left them to this one, they are built from the tables.
 */
export async function upgradeListingsToPages(
  papers: Table<PaperRecord, string>,
  tables: ListingTables & { links: Table<CodeLinkRecord, string> }
): Promise<void> {
  const legacy = (await tables.listings.toArray()) as unknown as LegacyListingRecord[]
  if (legacy.length === 0) {
    await rebuildPaperListings(papers, tables)
    return
  }
  await tables.listings.clear()
  await writeListings(tables, new Map(), convertLegacyListings(legacy), [])
}
