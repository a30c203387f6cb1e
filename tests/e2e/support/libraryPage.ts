import { expect, type Locator, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { AppPage } from './appPage'

export interface SavedDownload {
  name: string
  path: string
  text: string
}

/** Page model for the reading lists (`/lists`, `/lists/:id`) and the bookmark controls. */
export class LibraryPage extends AppPage {
  constructor(page: Page) {
    super(page)
  }

  /** Every list entry titled `title` on the page (a paper in two lists shows twice on `/lists`). */
  entries(title: string): Locator {
    return this.page.getByRole('article', { name: title, exact: true })
  }

  entry(title: string): Locator {
    return this.entries(title).first()
  }

  get allEntries(): Locator {
    return this.page.getByRole('article')
  }

  status(entry: Locator): Locator {
    return entry.getByRole('combobox', { name: /^Status of/ })
  }

  tags(entry: Locator): Locator {
    return entry.getByRole('list', { name: /^Tags of/ }).getByRole('listitem')
  }

  async addTag(entry: Locator, tag: string): Promise<void> {
    const input = entry.getByRole('textbox', { name: /^Add a tag to/ })
    await input.fill(tag)
    await input.press('Enter')
    await expect(this.tags(entry).filter({ hasText: tag })).toHaveCount(1)
  }

  async writeNote(entry: Locator, note: string): Promise<void> {
    await entry.getByRole('button', { name: /^(Add a note to|Edit the note on)/ }).click()
    await entry.getByRole('textbox', { name: /^Note on/ }).fill(note)
    await entry.getByRole('button', { name: 'Save note' }).click()
    await expect(entry.getByRole('textbox', { name: /^Note on/ })).toHaveCount(0)
  }

  async transfer(entry: Locator, toList: string, mode: 'Copy' | 'Move'): Promise<void> {
    await entry.getByRole('combobox', { name: /^Other list for/ }).selectOption({ label: toList })
    await entry.getByRole('button', { name: mode, exact: true }).click()
  }

  get listRows(): Locator {
    return this.page.getByRole('list', { name: 'Lists', exact: true }).getByRole('listitem')
  }

  listLink(name: string): Locator {
    return this.page
      .getByRole('list', { name: 'Lists', exact: true })
      .getByRole('link', { name, exact: true })
  }

  async createList(name: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'New list name' }).fill(name)
    await this.page.getByRole('button', { name: 'Create list' }).click()
    await expect(this.listLink(name)).toBeVisible()
  }

  /** Clicks `trigger` and returns the file the app saved (browser mode saves by download). */
  async download(trigger: Locator): Promise<SavedDownload> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), trigger.click()])
    const path = await download.path()
    return { name: download.suggestedFilename(), path, text: readFileSync(path, 'utf8') }
  }

  exportButton(scope: string, format: 'BibTeX' | 'CSL-JSON' | 'Markdown' | 'CSV'): Locator {
    return this.page
      .getByRole('group', { name: `Export ${scope}` })
      .getByRole('button', { name: format, exact: true })
  }

  /** The `b` shortcut's announcement. */
  get keyNotice(): Locator {
    return this.page.locator('.key-toast[role="status"]')
  }

  get undoNotice(): Locator {
    return this.page.locator('.undo-notice[role="status"]')
  }
}
