/**
 * The plan of a sync that has not finished, kept outside IndexedDB (which the sync itself is
 * writing) so that after a crash or a killed page the next start knows what to resume.
 */

import type { DumpKind } from '../../shared/archive/dumpKinds'
import type { SyncChoices } from './syncWorkerProtocol'

export type PlannedFile =
  | { origin: 'bundled'; name: string }
  | { origin: 'download'; name: string; baseUrl: string }
  /**
   * A picked or dropped file: the browser forgets it on reload, so the user must pick it again.
   * `kind` is the user's pick when the name announces none.
   */
  | { origin: 'local'; name: string; size: number; kind?: DumpKind }

export interface PendingSync {
  label: string
  files: PlannedFile[]
  startedAt: string
  /** Absent in plans stored before they existed: add and update only. */
  choices?: SyncChoices
  /** Whether the user confirmed the replace's removals (a resumed replace does not ask again). */
  removalsConfirmed?: boolean
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
