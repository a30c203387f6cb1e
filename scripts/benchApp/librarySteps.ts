/**
 * The library at scale: 1,000 papers bookmarked from `/papers` with the keyboard (`j` to the
 * next row, `b` to save it, as the library page teaches), the library page holding them, every
 * export format, and a backup restored in place.
 */
import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import {
  focusedListItem,
  navigateInApp,
  scrollAndWait,
  waitForContent,
  type FocusedListItem
} from '../bench/pageInstruments'
import { papersPage } from './browseSteps'
import type { StepRecorder } from './stepRecorder'

const entryCountText = (n: number): string => `${n.toLocaleString('en')} paper${n === 1 ? '' : 's'}`

/**
 * Presses `j` until a row not saved yet has focus. At the end of the rendered rows `j` stays put
 * until the list has fetched the next ones; a row that leaves the rendered window takes the
 * focus with it, and `j` starts again from the first rendered row (saved already).
 */
async function nextRow(page: Page, onExtraPress: () => void): Promise<FocusedListItem> {
  let lastError: unknown = null
  for (let press = 0; press < 300; press++) {
    if (press > 0) onExtraPress()
    await page.keyboard.press('j')
    try {
      const row = await focusedListItem(page, 1000)
      if (row.fresh) return row
    } catch (error) {
      lastError = error
    }
  }
  throw lastError ?? new Error('no unsaved row took the focus')
}

export async function runBookmarkSteps(recorder: StepRecorder, count: number): Promise<void> {
  await recorder.step(
    `bookmark ${count.toLocaleString('en')} papers (j, b on /papers)`,
    'action',
    async (step) => {
      const page = step.page
      await navigateInApp(page, ...papersPage)
      // Back at the top with its rows rendered: `j` from a list still showing the rows of an
      // earlier scroll position would focus those and scroll back there.
      await scrollAndWait(page, 'top', { viewportCovered: true, since: 'now' })
      const times: number[] = []
      let extraPresses = 0
      for (let i = 0; i < count; i++) {
        const row = await nextRow(page, () => extraPresses++)
        await page.keyboard.press('b')
        times.push(
          await waitForContent(page, {
            text: [{ selector: '.key-toast', includes: `Saved “${row.text}”` }],
            since: 'input',
            timeoutMs: 30_000
          })
        )
      }
      // One figure per bookmark: key press to the confirmation on screen.
      for (const ms of times) step.sample(ms)
      step.note(`b to "Saved …" on screen; ${extraPresses} extra j presses while the next rows loaded`)
    }
  )
}

interface Download {
  name: string
  text: string
  ms: number
}

async function download(page: Page, click: () => Promise<void>): Promise<Download> {
  const started = performance.now()
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), click()])
  const text = readFileSync(await file.path(), 'utf8')
  return { name: file.suggestedFilename(), text, ms: performance.now() - started }
}

/** Entries in an export, counted the way each format separates them. */
const EXPORT_ENTRIES: Record<string, (text: string) => number> = {
  BibTeX: (text) => text.match(/^@\w+\{/gm)?.length ?? 0,
  'CSL-JSON': (text) => (JSON.parse(text) as unknown[]).length,
  Markdown: (text) => text.match(/^- \*\*Status:\*\*/gm)?.length ?? 0,
  // RFC 4180 records end in CRLF; the header is one of them.
  CSV: (text) => text.split('\r\n').length - 2
}

export async function runLibrarySteps(recorder: StepRecorder, count: number): Promise<void> {
  const expected = entryCountText(count)
  await recorder.step(`/lists with ${count.toLocaleString('en')} papers`, 'navigation', async (step) => {
    step.sample(
      await navigateInApp(step.page, '/lists', {
        text: [{ selector: '[data-testid="entry-count"]', includes: expected }],
        visible: ['.library-entry-list article'],
        since: 'now'
      })
    )
  })
  for (const format of Object.keys(EXPORT_ENTRIES)) {
    await recorder.step(`export ${format}`, 'action', async (step) => {
      const button = step.page
        .getByRole('group', { name: 'Export Reading lists' })
        .getByRole('button', { name: format, exact: true })
      const file = await download(step.page, () => button.click())
      step.sample(file.ms)
      const entries = EXPORT_ENTRIES[format](file.text)
      step.note(
        `${file.name}: ${entries.toLocaleString('en')} entries, ${(file.text.length / 1e6).toFixed(1)} MB`
      )
      if (entries !== count) throw new Error(`${format} export holds ${entries} entries, not ${count}`)
    })
  }
  let backupPath = ''
  await recorder.step('backup', 'action', async (step) => {
    const page = step.page
    const started = performance.now()
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByRole('button', { name: 'Save backup' }).click()
    ])
    backupPath = await file.path()
    step.sample(performance.now() - started)
    const entries = (JSON.parse(readFileSync(backupPath, 'utf8')) as { entries: unknown[] }).entries.length
    step.note(`${entries.toLocaleString('en')} entries`)
    if (entries !== count) throw new Error(`the backup holds ${entries} entries, not ${count}`)
  })
  await recorder.step('restore (replace the library with the backup)', 'action', async (step) => {
    const page = step.page
    const started = performance.now()
    await page.getByLabel('Restore from a backup file').setInputFiles(backupPath)
    const preview = page.getByRole('region', { name: 'Restore preview' })
    await preview.getByText('Replace my library with the backup').click()
    await preview.getByRole('button', { name: 'Replace library' }).click()
    const done = `Library replaced by the backup: 1 list, ${count.toLocaleString('en')} papers in lists.`
    await waitForContent(page, {
      text: [
        { selector: 'section[aria-labelledby="library-backup"]', includes: done },
        { selector: '[data-testid="entry-count"]', includes: expected }
      ],
      since: 'now',
      timeoutMs: 120_000
    })
    step.sample(performance.now() - started)
    step.note(`restored ${expected}, as many as were saved`)
  })
}
