import type { ReactNode } from 'react'
import { Link, useParams } from 'react-router-dom'
import { routes } from '../../shared/routes'
import { Loading } from '../components/Loading'
import { EmptyState, PageHeader } from '../components/Page'
import { ExportButtons } from './ExportButtons'
import { LibraryEntries } from './LibraryEntries'
import { UndoNotice, useUndo } from './UndoNotice'
import { useLibrary } from './useLibrary'

/** `/lists/:id`: one list's papers, with the same editing as the library page and its own exports. */
export function ListPage(): ReactNode {
  const { id = '' } = useParams()
  const data = useLibrary()
  const { offer, offerUndo, dismiss } = useUndo()
  if (data === undefined) return <Loading />
  const list = data.lists.find((candidate) => candidate.id === id)
  if (!list) {
    return (
      <div>
        <PageHeader title="List not found" kicker="Reading list" />
        <UndoNotice offer={offer} dismiss={dismiss} />
        <EmptyState
          title="This list does not exist"
          action={<Link to={routes.lists()}>All reading lists</Link>}
        >
          <p>It may have been deleted, or restored from a backup under another id.</p>
        </EmptyState>
      </div>
    )
  }
  const entries = data.entries.filter((entry) => entry.listId === list.id)
  return (
    <div className="library">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={routes.lists()}>Reading lists</Link>
      </nav>
      <PageHeader title={list.name} kicker="Reading list" />
      <UndoNotice offer={offer} dismiss={dismiss} />
      <div className="library__section-head">
        <h2 className="visually-hidden">Papers</h2>
        <ExportButtons lists={[list]} entries={entries} title={list.name} />
      </div>
      <LibraryEntries
        data={data}
        listId={list.id}
        offerUndo={offerUndo}
        emptyText={
          <EmptyState title="No papers in this list yet">
            <p>Use a paper’s bookmark menu (▾) to add it here, or copy papers from another list.</p>
          </EmptyState>
        }
      />
    </div>
  )
}
