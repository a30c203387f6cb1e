import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import { routes } from '../../shared/routes'
import { EmptyState, type EmptyStateProps } from '../components/Page'
import { useArchiveSync } from './archiveSync'
import { percentReadSuffix, syncActivity, type SyncActivity } from './syncActivity'

/** The running import, or `null`; pages use it to tell "not imported yet" from "not in the archive". */
export function useImportActivity(): SyncActivity | null {
  return syncActivity(useArchiveSync())
}

/** What a waiting page shows while the import that will fill it runs. */
export function ImportingArchive({ activity }: { activity: SyncActivity }): ReactNode {
  return (
    <section className="empty-state empty-state--importing" role="status" aria-label="Importing the archive">
      <div className="loading__spinner empty-state__spinner" aria-hidden="true" />
      <h2>Importing the archive…</h2>
      <div className="empty-state__body">
        <p>
          {activity.percent === null ? activity.text : `${activity.percent}% of the files read.`} This page
          fills in as the import finishes.
        </p>
        {activity.percent !== null && (
          <progress max={100} value={activity.percent} aria-label="Import progress">
            {activity.percent}%
          </progress>
        )}
      </div>
      <div className="empty-state__action">
        <Link to={routes.sync()}>Follow the import</Link>
      </div>
    </section>
  )
}

/**
 * A page's "nothing in the local archive yet", except while an import runs: on a first launch
 * the tables are empty only because the bundled sample is still being imported, and "sync
 * first" would send the user away from a page that is about to fill.
 */
export function ArchiveEmptyState(props: EmptyStateProps): ReactNode {
  const activity = useImportActivity()
  return activity ? <ImportingArchive activity={activity} /> : <EmptyState {...props} />
}

/** An inline "none in the local archive" (a section of a page), with the same exception. */
export function ArchiveAbsenceNote({ children }: { children: ReactNode }): ReactNode {
  const activity = useImportActivity()
  return (
    <p className="muted">
      {activity ? `None yet: the archive is still importing${percentReadSuffix(activity)}.` : children}
    </p>
  )
}
