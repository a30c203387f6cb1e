import { AppPage } from '../support/appPage'
import { expect, test } from '../support/sampleProfile'

// Highlight marks split the accessible name into pieces ("BERT : Pre - training").
const BERT_TITLE = /BERT\s*:\s*Pre\s*-\s*training of Deep Bidirectional/

test.describe('search over the bundled real sample', () => {
  test('search as you type, the results page, facets and opening a result', async ({ samplePage: page }) => {
    const app = new AppPage(page)
    await app.open('/')
    await expect(page.locator('html')).toHaveAttribute('data-search-state', 'ready', { timeout: 120_000 })
    await app.searchBox.fill('bert pre-training')
    const suggestions = page.getByRole('list', { name: 'Suggestions' })
    await expect(suggestions.getByRole('link', { name: BERT_TITLE })).toBeVisible()
    await app.searchBox.press('Enter')
    await expect(page).toHaveURL(/\/search\?q=bert/)
    const results = page.getByRole('list', { name: 'Search results' })
    await expect(results.getByRole('link', { name: BERT_TITLE })).toBeVisible()
    await expect(results.locator('mark').first()).toBeVisible()
    const total = Number((await page.getByTestId('result-count').innerText()).replace(/\D/g, ''))
    expect(total).toBeGreaterThan(1)

    await page
      .getByRole('complementary', { name: 'Refine results' })
      .getByRole('button', { name: /^Has code/ })
      .click()
    await expect(page).toHaveURL(/has%3Acode/)
    await expect(page.getByTestId('result-count')).not.toHaveText(`${total} papers`)

    // Bookmark straight from the results; the paper page then shows it saved.
    await results.getByRole('button', { name: /: BERT: Pre-training of Deep Bidirectional/ }).click()
    await results.getByRole('link', { name: BERT_TITLE }).click()
    await expect(app.heading(/^BERT: Pre-training/)).toBeVisible()
    await expect(page.getByRole('button', { name: /Saved to reading list/ })).toBeVisible()
  })

  test('operators filter exactly and unknown ones are explained', async ({ samplePage: page }) => {
    const app = new AppPage(page)
    await app.open('/search?q=' + encodeURIComponent('author:"Walter Bergweiler"'))
    const results = page.getByRole('list', { name: 'Search results' })
    await expect(results.getByRole('listitem').first()).toContainText('Walter Bergweiler')
    for (const item of await results.getByRole('listitem').all())
      await expect(item).toContainText('Bergweiler')

    await app.open('/search?q=' + encodeURIComponent('simulated annealing colour:blue'))
    await expect(page.getByRole('note').filter({ hasText: '“colour:”' })).toBeVisible()
  })

  test('the palette jumps to a leaderboard; a reload answers from the persisted index', async ({
    samplePage: page
  }) => {
    const app = new AppPage(page)
    await app.open('/')
    await expect(page.locator('html')).toHaveAttribute('data-search-state', 'ready', { timeout: 120_000 })
    await page.keyboard.press('Control+k')
    const palette = page.getByRole('dialog', { name: 'Go to anything' })
    await palette.getByRole('combobox').fill('Image Classification on ImageNet')
    await expect(palette.getByRole('option').first()).toContainText('Image Classification on ImageNet')
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/sota\/image-classification-on-imagenet/)

    await app.open('/search?q=simulated%20annealing')
    await page.reload()
    await app.waitUntilReady()
    // The index comes back from IndexedDB: no rebuild notice, results straight away.
    await expect(
      page
        .getByRole('list', { name: 'Search results' })
        .getByRole('link', { name: 'Optimization by Simulated Annealing' })
    ).toBeVisible()
    await expect(page.getByTestId('search-index-status')).toHaveCount(0)
  })

  test('"squad" in the palette lists the SQuAD dataset and its leaderboards', async ({
    samplePage: page
  }) => {
    const app = new AppPage(page)
    await app.open('/')
    await expect(page.locator('html')).toHaveAttribute('data-search-state', 'ready', { timeout: 120_000 })
    await page.keyboard.press('Control+k')
    const palette = page.getByRole('dialog', { name: 'Go to anything' })
    await palette.getByRole('combobox').fill('squad')
    const options = palette.getByRole('option')
    await expect(options.first()).toHaveText(/^DatasetSQuAD$/)
    await expect(options.filter({ hasText: /^LeaderboardQuestion Answering on SQuAD1\.1$/ })).toHaveCount(1)
    await expect(options.filter({ hasText: /^LeaderboardQuestion Answering on SQuAD2\.0$/ })).toHaveCount(1)
    await page.screenshot({ path: test.info().outputPath('palette-squad.png') })
    await options.filter({ hasText: 'Question Answering on SQuAD1.1' }).first().click()
    await expect(page).toHaveURL(/\/sota\/question-answering-on-squad1-1$/)
  })
})
