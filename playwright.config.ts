import { defineConfig } from '@playwright/test'

/** The system's Chromium (Debian: /usr/bin/chromium); never a downloaded browser. */
export const CHROMIUM_PATH = process.env['KEYHOLD_CHROMIUM'] ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: 'test',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  reporter: [['list']],
  projects: [
    {
      name: 'web',
      testMatch: 'e2e/**/*.spec.ts',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
    {
      name: 'electron',
      testMatch: 'e2e-electron/**/*.spec.ts',
    },
  ],
})
