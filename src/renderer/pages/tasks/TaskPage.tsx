import type { ReactNode } from 'react'
import { Link, useParams } from 'react-router-dom'
import { pwcSlug } from '../../../shared/archive/slug'
import { routes } from '../../../shared/routes'
import { Loading } from '../../components/Loading'
import { MarkdownText } from '../../components/markdown/MarkdownText'
import { PageHeader } from '../../components/Page'
import { DatedPaperList } from '../../components/PaperLinks'
import { useArchiveQuery } from '../../components/useArchiveQuery'
import { loadTaskPage } from '../../data/queries/taskQueries'
import { NotFoundPage } from '../NotFoundPage'
import { ArchiveAbsenceNote } from '../../sync/ArchiveEmptyState'
import { BoardTable } from './BoardTable'
import { ChipSection } from '../../components/ChipSection'
import { archiveText } from '../../components/useShownText'

export function TaskPage(): ReactNode {
  const { slug = '' } = useParams()
  const data = useArchiveQuery((db) => loadTaskPage(db, slug), [slug])
  if (data === undefined) return <Loading />
  if (data === null) return <NotFoundPage what="task" />
  const { task } = data
  return (
    <article>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        {task.areas.map((area) => (
          <Link key={area} to={routes.area(pwcSlug(area))}>
            {area}
          </Link>
        ))}
        {data.parent && <Link to={routes.task(data.parent.id)}>{data.parent.name}</Link>}
      </nav>
      <PageHeader title={task.name} kicker="Task" />
      {task.description ? (
        <MarkdownText className="task__description" text={archiveText('tasks', task, 'description')} />
      ) : (
        <p className="muted">The archive has no description for this task.</p>
      )}
      <ChipSection
        id="subtasks"
        title="Subtasks"
        items={data.subtasks.map((t) => ({ key: t.id, to: routes.task(t.id), label: t.name }))}
      />
      <section aria-labelledby="benchmarks">
        <h2 id="benchmarks">Benchmarks</h2>
        {data.boards.length > 0 ? (
          <BoardTable boards={data.boards} label={`Benchmarks of ${task.name}`} />
        ) : (
          <ArchiveAbsenceNote>No leaderboards for this task in the local archive.</ArchiveAbsenceNote>
        )}
      </section>
      {data.papers.length > 0 && (
        <section aria-labelledby="task-papers">
          <h2 id="task-papers">Papers</h2>
          <DatedPaperList papers={data.papers} />
        </section>
      )}
    </article>
  )
}
