import { useMemo, useState, type ReactNode } from 'react'
import { Link } from 'react-router-dom'
import { routes } from '../../../shared/routes'
import { CatalogFilter, matchesText } from '../../components/CatalogFilter'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/Page'
import { ArchiveEmptyState } from '../../sync/ArchiveEmptyState'
import { useArchiveQuery } from '../../components/useArchiveQuery'
import { datasetFacets } from '../../data/queries/catalogQueries'
import { countLabel } from '../../../shared/countLabel'

const PAGE = 120

export function DatasetsPage(): ReactNode {
  const datasets = useArchiveQuery((db) => db.datasets.toArray(), [])
  const [query, setQuery] = useState('')
  const [modality, setModality] = useState<string | null>(null)
  const [limit, setLimit] = useState(PAGE)
  const sorted = useMemo(
    () =>
      (datasets ?? [])
        .slice()
        .sort((a, b) => (b.numPapers ?? 0) - (a.numPapers ?? 0) || a.name.localeCompare(b.name)),
    [datasets]
  )
  const facets = useMemo(() => datasetFacets(sorted), [sorted])
  const shown = sorted.filter(
    (d) =>
      (!modality || d.modalities.includes(modality)) && matchesText(query, d.name, d.fullName, d.description)
  )
  const header = (
    <PageHeader title="Datasets" kicker="Browse">
      Machine learning datasets with their tasks, loaders and leaderboards.
    </PageHeader>
  )
  if (!datasets) return <Loading />
  if (datasets.length === 0)
    return (
      <div>
        {header}
        <ArchiveEmptyState
          title="No datasets in the local archive yet"
          action={<Link to={routes.sync()}>Archive &amp; sync</Link>}
        />
      </div>
    )
  return (
    <div>
      {header}
      <div className="catalog">
        <aside className="facets" aria-label="Filter by modality">
          <h2>Modality</h2>
          <ul className="plain-list">
            <li>
              <button
                type="button"
                className={`facet ${modality === null ? 'facet--on' : ''}`}
                onClick={() => setModality(null)}
              >
                All <span className="muted">{facets.total.toLocaleString('en')}</span>
              </button>
            </li>
            {facets.modalities.slice(0, 16).map(([name, count]) => (
              <li key={name}>
                <button
                  type="button"
                  aria-pressed={modality === name}
                  className={`facet ${modality === name ? 'facet--on' : ''}`}
                  onClick={() => setModality(modality === name ? null : name)}
                >
                  {name} <span className="muted">{count.toLocaleString('en')}</span>
                </button>
              </li>
            ))}
          </ul>
        </aside>
        <div>
          <CatalogFilter
            label="Filter datasets"
            value={query}
            onChange={setQuery}
            shown={shown.length}
            total={datasets.length}
          />
          <ul className="catalog-list">
            {shown.slice(0, limit).map((d) => (
              <li key={d.id} className="catalog-item">
                <Link to={routes.dataset(d.id)} className="catalog-item__title" data-list-item="">
                  {d.name}
                </Link>
                {d.fullName && d.fullName !== d.name && <span className="muted"> — {d.fullName}</span>}
                <div className="catalog-item__meta">
                  {d.modalities.slice(0, 4).map((m) => (
                    <span key={m} className="badge badge--venue">
                      {m}
                    </span>
                  ))}
                  {d.numPapers !== null && <span className="muted">{countLabel(d.numPapers, 'paper')}</span>}
                </div>
              </li>
            ))}
          </ul>
          {shown.length > limit && (
            <button type="button" className="button" onClick={() => setLimit(limit + PAGE)}>
              Show more
            </button>
          )}
        </div>
      </div>
    </div>
  )
}
