import type { PaperRecord } from '../../../src/shared/archive/entities'
import type { ListEntry } from '../../../src/shared/library/libraryTypes'
import { sortEntries } from '../../../src/shared/library/libraryFilters'
import { snapshotFromPaper } from '../../../src/shared/library/paperSnapshot'
import { DEFAULT_LIST_ID } from '../../../src/renderer/library/libraryActions'
import { ANNEALING, DEMO_LIST, DEMO_NOTE, HIGGS } from '../support/demoLibrary'
import { LibraryPage } from '../support/libraryPage'
import { expect, test } from '../support/sampleProfile'
import { SyncPage } from '../support/syncPage'

// Real papers of the bundled sample.
const HOPFIELD = {
  id: 'neural-networks-and-physical-systems-with',
  title: 'Neural networks and physical systems with emergent collective computational abilities'
}

/** The CSV as records (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const body = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < body.length; i++) {
    const char = body[i]
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\r' && body[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += char
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows
}

async function waitForReimport(sync: SyncPage): Promise<void> {
  await sync.open('/sync')
  await sync.waitForArchiveIdle()
  await sync.page.getByRole('button', { name: 'Re-import sample' }).click()
  await expect(sync.page.locator('html')).toHaveAttribute('data-archive-state', 'importing')
  await expect(sync.page.locator('html')).toHaveAttribute('data-archive-state', 'idle', { timeout: 300_000 })
}

test.describe('reading lists in browser mode', () => {
  test('bookmarks from a paper page, a paper row and the b key; edits, exports and a re-import keep everything', async ({
    samplePage: page
  }) => {
    test.setTimeout(600_000)
    const library = new LibraryPage(page)

    // A paper page: the bookmark button.
    await library.open(`/paper/${ANNEALING.id}`)
    await page.getByRole('button', { name: 'Save to reading list' }).click()
    await expect(page.getByRole('button', { name: 'Saved to reading list' })).toHaveAttribute(
      'aria-pressed',
      'true'
    )

    // A paper page: the b key.
    await library.open(`/paper/${HIGGS.id}`)
    await expect(library.heading(HIGGS.title)).toBeVisible()
    await page.keyboard.press('b')
    await expect(library.keyNotice).toContainText(`Saved “${HIGGS.title}” to Reading list.`)
    await expect(page.getByRole('button', { name: 'Saved to reading list' })).toBeVisible()

    // A focused paper row on /papers: the b key (the search results page is not built yet).
    await library.open('/papers')
    const firstRow = page.getByRole('list', { name: 'Papers' }).locator('[data-list-item]').first()
    await expect(firstRow).toBeVisible()
    const rowTitle = (await firstRow.textContent()) ?? ''
    expect(rowTitle).not.toBe('')
    await firstRow.focus()
    await page.keyboard.press('b')
    await expect(library.keyNotice).toContainText(`Saved “${rowTitle}” to Reading list.`)

    await library.nav('Reading lists').click()
    await expect(library.heading('Reading lists')).toBeVisible()
    await expect(library.allEntries).toHaveCount(3)
    for (const title of [ANNEALING.title, HIGGS.title, rowTitle])
      await expect(library.entry(title)).toBeVisible()

    // Pressing b on a focused library entry takes it out of the reading list again.
    await library.entry(rowTitle).getByRole('link', { name: rowTitle }).focus()
    await page.keyboard.press('b')
    await expect(library.keyNotice).toContainText(`Removed “${rowTitle}” from Reading list.`)
    await expect(library.allEntries).toHaveCount(2)

    // A second list; copy one paper to it, move the other.
    await library.createList(DEMO_LIST)
    await library.transfer(library.entry(ANNEALING.title), DEMO_LIST, 'Copy')
    await expect(library.entries(ANNEALING.title)).toHaveCount(2)
    await library.transfer(library.entry(HIGGS.title), DEMO_LIST, 'Move')
    await expect(library.entries(HIGGS.title)).toHaveCount(1)
    await expect(library.entry(HIGGS.title).getByRole('link', { name: DEMO_LIST })).toBeVisible()

    // Status, tags and a Markdown note, on the list's own page.
    await library.listLink(DEMO_LIST).click()
    await expect(library.heading(DEMO_LIST)).toBeVisible()
    await expect(library.allEntries).toHaveCount(2)
    const annealing = library.entry(ANNEALING.title)
    await library.status(annealing).selectOption({ label: 'Read' })
    await library.addTag(annealing, 'optimisation')
    await library.addTag(annealing, 'Monte Carlo')
    await library.writeNote(annealing, DEMO_NOTE)
    await expect(annealing.locator('.markdown strong')).toHaveText('Metropolis')
    await expect(annealing.locator('.markdown li')).toHaveCount(2)
    const higgs = library.entry(HIGGS.title)
    await library.status(higgs).selectOption({ label: 'Reading' })
    await library.addTag(higgs, 'SUSY')
    // Tags compare case-insensitively: a second spelling is not a second tag.
    await library.addTag(higgs, 'susy')
    await expect(library.tags(higgs)).toHaveCount(1)
    await library.addTag(higgs, 'temporary')
    await higgs.getByRole('button', { name: /^Remove tag temporary/ }).click()
    await expect(library.tags(higgs)).toHaveText(['SUSY×'])

    // Filter and search inside the list.
    await page.getByRole('searchbox', { name: 'Search this list' }).fill('metropolis')
    await expect(library.allEntries).toHaveCount(1)
    await page.getByRole('searchbox', { name: 'Search this list' }).fill('')
    await page.getByRole('combobox', { name: 'Filter by status' }).selectOption({ label: 'Reading' })
    await expect(library.allEntries).toHaveCount(1)
    await expect(library.entry(HIGGS.title)).toBeVisible()
    await page.getByRole('button', { name: 'Clear filters' }).click()
    await expect(library.allEntries).toHaveCount(2)

    // Every export of this list.
    const bib = await library.download(library.exportButton(DEMO_LIST, 'BibTeX'))
    expect(bib.name).toBe('annealing-optimisation.bib')
    expect(bib.text).toMatch(/^% Paper metadata from Papers with Code/)
    expect(bib.text.match(/^@\w+\{/gm)).toHaveLength(2)
    expect(bib.text).toContain('Kirkpatrick, S.')
    expect(bib.text).toContain('eprint = {hep-ph/9207269}')

    const csl = await library.download(library.exportButton(DEMO_LIST, 'CSL-JSON'))
    expect(csl.name).toBe('annealing-optimisation.json')
    const items = JSON.parse(csl.text) as { title: string; author?: { family: string }[] }[]
    expect(items.map((item) => item.title).sort()).toEqual([HIGGS.title, ANNEALING.title].sort())
    expect(items.find((item) => item.title === ANNEALING.title)?.author?.map((a) => a.family)).toEqual([
      'Kirkpatrick',
      'Gelatt',
      'Vecchi'
    ])

    const markdown = await library.download(library.exportButton(DEMO_LIST, 'Markdown'))
    expect(markdown.name).toBe('annealing-optimisation.md')
    expect(markdown.text).toContain('Metropolis')
    expect(markdown.text).toContain('Monte Carlo')
    expect(markdown.text).toContain('Read')

    const csv = await library.download(library.exportButton(DEMO_LIST, 'CSV'))
    expect(csv.name).toBe('annealing-optimisation.csv')
    const [header, ...rows] = parseCsv(csv.text)
    expect(header.slice(0, 3)).toEqual(['list', 'title', 'authors'])
    const column = (name: string): number => header.indexOf(name)
    expect(rows).toHaveLength(2)
    const annealingRow = rows.find((row) => row[column('paper_id')] === ANNEALING.id)
    expect(annealingRow?.[column('title')]).toBe(ANNEALING.title)
    expect(annealingRow?.[column('status')]).toBe('read')
    expect(annealingRow?.[column('tags')]).toBe('optimisation; Monte Carlo')
    expect(annealingRow?.[column('note')]).toBe(DEMO_NOTE)
    expect(rows.find((row) => row[column('paper_id')] === HIGGS.id)?.[column('title')]).toBe(HIGGS.title)

    // An export of every list holds both lists.
    await library.nav('Reading lists').click()
    const everything = await library.download(library.exportButton('Reading lists', 'CSV'))
    const lists = parseCsv(everything.text)
      .slice(1)
      .map((row) => row[0])
    expect(lists.sort()).toEqual([DEMO_LIST, DEMO_LIST, 'Reading list'].sort())

    // A re-import of the archive rewrites the archive tables and never the user's.
    await waitForReimport(new SyncPage(page))
    await library.nav('Reading lists').click()
    await expect(library.allEntries).toHaveCount(3)
    await library.listLink(DEMO_LIST).click()
    const after = library.entry(ANNEALING.title)
    await expect(library.status(after)).toHaveValue('read')
    await expect(library.tags(after)).toHaveText(['optimisation×', 'Monte Carlo×'])
    await expect(after.locator('.markdown strong')).toHaveText('Metropolis')
    await expect(library.status(library.entry(HIGGS.title))).toHaveValue('reading')
    await expect(library.tags(library.entry(HIGGS.title))).toHaveText(['SUSY×'])
    await expect(after.getByRole('link', { name: ANNEALING.title })).toHaveAttribute(
      'href',
      `/paper/${ANNEALING.id}`
    )

    // The library with notes and tags in both themes, under test-results/ (`npm run screenshots`
    // refreshes the README's copies).
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((value) => localStorage.setItem('pwc.theme', value), theme)
      await library.open('/lists')
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
      await expect(library.allEntries).toHaveCount(3)
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
      await page.screenshot({ path: test.info().outputPath(`lists-${theme}.png`), fullPage: true })
    }
  })

  test('a backup restores a deleted list; deletion offers undo; a paper dropped by the archive keeps its snapshot', async ({
    samplePage: page
  }) => {
    test.setTimeout(300_000)
    const library = new LibraryPage(page)
    for (const paper of [ANNEALING, HOPFIELD]) {
      await library.open(`/paper/${paper.id}`)
      await page.getByRole('button', { name: 'Save to reading list' }).click()
      await expect(page.getByRole('button', { name: 'Saved to reading list' })).toBeVisible()
    }
    await library.open('/lists')
    await library.createList('Theory')
    await library.transfer(library.entry(HOPFIELD.title), 'Theory', 'Copy')
    await library.transfer(library.entry(ANNEALING.title), 'Theory', 'Copy')
    await library.listLink('Theory').click()
    await library.addTag(library.entry(HOPFIELD.title), 'memory')
    await library.writeNote(
      library.entry(HOPFIELD.title),
      'Energy $E = -\\frac{1}{2}\\sum_{ij} w_{ij} s_i s_j$'
    )
    await library.status(library.entry(HOPFIELD.title)).selectOption({ label: 'Reading' })

    // Reorder: "Theory" moves above the default list.
    await library.nav('Reading lists').click()
    await expect(library.listRows.first()).toContainText('Reading list')
    await page.getByRole('button', { name: 'Move Theory up' }).click()
    await expect(library.listRows.first()).toContainText('Theory')
    await page.getByRole('button', { name: 'Rename Theory' }).click()
    await page.getByRole('textbox', { name: 'New name for Theory' }).fill('Theory classics')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(library.listLink('Theory classics')).toBeVisible()

    const backup = await library.download(page.getByRole('button', { name: 'Save backup' }))
    expect(backup.name).toMatch(/^pwc2-library-\d{4}-\d{2}-\d{2}\.json$/)
    const saved = JSON.parse(backup.text) as { format: string; lists: { name: string }[]; entries: unknown[] }
    expect(saved.format).toBe('pwc2-library')
    expect(saved.lists.map((list) => list.name)).toEqual(['Theory classics', 'Reading list'])
    expect(saved.entries).toHaveLength(4)

    // Delete, undo, delete again.
    await page.getByRole('button', { name: 'Delete Theory classics' }).click()
    await expect(library.undoNotice).toContainText('Deleted “Theory classics” (2 papers).')
    await expect(library.listLink('Theory classics')).toHaveCount(0)
    await expect(library.allEntries).toHaveCount(2)
    await library.undoNotice.getByRole('button', { name: 'Undo' }).click()
    await expect(library.listLink('Theory classics')).toBeVisible()
    await expect(library.allEntries).toHaveCount(4)
    await page.getByRole('button', { name: 'Delete Theory classics' }).click()
    await expect(library.allEntries).toHaveCount(2)
    await library.undoNotice.getByRole('button', { name: 'Dismiss' }).click()

    // Restore the backup: the report first, then one write.
    await page.getByLabel('Restore from a backup file').setInputFiles(backup.path)
    const preview = page.getByRole('region', { name: 'Restore preview' })
    await expect(preview).toContainText('Lists: 1 list added (“Theory classics”), 1 already here.')
    await expect(preview).toContainText('Papers in lists: 2 added, 0 updated, 2 unchanged.')
    await preview.getByRole('button', { name: 'Merge backup' }).click()
    await expect(page.getByText('Backup merged: 2 papers added, 0 updated.')).toBeVisible()
    await expect(library.listLink('Theory classics')).toBeVisible()
    await expect(library.allEntries).toHaveCount(4)
    await library.listLink('Theory classics').click()
    const hopfield = library.entry(HOPFIELD.title)
    await expect(library.tags(hopfield)).toHaveText(['memory×'])
    await expect(library.status(hopfield)).toHaveValue('reading')
    await expect(hopfield.locator('.markdown .katex')).toHaveCount(1)

    // A newer dump that no longer has a paper: the entry shows its snapshot and says so.
    await page.evaluate(
      (id) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('papers-with-code-2')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const tx = open.result.transaction('papers', 'readwrite')
            tx.objectStore('papers').delete(id)
            tx.oncomplete = () => {
              open.result.close()
              resolve()
            }
            tx.onerror = () => reject(tx.error)
          }
        }),
      HOPFIELD.id
    )
    await page.reload()
    await library.waitUntilReady()
    const gone = library.entry(HOPFIELD.title)
    await expect(gone.getByText('no longer in the archive')).toBeVisible()
    await expect(gone.getByRole('link', { name: HOPFIELD.title })).toHaveCount(0)
    await expect(gone).toContainText('J J Hopfield')
    await expect(library.tags(gone)).toHaveText(['memory×'])
  })
})

// Keeps the CSV reader honest about the quoting the export uses.
test.describe('a library larger than a screenful', () => {
  const SAVED = 60
  const PAGE = 20

  test('shows a page of cards at a time, the next as the reader scrolls; sorting covers every paper', async ({
    samplePage: page
  }) => {
    test.setTimeout(300_000)
    const library = new LibraryPage(page)
    // The default list exists once /lists has been open.
    await library.open('/lists')
    await expect(page.getByText('Your reading list is empty')).toBeVisible()
    // Real papers of the sample, saved as the app saves them (its own snapshot), written in one go.
    const papers = await page.evaluate(
      (count) =>
        new Promise<PaperRecord[]>((resolve, reject) => {
          const open = indexedDB.open('papers-with-code-2')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const read = open.result
              .transaction('papers')
              .objectStore('papers')
              .getAll(null, count * 4)
            read.onsuccess = () => {
              open.result.close()
              resolve((read.result as PaperRecord[]).filter((paper) => !paper.isStub).slice(0, count))
            }
            read.onerror = () => reject(read.error)
          }
        }),
      SAVED
    )
    expect(papers).toHaveLength(SAVED)
    const entries: ListEntry[] = papers.map((paper, index) => ({
      listId: DEFAULT_LIST_ID,
      paperId: paper.id,
      addedAt: new Date(Date.UTC(2025, 0, 1, 0, index)).toISOString(),
      status: 'to-read',
      tags: [],
      note: '',
      snapshot: snapshotFromPaper(paper)
    }))
    await page.evaluate(
      (rows) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('papers-with-code-2')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const tx = open.result.transaction('listEntries', 'readwrite')
            for (const row of rows) tx.objectStore('listEntries').put(row)
            tx.oncomplete = () => {
              open.result.close()
              resolve()
            }
            tx.onerror = () => reject(tx.error)
          }
        }),
      entries
    )
    await page.reload()
    await library.waitUntilReady()

    await expect(page.getByTestId('entry-count')).toHaveText(`${SAVED} papers`)
    await expect(library.allEntries).toHaveCount(PAGE)
    const more = page.getByText(`Showing ${PAGE} of ${SAVED}; scroll for more.`)
    await expect(more).toBeVisible()
    // Newest added first: the last one written.
    await expect(library.allEntries.first()).toHaveAccessibleName(papers[SAVED - 1].title)

    // A note being written stays while more cards come (a windowed list would unmount its editor).
    const first = library.allEntries.first()
    await first.getByRole('button', { name: /^Add a note to/ }).click()
    await first.getByRole('textbox', { name: /^Note on/ }).fill('draft, not saved')

    for (let shown = PAGE; shown < SAVED; shown = Math.min(SAVED, shown + PAGE)) {
      await page.getByText(/^Showing \d+ of \d+; scroll for more\.$/).scrollIntoViewIfNeeded()
      await expect(library.allEntries).toHaveCount(Math.min(SAVED, shown + PAGE))
    }
    await expect(page.getByText(/scroll for more/)).toHaveCount(0)
    await expect(library.entry(papers[0].title)).toBeVisible()
    await expect(first.getByRole('textbox', { name: /^Note on/ })).toHaveValue('draft, not saved')

    // Another sort, chosen where a reader would (back up at the filters), starts again from one
    // page, ordered over the whole library.
    const sortBy = page.getByRole('combobox', { name: 'Sort by' })
    await sortBy.scrollIntoViewIfNeeded()
    await sortBy.selectOption({ label: 'Title A–Z' })
    await expect(library.allEntries).toHaveCount(PAGE)
    const byTitle = sortEntries(entries, { key: 'title', direction: 'asc' }).map(
      (entry) => entry.snapshot.title
    )
    await expect(library.allEntries.first()).toHaveAccessibleName(byTitle[0])
    // A search finds a paper whatever page it would sit on.
    const last = byTitle[SAVED - 1]
    await page.getByRole('searchbox', { name: 'Search the library' }).fill(last)
    await expect(library.entries(last)).toHaveCount(1)
  })
})

test('the CSV reader used above reads quoted fields', () => {
  expect(parseCsv('a,"b ""c""","d\r\ne"\r\n')).toEqual([['a', 'b "c"', 'd\r\ne']])
})
