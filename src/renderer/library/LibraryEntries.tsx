import { useMemo, useState, type ReactNode } from 'react'
import { countTags } from '../../shared/library/libraryTags'
import { queryEntries, type EntrySort } from '../../shared/library/libraryFilters'
import {
  READING_STATUSES,
  READING_STATUS_LABELS,
  listEntryKey,
  type ListEntry,
  type ReadingStatus
} from '../../shared/library/libraryTypes'
import { LibraryEntryCard } from './LibraryEntryCard'
import type { LibraryData } from './useLibrary'
import { countLabel } from '../../shared/countLabel'
import { useRevealedCount } from '../components/useRevealedCount'
import { isInArchive, useArchivePresence } from './useArchivePresence'

/** Cards rendered at a time: a few screenfuls, well under a 100 ms task to build. */
const CARDS_PER_PAGE = 20

const SORTS: readonly { value: string; label: string; sort: EntrySort }[] = [
  { value: 'added-desc', label: 'Newest added', sort: { key: 'addedAt', direction: 'desc' } },
  { value: 'added-asc', label: 'Oldest added', sort: { key: 'addedAt', direction: 'asc' } },
  { value: 'title-asc', label: 'Title A–Z', sort: { key: 'title', direction: 'asc' } },
  { value: 'date-desc', label: 'Newest paper', sort: { key: 'date', direction: 'desc' } },
  { value: 'date-asc', label: 'Oldest paper', sort: { key: 'date', direction: 'asc' } },
  { value: 'status-asc', label: 'Reading status', sort: { key: 'status', direction: 'asc' } }
]

interface EntryFilters {
  text: string
  status: ReadingStatus | ''
  tag: string
  addedFrom: string
  addedTo: string
  sort: string
}

const NO_FILTERS: EntryFilters = {
  text: '',
  status: '',
  tag: '',
  addedFrom: '',
  addedTo: '',
  sort: 'added-desc'
}

/** A list's entries (or the whole library's, when `listId` is absent) with search, filters and sort. */
export function LibraryEntries({
  data,
  listId,
  offerUndo,
  emptyText
}: {
  data: LibraryData
  listId?: string
  offerUndo: (message: string, undo: () => Promise<void>) => void
  emptyText: ReactNode
}): ReactNode {
  const [filters, setFilters] = useState<EntryFilters>(NO_FILTERS)
  const scope = useMemo(
    () => (listId === undefined ? data.entries : data.entries.filter((entry) => entry.listId === listId)),
    [data.entries, listId]
  )
  const tags = useMemo(() => countTags(scope), [scope])
  const shown: ListEntry[] = useMemo(
    () =>
      queryEntries(
        scope,
        {
          text: filters.text,
          statuses: filters.status ? [filters.status] : [],
          tags: filters.tag ? [filters.tag] : [],
          addedFrom: filters.addedFrom || undefined,
          addedTo: filters.addedTo || undefined
        },
        (SORTS.find((option) => option.value === filters.sort) ?? SORTS[0]).sort
      ),
    [scope, filters]
  )
  const set = <K extends keyof EntryFilters>(name: K, value: EntryFilters[K]): void =>
    setFilters((current) => ({ ...current, [name]: value }))
  const filtered = JSON.stringify(filters) !== JSON.stringify({ ...NO_FILTERS, sort: filters.sort })
  const { count: rendered, sentinelRef } = useRevealedCount(
    shown.length,
    JSON.stringify([listId, filters]),
    CARDS_PER_PAGE
  )
  const cards = useMemo(() => shown.slice(0, rendered), [shown, rendered])
  const cardPaperIds = useMemo(() => cards.map((entry) => entry.paperId), [cards])
  const { presence, batches } = useArchivePresence(cardPaperIds, CARDS_PER_PAGE)

  if (scope.length === 0) return <div className="library-empty">{emptyText}</div>
  return (
    <div className="library-entries">
      <form
        className="filter-bar"
        role="search"
        aria-label={listId === undefined ? 'Search the library' : 'Search this list'}
        onSubmit={(event) => event.preventDefault()}
      >
        <label className="filter-bar__grow">
          Search
          <input
            type="search"
            value={filters.text}
            placeholder="Title, author, tag, note…"
            aria-label={listId === undefined ? 'Search the library' : 'Search this list'}
            onChange={(event) => set('text', event.target.value)}
          />
        </label>
        <label>
          Status
          <select
            aria-label="Filter by status"
            value={filters.status}
            onChange={(event) => set('status', event.target.value as ReadingStatus | '')}
          >
            <option value="">Any</option>
            {READING_STATUSES.map((status) => (
              <option key={status} value={status}>
                {READING_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tag
          <select
            aria-label="Filter by tag"
            value={filters.tag}
            onChange={(event) => set('tag', event.target.value)}
          >
            <option value="">Any</option>
            {tags.map(({ tag, count }) => (
              <option key={tag} value={tag}>
                {tag} ({count})
              </option>
            ))}
          </select>
        </label>
        <label>
          Added from
          <input
            type="date"
            aria-label="Added on or after"
            value={filters.addedFrom}
            onChange={(event) => set('addedFrom', event.target.value)}
          />
        </label>
        <label>
          Added to
          <input
            type="date"
            aria-label="Added on or before"
            value={filters.addedTo}
            onChange={(event) => set('addedTo', event.target.value)}
          />
        </label>
        <label>
          Sort by
          <select
            aria-label="Sort by"
            value={filters.sort}
            onChange={(event) => set('sort', event.target.value)}
          >
            {SORTS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        {filtered && (
          <button
            type="button"
            className="button"
            onClick={() => setFilters({ ...NO_FILTERS, sort: filters.sort })}
          >
            Clear filters
          </button>
        )}
      </form>
      <p className="muted library-entries__count" data-testid="entry-count">
        {filtered
          ? `${shown.length} of ${countLabel(scope.length, 'paper')}`
          : countLabel(scope.length, 'paper')}
      </p>
      {batches}
      {shown.length === 0 ? (
        <p className="notice">No paper matches these filters.</p>
      ) : presence === undefined ? null : (
        <div className="library-entry-list">
          {cards.map((entry) => (
            <LibraryEntryCard
              key={listEntryKey(entry)}
              entry={entry}
              lists={data.lists}
              inArchive={isInArchive(presence, entry.paperId)}
              showList={listId === undefined}
              offerUndo={offerUndo}
            />
          ))}
          {rendered < shown.length && (
            <p ref={sentinelRef} className="muted library-entry-list__more">
              Showing {rendered.toLocaleString('en')} of {shown.length.toLocaleString('en')}; scroll for more.
            </p>
          )}
        </div>
      )}
    </div>
  )
}
