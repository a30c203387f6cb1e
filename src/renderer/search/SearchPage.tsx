import { useEffect, useState, type ReactNode } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router-dom'
import type { PaperRecord } from '../../shared/archive/entities'
import { routes } from '../../shared/routes'
import type {
  FacetCount,
  PaperFacets,
  PaperSearchResponse,
  PaperSort
} from '../../shared/search/paperSearchResponse'
import { Loading } from '../components/Loading'
import { EmptyState, PageHeader } from '../components/Page'
import { AuthorList, formatDate } from '../components/PaperLinks'
import { appDatabase } from '../data/appDatabase'
import { BookmarkControl } from '../library/BookmarkControl'
import { saveSearch } from '../library/savedSearches'
import { Highlighted } from './Highlighted'
import { searchPapers, useSearchIndexStatus, useSearchIndexVersion } from './searchClient'
import { countLabel } from '../../shared/countLabel'
import { useImportActivity } from '../sync/ArchiveEmptyState'
import { percentReadSuffix } from '../sync/syncActivity'

const PAGE = 20

interface Results {
  key: string
  response: PaperSearchResponse
  papers: Map<string, PaperRecord>
}

/** Adds an operator to the query, quoting values with spaces (`task:"Image Classification"`). */
function withOperator(query: string, operator: string, value: string): string {
  const token = `${operator}:${/\s/.test(value) ? `"${value}"` : value}`
  return query.includes(token) ? query : `${query.trim()} ${token}`.trim()
}

interface FacetChoice {
  label: string
  count: number
  operator: string
  value: string
}

/** Facet counts as groups of clickable refinements, each adding one operator to the query. */
function facetGroups(facets: PaperFacets): { title: string; choices: FacetChoice[] }[] {
  const values = (operator: string, counts: FacetCount[], limit: number): FacetChoice[] =>
    counts.slice(0, limit).map((c) => ({ label: c.value, count: c.count, operator, value: c.value }))
  return [
    {
      title: 'Code',
      choices: [
        { label: 'Has code', count: facets.hasCode, operator: 'has', value: 'code' },
        { label: 'Official code', count: facets.officialCode, operator: 'official', value: 'yes' },
        ...values('framework', facets.frameworks, 6)
      ]
    },
    {
      title: 'Year',
      choices: [...facets.years]
        .reverse()
        .slice(0, 12)
        .map((y) => ({ label: String(y.year), count: y.count, operator: 'year', value: String(y.year) }))
    },
    { title: 'Task', choices: values('task', facets.tasks, 10) },
    { title: 'Venue', choices: values('venue', facets.venues, 8) }
  ].filter((group) => group.choices.length > 0)
}

