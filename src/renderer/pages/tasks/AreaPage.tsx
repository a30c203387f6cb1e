import type { ReactNode } from 'react'
import { Link, useParams } from 'react-router-dom'
import { routes } from '../../../shared/routes'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/Page'
import { useArchiveQuery } from '../../components/useArchiveQuery'
import { loadArea } from '../../data/queries/taskQueries'
import { NotFoundPage } from '../NotFoundPage'
import { countLabel } from '../../../shared/countLabel'

export function AreaPage(): ReactNode {
  const { slug = '' } = useParams()
  const area = useArchiveQuery((db) => loadArea(db, slug), [slug])
  if (area === undefined) return <Loading />
  if (area === null) return <NotFoundPage what="area" />
  return (
    <div>
      <PageHeader title={area.name} kicker="Area">
        {countLabel(area.tasks.length, 'task')}
      </PageHeader>
      <ul className="task-grid">
        {area.tasks.map(({ task, leaderboards }) => (
          <li key={task.id}>
            <Link to={routes.task(task.id)} className="card card--link">
              <strong>{task.name.trim() || task.id}</strong>
              <p>{countLabel(leaderboards, 'benchmark')}</p>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  )
}
