/**
 * The plan of a sync that has not finished, kept outside IndexedDB (which the sync itself is
 * writing) so that after a crash or a killed page the next start knows what to resume.
 */

export type PlannedFile =
  | { origin: 'bundled'; name: string }
  | { origin: 'download'; name: string; baseUrl: string }
  /** A picked or dropped file: the browser forgets it on reload, so the user must pick it again. */
  | { origin: 'local'; name: string; size: number }

export interface PendingSync {
  label: string
  files: PlannedFile[]
  startedAt: string
}

const KEY = 'pwc.pendingSync'

export function readPendingSync(storage: Storage = localStorage): PendingSync | null {
  try {
    const value = JSON.parse(storage.getItem(KEY) ?? 'null') as PendingSync | null
    return value && Array.isArray(value.files) ? value : null
  } catch {
    return null
  }
}

export function writePendingSync(plan: PendingSync | null, storage: Storage = localStorage): void {
  if (plan) storage.setItem(KEY, JSON.stringify(plan))
  else storage.removeItem(KEY)
}
