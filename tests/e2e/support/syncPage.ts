import { expect, type Page } from '@playwright/test'
import { AppPage } from './appPage'

/** Page model for Archive & sync, plus the archive-state signal the app sets on <html>. */
export class SyncPage extends AppPage {
  constructor(page: Page) {
    super(page)
  }

  /** Resolves when no sync runs any more (the first-launch import included). */
  async waitForArchiveIdle(timeout = 300_000): Promise<void> {
    await expect(this.page.locator('html')).toHaveAttribute('data-archive-state', /^(idle|error)$/, {
      timeout
    })
  }

  count(table: string) {
    return this.page.getByTestId(`count-${table}`)
  }

  get summary() {
    return this.page.getByTestId('sync-summary')
  }

  get filesTable() {
    return this.page.getByRole('table', { name: 'Files in this sync' })
  }
}
