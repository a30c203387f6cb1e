/**
 * Search through the UI, per query class: typed into the header's search box (the suggestions
 * under it are the search-as-you-type answer), and submitted to the results page with its facets.
 */
import type { Page } from '@playwright/test'
import { waitForContent } from '../bench/pageInstruments'
import type { QueryClass, QuerySet } from './queryClasses'
import type { StepRecorder } from './stepRecorder'

const searchBox = (page: Page) =>
  page.getByRole('searchbox', { name: /Search papers, tasks, datasets and methods/ })

const SUGGESTIONS = '.header-search__suggestions li'

async function typed(page: Page, query: string): Promise<{ ms: number; shown: number }> {
  const box = searchBox(page)
  await box.fill('')
  await box.pressSequentially(query)
  const ms = await waitForContent(page, { visible: [SUGGESTIONS], since: 'input', timeoutMs: 30_000 })
  return { ms, shown: await page.locator(SUGGESTIONS).count() }
}

const resultsFor = (query: string) => ({
  text: [{ selector: 'main h1', includes: `Results for “${query}”` }],
  visible: ['[data-testid="result-count"]'],
  since: 'input' as const,
  timeoutMs: 60_000
})

async function resultCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('result-count').textContent()) ?? ''
  return Number(text.replace(/ matching.*$/, '').replace(/[^0-9]/g, ''))
}

async function submitted(page: Page, query: string): Promise<{ ms: number; total: number }> {
  const box = searchBox(page)
  await box.fill(query)
  await box.press('Enter')
  const ms = await waitForContent(page, resultsFor(query))
  return { ms, total: await resultCount(page) }
}

/** Clicks the results page's first Year facet; returns the refined query's time to results. */
async function refinedByFacet(page: Page, word: string): Promise<{ ms: number; total: number }> {
  await submitted(page, word)
  const facet = page
    .locator('aside.facets h2', { hasText: 'Year' })
    .locator('xpath=following-sibling::ul[1]//button')
    .first()
  const year = ((await facet.textContent()) ?? '').trim().split(/\s+/)[0]
  await facet.click()
  const ms = await waitForContent(page, resultsFor(`${word} year:${year}`))
  return { ms, total: await resultCount(page) }
}

const fewest = (counts: number[]): string => Math.min(...counts).toLocaleString('en')

export async function runSearchSteps(recorder: StepRecorder, set: QuerySet): Promise<void> {
  const classes = Object.keys(set.queries) as QueryClass[]
  for (const kind of classes) {
    const queries = set.queries[kind]
    await recorder.step(`search as you type: ${kind}`, 'search', async (step) => {
      const shown: number[] = []
      for (const [i, query] of queries.entries()) {
        const text =
          kind === 'common word + facet' ? `${query} year:${set.years[i % set.years.length]}` : query
        const answer = await typed(step.page, text)
        step.sample(answer.ms)
        shown.push(answer.shown)
      }
      step.note(`e.g. ${queries.slice(0, 2).join(', ')}; fewest suggestions ${fewest(shown)}`)
      await searchBox(step.page).fill('')
    })
  }
  for (const kind of classes) {
    const queries = set.queries[kind]
    await recorder.step(`results page + facets: ${kind}`, 'search', async (step) => {
      const totals: number[] = []
      for (const query of queries) {
        const answer =
          kind === 'common word + facet'
            ? await refinedByFacet(step.page, query)
            : await submitted(step.page, query)
        step.sample(answer.ms)
        totals.push(answer.total)
      }
      step.note(`fewest results ${fewest(totals)}`)
      if (Math.min(...totals) === 0) throw new Error(`a ${kind} query found no paper`)
    })
  }
}
