/**
 * The one place a write refused for lack of space becomes something the user can act on.
 *
 * Browsers report a full origin quota (or a full disk under it) as a `QuotaExceededError`
 * DOMException; Dexie re-wraps it under the same name, or nests it (`inner` of an aborted
 * transaction, `failures` of a bulk write). Anything that writes to IndexedDB maps its failure
 * here, so the sync page and the note editor say the same thing: storage is full, this much more
 * is needed, nothing you had is lost.
 *
 * Runtime-free: errors are recognised by shape, not by `instanceof DOMException`, so the same
 * check runs in the sync worker, the page and Node tests.
 */
import { formatBytes } from '../byteSize'

/** Names of the quota errors: the standard one, and Firefox's older internal one. */
const QUOTA_ERROR_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED'])

/** What the host says about this app's storage (`navigator.storage.estimate()`). */
export interface StorageUsage {
  /** Bytes this app stores. */
  usage: number
  /** Bytes it may store before writes are refused. */
  quota: number
}

/** A write was refused because storage is full. */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError'

  constructor(
    /** Roughly how many more bytes the refused work needs; `null` when nothing says. */
    readonly bytesNeeded: number | null,
    options?: { cause?: unknown }
  ) {
    super(
      bytesNeeded === null
        ? 'storage is full'
        : `storage is full: about ${formatBytes(bytesNeeded)} more is needed`,
      options
    )
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** Whether `error`, or an error it wraps, says the storage quota is exceeded. */
export function isQuotaExceeded(error: unknown, depth = 0): boolean {
  // Wrappers nest a few levels at most; the bound keeps a cyclic `cause` from looping.
  if (!isRecord(error) || depth > 4) return false
  if (error instanceof StorageFullError) return true
  if (typeof error.name === 'string' && QUOTA_ERROR_NAMES.has(error.name)) return true
  const nested: unknown[] = [error.inner, error.cause]
  if (Array.isArray(error.failures)) nested.push(...(error.failures as unknown[]))
  if (isRecord(error.failuresByPos)) nested.push(...Object.values(error.failuresByPos))
  return nested.some((inner) => isQuotaExceeded(inner, depth + 1))
}

/** `error` as a `StorageFullError` when storage is what refused it, else `null`. */
export function asStorageFullError(error: unknown, bytesNeeded: number | null): StorageFullError | null {
  if (error instanceof StorageFullError) return error
  return isQuotaExceeded(error) ? new StorageFullError(bytesNeeded, { cause: error }) : null
}

/** Runs `write`; a refusal for lack of space is rethrown as a `StorageFullError`. */
export async function mapStorageFull<T>(bytesNeeded: number | null, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    throw asStorageFullError(error, bytesNeeded) ?? error
  }
}

/** `Using 1.2 GB of 40.0 GB`. */
export function storageUsageText(usage: StorageUsage): string {
  return `Using ${formatBytes(usage.usage)} of ${formatBytes(usage.quota)}`
}

/**
 * The sentence the user reads: that storage is full, how much more the refused work needs, and
 * (where the host says) how much is in use out of how much.
 */
export function storageFullMessage(bytesNeeded: number | null, usage: StorageUsage | null): string {
  const needed = bytesNeeded === null ? '' : ` About ${formatBytes(bytesNeeded)} more is needed.`
  const using = usage === null ? '' : ` ${storageUsageText(usage)} available to this app.`
  return `Storage is full.${needed}${using}`
}
