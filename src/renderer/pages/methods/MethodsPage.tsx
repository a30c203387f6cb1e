import { useMemo, useState, type ReactNode } from 'react'
import { Link } from 'react-router-dom'
import { routes } from '../../../shared/routes'
import { CatalogFilter, matchesText } from '../../components/CatalogFilter'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/Page'
import { ArchiveEmptyState } from '../../sync/ArchiveEmptyState'
import { useArchiveQuery } from '../../components/useArchiveQuery'
import { groupMethodsByArea } from '../../data/queries/catalogQueries'
import { countLabel } from '../../../shared/countLabel'

const PER_COLLECTION = 12

export function MethodsPage(): ReactNode {
  const methods = useArchiveQuery((db) => db.methods.toArray(), [])
  const [query, setQuery] = useState('')
  const filtered = useMemo(
    () => (methods ?? []).filter((m) => matchesText(query, m.name, m.fullName)),
    [methods, query]
  )
  const areas = useMemo(() => groupMethodsByArea(filtered), [filtered])
  const header = (
    <PageHeader title="Methods" kicker="Browse">
      Building blocks of machine learning models, by area and collection.
    </PageHeader>
  )
  if (!methods) return <Loading />
  if (methods.length === 0)
    return (
      <div>
        {header}
        <ArchiveEmptyState
          title="No methods in the local archive yet"
          action={<Link to={routes.sync()}>Archive &amp; sync</Link>}
        />
      </div>
    )
  return (
    <div>
      {header}
      <CatalogFilter
        label="Filter methods"
        value={query}
        onChange={setQuery}
        shown={filtered.length}
        total={methods.length}
      />
      <nav className="area-index" aria-label="Method areas">
        {areas.map((a) => (
          <a key={a.area} href={`#area-${a.area}`}>
            {a.area}
          </a>
        ))}
      </nav>
      {areas.map((area) => (
        <section
          key={area.area}
          id={`area-${area.area}`}
          aria-labelledby={`heading-${area.area}`}
          className="method-area"
        >
          <h2 id={`heading-${area.area}`}>{area.area}</h2>
          <div className="area-grid">
            {area.collections.map((collection) => (
              <section key={collection.name} className="card" aria-label={collection.name}>
                <h3>{collection.name}</h3>
                <ul className="plain-list">
                  {collection.methods.slice(0, PER_COLLECTION).map((m) => (
                    <li key={m.id} className="area-card__task">
                      <Link to={routes.method(m.id)} data-list-item="">
                        {m.name}
                      </Link>
                      {m.numPapers !== null && (
                        <span className="muted">{countLabel(m.numPapers, 'paper')}</span>
                      )}
                    </li>
                  ))}
                </ul>
                {collection.methods.length > PER_COLLECTION && (
                  <p className="muted">
                    + {collection.methods.length - PER_COLLECTION} more (filter to find them)
                  </p>
                )}
              </section>
            ))}
          </div>
        </section>
      ))}
    </div>
  )
}
