/**
 * The host's storage figures and persistence, over `navigator.storage` (a secure context only:
 * `app://` is registered `secure` for this). The same in both hosts: in Electron the main
 * process's permission policy grants `persistent-storage` to the app's own origin.
 */
import type { StorageUsage } from '../../shared/storage/storageFull'

/** Usage and quota of this origin, or `null` where the host does not say. */
export async function readStorageUsage(): Promise<StorageUsage | null> {
  try {
    const estimate = await navigator.storage?.estimate?.()
    if (estimate?.usage === undefined || estimate.quota === undefined) return null
    return { usage: estimate.usage, quota: estimate.quota }
  } catch {
    return null
  }
}

/**
 * Asks that the archive, lists and notes survive storage pressure instead of being evicted as a
 * site cache; resolves to whether they will. Called at every launch, not only the first: Chromium
 * decides by heuristics (engagement, installed app), so a first refusal may become a grant, and
 * once granted this only reads the state.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    if (!navigator.storage?.persist) return false
    if (await navigator.storage.persisted()) return true
    return await navigator.storage.persist()
  } catch {
    return false
  }
}

/** Whether the host keeps this origin's data under storage pressure. */
export async function isStoragePersistent(): Promise<boolean> {
  try {
    return (await navigator.storage?.persisted?.()) ?? false
  } catch {
    return false
  }
}
