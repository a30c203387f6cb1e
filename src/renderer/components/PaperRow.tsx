import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import type { PaperRecord } from '../../shared/archive/entities'
import { routes } from '../../shared/routes'
import { AuthorList, formatDate } from './PaperLinks'

/** One paper in a list: title, authors, date, venue, and the row's own actions. */
export function PaperRow({
  paper,
  actions,
  extra
}: {
  paper: PaperRecord
  actions?: ReactNode
  extra?: ReactNode
}): ReactNode {
  return (
    <div className="paper-row">
      <div className="paper-row__main">
        <Link to={routes.paper(paper.id)} className="paper-row__title" data-list-item="">
          {paper.title}
        </Link>
        <div className="paper-row__meta">
          <span>{formatDate(paper.date)}</span>
          {paper.proceeding && <span className="badge badge--venue">{paper.proceeding}</span>}
          {paper.isStub && (
            <span className="badge badge--stub">
              {paper.stubSource === 'link' ? 'known from a code link' : 'known from a leaderboard'}
            </span>
          )}
          {paper.authors.length > 0 && <AuthorList authors={paper.authors} limit={4} />}
        </div>
        {extra}
      </div>
      {actions && <div className="paper-row__actions">{actions}</div>}
    </div>
  )
}
