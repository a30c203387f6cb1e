import { ANNEALING } from '../support/demoLibrary'
import { LibraryPage } from '../support/libraryPage'
import { WEB_BASE_URL, expect, test } from '../support/sampleProfile'
import { SyncPage } from '../support/syncPage'
import { fillStorage, installStoragePressure } from '../support/storagePressure'

const NOTE = 'Cooling schedule: **logarithmic** in theory, geometric in practice.'

test('a note saved on a full disk says so, stays in the editor, and saves once space is freed', async ({
  samplePage: page
}) => {
  await installStoragePressure(page)
  const library = new LibraryPage(page)
  await library.open(`/paper/${ANNEALING.id}`)
  await page.getByRole('button', { name: 'Save to reading list' }).click()
  await expect(page.getByRole('button', { name: 'Saved to reading list' })).toBeVisible()

  await library.open('/lists')
  const entry = library.entry(ANNEALING.title)
  await entry.getByRole('button', { name: /^Add a note to/ }).click()
  const editor = entry.getByRole('textbox', { name: /^Note on/ })
  await editor.fill(NOTE)
  await fillStorage(page)
  await entry.getByRole('button', { name: 'Save note' }).click()

  const alert = entry.getByRole('alert')
  await expect(alert).toContainText(
    `Storage is full. About ${new TextEncoder().encode(NOTE).length} B more is needed. Using 1.2 GB of 1.3 GB available to this app.`
  )
  await expect(alert).toContainText('Your note is still here, not saved yet.')
  await expect(editor).toHaveValue(NOTE)
  await page.screenshot({ path: '/tmp/wt-f-shots/note-storage-full.png' })

  await fillStorage(page, false)
  await entry.getByRole('button', { name: 'Save note' }).click()
  await expect(editor).toHaveCount(0)
  await expect(entry.getByText('logarithmic')).toBeVisible()
  await page.reload()
  await expect(library.entry(ANNEALING.title).getByText('logarithmic')).toBeVisible()

  // The same figures, where the user looks for them before a big sync.
  await library.open('/sync')
  await expect(page.getByTestId('storage-usage')).toContainText('Storage: Using 1.2 GB of 1.3 GB')
  await page.screenshot({ path: '/tmp/wt-f-shots/sync-storage-usage.png', fullPage: true })
  await library.open('/about')
  await expect(page.getByTestId('storage-usage')).toContainText('Storage: Using 1.2 GB of 1.3 GB')
})

test('a first-launch import that runs out of quota says so, keeps what it stored, and resumes once there is room', async ({
  page
}) => {
  test.setTimeout(300_000)
  const sync = new SyncPage(page)
  // A real quota, enforced by Chromium for the page and the sync worker alike: about 2 MB, far
  // less than the sample needs.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: WEB_BASE_URL, quotaSize: 2_000_000 })
  await sync.open('/sync')
  await sync.waitForArchiveIdle()
  const notice = sync.summary.getByRole('alert').filter({ hasText: 'Storage is full' })
  // The override is enforced on writes but not reported by navigator.storage.estimate().
  await expect(notice).toContainText(
    /Storage is full\. About \d+(\.\d)? [KM]B more is needed\. Using .+ of .+ available to this app\./
  )
  await expect(notice).toContainText('Everything imported before it is stored')
  await page.screenshot({ path: '/tmp/wt-f-shots/sync-storage-full.png', fullPage: true })
  const stored = Number((await sync.count('methods').textContent())?.replace(/,/g, ''))
  expect(stored).toBeGreaterThan(0)

  await cdp.send('Storage.overrideQuotaForOrigin', { origin: WEB_BASE_URL })
  await page.getByRole('button', { name: 'Re-import sample' }).click()
  await expect(sync.summary).toContainText('Sync completed', { timeout: 300_000 })
  await expect(sync.page.getByTestId('sync-resumed')).toBeVisible()
})
