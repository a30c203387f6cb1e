import { expect, type Download, type Locator, type Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { AppPage } from './appPage'

/** What the table shows, cell by cell, in the form the CSV export writes it. */
export interface TableSnapshot {
  headers: string[]
  rows: string[][]
}

/** The User Timing measure the SotA chart records around its first draw. */
export const SOTA_CHART_MEASURE = 'sota-chart:first-draw'

/** Page model for a leaderboard (`/sota/<slug>`): chart, controls, table and exports. */
export class LeaderboardPage extends AppPage {
  constructor(page: Page) {
    super(page)
  }

  /** Opens a board and waits until its chart (when it has one) and its table are drawn. */
  async openBoard(slug: string, query = ''): Promise<void> {
    await this.open(`/sota/${slug}${query}`)
    await this.waitUntilDrawn()
  }

  async waitUntilDrawn(): Promise<void> {
    await expect(this.table).toBeVisible()
    await expect(this.table).toHaveAttribute('aria-busy', 'false')
  }

  get chart(): Locator {
    return this.page.getByRole('figure', { name: /over time/ })
  }

  /** Every plotted result. */
  get points(): Locator {
    return this.chart.locator('circle.sota-point')
  }

  /** Results that set a new state of the art, oldest first. */
  get stepPoints(): Locator {
    return this.chart.locator('circle.sota-point--step')
  }

  get tooltip(): Locator {
    return this.page.getByRole('tooltip')
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Results' })
  }

  get bodyRows(): Locator {
    return this.table.locator('tbody tr')
  }

  get shownCount(): Locator {
    return this.page.getByTestId('shown-count')
  }

  get unplottedNote(): Locator {
    return this.page.getByTestId('unplotted-note')
  }

  get metricSelect(): Locator {
    return this.page.getByLabel('Metric', { exact: true })
  }

  get directionSelect(): Locator {
    return this.page.getByLabel('Better is')
  }

  scale(name: 'Linear' | 'Log'): Locator {
    return this.page.getByRole('radio', { name })
  }

  filter(name: 'Only with code' | 'No extra training data'): Locator {
    return this.page.getByRole('checkbox', { name })
  }

  get fromYear(): Locator {
    return this.page.getByLabel('From year')
  }

  sortBy(column: string): Locator {
    return this.table.getByRole('columnheader', { name: column }).getByRole('button')
  }

  /** The rows highlighted as state of the art on the chosen metric. */
  get sotaRows(): Locator {
    return this.table.locator('tbody tr.leaderboard-row--sota')
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name })
  }

  /**
   * The table's cells as the exports write them: badges left out, dates as their ISO day, code
   * cells as their link targets joined with `; `.
   */
  async tableSnapshot(): Promise<TableSnapshot> {
    await this.waitUntilDrawn()
    return this.table.evaluate((table) => {
      const text = (cell: Element): string => {
        const clone = cell.cloneNode(true) as Element
        clone.querySelectorAll('.badge, [aria-hidden="true"]').forEach((node) => node.remove())
        return clone.textContent ?? ''
      }
      const headers = [...table.querySelectorAll('thead th')].map(text)
      const rows = [...table.querySelectorAll('tbody tr')].map((row) =>
        [...row.children].map((cell, index) => {
          const time = cell.querySelector('time')
          if (time) return time.getAttribute('datetime') ?? ''
          if (headers[index] === 'Code')
            return [...cell.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '').join('; ')
          return text(cell)
        })
      )
      return { headers, rows }
    })
  }

  /** Clicks an export button and returns the file it saved. */
  async download(buttonName: string): Promise<{ download: Download; text: string; bytes: Buffer }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.button(buttonName).click()
    ])
    const path = await download.path()
    const bytes = await readFile(path)
    return { download, text: bytes.toString('utf8'), bytes }
  }

  /** The durations (ms) of every first-draw measure the chart has recorded on this page. */
  async drawMeasures(): Promise<{ duration: number; points: number }[]> {
    return this.page.evaluate((name) => {
      return performance.getEntriesByName(name, 'measure').map((entry) => {
        const detail = (entry as PerformanceMeasure).detail as { points?: number } | null
        return { duration: entry.duration, points: detail?.points ?? 0 }
      })
    }, SOTA_CHART_MEASURE)
  }

  /** Waits for the chart to record one more first draw than `before`. */
  async waitForDrawMeasure(before: number): Promise<void> {
    await this.page.waitForFunction(
      ([name, count]) => performance.getEntriesByName(name as string, 'measure').length > (count as number),
      [SOTA_CHART_MEASURE, before] as const
    )
  }
}

