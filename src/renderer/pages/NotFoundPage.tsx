import type { ReactNode } from 'react'
import { Link, useLocation } from 'react-router-dom'
import { routes } from '../../shared/routes'
import { EmptyState, PageHeader } from '../components/Page'
import { ImportingArchive, useImportActivity } from '../sync/ArchiveEmptyState'

export function NotFoundPage({ what }: { what?: string }): ReactNode {
  const location = useLocation()
  const activity = useImportActivity()
  if (activity)
    return (
      <div>
        <PageHeader title="Not in the local archive yet" />
        <ImportingArchive activity={activity} />
      </div>
    )
  return (
    <div>
      <PageHeader title="Not in the local archive" />
      <EmptyState
        title={what ? `No ${what} at ${location.pathname}` : `Nothing at ${location.pathname}`}
        action={<Link to={routes.sync()}>Sync the full archive</Link>}
      >
        <p>
          The page may belong to a part of the archive you have not synced yet (the app starts with a small
          sample), or it may never have existed on paperswithcode.com.
        </p>
      </EmptyState>
    </div>
  )
}
