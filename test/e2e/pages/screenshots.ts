import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..', '..', '..')

/**
 * Where a screenshot goes: test-results/screenshots (ignored) on every run, so a test run never
 * rewrites a tracked file; docs/ — the README's pictures — only when KEYHOLD_REFRESH_SCREENSHOT=1
 * (`npm run screenshot`) asks for it on purpose.
 */
export function screenshotPath(name: string): string {
  const refresh = process.env['KEYHOLD_REFRESH_SCREENSHOT'] === '1'
  return join(ROOT, refresh ? 'docs' : join('test-results', 'screenshots'), name)
}