/** A CSV export read back: `# ` comment lines, then RFC 4180 records (byte order mark skipped). */
export function parseExportCsv(text: string): { comments: string[]; records: string[][] } {
  let rest = text.startsWith('\uFEFF') ? text.slice(1) : text
  const comments: string[] = []
  while (rest.startsWith('# ')) {
    const end = rest.indexOf('\r\n')
    comments.push(rest.slice(2, end))
    rest = rest.slice(end + 2)
  }
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < rest.length; i += 1) {
    const char = rest[i]
    if (quoted) {
      if (char === '"' && rest[i + 1] === '"') {
        field += '"'
        i += 1
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      record.push(field)
      field = ''
    } else if (char === '\r' && rest[i + 1] === '\n') {
      record.push(field)
      records.push(record)
      record = []
      field = ''
      i += 1
    } else field += char
  }
  return { comments, records }
}

/** A CSV cell as the page shows it: the export's formula-injection guard (`'=…`) taken off. */
export function unguardCsvCell(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value
}

/**
 * Adds a board built from real results: the 500 first dated, positive results (≤ 100) on the
 * primary metric of the largest boards of the imported 2020 sample, under one metric. No board
 * of the 2020 sample has 500 results (the largest has 225), and the chart's budget is set for 500.
 * Under one metric, the same model of the same paper with the same value on two boards becomes a
 * repeat the chart plots once (repeatedResults.ts), so a picked result that would repeat one picked
 * before is left out: the board then has `size` distinct points.
 */
export async function addLargeBoardOfRealResults(page: Page, id: string, size = 500): Promise<number> {
  return page.evaluate(
    async ([boardId, wanted]) => {
      const request = <T>(req: IDBRequest<T>): Promise<T> =>
        new Promise((resolve, reject) => {
          req.onsuccess = () => resolve(req.result)
          req.onerror = () => reject(req.error)
        })
      type Metric = { raw: string; value: number | null }
      type Board = { id: string; metrics: string[]; resultCount: number; datasetName: string }
      type Result = {
        id: string
        leaderboardId: string
        position: number
        paperDate: string | null
        modelName: string
        paperId: string | null
        paperArxivId: string | null
        paperTitle: string | null
        metrics: Record<string, Metric>
      }
      const db = await request(indexedDB.open('papers-with-code-2'))
      const read = db.transaction(['results', 'leaderboards'], 'readonly')
      const [results, boards] = await Promise.all([
        request(read.objectStore('results').getAll() as IDBRequest<Result[]>),
        request(read.objectStore('leaderboards').getAll() as IDBRequest<Board[]>)
      ])
      boards.sort((a, b) => b.resultCount - a.resultCount || (a.id < b.id ? -1 : 1))
      const byBoard = new Map<string, Result[]>()
      for (const result of results) {
        const list = byBoard.get(result.leaderboardId) ?? []
        list.push(result)
        byBoard.set(result.leaderboardId, list)
      }
      const picked: Result[] = []
      const pickedKeys = new Set<string>()
      for (const board of boards) {
        const metric = board.metrics[0]
        for (const result of (byBoard.get(board.id) ?? []).sort((a, b) => a.position - b.position)) {
          const value = result.metrics[metric]?.value
          if (!result.paperDate || value === null || value === undefined || value <= 0 || value > 100)
            continue
          const model = result.modelName.trim().replace(/\s+/g, ' ').toLowerCase()
          const paper = result.paperId ?? result.paperArxivId ?? result.paperTitle?.trim().toLowerCase() ?? ''
          const key = JSON.stringify([model, paper, result.metrics[metric].raw.trim()])
          if (pickedKeys.has(key)) continue
          pickedKeys.add(key)
          picked.push({
            ...result,
            id: `${boardId}/${result.id}`,
            leaderboardId: boardId,
            position: picked.length,
            metrics: { Score: result.metrics[metric] }
          })
          if (picked.length === wanted) break
        }
        if (picked.length === wanted) break
      }
      const write = db.transaction(['results', 'leaderboards'], 'readwrite')
      write.objectStore('leaderboards').put({
        ...boards[0],
        id: boardId,
        metrics: ['Score'],
        resultCount: picked.length,
        datasetName: `${picked.length} real results of the largest boards`
      })
      for (const result of picked) write.objectStore('results').put(result)
      await new Promise((resolve, reject) => {
        write.oncomplete = resolve
        write.onerror = () => reject(write.error)
      })
      db.close()
      return picked.length
    },
    [id, size] as const
  )
}
