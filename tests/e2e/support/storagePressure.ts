import type { Page } from '@playwright/test'

/** What the stubbed `navigator.storage.estimate()` reports: a disk nearly full. */
export const STUB_USAGE = { usage: 1_234_000_000, quota: 1_250_000_000 }

/**
 * Lets a test fill the disk on demand in the page: once `fillStorage` is called, every IndexedDB
 * write request throws `QuotaExceededError`, as Chromium's do when the origin's quota is used up.
 * The sync runs in a Worker, which init scripts do not reach; its path is covered by unit tests.
 */
export async function installStoragePressure(page: Page): Promise<void> {
  await page.addInitScript((usage) => {
    const state = globalThis as { __storageFull?: boolean }
    const refuse = <T extends (...args: never[]) => unknown>(original: T): T =>
      function (this: unknown, ...args: never[]) {
        if (state.__storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
        return original.apply(this, args)
      } as T
    IDBObjectStore.prototype.put = refuse(IDBObjectStore.prototype.put)
    IDBObjectStore.prototype.add = refuse(IDBObjectStore.prototype.add)
    IDBCursor.prototype.update = refuse(IDBCursor.prototype.update)
    StorageManager.prototype.estimate = async () => usage
  }, STUB_USAGE)
}

export async function fillStorage(page: Page, full = true): Promise<void> {
  await page.evaluate((value) => {
    ;(globalThis as { __storageFull?: boolean }).__storageFull = value
  }, full)
}
