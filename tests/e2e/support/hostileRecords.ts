import { expect, type Page } from '@playwright/test'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'

const SAMPLE_DIR = path.resolve(__dirname, '../../../resources/sample')

/**
 * A crafted dump file: one real record of a bundled sample file, copied with `changes` and one
 * text field repeated to at least `repeatTo` characters. Built in Node and imported through the
 * Sync page, so the record is stored the way a sync stores it.
 */
export interface HostileDump {
  /** The bundled sample file to copy from. */
  sample: string
  /** The file's name; it must announce the dump's kind (`hostile_methods.json`). */
  name: string
  /** Picks the real record to copy. */
  from: (record: Record<string, unknown>) => boolean
  changes: Record<string, unknown>
  field: string
  repeatTo: number
}

/** Writes the dump file; resolves to its path and the stored length of the hostile field. */
export function writeHostileDump(dump: HostileDump): { path: string; length: number } {
  const records = JSON.parse(
    gunzipSync(readFileSync(path.join(SAMPLE_DIR, dump.sample))).toString('utf8')
  ) as Record<string, unknown>[]
  const record = records.find(dump.from)
  if (!record) throw new Error(`No record to copy in ${dump.sample}`)
  // Stored text has `\n` line ends (rawFields.ts), so the length the page reports is of that.
  const real = String(record[dump.field]).replace(/\r\n?/g, '\n')
  const text = `${real}\n\n`.repeat(Math.ceil(dump.repeatTo / (real.length + 2))).trimEnd()
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pwc-hostile-')), dump.name)
  writeFileSync(file, JSON.stringify([{ ...record, ...dump.changes, [dump.field]: text }]))
  return { path: file, length: text.length }
}

/**
 * Imports a dump file through the Sync page (adding to the archive) and waits for the search
 * index; the page stays on Archive & sync, a light page to leave.
 */
export async function importDumpFile(page: Page, file: string): Promise<void> {
  await page.goto('/sync')
  const html = page.locator('html')
  await expect(html).toHaveAttribute('data-archive-state', 'idle', { timeout: 120_000 })
  await page.getByLabel('Choose dump files').setInputFiles(file)
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByTestId('sync-summary')).toContainText(path.basename(file), { timeout: 180_000 })
  await expect(html).toHaveAttribute('data-archive-state', 'idle', { timeout: 180_000 })
  // The search worker updates its index after the sync; measuring while it reads every paper
  // would time its IndexedDB traffic, not the page.
  await expect.poll(() => searchIndexIsCurrent(page), { timeout: 180_000 }).toBe(true)
  await expect(html).toHaveAttribute('data-search-state', 'ready')
}

/** Whether the stored search index reflects the archive's last change (searchWorker.ts's stamp). */
function searchIndexIsCurrent(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const request = <T>(req: IDBRequest<T>): Promise<T> =>
      new Promise((resolve, reject) => {
        req.onsuccess = () => resolve(req.result)
        req.onerror = () => reject(req.error)
      })
    const db = await request(indexedDB.open('papers-with-code-2'))
    const tx = db.transaction(['syncMeta', 'searchIndex'])
    const archive = (await request(tx.objectStore('syncMeta').get('archive'))) as
      { changedAt?: string; completedAt: string } | undefined
    const stamp = (await request(tx.objectStore('searchIndex').get('stamp'))) as { data: unknown } | undefined
    db.close()
    return archive !== undefined && stamp?.data === (archive.changedAt ?? archive.completedAt)
  })
}

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
