import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import { routes } from '../../../shared/routes'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/Page'
import { ArchiveEmptyState } from '../../sync/ArchiveEmptyState'
import { useArchiveQuery } from '../../components/useArchiveQuery'
import { loadSotaHome, type AreaSummary } from '../../data/queries/taskQueries'
import { countLabel } from '../../../shared/countLabel'

const TASKS_PER_AREA = 8

function AreaCard({ area }: { area: AreaSummary }): ReactNode {
  return (
    <section className="card area-card" aria-labelledby={`area-${area.slug}`}>
      <h3 id={`area-${area.slug}`}>
        <Link to={routes.area(area.slug)}>{area.name}</Link>
      </h3>
      <ul className="plain-list">
        {area.tasks.slice(0, TASKS_PER_AREA).map(({ task, leaderboards }) => (
          <li key={task.id} className="area-card__task">
            <Link to={routes.task(task.id)} data-list-item="">
              {task.name.trim() || task.id}
            </Link>
            <span className="muted">{countLabel(leaderboards, 'benchmark')}</span>
          </li>
        ))}
      </ul>
      {area.tasks.length > TASKS_PER_AREA && (
        <Link to={routes.area(area.slug)} className="area-card__more">
          See all {countLabel(area.tasks.length, 'task')} →
        </Link>
      )}
    </section>
  )
}

export function SotaHomePage(): ReactNode {
  const data = useArchiveQuery((db) => loadSotaHome(db), [])
  const header = (
    <PageHeader title="Browse State-of-the-Art" kicker="Tasks / SotA">
      {data && data.totalBoards > 0 ? countLabel(data.totalBoards, 'benchmark') : 'Benchmarks'} by area, each
      with its leaderboard and progress chart.
    </PageHeader>
  )
  if (!data) return <Loading />
  if (data.totalBoards === 0)
    return (
      <div>
        {header}
        <ArchiveEmptyState
          title="No benchmarks in the local archive yet"
          action={<Link to={routes.sync()}>Archive &amp; sync</Link>}
        >
          <p>Benchmarks come from the evaluation-tables dump.</p>
        </ArchiveEmptyState>
      </div>
    )
  return (
    <div>
      {header}
      <section aria-labelledby="notable">
        <h2 id="notable">Notable benchmarks</h2>
        <ul className="card-grid card-grid--benchmarks">
          {data.notable.map(({ board, task }) => (
            <li key={board.id}>
              <Link to={routes.leaderboard(board.id)} className="card card--link benchmark-card">
                <span className="benchmark-card__task">{task?.name ?? board.taskId}</span>
                <strong>{board.datasetName.trim()}</strong>
                <span className="muted">{countLabel(board.resultCount, 'result')}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="areas" className="areas">
        <h2 id="areas">All benchmarks by area</h2>
        <div className="area-grid">
          {data.areas.map((area) => (
            <AreaCard key={area.slug} area={area} />
          ))}
        </div>
      </section>
    </div>
  )
}
