// Draws resources/icon.png (256 px) from resources/icon.svg with the system's Chromium, the one
// renderer every machine of this project has, so the two never drift: run it after editing the SVG.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from '@playwright/test'

const ROOT = join(import.meta.dirname, '..')
const SIZE = 256
const svg = readFileSync(join(ROOT, 'resources', 'icon.svg'), 'utf8')
const browser = await chromium.launch({ executablePath: process.env.KEYHOLD_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] })
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } })
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg style="display:block" `)}</body></html>`)
  await page.locator('svg').screenshot({ path: join(ROOT, 'resources', 'icon.png'), omitBackground: true })
} finally {
  await browser.close()
}
