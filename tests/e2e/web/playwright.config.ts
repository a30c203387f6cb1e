import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, resolveChromiumPath } from '../support/chromium'

export const WEB_PORT = Number(process.env.WEB_TEST_PORT ?? 4173)

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../../test-results/web-artifacts',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '../../../test-results/web.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${WEB_PORT}`,
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: resolveChromiumPath(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure'
  },
  webServer: {
    command: `npx electron-vite build && npx tsx scripts/webServer.ts --port ${WEB_PORT}`,
    cwd: '../../..',
    url: `http://127.0.0.1:${WEB_PORT}/`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore'
  }
})
