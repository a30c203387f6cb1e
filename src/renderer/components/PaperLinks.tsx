import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import { routes } from '../../shared/routes'

/** Author names as links to an author search, as the old site had them. */
export function AuthorList({ authors, limit }: { authors: string[]; limit?: number }): ReactNode {
  const shown = limit ? authors.slice(0, limit) : authors
  return (
    <span className="authors">
      {shown.map((author, i) => (
        <span key={`${author}-${i}`}>
          {i > 0 && ', '}
          <Link to={routes.search(`author:"${author}"`)}>{author}</Link>
        </span>
      ))}
      {limit && authors.length > limit && <span className="muted"> +{authors.length - limit} more</span>}
    </span>
  )
}

// One formatter for every row: `toLocaleString` builds a new one per call (~0.4 ms each).
const SHORT_MONTH = new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' })

/** Human form of an ISO day: `2020-03-23` → `23 Mar 2020`. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return 'undated'
  const [y, m, d] = date.split('-').map(Number)
  if (!y || !m) return date
  const month = SHORT_MONTH.format(new Date(Date.UTC(y, m - 1, d || 1)))
  return d ? `${d} ${month} ${y}` : `${month} ${y}`
}

export function repoName(url: string): string {
  try {
    const parsed = new URL(url)
    return parsed.pathname.split('/').filter(Boolean).slice(0, 2).join('/') || parsed.hostname
  } catch {
    return url
  }
}

/** Papers as title links with their date, in the order given. */
export function DatedPaperList({
  papers
}: {
  papers: readonly { id: string; title: string; date: string | null }[]
}): ReactNode {
  return (
    <ul className="plain-list">
      {papers.map((p) => (
        <li key={p.id}>
          <Link to={routes.paper(p.id)}>{p.title}</Link>
          <span className="muted"> · {formatDate(p.date)}</span>
        </li>
      ))}
    </ul>
  )
}
