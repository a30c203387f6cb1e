import { ANNEALING } from '../support/demoLibrary'
import { LibraryPage } from '../support/libraryPage'
import { expect, test } from '../support/sampleProfile'
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
