/**
 * Navigations inside the app, each timed in the page from the navigation until the page's own
 * content (not the previous page's, not a spinner) is in a frame.
 */
import type { Page } from '@playwright/test'
import { navigateInApp, scrollAndWait, type ContentSpec } from '../bench/pageInstruments'
import type { PageTarget } from './archiveTargets'
import type { StepContext, StepRecorder } from './stepRecorder'

const path = (prefix: string, id: string): string => `/${prefix}/${encodeURIComponent(id)}`

export const paperPage = (paper: PageTarget): [string, ContentSpec] => [
  path('paper', paper.id),
  { text: [{ selector: 'article.paper h1', includes: paper.name }], since: 'now' }
]

export const taskPage = (task: PageTarget): [string, ContentSpec] => [
  path('task', task.id),
  { text: [{ selector: 'main h1', includes: task.name }], visible: ['#benchmarks'], since: 'now' }
]

export const leaderboardPage = (board: PageTarget): [string, ContentSpec] => [
  path('sota', board.id),
  {
    text: [
      { selector: '.leaderboard__facts', includes: board.name },
      { selector: '[data-testid="result-count"]', includes: (board.resultCount ?? 0).toLocaleString('en') }
    ],
    visible: ['.leaderboard-results tbody tr'],
    since: 'now'
  }
]

export const papersPage: [string, ContentSpec] = [
  '/papers',
  { visible: ['[data-testid="paper-count"]', '.virtual-rows .paper-row'], since: 'now' }
]

export async function timeNavigations(step: StepContext, pages: [string, ContentSpec][]): Promise<void> {
  for (const [to, spec] of pages) step.sample(await navigateInApp(step.page, to, spec))
}

export async function runNavigationStep(
  recorder: StepRecorder,
  name: string,
  pages: [string, ContentSpec][],
  note?: string
): Promise<void> {
  await recorder.step(name, 'navigation', async (step) => {
    await timeNavigations(step, pages)
    if (note) step.note(note)
  })
}

/**
 * `/papers` from the top: `pages` screenfuls one by one, then a jump to the end (the scrollbar
 * dragged down, or End), each timed until rows cover the viewport again.
 */
export async function runPapersScroll(recorder: StepRecorder, pages: number): Promise<void> {
  await recorder.step(`/papers: next screenful ×${pages}`, 'navigation', async (step) => {
    await timeNavigations(step, [papersPage])
    await step.page.evaluate('window.scrollTo(0, 0)')
    const viewport = step.page.viewportSize()?.height ?? 800
    for (let i = 0; i < pages; i++)
      step.sample(
        await scrollAndWait(step.page, viewport, { viewportCovered: true, since: 'now', timeoutMs: 15_000 })
      )
  })
  await recorder.step('/papers: jump to the end', 'navigation', async (step) => {
    let reach = { total: 0, last: 0 }
    try {
      step.sample(
        await scrollAndWait(step.page, 'end', {
          viewportCovered: true,
          bottomInView: '.virtual-rows',
          timeoutMs: 15_000,
          since: 'now'
        })
      )
    } finally {
      reach = await lastShownRow(step.page)
      step.note(reachNote(reach))
    }
    if (reach.last < reach.total) throw new Error(`the list ends at row ${reach.last} of ${reach.total}`)
  })
}

/** Whether the last paper is what the list shows at its end. */
function reachNote({ total, last }: { total: number; last: number }): string {
  return last >= total
    ? `the last of ${total.toLocaleString('en')} rows shown`
    : `only rows up to ${last.toLocaleString('en')} of ${total.toLocaleString('en')} reachable`
}

/** The list's length, and the place of the furthest row it renders (rows say it: aria-posinset). */
async function lastShownRow(page: Page): Promise<{ total: number; last: number }> {
  const total = Number(((await page.getByTestId('paper-count').textContent()) ?? '').replace(/[^0-9]/g, ''))
  const last = await page
    .locator('.virtual-rows [role="listitem"]')
    .evaluateAll((rows) => Math.max(0, ...rows.map((row) => Number(row.getAttribute('aria-posinset')))))
  return { total, last }
}
