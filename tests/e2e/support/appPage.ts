import { expect, type Page } from '@playwright/test'

/** Page model for the app shell: role-based locators and the app's own ready signal. */
export class AppPage {
  constructor(readonly page: Page) {}

  async open(path = '/'): Promise<void> {
    await this.page.goto(path)
    await this.waitUntilReady()
  }

  async waitUntilReady(): Promise<void> {
    await expect(this.page.locator('html')).toHaveAttribute('data-app-state', 'ready')
  }

  nav(name: string) {
    return this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name })
  }

  get searchBox() {
    return this.page.getByRole('searchbox', { name: /Search papers/ })
  }

  heading(name: string | RegExp) {
    return this.page.getByRole('heading', { level: 1, name })
  }

  async theme(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-theme')
  }
}
