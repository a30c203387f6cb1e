import type { Page } from '@playwright/test'
import { AppPage } from '../support/appPage'
import { longestTask, pageHeight, recordLongTasks, storeHostileRecord } from '../support/hostileRecords'
import { expect, test } from '../support/sampleProfile'

/**
 * Issue #13: archive strings come from dumps anyone can craft. A 20 MB method description froze
 * the UI for over five minutes, and `\rule{10000em}{10000em}` made a 181,000 px page. The hostile
 * records are mutations of real ones (Adam's description, BERT's abstract).
 */

const TWENTY_MB = 20 * 1024 * 1024
// The goal is 100 ms; the bound leaves room for a loaded 2-core CI machine.
const LONGEST_TASK_BOUND_MS = 250
/**
 * Opening a page still reads its whole record from IndexedDB on the UI thread: for a 20 MB value
 * that one task took ~280 ms (a third of it garbage collection) on our machine, outside what
 * rendering can bound. Bounding it needs the sync to store long text capped or apart (see the
 * report of issue #13); until then the first visit is held to this looser bound.
 */
const RECORD_READ_BOUND_MS = 1_000

/** Opens a page the way a reader would: pasting its old-site URL into the search box. */
async function openOldSiteUrl(app: AppPage, path: string): Promise<void> {
  await app.searchBox.fill(`https://paperswithcode.com${path}`)
  await app.searchBox.press('Enter')
}

async function reportLongestTask(page: Page, what: string): Promise<number> {
  const longest = await longestTask(page)
  console.log(`${what}: longest UI task ${longest.toFixed(0)} ms, page height ${await pageHeight(page)} px`)
  return longest
}

// Playwright's trace snapshots walk the DOM on the page's UI thread after every action (~2 s in
// all here), which the long-task measurement would count as the app's. This costs the file its
// own worker, so its own import of the sample.
test.use({ trace: 'off' })

test.describe('hostile archive text renders within bounds (issue #13)', () => {
  test('a 20 MB method description shows its start without blocking the UI, more on request', async ({
    samplePage: page
  }) => {
    const app = new AppPage(page)
    await app.open('/methods')
    const length = await storeHostileRecord(page, {
      table: 'methods',
      from: 'adam',
      id: 'adam-20mb',
      field: 'description',
      repeatTo: TWENTY_MB
    })
    await recordLongTasks(page)
    await openOldSiteUrl(app, '/method/adam-20mb')
    await expect(app.heading('Adam')).toBeVisible()
    const description = page.locator('.method__description')
    await expect(description).toHaveAttribute('aria-busy', 'false')
    await expect(description.locator('.katex-display').first()).toBeVisible()
    await expect(
      page.getByText(new RegExp(`^Showing [\\d,]+ of ${length.toLocaleString('en')} characters`))
    ).toBeVisible()
    expect(await reportLongestTask(page, '20 MB description, first piece')).toBeLessThan(RECORD_READ_BOUND_MS)
    const previewHeight = await pageHeight(page)
    expect(previewHeight).toBeLessThan(6_000)
    await page.screenshot({ path: test.info().outputPath('20mb-description.png'), fullPage: true })

    // "Show more" adds the next 200,000 characters, piece by piece, each rendered off the UI thread.
    await recordLongTasks(page)
    const more = page.getByRole('button', { name: 'Show more' })
    await more.click()
    await expect(page.getByRole('button', { name: 'Rendering…' })).toHaveCount(0, { timeout: 60_000 })
    await expect(more).toBeEnabled()
    expect(await reportLongestTask(page, '20 MB description, after Show more')).toBeLessThan(
      LONGEST_TASK_BOUND_MS
    )
    expect(await pageHeight(page)).toBeGreaterThan(previewHeight)
  })

  test('\\rule{10000em}{10000em}, a huge \\raisebox and deep nesting stay bounded', async ({
    samplePage: page
  }) => {
    const app = new AppPage(page)
    await app.open('/method/adam')
    const description = page.locator('.method__description')
    await expect(description.locator('.katex-display').first()).toBeVisible()
    const realHeight = await pageHeight(page)
    await storeHostileRecord(page, {
      table: 'methods',
      from: 'adam',
      id: 'adam-rule',
      field: 'description',
      append: [
        '$$\\rule{10000em}{10000em}$$',
        'Lowered: $\\raisebox{-10000em}{x}$.',
        // Under the TeX length cap, so the nesting cap is what refuses it.
        `Nested: $${'{'.repeat(1900)}x${'}'.repeat(1900)}$.`
      ].join('\n\n')
    })
    await recordLongTasks(page)
    await openOldSiteUrl(app, '/method/adam-rule')
    // Adam's real TeX still renders; the nesting KaTeX cannot parse shows as its source.
    await expect(description.locator('.math-source')).toContainText('{{{{x}}}}')
    await expect(description).toHaveAttribute('aria-busy', 'false')
    expect(await description.locator('.katex').count()).toBeGreaterThan(5)
    expect(await reportLongestTask(page, '\\rule payload')).toBeLessThan(LONGEST_TASK_BOUND_MS)
    console.log(`Real Adam page height: ${realHeight} px`)
    expect(await pageHeight(page)).toBeLessThan(realHeight + 2_500)
    await page.screenshot({ path: test.info().outputPath('rule-description.png'), fullPage: true })
  })

  test('a 20 MB paper abstract shows its start without blocking the UI', async ({ samplePage: page }) => {
    const app = new AppPage(page)
    await app.open('/papers')
    const length = await storeHostileRecord(page, {
      table: 'papers',
      from: 'bert-pre-training-of-deep-bidirectional',
      id: 'bert-20mb',
      field: 'abstract',
      repeatTo: TWENTY_MB
    })
    await recordLongTasks(page)
    await openOldSiteUrl(app, '/paper/bert-20mb')
    await expect(app.heading(/^BERT: Pre-training/)).toBeVisible()
    await expect(
      page.getByText(new RegExp(`^Showing [\\d,]+ of ${length.toLocaleString('en')} characters`))
    ).toBeVisible()
    expect(await reportLongestTask(page, '20 MB abstract')).toBeLessThan(RECORD_READ_BOUND_MS)
    expect(await pageHeight(page)).toBeLessThan(8_000)
  })
})