function FacetGroup({
  group,
  onPick
}: {
  group: { title: string; choices: FacetChoice[] }
  onPick: (operator: string, value: string) => void
}): ReactNode {
  return (
    <>
      <h2>{group.title}</h2>
      <ul className="plain-list">
        {group.choices.map((choice) => (
          <li key={`${choice.operator}:${choice.value}`}>
            <button type="button" className="facet" onClick={() => onPick(choice.operator, choice.value)}>
              {choice.label} <span className="muted">{choice.count}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  )
}

function IndexStatus(): ReactNode {
  const status = useSearchIndexStatus()
  const importing = useImportActivity()
  if (status.state === 'ready' && !status.stale && !status.partial && !status.importing) return null
  const text =
    status.state === 'ready' && status.importing
      ? `Searching the ${countLabel(status.papers, 'paper')} imported so far: the import is still running${importing ? percentReadSuffix(importing) : ''}, so results are partial (code links count once it ends).`
      : status.state === 'ready' && status.partial
        ? 'Abstracts are still loading: these results match titles, authors, tasks and venues.'
        : status.state === 'building'
          ? status.stale
            ? 'The search index is being rebuilt for the latest sync; results come from the previous index.'
            : 'The search index is being built; results appear when it is ready.'
          : status.state === 'loading'
            ? 'Loading the search index…'
            : status.state === 'empty'
              ? importing
                ? `Nothing to search yet: the archive is importing${percentReadSuffix(importing)}; results appear when it is in.`
                : 'Nothing to search yet: sync the archive first.'
              : `The search index failed: ${status.message ?? 'unknown error'}`
  return (
    <p className="notice" role="status" data-testid="search-index-status">
      {text}
    </p>
  )
}

export function SearchPage(): ReactNode {
  const [params, setParams] = useSearchParams()
  const navigate = useNavigate()
  const query = params.get('q') ?? ''
  const sort = (params.get('sort') as PaperSort | null) ?? 'relevance'
  const [limit, setLimit] = useState(PAGE)
  const [results, setResults] = useState<Results | null>(null)
  const [saved, setSaved] = useState(false)
  const status = useSearchIndexStatus()
  const key = `${query}|${sort}|${limit}|${useSearchIndexVersion()}`

  useEffect(() => {
    let live = true
    if (!query.trim()) return
    void searchPapers(query, { sort, limit, offset: 0 }).then(async (response) => {
      const found = await appDatabase.papers.bulkGet(response.hits.map((h) => h.id))
      const papers = new Map(found.filter((p): p is PaperRecord => p !== undefined).map((p) => [p.id, p]))
      if (live) setResults({ key, response, papers })
    })
    return () => {
      live = false
    }
  }, [key, query, sort, limit])

  const setQuery = (next: string): void => {
    void navigate(routes.search(next))
  }
  // Until an index is loaded, an empty answer means "not yet", not "no papers match".
  const indexReady = status.state === 'ready' || status.stale
  const current = results?.key === key && indexReady ? results : null
  const header = (
    <PageHeader title={query ? `Results for “${query}”` : 'Search'} kicker="Search">
      {current && (
        <span data-testid="result-count">
          {countLabel(current.response.total, 'paper')}
          {current.response.relaxed && ' matching some of the words'}
        </span>
      )}
    </PageHeader>
  )
  if (!query.trim())
    return (
      <div>
        {header}
        <EmptyState title="Type a query in the search box">
          <p>
            Words match titles, abstracts, authors, tasks and venues. Operators:{' '}
            <code>&quot;exact phrase&quot;</code>, <code>-exclude</code>, <code>author:</code>,{' '}
            <code>task:</code>, <code>dataset:</code>, <code>method:</code>, <code>venue:</code>,{' '}
            <code>year:2019</code>, <code>year:2017..2020</code>, <code>has:code</code>,{' '}
            <code>official:yes</code>, <code>framework:pytorch</code>.
          </p>
        </EmptyState>
      </div>
    )
  const facets = current?.response.facets
  return (
    <div>
      {header}
      <IndexStatus />
      {current?.response.notes.map((note) => (
        <p key={`${note.kind}:${note.source}`} className={`notice notice--${note.severity}`} role="note">
          <strong>{note.source}</strong>: {note.message}
        </p>
      ))}
      <div className="catalog">
        <aside className="facets" aria-label="Refine results">
          {facets &&
            facetGroups(facets).map((group) => (
              <FacetGroup
                key={group.title}
                group={group}
                onPick={(o, v) => setQuery(withOperator(query, o, v))}
              />
            ))}
        </aside>
        <div>
          <div className="search-toolbar">
            <label>
              Sort by{' '}
              <select
                value={sort}
                onChange={(e) => setParams({ q: query, sort: e.target.value })}
                aria-label="Sort results"
              >
                <option value="relevance">Relevance</option>
                <option value="date">Date</option>
              </select>
            </label>
            <button
              type="button"
              className="button"
              disabled={saved}
              onClick={() => void saveSearch(appDatabase, query, query).then(() => setSaved(true))}
            >
              {saved ? 'Search saved' : 'Save this search'}
            </button>
          </div>
          {!current ? (
            <Loading label="Searching…" />
          ) : current.response.hits.length === 0 ? (
            <EmptyState title="No papers match">
              <p>Try fewer words, or remove an operator.</p>
            </EmptyState>
          ) : (
            <ol className="result-list" aria-label="Search results">
              {current.response.hits.map((hit) => {
                const paper = current.papers.get(hit.id)
                if (!paper) return null
                const terms = hit.matches.map((m) => m.term)
                return (
                  <li key={hit.id} className="result">
                    <div className="paper-row__main">
                      <Link to={routes.paper(paper.id)} className="result__title" data-list-item="">
                        <Highlighted text={paper.title} terms={terms} />
                      </Link>
                      <div className="paper-row__meta">
                        <span>{formatDate(paper.date)}</span>
                        {paper.proceeding && <span className="badge badge--venue">{paper.proceeding}</span>}
                        {paper.authors.length > 0 && <AuthorList authors={paper.authors} limit={5} />}
                      </div>
                      {paper.abstract && (
                        <p className="result__abstract">
                          <Highlighted text={paper.abstract.slice(0, 320)} terms={terms} />
                          {paper.abstract.length > 320 ? '…' : ''}
                        </p>
                      )}
                    </div>
                    <BookmarkControl paper={paper} compact />
                  </li>
                )
              })}
            </ol>
          )}
          {current && current.response.total > current.response.hits.length && (
            <button type="button" className="button" onClick={() => setLimit(limit + PAGE)}>
              Show more
            </button>
          )}
        </div>
      </div>
    </div>
  )
}
