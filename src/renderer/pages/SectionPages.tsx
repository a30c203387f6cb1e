import type { ReactNode } from 'react'
import { Link, useParams, useSearchParams } from 'react-router-dom'
import { routes } from '../../shared/routes'
import { EmptyState, PageHeader } from '../components/Page'

/**
 * Pages whose data arrives with later work. Each says what it will hold and how to get it,
 * so a user on a fresh install is never looking at a blank screen.
 */

const syncAction = <Link to={routes.sync()}>Open archive &amp; sync</Link>

export function PapersPage(): ReactNode {
  return (
    <div>
      <PageHeader title="Papers" kicker="Browse">
        Latest papers first, with code, tasks and results.
      </PageHeader>
      <EmptyState title="No papers in the local archive yet" action={syncAction}>
        <p>The bundled sample imports on first launch; the full archive holds 576,261 papers.</p>
      </EmptyState>
    </div>
  )
}

export function SotaHomePage(): ReactNode {
  return (
    <div>
      <PageHeader title="Browse State-of-the-Art" kicker="Tasks / SotA">
        Benchmarks by area, each with its leaderboard and progress chart.
      </PageHeader>
      <EmptyState title="No benchmarks in the local archive yet" action={syncAction}>
        <p>Benchmarks come from the evaluation-tables dump.</p>
      </EmptyState>
    </div>
  )
}

export function DatasetsPage(): ReactNode {
  return (
    <div>
      <PageHeader title="Datasets" kicker="Browse">
        Machine learning datasets with their tasks, loaders and leaderboards.
      </PageHeader>
      <EmptyState title="No datasets in the local archive yet" action={syncAction} />
    </div>
  )
}

export function MethodsPage(): ReactNode {
  return (
    <div>
      <PageHeader title="Methods" kicker="Browse">
        Building blocks of machine learning models, by area and collection.
      </PageHeader>
      <EmptyState title="No methods in the local archive yet" action={syncAction} />
    </div>
  )
}

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
