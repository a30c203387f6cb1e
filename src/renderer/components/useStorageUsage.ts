import { useEffect, useState } from 'react'
import type { StorageUsage } from '../../shared/storage/storageFull'
import { isStoragePersistent, readStorageUsage } from '../platform/storageQuota'

export interface StorageFacts {
  /** `null` where the host gives no estimate. */
  usage: StorageUsage | null
  persistent: boolean
}

/** The storage figures, read again whenever `refreshKey` changes (after a sync, after a refused write). */
export function useStorageUsage(refreshKey: unknown): StorageFacts | undefined {
  const [facts, setFacts] = useState<StorageFacts>()
  useEffect(() => {
    let current = true
    void Promise.all([readStorageUsage(), isStoragePersistent()]).then(([usage, persistent]) => {
      if (current) setFacts({ usage, persistent })
    })
    return () => {
      current = false
    }
  }, [refreshKey])
  return facts
}
