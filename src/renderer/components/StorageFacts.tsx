import type { ReactNode } from 'react'
import { storageFullMessage, storageUsageText } from '../../shared/storage/storageFull'
import { useStorageUsage } from './useStorageUsage'

/** "Using 1.2 GB of 40.0 GB", and whether the data is safe from eviction. */
export function StorageUsageFacts({ refreshKey }: { refreshKey?: unknown }): ReactNode {
  const facts = useStorageUsage(refreshKey)
  if (!facts) return null
  const kept = facts.persistent
    ? 'Kept when the disk runs low.'
    : 'The browser may clear it when the disk runs low; installing the app keeps it.'
  return (
    <p className="muted" data-testid="storage-usage">
      {facts.usage && `Storage: ${storageUsageText(facts.usage)} available to this app. `}
      {kept}
    </p>
  )
}

/**
 * What a refused write tells the user: storage is full, how much more the refused work needs,
 * how much is in use; `children` say what was kept and how to retry.
 */
export function StorageFullNotice({
  bytesNeeded,
  children
}: {
  bytesNeeded: number | null
  children: ReactNode
}): ReactNode {
  const facts = useStorageUsage(bytesNeeded)
  return (
    <div className="storage-full" role="alert" data-testid="storage-full">
      <p>
        <strong>{storageFullMessage(bytesNeeded, facts?.usage ?? null)}</strong>
      </p>
      <p>{children}</p>
    </div>
  )
}
