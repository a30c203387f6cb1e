import { useCallback, type ReactNode } from 'react'
import { Link } from 'react-router-dom'
import { pluralNoun } from '../../../shared/countLabel'
import { routes } from '../../../shared/routes'
import { useUrlState } from '../../app/useUrlState'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/Page'
import { PaperRow } from '../../components/PaperRow'
import { useArchiveQuery } from '../../components/useArchiveQuery'
import { VirtualRows } from '../../components/VirtualRows'
import { BookmarkControl } from '../../library/BookmarkControl'
import { appDatabase } from '../../data/appDatabase'
import {
  listPaperIds,
  loadPaperBrowseIndex,
  papersByIds,
  type PaperListFilters
} from '../../data/queries/paperListQueries'
import { loadTaskNames } from '../../data/queries/taskQueries'
import { ArchiveEmptyState } from '../../sync/ArchiveEmptyState'
import { PAPER_FILTER_PARAMS } from './paperFilterParams'

const ROW_HEIGHT = 78

export function PapersPage(): ReactNode {
  const [filters, setFilters] = useUrlState(PAPER_FILTER_PARAMS)
  const index = useArchiveQuery((db) => loadPaperBrowseIndex(db), [])
  const tasks = useArchiveQuery((db) => loadTaskNames(db), [])
  const realPapers = index?.papers.layout.realSize
  const effective: PaperListFilters = { ...filters, includeStubs: filters.includeStubs || realPapers === 0 }
  const key = JSON.stringify(effective)
  // The list keeps the filters it was made for: until the new filters' list arrives, the count
  // shown is the previous one's, and says it is updating.
  const listed = useArchiveQuery(
    async (db) => (index ? { key, list: await listPaperIds(db, index, effective) } : undefined),
    [key, index]
  )
  const list = listed?.list
  const updating = listed !== undefined && listed.key !== key
  const fetchRows = useCallback(
    async (offset: number, limit: number) =>
      papersByIds(appDatabase, list ? await list.idsAt(offset, limit) : []),
    [list]
  )
  const set = <K extends keyof PaperListFilters>(name: K, value: PaperListFilters[K]): void =>
    setFilters((f) => ({ ...f, [name]: value }))

  if (list === undefined || index === undefined) return <Loading />
  const { frameworks, years } = index
  return (
    <div>
      <PageHeader title="Papers" kicker="Browse">
        Latest first.{' '}
        <span data-testid="paper-count" aria-busy={updating}>
          {list.count.toLocaleString('en')}
          {list.capped ? '+' : ''} {pluralNoun(list.count, 'paper')}
        </span>
        {realPapers === 0 &&
          ' (all known only from leaderboards and code links until the papers dump is synced)'}
      </PageHeader>
      <form className="filter-bar" aria-label="Filter papers" onSubmit={(e) => e.preventDefault()}>
        <label>
          Year
          <select
            value={filters.year ?? ''}
            onChange={(e) => set('year', e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">Any</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          Task
          <select value={filters.taskId ?? ''} onChange={(e) => set('taskId', e.target.value || null)}>
            <option value="">Any</option>
            {(tasks ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Framework
          <select value={filters.framework ?? ''} onChange={(e) => set('framework', e.target.value || null)}>
            <option value="">Any</option>
            {frameworks.map(([name, n]) => (
              <option key={name} value={name}>
                {name} ({n.toLocaleString('en')})
              </option>
            ))}
          </select>
        </label>
        <label>
          Venue
          <input
            type="search"
            value={filters.venue}
            placeholder="e.g. NeurIPS"
            onChange={(e) => set('venue', e.target.value)}
          />
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={filters.hasCode}
            onChange={(e) => set('hasCode', e.target.checked)}
          />{' '}
          Has code
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={filters.officialCode}
            onChange={(e) => set('officialCode', e.target.checked)}
          />{' '}
          Official code
        </label>
        {realPapers !== 0 && (
          <label className="check">
            <input
              type="checkbox"
              checked={filters.includeStubs}
              onChange={(e) => set('includeStubs', e.target.checked)}
            />{' '}
            Include papers known only from leaderboards or code links
          </label>
        )}
      </form>
      {list.count === 0 ? (
        <ArchiveEmptyState
          title="No papers match"
          action={<Link to={routes.sync()}>Archive &amp; sync</Link>}
        >
          <p>Loosen a filter, or sync the papers dump for the full 576,261 papers.</p>
        </ArchiveEmptyState>
      ) : (
        <VirtualRows
          total={list.count}
          rowHeight={ROW_HEIGHT}
          fetchRows={fetchRows}
          resetKey={key}
          rowKey={(p) => p.id}
          label="Papers"
          renderRow={(paper) => (
            <PaperRow paper={paper} actions={<BookmarkControl paper={paper} compact />} />
          )}
        />
      )}
    </div>
  )
}
