import type { Page } from '@playwright/test'

/**
 * Hostile archive records for the bounded-rendering tests (issue #13): a real stored record,
 * copied under a new id with one text field made hostile, written straight into the app's
 * IndexedDB (as a crafted dump would after a sync). The text is built inside the page, so a
 * 20 MB string never crosses the DevTools protocol.
 */
export interface HostileMutation {
  table: 'methods' | 'papers' | 'datasets' | 'tasks'
  /** The real record to copy. */
  from: string
  /** The copy's id. */
  id: string
  field: 'description' | 'abstract'
  /** Repeat the real text until it has at least this many characters. */
  repeatTo?: number
  /** Appended after the (repeated) real text. */
  append?: string
}

/** Stores the mutated copy and returns its field's length in characters. */
export async function storeHostileRecord(page: Page, mutation: HostileMutation): Promise<number> {
  return page.evaluate(async ({ table, from, id, field, repeatTo = 0, append = '' }) => {
    const request = <T>(req: IDBRequest<T>): Promise<T> =>
      new Promise((resolve, reject) => {
        req.onsuccess = () => resolve(req.result)
        req.onerror = () => reject(req.error)
      })
    const db = await request(indexedDB.open('papers-with-code-2'))
    const store = (mode: IDBTransactionMode): IDBObjectStore => db.transaction(table, mode).objectStore(table)
    const record = (await request(store('readonly').get(from))) as Record<string, unknown> | undefined
    if (!record) throw new Error(`No ${table} record ${from} to copy`)
    const real = String(record[field] ?? '')
    const text = real.repeat(Math.max(1, Math.ceil(repeatTo / (real.length + 2)))) + append
    await request(store('readwrite').put({ ...record, id, [field]: text }))
    db.close()
    return text.length
  }, mutation)
}

interface LongTaskWindow {
  __longestTask: number
}

/**
 * Starts recording the longest task on the page's UI thread from now on (Long Tasks API: any
 * task over 50 ms is reported). Call after the app has started, so its own start-up is not counted.
 */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as LongTaskWindow
    w.__longestTask = 0
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longestTask = Math.max(w.__longestTask, entry.duration)
    }).observe({ type: 'longtask', buffered: false })
  })
}

/** The longest task since `recordLongTasks`, in milliseconds (0 when none took over 50 ms). */
export async function longestTask(page: Page): Promise<number> {
  // A task that just ended is reported after it: let the observer's callback run first.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))))
  return page.evaluate(() => (window as unknown as LongTaskWindow).__longestTask)
}

/** The page's full scroll height in CSS pixels. */
export function pageHeight(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollHeight)
}
