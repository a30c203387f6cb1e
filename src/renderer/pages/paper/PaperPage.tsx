import { useState, type ReactNode } from 'react'
import { Link, useParams } from 'react-router-dom'
import { routes } from '../../../shared/routes'
import { BoundedPlainText } from '../../components/BoundedPlainText'
import { ExternalLink } from '../../components/ExternalLink'
import { Loading } from '../../components/Loading'
import { AuthorList, DatedPaperList, formatDate, repoName } from '../../components/PaperLinks'
import { PageHeader } from '../../components/Page'
import { useArchiveQuery } from '../../components/useArchiveQuery'
import type { PaperRecord } from '../../../shared/archive/entities'
import { loadPaperPage, relatedPapers, type PaperPageData } from '../../data/queries/paperQueries'
import { BookmarkControl } from '../../library/BookmarkControl'
import { NotFoundPage } from '../NotFoundPage'
import { paperBibtex } from '../../../shared/library/paperBibtex'
import { ChipSection } from '../../components/ChipSection'
import { paperVenue } from '../../../shared/archive/paperFacts'
import { PaperAcrossBenchmarks } from '../leaderboard/PaperAcrossBenchmarks'
import { archiveText } from '../../components/useShownText'

/** The default reading list in one click, any other list through its menu. */
function BookmarkButton({ data }: { data: PaperPageData }): ReactNode {
  return <BookmarkControl paper={data.paper} />
}

function CopyBibtexButton({ data }: { data: PaperPageData }): ReactNode {
  const [copied, setCopied] = useState(false)
  const copy = async (): Promise<void> => {
    await navigator.clipboard.writeText(paperBibtex(data.paper, data.codeLinks))
    setCopied(true)
  }
  return (
    <button type="button" className="button" onClick={() => void copy()}>
      {copied ? 'BibTeX copied' : 'Copy BibTeX'}
    </button>
  )
}

function CodeLinks({ data }: { data: PaperPageData }): ReactNode {
  if (data.codeLinks.length === 0) return <p className="muted">No code linked in the archive.</p>
  return (
    <ul className="code-links" aria-label="Code">
      {data.codeLinks.map((link) => (
        <li key={link.id} className={link.isOfficial ? 'code-link code-link--official' : 'code-link'}>
          <ExternalLink href={link.repoUrl}>{repoName(link.repoUrl)}</ExternalLink>
          {link.isOfficial && <span className="badge badge--official">official</span>}
          {link.framework && <span className="badge">{link.framework}</span>}
        </li>
      ))}
    </ul>
  )
}

function ResultsTable({ data }: { data: PaperPageData }): ReactNode {
  if (data.results.length === 0) return null
  return (
    <section aria-labelledby="results">
      <h2 id="results">Results</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Task</th>
            <th scope="col">Dataset</th>
            <th scope="col">Metric</th>
            <th scope="col">Value</th>
            <th scope="col">Model</th>
            <th scope="col">Leaderboard</th>
          </tr>
        </thead>
        <tbody>
          {data.results.map((row) => (
            <tr key={`${row.result.id}:${row.metric}`}>
              <td>{row.task ? <Link to={routes.task(row.task.id)}>{row.task.name}</Link> : '—'}</td>
              <td>{row.leaderboard?.datasetName.trim() ?? '—'}</td>
              <td>{row.metric}</td>
              <td className="num">{row.raw}</td>
              <td>{row.result.modelName}</td>
              <td>
                {row.leaderboard ? (
                  <Link to={routes.leaderboard(row.leaderboard.id)}>
                    {row.isSota ? <span className="badge badge--sota"># 1 · SotA</span> : 'See leaderboard'}
                  </Link>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

function RelatedPapers({ paper }: { paper: PaperRecord }): ReactNode {
  const related = useArchiveQuery((db) => relatedPapers(db, paper), [paper])
  if (!related || related.length === 0) return null
  return (
    <section aria-labelledby="related">
      <h2 id="related">Related papers</h2>
      <DatedPaperList papers={related} />
    </section>
  )
}

function PaperView({ data }: { data: PaperPageData }): ReactNode {
  const { paper } = data
  const venue = paperVenue(paper)
  return (
    <article className="paper">
      <PageHeader title={paper.title} kicker="Paper" />
      <div className="paper__meta">
        {paper.authors.length > 0 && <AuthorList authors={paper.authors} />}
        <div className="paper__facts">
          <span>{formatDate(paper.date)}</span>
          {venue && <span className="badge badge--venue">{venue}</span>}
          {data.tasks.map((task) => (
            <Link key={task.id} className="chip" to={routes.task(task.id)}>
              {task.name}
            </Link>
          ))}
        </div>
      </div>
      <div className="paper__actions">
        {paper.urlAbs && (
          <ExternalLink className="button" href={paper.urlAbs}>
            Paper
          </ExternalLink>
        )}
        {paper.urlPdf && (
          <ExternalLink className="button" href={paper.urlPdf}>
            PDF
          </ExternalLink>
        )}
        <BookmarkButton data={data} />
        <CopyBibtexButton data={data} />
      </div>
      {paper.isStub && (
        <p className="notice" role="note">
          This paper is known only from {paper.stubSource === 'link' ? 'a code link' : 'a leaderboard'} in the
          local archive. Its abstract, authors and venue arrive with the papers dump (Archive &amp; sync).
        </p>
      )}
      <div className="paper__columns">
        <div>
          {paper.abstract && (
            <section aria-labelledby="abstract">
              <h2 id="abstract">Abstract</h2>
              <BoundedPlainText className="abstract" text={archiveText('papers', paper, 'abstract')} />
            </section>
          )}
          <ResultsTable data={data} />
          {data.results.length > 0 && <PaperAcrossBenchmarks paperId={paper.id} />}
          <RelatedPapers paper={paper} />
        </div>
        <aside className="paper__side">
          <section aria-labelledby="code">
            <h2 id="code">Code</h2>
            <CodeLinks data={data} />
          </section>
          <ChipSection
            id="methods"
            title="Methods"
            items={data.methods.map((m) => ({ key: m.id, to: routes.method(m.id), label: m.name }))}
          />
        </aside>
      </div>
    </article>
  )
}

export function PaperPage(): ReactNode {
  const { slug = '' } = useParams()
  const data = useArchiveQuery((db) => loadPaperPage(db, slug), [slug])
  if (data === undefined) return <Loading />
  if (data === null) return <NotFoundPage what="paper" />
  return <PaperView data={data} />
}
