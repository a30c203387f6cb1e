import type { ReactNode } from 'react'
import { useParams } from 'react-router-dom'
import { ArchiveLink } from '../../components/ArchiveLink'
import { ExternalLink } from '../../components/ExternalLink'
import { Loading } from '../../components/Loading'
import { MarkdownText } from '../../components/markdown/MarkdownText'
import { PageHeader } from '../../components/Page'
import { PaperReferenceLink } from '../../components/PaperReferenceLink'
import { useArchiveQuery } from '../../components/useArchiveQuery'
import { loadMethodPage } from '../../data/queries/catalogQueries'
import { NotFoundPage } from '../NotFoundPage'
import { archiveText } from '../../components/useShownText'

export function MethodPage(): ReactNode {
  const { slug = '' } = useParams()
  const data = useArchiveQuery((db) => loadMethodPage(db, slug), [slug])
  if (data === undefined) return <Loading />
  if (data === null) return <NotFoundPage what="method" />
  const { method } = data
  return (
    <article>
      <PageHeader title={method.name} kicker="Method">
        {method.fullName && method.fullName !== method.name ? method.fullName : null}
      </PageHeader>
      <div className="paper__columns">
        <div>
          {method.description ? (
            <MarkdownText
              className="method__description"
              text={archiveText('methods', method, 'description')}
            />
          ) : (
            <p className="muted">The archive has no description for this method.</p>
          )}
        </div>
        <aside className="paper__side">
          <dl className="facts facts--stacked">
            <dt>Introduced</dt>
            <dd>
              {method.introducedYear ?? 'year unknown'}
              {method.paper && (
                <>
                  {' in '}
                  <PaperReferenceLink reference={method.paper} local={data.introducingPaper} />
                </>
              )}
            </dd>
            <dt>Papers using it</dt>
            <dd>{method.numPapers?.toLocaleString('en') ?? '—'}</dd>
            {method.codeSnippetUrl && (
              <>
                <dt>Code snippet</dt>
                <dd>
                  <ExternalLink href={method.codeSnippetUrl}>
                    {method.codeSnippetUrl.replace(/^https?:\/\//, '')}
                  </ExternalLink>
                </dd>
              </>
            )}
            {method.sourceUrl && (
              <>
                <dt>Source</dt>
                <dd>
                  <ArchiveLink href={method.sourceUrl}>{method.sourceTitle ?? method.sourceUrl}</ArchiveLink>
                </dd>
              </>
            )}
            {method.collections.length > 0 && (
              <>
                <dt>Collections</dt>
                <dd>{method.collections.map((c) => c.collection).join(', ')}</dd>
              </>
            )}
          </dl>
        </aside>
      </div>
    </article>
  )
}
