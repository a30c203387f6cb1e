import { expect, test } from '@playwright/test'
import { AppPage } from '../support/appPage'

test.describe('app shell in browser mode', () => {
  test('navigates every section of the old site', async ({ page }) => {
    const app = new AppPage(page)
    await app.open('/')
    for (const [link, heading, path] of [
      ['Papers', 'Papers', '/papers'],
      ['Tasks / SotA', 'Browse State-of-the-Art', '/sota'],
      ['Datasets', 'Datasets', '/datasets'],
      ['Methods', 'Methods', '/methods'],
      ['Reading lists', 'Reading lists', '/lists']
    ] as const) {
      await app.nav(link).click()
      await expect(app.heading(heading)).toBeVisible()
      expect(new URL(page.url()).pathname).toBe(path)
      await expect(app.nav(link)).toHaveClass(/active/)
    }
  })

  test('About carries the data attribution and says it runs in browser mode', async ({ page }) => {
    const app = new AppPage(page)
    await app.open('/about')
    await expect(page.locator('.attribution')).toContainText('paperswithcode.com')
    await expect(page.locator('.attribution')).toContainText('CC-BY-SA 4.0')
    await expect(page.getByText('browser mode')).toBeVisible()
  })

  test('theme toggle switches and survives a reload', async ({ page }) => {
    const app = new AppPage(page)
    await app.open('/')
    const before = await app.theme()
    await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click()
    const after = await app.theme()
    expect(after).not.toBe(before)
    await page.reload()
    await app.waitUntilReady()
    expect(await app.theme()).toBe(after)
  })

  test('the theme follows the OS, live, until one is chosen; "Auto" follows it again', async ({ page }) => {
    const app = new AppPage(page)
    const html = page.locator('html')
    const followSystem = page.getByRole('button', { name: 'Follow the system theme' })
    await page.emulateMedia({ colorScheme: 'dark' })
    await app.open('/')
    await expect(html).toHaveAttribute('data-theme', 'dark')
    await page.emulateMedia({ colorScheme: 'light' })
    await expect(html).toHaveAttribute('data-theme', 'light')
    await expect(followSystem).toHaveCount(0)

    // A choice sticks: through a change of the OS setting and a reload.
    await page.getByRole('button', { name: 'Switch to dark theme' }).click()
    await expect(html).toHaveAttribute('data-theme', 'dark')
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.emulateMedia({ colorScheme: 'light' })
    await expect(html).toHaveAttribute('data-theme', 'dark')
    await page.reload()
    await app.waitUntilReady()
    await expect(html).toHaveAttribute('data-theme', 'dark')

    await followSystem.click()
    await expect(html).toHaveAttribute('data-theme', 'light')
    await expect(followSystem).toHaveCount(0)
    await page.emulateMedia({ colorScheme: 'dark' })
    await expect(html).toHaveAttribute('data-theme', 'dark')
    await page.reload()
    await app.waitUntilReady()
    await expect(html).toHaveAttribute('data-theme', 'dark')
  })

  test('deep links to old-site paths load the app directly', async ({ page }) => {
    const app = new AppPage(page)
    await app.open('/method/some-method-that-is-not-synced')
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
    expect(new URL(page.url()).pathname).toBe('/method/some-method-that-is-not-synced')
  })

  test('a pasted paperswithcode.com URL opens the same page; an unknown one explains why', async ({
    page
  }) => {
    const app = new AppPage(page)
    await app.open('/')
    await page.keyboard.press('/')
    await expect(app.searchBox).toBeFocused()
    await app.searchBox.fill('https://paperswithcode.com/datasets')
    await app.searchBox.press('Enter')
    await expect(app.heading('Datasets')).toBeVisible()
    await app.searchBox.fill('https://paperswithcode.com/accounts/login')
    await app.searchBox.press('Enter')
    await expect(page.getByRole('search').getByRole('status')).toContainText('does not contain')
  })

  test('the strict CSP is served and the page runs under it', async ({ page }) => {
    const response = await page.goto('/')
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")
    await new AppPage(page).waitUntilReady()
  })
})
