import AxeBuilder from '@axe-core/playwright'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import type { Page } from '@playwright/test'
import { AppPage } from '../support/appPage'
import { expect, test } from '../support/sampleProfile'

const sampleDir = path.resolve(__dirname, '../../../resources/sample')

function readSampleDump<T>(name: string): T {
  return JSON.parse(gunzipSync(readFileSync(path.join(sampleDir, name))).toString('utf8')) as T
}

/** Serious and critical accessibility violations on the current page, as readable strings. */
async function seriousViolations(page: Page): Promise<string[]> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

test.describe('browsing the bundled real sample offline', () => {
  test('a paper page shows its real title, date, tasks, code links and results', async ({
    samplePage: page
  }) => {
    const app = new AppPage(page)
    await app.open('/paper/bert-pre-training-of-deep-bidirectional')
    await expect(app.heading(/^BERT: Pre-training of Deep Bidirectional Transformers/)).toBeVisible()
    await expect(page.getByText('11 Oct 2018')).toBeVisible()
    const code = page.getByRole('list', { name: 'Code' })
    await expect(code.getByRole('link', { name: 'lvyufeng/bert4ms' })).toBeVisible()
    await expect(code.getByRole('listitem')).toHaveCount(10)
    await expect(page.getByRole('link', { name: 'Question Answering', exact: true }).first()).toBeVisible()
    const results = page
      .getByRole('table')
      .filter({ has: page.getByRole('columnheader', { name: 'Dataset' }) })
    await expect(results.getByRole('row', { name: /SQuAD1\.1.*BERT \(ensemble\)/ }).first()).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])

    // A results row leads to its leaderboard.
    await results
      .getByRole('row', { name: /SQuAD1\.1/ })
      .first()
      .getByRole('link')
      .last()
      .click()
    await expect(page).toHaveURL(/\/sota\/question-answering-on-squad1-1/)
  })

  test('the official implementation is listed first and marked', async ({ samplePage: page }) => {
    const app = new AppPage(page)
    await app.open('/paper/decoupled-weight-decay-regularization')
    const items = page.getByRole('list', { name: 'Code' }).getByRole('listitem')
    await expect(items).toHaveCount(3)
    await expect(items.first()).toContainText('loshchil/AdamW-and-SGDW')
    await expect(items.first()).toContainText('official')
    await expect(page.getByText(/known only from a code link/)).toBeVisible()
  })

  test('a task page lists subtasks and benchmarks with their best result', async ({ samplePage: page }) => {
    const app = new AppPage(page)
    await app.open('/task/image-classification')
    await expect(app.heading('Image Classification')).toBeVisible()
    const boards = page.getByRole('table', { name: 'Benchmarks of Image Classification' })
    await expect(
      boards.getByRole('row', { name: /ImageNet FixEfficientNet-L2 Top 1 Accuracy 88\.5%/ })
    ).toBeVisible()
    await expect(page.getByRole('link', { name: 'Fine-Grained Image Classification' })).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
  })

  test('a dataset page shows its facts, tasks and leaderboards', async ({ samplePage: page }) => {
    const app = new AppPage(page)
    await app.open('/dataset/mnist')
    await expect(app.heading('MNIST')).toBeVisible()
    await expect(page.getByText('The MNIST database')).toBeVisible()
    await expect(
      page.getByRole('complementary').getByRole('link', { name: 'http://yann.lecun.com/exdb/mnist/' })
    ).toBeVisible()
    await expect(page.getByRole('table', { name: 'Benchmarks on MNIST' })).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
  })

  test('a method page renders its LaTeX with KaTeX', async ({ samplePage: page }) => {
    const app = new AppPage(page)
    await app.open('/method/adam')
    await expect(app.heading('Adam')).toBeVisible()
    await expect(page.locator('.katex-display').first()).toBeVisible()
    expect(await page.locator('.katex').count()).toBeGreaterThan(5)
    await expect(page.locator('.markdown')).not.toContainText('$$')
    expect(await seriousViolations(page)).toEqual([])
  })

  test('old-site links in a method page open their pages in the app, not the dead site', async ({
    samplePage: page
  }) => {
    const app = new AppPage(page)
    await app.open('/method/qhadam')
    await expect(app.heading('QHAdam')).toBeVisible()
    // The description links https://paperswithcode.com/method/adam.
    const adam = page.locator('.method__description').getByRole('link', { name: 'Adam', exact: true })
    await expect(adam).toHaveAttribute('href', '/method/adam')
    await adam.click()
    await expect(app.heading('Adam')).toBeVisible()
    expect(new URL(page.url()).pathname).toBe('/method/adam')
    await page.goBack()

    // "Introduced in" names https://paperswithcode.com/paper/quasi-hyperbolic-momentum-and-adam-for-deep,
    // a paper the sample lacks: its page here says so, and how to get it.
    const introduced = page.getByRole('complementary').locator('a[href^="/paper/"]')
    await expect(introduced).toHaveText('Quasi-hyperbolic momentum and Adam for deep learning')
    await expect(introduced).toHaveAttribute('href', '/paper/quasi-hyperbolic-momentum-and-adam-for-deep')
    await introduced.click()
    await expect(app.heading('Not in the local archive')).toBeVisible()
    expect(new URL(page.url()).pathname).toBe('/paper/quasi-hyperbolic-momentum-and-adam-for-deep')
    // Nothing left the app: in browser mode an external link opens a new window.
    expect(page.context().pages()).toHaveLength(1)
  })

  test('a dataset page names the task of each benchmark', async ({ samplePage: page }) => {
    const app = new AppPage(page)
    await app.open('/dataset/mnist')
    const boards = page.getByRole('table', { name: 'Benchmarks on MNIST' })
    await expect(boards.getByRole('columnheader').first()).toHaveText('Task')
    // The 2020 tables hold MNIST boards of nine tasks, Image Classification and Image Generation among them.
    await expect(boards.getByRole('link', { name: 'Image Generation', exact: true })).toBeVisible()
    await boards.getByRole('link', { name: 'Image Classification', exact: true }).click()
    await expect(app.heading('Image Classification')).toBeVisible()
    expect(new URL(page.url()).pathname).toBe('/task/image-classification')
  })

  test('counts read "1 benchmark", never "1 benchmarks"', async ({ samplePage: page }) => {
    const app = new AppPage(page)
    await app.open('/sota')
    const main = page.getByRole('main')
    await expect(main.getByRole('heading', { name: 'All benchmarks by area' })).toBeVisible()
    // Speaker Identification, Robot Navigation and others have a single benchmark in 2020.
    expect(await main.getByText('1 benchmark', { exact: true }).count()).toBeGreaterThan(3)
    await expect(main.getByText(/^1 (benchmarks|results|tasks|papers)$/)).toHaveCount(0)
  })

  test('the papers filters live in the URL: a reload and Back keep them', async ({ samplePage: page }) => {
    const app = new AppPage(page)
    await app.open('/papers')
    const filters = page.getByRole('form', { name: 'Filter papers' })
    const count = page.getByTestId('paper-count')
    await filters.getByLabel('Year').selectOption('2019')
    await expect(page).toHaveURL(/\/papers\?year=2019$/)
    // Typed key by key: the field must not drop characters while the URL catches up.
    await filters.getByLabel('Venue').pressSequentially('ICLR', { delay: 30 })
    await expect(page).toHaveURL(/\/papers\?year=2019&venue=ICLR$/)
    await expect(filters.getByLabel('Venue')).toHaveValue('ICLR')
    // The count of the year alone stays on screen until the venue's list arrives.
    await expect(count).toHaveAttribute('aria-busy', 'false')
    const filtered = await count.textContent()
    expect(filtered).toMatch(/^[1-9][\d,]* papers?$/)

    await page.reload()
    await app.waitUntilReady()
    await expect(filters.getByLabel('Year')).toHaveValue('2019')
    await expect(filters.getByLabel('Venue')).toHaveValue('ICLR')
    await expect(count).toHaveText(filtered ?? '')

    await page.locator('.paper-row__title').first().click()
    await expect(page).toHaveURL(/\/paper\//)
    await page.goBack()
    await expect(filters.getByLabel('Year')).toHaveValue('2019')
    await expect(count).toHaveText(filtered ?? '')
  })

  test('catalogs, the SotA home and the papers index are readable and accessible', async ({
    samplePage: page
  }) => {
    const app = new AppPage(page)
    for (const path of ['/sota', '/datasets', '/methods', '/papers', '/about', '/sync']) {
      await app.open(path)
      expect(await seriousViolations(page), path).toEqual([])
    }
    await app.open('/datasets')
    await page.getByRole('searchbox', { name: 'Filter datasets' }).fill('imagenet')
    await expect(page.getByRole('link', { name: 'ImageNet', exact: true })).toBeVisible()
  })

  test('Sync and About date each kind of data by the dump it came from', async ({ samplePage: page }) => {
    const app = new AppPage(page)
    for (const path of ['/sync', '/about']) {
      await app.open(path)
      await expect(page.getByTestId('data-date-evaluation-tables')).toHaveText(
        /^2020-09 · pwc-dump-2020-09_evaluation-tables\.json\.gz$/
      )
      await expect(page.getByTestId('data-date-methods')).toHaveText(/^2022-06 · /)
      await expect(page.getByTestId('data-date-datasets')).toHaveText(/^2022-06 · /)
      // The sample's papers and links files carry no date: none is borrowed from another dump.
      await expect(page.getByTestId('data-date-papers')).toHaveText(/^date unknown · /)
      await expect(page.getByTestId('data-date-links')).toHaveText(/^date unknown · /)
      // One "archive snapshot" date (the newest dump's) would misdate the leaderboards.
      await expect(page.getByText(/Archive snapshot/)).toHaveCount(0)
      await page.screenshot({
        path: test.info().outputPath(`data-dates${path.replace('/', '-')}.png`),
        fullPage: true
      })
    }
  })

  test('the papers index lists newest first and counts exactly by year, code and framework', async ({
    samplePage: page
  }) => {
    // Expected figures straight from the bundled dumps: the sample's two papers files (50 papers of
    // 1992–1996, 3,280 ML papers the 2020 leaderboards cite); the 2024 links name some of those and
    // other papers, which the app keeps as stubs.
    type RawPaper = { paper_url: string; title: string; date: string }
    const papers = [
      ...readSampleDump<RawPaper[]>('converted_papers-with-abstracts_from-api-v1.json.gz'),
      ...readSampleDump<RawPaper[]>('converted_papers-with-abstracts_from-arxiv-metadata.json.gz')
    ]
    const links = readSampleDump<{ paper_url: string; framework: string }[]>(
      'converted_links-between-papers-and-code_from-grimrepor.json.gz'
    )
    const newest = [...papers].sort((a, b) => (a.date < b.date ? 1 : -1))[0]
    const in1995 = papers.filter((paper) => paper.date.startsWith('1995')).length
    const in2019 = papers.filter((paper) => paper.date.startsWith('2019')).length
    const linked = new Set(links.map((link) => link.paper_url))
    const withCode = linked.size
    const realWithCode = new Set(papers.map((paper) => paper.paper_url).filter((url) => linked.has(url))).size
    const withPytorch = new Set(links.filter((l) => l.framework === 'pytorch').map((l) => l.paper_url)).size
    expect(in1995).toBeGreaterThan(0)
    expect(withPytorch).toBeGreaterThan(0)

    const app = new AppPage(page)
    await app.open('/papers')
    const count = page.getByTestId('paper-count')
    await expect(count).toHaveText(`${papers.length.toLocaleString('en')} papers`)
    await expect(page.locator('.paper-row__title').first()).toHaveText(newest.title)
    const filters = page.getByRole('form', { name: 'Filter papers' })
    await filters.getByLabel('Year').selectOption('1995')
    await expect(count).toHaveText(`${in1995} papers`)
    await filters.getByLabel('Year').selectOption('2019')
    await expect(count).toHaveText(`${in2019.toLocaleString('en')} papers`)
    await filters.getByLabel('Year').selectOption('')
    await filters.getByLabel('Has code').check()
    expect(realWithCode).toBeGreaterThan(0)
    await expect(count).toHaveText(`${realWithCode.toLocaleString('en')} papers`)
    await filters.getByLabel('Include papers known only from leaderboards or code links').check()
    await expect(count).toHaveText(`${withCode.toLocaleString('en')} papers`)
    await expect(page.locator('.paper-row', { hasText: 'known from a code link' }).first()).toBeVisible()
    await filters.getByLabel('Framework').selectOption('pytorch')
    await expect(count).toHaveText(`${withPytorch.toLocaleString('en')} papers`)
  })

  test('j/k move through a list, Enter opens, Backspace goes back', async ({ samplePage: page }) => {
    const app = new AppPage(page)
    await app.open('/datasets')
    const links = page.getByRole('main').locator('[data-list-item]')
    await expect(links.nth(1)).toBeVisible()
    const second = (await links.nth(1).innerText()).trim()
    await page.keyboard.press('j')
    await page.keyboard.press('j')
    await expect(links.nth(1)).toBeFocused()
    await page.keyboard.press('k')
    await expect(links.nth(0)).toBeFocused()
    await page.keyboard.press('j')
    await page.keyboard.press('Enter')
    await expect(app.heading(second)).toBeVisible()
    await page.keyboard.press('Backspace')
    await expect(app.heading('Datasets')).toBeVisible()
  })

  test('three old paperswithcode.com URLs land on the same pages offline', async ({ samplePage: page }) => {
    const app = new AppPage(page)
    await app.open('/')
    for (const [url, heading] of [
      ['https://paperswithcode.com/paper/bert-pre-training-of-deep-bidirectional', /^BERT: Pre-training/],
      ['https://paperswithcode.com/task/image-classification', 'Image Classification'],
      ['https://paperswithcode.com/method/adam', 'Adam']
    ] as const) {
      await app.searchBox.fill(url)
      await app.searchBox.press('Enter')
      await expect(app.heading(heading)).toBeVisible()
    }
    await app.searchBox.fill('https://paperswithcode.com/paper/a-paper-that-was-never-synced')
    await app.searchBox.press('Enter')
    await expect(app.heading('Not in the local archive')).toBeVisible()
  })
})
