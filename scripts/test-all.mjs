// `npm test`: every gate in order — typecheck, lint, unit, integration — then one closing line
// "keyhold: N passed, N failed[, N skipped]" that CI reads. Stops at the first failing gate.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const reportDir = mkdtempSync(join(tmpdir(), 'keyhold-report-'))
const totals = { passed: 0, failed: 0, skipped: 0 }

function run(label, command, args) {
  process.stdout.write(`\n== ${label}: ${[command, ...args].join(' ')}\n`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env })
  return result.status === 0
}

function vitest(project) {
  const report = join(reportDir, `${project}.json`)
  const ok = run(`${project} tests`, 'vitest', ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`])
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'))
    totals.passed += json.numPassedTests
    totals.failed += json.numFailedTests
    totals.skipped += json.numPendingTests + json.numTodoTests
  } catch {
    totals.failed += 1
  }
  return ok
}

const gates = [
  () => run('typecheck', 'npm', ['run', '--silent', 'typecheck']),
  () => run('lint', 'npm', ['run', '--silent', 'lint']),
  () => vitest('unit'),
  () => vitest('integration'),
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
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : ''
process.stdout.write(`\nkeyhold: ${totals.passed} passed, ${totals.failed} failed${skipped}\n`)
process.exit(ok && totals.failed === 0 ? 0 : 1)
