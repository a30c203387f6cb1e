/**
 * Makes a Dexie database run out of space on demand, the way Chromium does: every write request
 * (put, add, delete) fails with a `QuotaExceededError` DOMException and aborts its transaction;
 * reads go on working. Installed as DBCore middleware, below Dexie's own error wrapping, so the
 * error reaches our code by the same path a real one would.
 */
import type { Dexie } from 'dexie'

export interface QuotaSwitch {
  /** Writes refused from now on (or from the `after`-th write request on). */
  fill(after?: number): void
  /** Space freed: writes succeed again. */
  free(): void
  /** Write requests that were refused. */
  readonly refused: number
}

export function installQuotaSwitch(db: Dexie, tables?: readonly string[]): QuotaSwitch {
  let allowed = Number.POSITIVE_INFINITY
  let refused = 0
  db.use({
    stack: 'dbcore',
    name: 'quota-switch',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name)
        if (tables && !tables.includes(name)) return table
        return {
          ...table,
          mutate: (request) => {
            if (allowed > 0) {
              allowed--
              return table.mutate(request)
            }
            refused++
            return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
          }
        }
      }
    })
  })
  return {
    fill(after = 0) {
      allowed = after
    },
    free() {
      allowed = Number.POSITIVE_INFINITY
    },
    get refused() {
      return refused
    }
  }
}
