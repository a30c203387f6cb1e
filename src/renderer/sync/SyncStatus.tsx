import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import { routes } from '../../shared/routes'
import { useArchiveSync } from './archiveSync'

/** The header's compact view of a sync: what runs, how far, or that something needs attention. */
export function SyncStatus(): ReactNode {
  const sync = useArchiveSync()
  let text: string | null = null
  let tone = 'info'
  if (sync.status === 'downloading') {
    text = 'Downloading archive…'
  } else if (sync.status === 'running') {
    const files = sync.progress?.files ?? []
    const read = files.reduce((sum, f) => sum + f.bytesRead, 0)
    const total = files.reduce((sum, f) => sum + (f.bytesTotal ?? 0), 0)
    text = `Importing${total > 0 ? ` ${Math.min(100, Math.round((read / total) * 100))}%` : '…'}`
  } else if (sync.status === 'interrupted') {
    text = 'Sync interrupted — resume'
    tone = 'warning'
  } else if (sync.lastResult?.outcome === 'failed' || sync.message) {
    text = 'Sync failed'
    tone = 'error'
  }
  if (!text) return null
  return (
    <Link to={routes.sync()} className={`sync-status sync-status--${tone}`} aria-live="polite">
      {(sync.status === 'running' || sync.status === 'downloading') && (
        <span className="loading__spinner" aria-hidden="true" />
      )}
      {text}
    </Link>
  )
}
