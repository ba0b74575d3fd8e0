// The security scan gate (SECURITY.md P0-8 and §5): Electronegativity over electron/, read from
// its SARIF report because it exits 0 whatever it finds, plus a search of electron/ and renderer/
// for ways of turning TLS checking off. Exits 1 on anything not in its allowlist file
// (scripts/security-scan-allowlist.json, a reason per entry).
// `node scripts/security-scan.mjs [DIR]` scans another checkout's electron/ and renderer/ (used to
// prove the gate fails on bad code).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const ELECTRON_VERSION = '45.4.1'
const root = process.argv[2] ? resolve(process.argv[2]) : fileURLToPath(new URL('..', import.meta.url))
const scanner = fileURLToPath(new URL('../node_modules/@doyensec/electronegativity/dist', import.meta.url))

/**
 * Findings we accept live in scripts/security-scan-allowlist.json, each with the reason. Read from
 * the scanned checkout, so a test can scan a copy with another allowlist. An entry without a reason
 * is refused: an exception nobody can explain is a finding.
 */
function readAllowlist() {
  const file = join(root, 'scripts', 'security-scan-allowlist.json')
  const { entries } = JSON.parse(readFileSync(file, 'utf8'))
  if (!Array.isArray(entries)) throw new Error(`${toRelative(file)} has no "entries" list.`)
  for (const [index, entry] of entries.entries()) {
    if (typeof entry?.rule !== 'string' || entry.rule === '') throw new Error(`allowlist entry ${index + 1} names no rule.`)
    if (typeof entry.why !== 'string' || entry.why.trim().length < 10) {
      throw new Error(`allowlist entry ${index + 1} (${entry.rule}) gives no reason ("why"); every exception needs one.`)
    }
  }
  return entries
}

/** SECURITY.md §5: TLS stays on. Electronegativity 1.10.3 does not look for these. */
const TLS_PATTERNS = [
  { pattern: /NODE_TLS_REJECT_UNAUTHORIZED/, why: 'turns off certificate checks for the whole process' },
  { pattern: /rejectUnauthorized\s*:\s*false/, why: 'accepts any certificate' },
  { pattern: /certificate-error/, why: 'a certificate-error handler (or switch) can accept bad certificates' },
]
const SOURCE_DIRS = ['electron', 'renderer']
const SOURCE_FILE = /\.(?:[cm]?[jt]sx?|html|json)$/

// Electronegativity's two network look-ups (translations, Electron's release list) use got 11,
// which crashes Node 24 when a failed request is retried. Offline they add nothing, so this
// preload makes them fail at once; the scan then runs the same everywhere and sends nothing out.
const OFFLINE_GOT = `
const Module = require('node:module')
const load = Module._load
const offline = () => Promise.reject(new Error('The Keyhold security scan runs offline.'))
offline.head = offline
Module._load = function (request, ...rest) {
  return request === 'got' ? offline : load.call(this, request, ...rest)
}
`

const say = (line) => process.stdout.write(`${line}\n`)
const toRelative = (file) => relative(root, file.replace(/^file:\/\//, '')).split(sep).join('/')

function runElectronegativity(workDir) {
  const preload = join(workDir, 'offline-got.cjs')
  const sarif = join(workDir, 'electronegativity.sarif')
  writeFileSync(preload, OFFLINE_GOT)
  const args = ['--require', preload, join(scanner, 'index.js'), '-i', join(root, 'electron'), '-e', ELECTRON_VERSION, '-o', sarif]
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' })
  if (run.status !== 0) {
    throw new Error(`Electronegativity failed (exit ${run.status}):\n${run.stdout}${run.stderr}`)
  }
  const report = JSON.parse(readFileSync(sarif, 'utf8'))
  return (report.runs ?? []).flatMap((r) =>
    (r.results ?? []).map((result) => {
      const where = result.locations?.[0]?.physicalLocation
      const uri = where?.artifactLocation?.uri ?? ''
      return {
        rule: result.ruleId,
        level: result.level ?? 'warning',
        file: uri === '' || uri === 'file:///' ? '(whole app)' : toRelative(uri),
        line: where?.region?.startLine ?? 0,
        message: result.message?.text ?? '',
      }
    }),
  )
}

/** A file the scanner cannot parse is silently skipped in SARIF mode; that must fail the gate. */
async function unparsedFiles() {
  const require = createRequire(import.meta.url)
  const { Parser } = require(join(scanner, 'parser', 'parser.js'))
  const { LoaderDirectory } = require(join(scanner, 'loader', 'index.js'))
  const loader = new LoaderDirectory()
  await loader.load(join(root, 'electron'))
  const parser = new Parser(false, true)
  const files = [...loader.list_files]
  const failures = []
  for (const file of files) {
    try {
      parser.parse(file, loader.load_buffer(file))
    } catch (err) {
      failures.push({ file: toRelative(file), message: String(err.message).split('\n')[0] })
    }
  }
  return { failures, count: files.length }
}

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* sourceFiles(path)
    } else if (SOURCE_FILE.test(entry.name)) {
      yield path
    }
  }
}

function tlsFindings() {
  const findings = []
  for (const dir of SOURCE_DIRS) {
    for (const file of sourceFiles(join(root, dir))) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((text, index) => {
          for (const { pattern, why } of TLS_PATTERNS) {
            if (pattern.test(text)) findings.push({ file: toRelative(file), line: index + 1, pattern: pattern.source, why })
          }
        })
    }
  }
  return findings
}

const allowedBy = (ALLOWLIST, finding) =>
  ALLOWLIST.find(
    (entry) =>
      entry.rule === finding.rule &&
      (entry.file === undefined || entry.file === finding.file) &&
      (entry.message === undefined || finding.message.startsWith(entry.message)),
  )

async function main() {
  const started = performance.now()
  const ALLOWLIST = readAllowlist()
  const workDir = mkdtempSync(join(tmpdir(), 'keyhold-security-scan-'))
  let findings
  try {
    findings = runElectronegativity(workDir)
  } finally {
    rmSync(workDir, { recursive: true, force: true })
  }
  const parsed = await unparsedFiles()
  const tls = tlsFindings()

  let failing = 0
  let allowed = 0
  const used = new Set()
  for (const finding of findings) {
    const entry = allowedBy(ALLOWLIST, finding)
    const where = `${finding.file}:${finding.line}`
    if (entry) {
      used.add(entry)
      allowed += 1
      say(`allowed  ${finding.rule} ${where} — ${entry.why}`)
    } else {
      failing += 1
      say(`FAIL     ${finding.rule} (${finding.level}) ${where} — ${finding.message}`)
    }
  }
  for (const { file, message } of parsed.failures) {
    failing += 1
    say(`FAIL     UNPARSED ${file} — Electronegativity cannot parse it, so it was not scanned: ${message}`)
  }
  for (const { file, line, pattern, why } of tls) {
    failing += 1
    say(`FAIL     TLS ${file}:${line} — /${pattern}/: ${why}`)
  }
  for (const entry of ALLOWLIST.filter((e) => !used.has(e))) {
    say(`note     allowlist entry ${entry.rule}${entry.file ? ` (${entry.file})` : ''} matched nothing; it can go`)
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const verdict = failing === 0 ? 'passed' : 'FAILED'
  say(
    `security scan ${verdict}: ${findings.length} Electronegativity finding(s) in ${parsed.count} files, ${allowed} allowlisted, ${parsed.failures.length} unparsed, ${tls.length} TLS override(s); ${failing} failing (${seconds} s)`,
  )
  process.exit(failing === 0 ? 0 : 1)
}

main().catch((err) => {
  console.error(`security scan FAILED: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
