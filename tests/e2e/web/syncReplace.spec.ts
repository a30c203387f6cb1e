import { expect, test, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { SyncPage } from '../support/syncPage'

// Issue #13: one small evaluation-tables file (sota-extractor's SQuAD boards) imported as a
// replace removed 2,736 of 2,738 leaderboards without a word.
const SQUAD = path.resolve(__dirname, '../../../../shared/data/sota-extractor_tasks_squad.json')
const SHOTS = '/tmp/wt-c-shots'

async function pick(page: Page, name: string): Promise<void> {
  await page.getByLabel('Choose dump files').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: readFileSync(SQUAD)
  })
}

test.describe('adding and replacing archive files', () => {
  test.setTimeout(420_000)

  test('a small file adds; a replace previews its removals, keeps followed boards, and can add instead', async ({
    page
  }) => {
    const sync = new SyncPage(page)
    await sync.open('/sync')
    await sync.waitForArchiveIdle()
    await expect(sync.count('leaderboards')).toHaveText('2,738')
    await sync.open('/sota/image-classification-on-imagenet')
    await page.getByRole('button', { name: 'Follow leaderboard' }).click()
    await expect(page.getByRole('button', { name: '✓ Following' })).toBeVisible()
    await sync.open('/sync')

    // A name that announces no kind gets a picker instead of a rejection.
    await pick(page, 'eff.json')
    const kind = page.getByLabel('Kind of eff.json')
    await expect(kind).toHaveValue('')
    await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled()
    await kind.selectOption('evaluation-tables')
    await page.getByRole('checkbox', { name: /Replace the archive’s evaluation tables/ }).check()
    await page.screenshot({ path: `${SHOTS}/staged-files.png`, fullPage: true })
    await page.getByRole('button', { name: 'Preview and import' }).click()

    const confirmation = page.getByTestId('replace-confirmation')
    await expect(confirmation).toBeVisible({ timeout: 120_000 })
    await expect(page.getByTestId('replace-removed')).toContainText('2,735 leaderboards')
    await expect(page.getByTestId('replace-kept')).toContainText('1 leaderboard you follow')
    await page.screenshot({ path: `${SHOTS}/replace-confirmation.png`, fullPage: true })
    // The preview wrote nothing.
    await expect(sync.count('leaderboards')).toHaveText('2,738')

    await page.getByRole('button', { name: 'Import without removing' }).click()
    await sync.waitForArchiveIdle()
    await expect(sync.summary).toContainText('Sync completed')
    await expect(sync.summary.getByRole('row', { name: /^Leaderboards/ })).toHaveText(
      /^Leaderboards\s*\d+\s*\d+\s*0\s*\d/
    )
    // SQuAD's two boards were already stored: updated in place, nothing removed.
    await expect(sync.count('leaderboards')).toHaveText('2,738')
    await expect(sync.count('results')).not.toHaveText('15,519')
    await page.screenshot({ path: `${SHOTS}/added-summary.png`, fullPage: true })

    // The same file again is unchanged, unless re-read.
    await pick(page, 'eff.json')
    await page.getByLabel('Kind of eff.json').selectOption('evaluation-tables')
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await sync.waitForArchiveIdle()
    await expect(sync.summary).toContainText('eff.json: unchanged since the last sync, not read')
    await page.getByRole('checkbox', { name: 'Re-read files even if unchanged' }).check()
    await pick(page, 'eff.json')
    await page.getByLabel('Kind of eff.json').selectOption('evaluation-tables')
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await sync.waitForArchiveIdle()
    await expect(sync.summary).toContainText('eff.json: imported')

    // Confirmed, the replace removes what the preview said, and keeps the followed board.
    await page.getByRole('checkbox', { name: 'Re-read files even if unchanged' }).uncheck()
    await pick(page, 'eff.json')
    await page.getByLabel('Kind of eff.json').selectOption('evaluation-tables')
    await page.getByRole('checkbox', { name: /Replace the archive’s evaluation tables/ }).check()
    await page.getByRole('button', { name: 'Preview and import' }).click()
    await expect(page.getByTestId('replace-removed')).toContainText('2,735 leaderboards', {
      timeout: 120_000
    })
    await page.getByRole('button', { name: 'Remove and import' }).click()
    await sync.waitForArchiveIdle()
    await expect(page.getByTestId('sync-removals')).toContainText('removed 2,735 leaderboards')
    await expect(page.getByTestId('sync-removals')).toContainText('1 leaderboard you follow')
    await expect(sync.count('leaderboards')).toHaveText('3')
    await page.screenshot({ path: `${SHOTS}/replaced-summary.png`, fullPage: true })
    await sync.open('/sota/image-classification-on-imagenet')
    await expect(page.getByRole('button', { name: '✓ Following' })).toBeVisible()
  })
})
