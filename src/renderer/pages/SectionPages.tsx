import type { ReactNode } from 'react'
import { Link, useParams, useSearchParams } from 'react-router-dom'
import { routes } from '../../shared/routes'
import { EmptyState, PageHeader } from '../components/Page'

/**
 * Pages whose data arrives with later work. Each says what it will hold and how to get it,
 * so a user on a fresh install is never looking at a blank screen.
 */

const syncAction = <Link to={routes.sync()}>Open archive &amp; sync</Link>

export function ReadingListsPage(): ReactNode {
  return (
    <div>
      <PageHeader title="Reading lists" kicker="Your library">
        Bookmarks, lists, reading status, notes and tags — stored only on this machine.
      </PageHeader>
      <EmptyState title="Your reading list is empty">
        <p>
          Press <kbd>b</kbd> on any paper, or use its bookmark button, to save it here.
        </p>
      </EmptyState>
    </div>
  )
}

export function SearchPage(): ReactNode {
  const [params] = useSearchParams()
  const query = params.get('q') ?? ''
  return (
    <div>
      <PageHeader title={query ? `Results for “${query}”` : 'Search'} kicker="Search" />
      <EmptyState title="No results">
        <p>
          Search covers paper titles, abstracts, authors, tasks and venues, plus tasks, datasets and methods.
        </p>
      </EmptyState>
    </div>
  )
}

/** Detail pages keyed by the old site's slug. */
export function EntityPage({
  kind
}: {
  kind: 'paper' | 'task' | 'dataset' | 'method' | 'leaderboard' | 'area' | 'list'
}): ReactNode {
  const { slug = '' } = useParams()
  return (
    <div>
      <PageHeader title={slug.replace(/-/g, ' ')} kicker={kind === 'leaderboard' ? 'Leaderboard' : kind} />
      <EmptyState title={`This ${kind} is not in the local archive`} action={syncAction}>
        <p>Sync the full archive to open every page of paperswithcode.com offline.</p>
      </EmptyState>
    </div>
  )
}
