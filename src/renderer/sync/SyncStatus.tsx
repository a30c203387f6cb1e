import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import { routes } from '../../shared/routes'
import { useArchiveSync, type ArchiveSyncState } from './archiveSync'
import { syncActivity } from './syncActivity'

function headerStatus(sync: ArchiveSyncState): { text: string; tone: string; busy: boolean } | null {
  const activity = syncActivity(sync)
  if (activity) return { text: activity.text, tone: 'info', busy: true }
  if (sync.status === 'interrupted')
    return { text: 'Sync interrupted — resume', tone: 'warning', busy: false }
  if (sync.lastResult?.outcome === 'failed' || sync.message)
    return { text: 'Sync failed', tone: 'error', busy: false }
  return null
}

/** The header's compact view of a sync: what runs, how far, or that something needs attention. */
export function SyncStatus(): ReactNode {
  const status = headerStatus(useArchiveSync())
  if (!status) return null
  return (
    <Link to={routes.sync()} className={`sync-status sync-status--${status.tone}`} aria-live="polite">
      {status.busy && <span className="loading__spinner" aria-hidden="true" />}
      {status.text}
    </Link>
  )
}
