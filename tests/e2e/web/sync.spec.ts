import { expect, test } from '@playwright/test'
import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { startRangeFileServer } from '../../support/rangeFileServer'
import { SyncPage } from '../support/syncPage'

const sampleDir = path.resolve(__dirname, '../../../resources/sample')

test.describe('archive sync in browser mode', () => {
  // Each test imports the real sample into a fresh profile (tens of seconds on 2 cores).
  test.setTimeout(420_000)
  test('first launch imports the bundled sample with visible progress, then shows real records', async ({
    page
  }) => {
    const sync = new SyncPage(page)
    await sync.open('/sync')
    await expect(page.locator('html')).toHaveAttribute('data-archive-state', 'importing')
    await expect(sync.filesTable).toBeVisible()
    await expect(sync.filesTable.getByText('pwc-dump-2022-06_methods.json.gz')).toBeVisible()
    await expect(page.getByRole('link', { name: /Importing/ })).toBeVisible()
    await sync.waitForArchiveIdle()
    await expect(sync.summary).toContainText('Sync completed')
    await expect(sync.count('methods')).toHaveText('1,924')
    await expect(sync.count('datasets')).toHaveText('6,257')
    await expect(sync.count('codeLinks')).toHaveText('2,297')
    await expect(page.getByTestId('sync-stages')).toHaveText(
      /^Time spent reading and parsing (\d+ min )?\d+ s, waiting for the database (\d+ min )?\d+ s, finalizing (\d+ min )?\d+ s\.$/
    )

    await sync.open('/paper/optimization-by-simulated-annealing')
    await expect(sync.heading('Optimization by Simulated Annealing')).toBeVisible()
    await expect(page.getByText('13 May 1983')).toBeVisible()
  })

  test('during the first import, empty pages say the archive is importing, then fill in', async ({
    page
  }) => {
    const sync = new SyncPage(page)
    await sync.open('/sota')
    await expect(page.locator('html')).toHaveAttribute('data-archive-state', 'importing')
    const importing = page.getByRole('status', { name: 'Importing the archive' })
    await expect(importing).toBeVisible()
    await expect(importing).toContainText(/\d+% of the files read/)
    await expect(page.getByText('No benchmarks in the local archive yet')).toHaveCount(0)
    await expect(page.getByRole('link', { name: /^Importing( \d+%|…|: finishing…)$/ })).toBeVisible()
    await sync.waitForArchiveIdle()
    await expect(importing).toHaveCount(0)
    await expect(page.getByRole('heading', { name: 'Notable benchmarks' })).toBeVisible()
  })

  test('during the first import, search answers from the papers imported so far and says so', async ({
    page
  }) => {
    const sync = new SyncPage(page)
    await sync.open('/search?q=' + encodeURIComponent('simulated annealing'))
    const notice = page.getByTestId('search-index-status')
    // The index grows with what the sync writes: results before the import ends, marked partial.
    await expect(notice).toContainText(
      /^Searching the [\d,]+ papers? imported so far: the import is still running/,
      {
        timeout: 120_000
      }
    )
    await expect(page.locator('html')).toHaveAttribute('data-archive-state', 'importing')
    await expect(
      page
        .getByRole('list', { name: 'Search results' })
        .getByRole('link', { name: 'Optimization by Simulated Annealing' })
    ).toBeVisible()
    await page.screenshot({ path: test.info().outputPath('search-during-import.png') })
    await sync.waitForArchiveIdle()
    await expect(page.locator('html')).toHaveAttribute('data-search-state', 'ready')
    await expect(notice).toHaveCount(0)
    await expect(
      page
        .getByRole('list', { name: 'Search results' })
        .getByRole('link', { name: 'Optimization by Simulated Annealing' })
    ).toBeVisible()
  })

  test('a page killed mid-import resumes from its checkpoint on the next start', async ({ context }) => {
    const first = await context.newPage()
    const sync = new SyncPage(first)
    await sync.open('/sync')
    // Wait until the first file's records are committed, then kill the page (and its worker).
    await expect(sync.filesTable.locator('tr', { hasText: 'datasets.json.gz' }).locator('.phase')).toHaveText(
      /writing|finalizing|done/,
      { timeout: 120_000 }
    )
    await first.close()

    const second = await context.newPage()
    const resumed = new SyncPage(second)
    await resumed.open('/sync')
    await resumed.waitForArchiveIdle()
    await expect(resumed.summary).toContainText('Sync completed')
    await expect(second.getByTestId('sync-resumed')).toContainText('Resumed from a checkpoint')
    await expect(resumed.count('methods')).toHaveText('1,924')
    await expect(resumed.count('datasets')).toHaveText('6,257')
  })

  test('a broken dump stops with an error naming file and record; data and reading list survive', async ({
    page
  }) => {
    const sync = new SyncPage(page)
    await sync.open('/sync')
    await sync.waitForArchiveIdle()
    await sync.open('/paper/optimization-by-simulated-annealing')
    await page.getByRole('button', { name: /Save to reading list/ }).click()
    await expect(page.getByRole('button', { name: /Saved to reading list/ })).toBeVisible()

    // Valid gzip, valid first record, then JSON that breaks in the second record.
    const broken = gzipSync(
      Buffer.from(
        '[{"url": "https://paperswithcode.com/method/x", "name": "X", "full_name": "X"}, {"url": oops}]'
      )
    )
    await sync.open('/sync')
    await page.getByLabel('Choose dump files').setInputFiles({
      name: 'jul-28-methods.json.gz',
      mimeType: 'application/gzip',
      buffer: broken
    })
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await expect(page.getByTestId('sync-error')).toContainText('jul-28-methods.json.gz', { timeout: 60_000 })
    await expect(page.getByTestId('sync-error')).toContainText('record 2')
    await expect(sync.count('methods')).toHaveText('1,924')
    await expect(sync.count('datasets')).toHaveText('6,257')

    await sync.open('/paper/optimization-by-simulated-annealing')
    await expect(page.getByRole('button', { name: /Saved to reading list/ })).toBeVisible()
  })

  test('downloads from a mirror with Range, resumes an interrupted download, and imports it', async ({
    page
  }) => {
    const mirrorDir = mkdtempSync(path.join(tmpdir(), 'pwc-mirror-'))
    copyFileSync(
      path.join(sampleDir, 'pwc-dump-2022-06_methods.json.gz'),
      path.join(mirrorDir, 'jul-28-methods.json.gz')
    )
    const mirror = await startRangeFileServer(mirrorDir)
    try {
      const sync = new SyncPage(page)
      await sync.open('/sync')
      await sync.waitForArchiveIdle()

      mirror.cutNextResponseAfter(150_000)
      await page.getByLabel('Base URL (a mirror works too)').fill(mirror.baseUrl)
      for (const name of ['jul-28-evaluation-tables.json.gz', 'jul-28-datasets.json.gz']) {
        await page.getByRole('checkbox', { name }).uncheck()
      }
      await page.getByRole('checkbox', { name: 'jul-28-links-between-papers-and-code.json.gz' }).uncheck()
      await page.getByRole('checkbox', { name: 'jul-29-papers-with-abstracts.json.gz' }).uncheck()
      await page.getByRole('button', { name: 'Download and sync' }).click()
      await expect(page.getByRole('heading', { name: 'A sync did not finish' })).toBeVisible({
        timeout: 60_000
      })

      await page.getByRole('button', { name: 'Resume' }).click()
      await sync.waitForArchiveIdle()
      await expect(sync.summary).toContainText('Sync completed')
      await expect(sync.summary).toContainText('jul-28-methods.json.gz')
      const ranged = mirror.requests.filter((r) => r.method === 'GET' && r.range)
      expect(ranged.length, JSON.stringify(mirror.requests)).toBeGreaterThan(0)
      expect(Number(ranged[0].range?.match(/bytes=(\d+)-/)?.[1])).toBeGreaterThan(0)
      await expect(sync.count('methods')).toHaveText('1,924')
    } finally {
      await mirror.close()
    }
  })
})
