// `npm test`: every gate in order — machine setup, typecheck, lint, security scan, unit,
// integration, renderer (components in jsdom over the real core), build, end-to-end in Chromium — then one closing line
// "keyhold: N passed, N failed[, N skipped]" that CI reads. Stops at the first failing gate.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const reportDir = mkdtempSync(join(tmpdir(), 'keyhold-report-'))
const totals = { passed: 0, failed: 0, skipped: 0 }

function run(label, command, args, env = {}) {
  process.stdout.write(`\n== ${label}: ${[command, ...args].join(' ')}\n`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  return result.status === 0
}

function countFrom(report, read) {
  try {
    read(JSON.parse(readFileSync(report, 'utf8')))
  } catch {
    totals.failed += 1
  }
}

function vitest(project) {
  const report = join(reportDir, `${project}.json`)
  const ok = run(`${project} tests`, 'vitest', ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`])
  countFrom(report, (json) => {
    totals.passed += json.numPassedTests
    totals.failed += json.numFailedTests
    totals.skipped += json.numPendingTests + json.numTodoTests
  })
  return ok
}

function playwright() {
  const report = join(reportDir, 'e2e.json')
  const ok = run('end-to-end tests (Chromium; Electron where its binary exists)', 'playwright', ['test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: report,
  })
  countFrom(report, (json) => {
    totals.passed += json.stats.expected + json.stats.flaky
    totals.failed += json.stats.unexpected
    totals.skipped += json.stats.skipped
  })
  return ok
}

/**
 * The clipboard tests use a real X server: where none is set, start Xvfb for the run (its
 * display number comes back on -displayfd, so nothing waits on a guess) and say so.
 */
async function ensureDisplay() {
  if (process.env.DISPLAY) return undefined
  const xvfb = spawn('Xvfb', ['-displayfd', '1', '-nolisten', 'tcp', '-noreset', '-screen', '0', '1280x800x24'], { stdio: ['ignore', 'pipe', 'ignore'] })
  const display = await new Promise((resolve, reject) => {
    xvfb.once('error', reject)
    xvfb.stdout.once('data', (chunk) => resolve(`:${String(chunk).trim()}`))
  })
  process.env.DISPLAY = display
  process.stdout.write(`\n== X server: started Xvfb on ${display} for the clipboard tests\n`)
  return xvfb
}

// Setup first: on a fresh machine it is what installs Xvfb.
const setupOk = run('machine setup', 'bash', ['scripts/setup-machine.sh'])
const xvfb = setupOk ? await ensureDisplay() : undefined

const gates = [
  () => setupOk,
  () => run('typecheck', 'npm', ['run', '--silent', 'typecheck']),
  () => run('lint', 'npm', ['run', '--silent', 'lint']),
  () => run('security scan (Electronegativity, TLS overrides)', 'node', ['scripts/security-scan.mjs']),
  () => vitest('unit'),
  () => vitest('integration'),
  () => vitest('renderer'),
  () => run('build', 'electron-vite', ['build']),
  () => playwright(),
]

let ok = true
for (const gate of gates) {
  if (!gate()) {
    ok = false
    if (totals.failed === 0) totals.failed = 1
    break
  }
}
rmSync(reportDir, { recursive: true, force: true })
xvfb?.kill()
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : ''
process.stdout.write(`\nkeyhold: ${totals.passed} passed, ${totals.failed} failed${skipped}\n`)
process.exit(ok && totals.failed === 0 ? 0 : 1)
