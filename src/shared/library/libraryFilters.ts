/**
 * Filtering, searching and sorting inside the user's library. A library holds hundreds to a few
 * thousand entries, so everything runs in memory over what the entries table returns; there is no
 * index to keep in step with edits.
 */
import { READING_STATUSES, type ListEntry, type ReadingStatus } from './libraryTypes'
import { tagIdentity } from './libraryTags'

export interface EntryFilter {
  listId?: string
  /** Entries with any of these statuses; empty or absent means all. */
  statuses?: readonly ReadingStatus[]
  /** Entries carrying every one of these tags (case-insensitive). */
  tags?: readonly string[]
  /**
   * Inclusive bounds on `addedAt`, as ISO text of any precision: `'2025-03'` or `'2025-03-14'`
   * cover that whole month or day. Compared as UTC text, like the stored timestamps.
   */
  addedFrom?: string
  addedTo?: string
  /** Words that must all occur in the title, authors, tags, note or arXiv id; `"a phrase"` stays whole. */
  text?: string
}

export type EntrySortKey = 'addedAt' | 'title' | 'date' | 'status'

export interface EntrySort {
  key: EntrySortKey
  direction: 'asc' | 'desc'
}

const titleCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

export function filterEntries<E extends ListEntry>(entries: readonly E[], filter: EntryFilter): E[] {
  const statuses = filter.statuses && filter.statuses.length > 0 ? new Set(filter.statuses) : null
  const tags = (filter.tags ?? []).map(tagIdentity).filter((tag) => tag !== '')
  const terms = searchTerms(filter.text ?? '')
  return entries.filter((entry) => {
    if (filter.listId !== undefined && entry.listId !== filter.listId) return false
    if (statuses && !statuses.has(entry.status)) return false
    if (filter.addedFrom && entry.addedAt.slice(0, filter.addedFrom.length) < filter.addedFrom) return false
    if (filter.addedTo && entry.addedAt.slice(0, filter.addedTo.length) > filter.addedTo) return false
    if (tags.length > 0) {
      const own = new Set(entry.tags.map(tagIdentity))
      if (!tags.every((tag) => own.has(tag))) return false
    }
    return terms.length === 0 || matchesTerms(entry, terms)
  })
}

/** A sorted copy; ties fall back to the list and paper ids so the order never flickers. */
export function sortEntries<E extends ListEntry>(entries: readonly E[], sort: EntrySort): E[] {
  const sign = sort.direction === 'asc' ? 1 : -1
  return [...entries].sort((a, b) => {
    const primary = compareBy(sort.key, a, b, sign)
    return primary !== 0 ? primary : compareIds(a, b)
  })
}

/** Filter then sort, the way a library view asks. */
export function queryEntries<E extends ListEntry>(
  entries: readonly E[],
  filter: EntryFilter,
  sort: EntrySort
): E[] {
  return sortEntries(filterEntries(entries, filter), sort)
}

/** Whether an entry matches a free-text query, for highlighting and quick checks. */
export function entryMatchesText(entry: ListEntry, text: string): boolean {
  const terms = searchTerms(text)
  return terms.length === 0 || matchesTerms(entry, terms)
}

function compareBy(key: EntrySortKey, a: ListEntry, b: ListEntry, sign: number): number {
  switch (key) {
    case 'addedAt':
      return sign * compareText(a.addedAt, b.addedAt)
    case 'title':
      return sign * titleCollator.compare(a.snapshot.title, b.snapshot.title)
    case 'status':
      return sign * (READING_STATUSES.indexOf(a.status) - READING_STATUSES.indexOf(b.status))
    case 'date': {
      // Papers without a date go last in either direction: they are not "oldest" or "newest".
      if (a.snapshot.date === null || b.snapshot.date === null) {
        return (a.snapshot.date === null ? 1 : 0) - (b.snapshot.date === null ? 1 : 0)
      }
      return sign * compareText(a.snapshot.date, b.snapshot.date)
    }
  }
}

function compareIds(a: ListEntry, b: ListEntry): number {
  return compareText(a.listId, b.listId) || compareText(a.paperId, b.paperId)
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Query words and quoted phrases, folded like the text they are matched against. */
export function searchTerms(text: string): string[] {
  const terms: string[] = []
  for (const match of text.matchAll(/"([^"]*)"|(\S+)/g)) {
    const term = foldForSearch(match[1] ?? match[2])
      .replace(/\s+/g, ' ')
      .trim()
    if (term !== '') terms.push(term)
  }
  return terms
}

function matchesTerms(entry: ListEntry, terms: readonly string[]): boolean {
  const { snapshot } = entry
  const haystack = foldForSearch(
    [snapshot.title, ...snapshot.authors, ...entry.tags, entry.note, snapshot.arxivId ?? ''].join('\n')
  ).replace(/[^\S\n]+/g, ' ')
  return terms.every((term) => haystack.includes(term))
}

// "Sjöstrand" is found by "sjostrand": users type names without their accents.
function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('en-US')
}
