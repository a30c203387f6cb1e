import type { ReactNode } from 'react'
import { useParams } from 'react-router-dom'
import { routes } from '../../../shared/routes'
import { ArchiveLink } from '../../components/ArchiveLink'
import { ExternalLink } from '../../components/ExternalLink'
import { Loading } from '../../components/Loading'
import { MarkdownText } from '../../components/markdown/MarkdownText'
import { PageHeader } from '../../components/Page'
import { formatDate, repoName } from '../../components/PaperLinks'
import { PaperReferenceLink } from '../../components/PaperReferenceLink'
import { useArchiveQuery } from '../../components/useArchiveQuery'
import { loadDatasetPage } from '../../data/queries/catalogQueries'
import { NotFoundPage } from '../NotFoundPage'
import { ArchiveAbsenceNote } from '../../sync/ArchiveEmptyState'
import { BoardTable } from '../tasks/BoardTable'
import { ChipSection } from '../../components/ChipSection'
import { archiveText } from '../../components/useShownText'

export function DatasetPage(): ReactNode {
  const { slug = '' } = useParams()
  const data = useArchiveQuery((db) => loadDatasetPage(db, slug), [slug])
  if (data === undefined) return <Loading />
  if (data === null) return <NotFoundPage what="dataset" />
  const { dataset } = data
  return (
    <article>
      <PageHeader title={dataset.name} kicker="Dataset">
        {dataset.fullName && dataset.fullName !== dataset.name ? dataset.fullName : null}
      </PageHeader>
      {dataset.warning && (
        <p className="notice" role="note">
          {dataset.warning}
        </p>
      )}
      <div className="paper__columns">
        <div>
          {dataset.description ? (
            <MarkdownText text={archiveText('datasets', dataset, 'description')} />
          ) : (
            <p className="muted">The archive has no description for this dataset.</p>
          )}
          <section aria-labelledby="dataset-benchmarks">
            <h2 id="dataset-benchmarks">Benchmarks</h2>
            {data.boards.length > 0 ? (
              <BoardTable
                boards={data.boards}
                tasks={data.boardTasks}
                label={`Benchmarks on ${dataset.name}`}
              />
            ) : (
              <ArchiveAbsenceNote>No leaderboards on this dataset in the local archive.</ArchiveAbsenceNote>
            )}
          </section>
        </div>
        <aside className="paper__side">
          <dl className="facts facts--stacked">
            <dt>Papers using it</dt>
            <dd>{dataset.numPapers?.toLocaleString('en') ?? '—'}</dd>
            <dt>Introduced</dt>
            <dd>
              {dataset.introducedDate ? formatDate(dataset.introducedDate) : '—'}
              {dataset.paper && (
                <>
                  {' in '}
                  <PaperReferenceLink reference={dataset.paper} local={data.introducingPaper} />
                </>
              )}
            </dd>
            {dataset.homepage && (
              <>
                <dt>Homepage</dt>
                <dd>
                  <ArchiveLink href={dataset.homepage}>{dataset.homepage}</ArchiveLink>
                </dd>
              </>
            )}
            {dataset.modalities.length > 0 && (
              <>
                <dt>Modalities</dt>
                <dd>{dataset.modalities.join(', ')}</dd>
              </>
            )}
            {dataset.languages.length > 0 && (
              <>
                <dt>Languages</dt>
                <dd>{dataset.languages.join(', ')}</dd>
              </>
            )}
          </dl>
          <ChipSection
            id="dataset-tasks"
            title="Tasks"
            items={data.tasks.map((t) => ({ key: t.id, to: routes.task(t.id), label: t.name }))}
          />
          {dataset.dataLoaders.length > 0 && (
            <section aria-labelledby="loaders">
              <h2 id="loaders">Data loaders</h2>
              <ul className="code-links">
                {dataset.dataLoaders.map((loader) => (
                  <li key={loader.url} className="code-link">
                    <ExternalLink href={loader.url}>{loader.repo ?? repoName(loader.url)}</ExternalLink>
                    {loader.frameworks.map((f) => (
                      <span key={f} className="badge">
                        {f}
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </aside>
      </div>
    </article>
  )
}
