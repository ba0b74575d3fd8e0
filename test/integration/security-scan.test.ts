import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

// The gate as CI runs it: the real script and Electronegativity, over this checkout or a copy of it.
const project = join(import.meta.dirname, '..', '..')
const script = join(project, 'scripts', 'security-scan.mjs')
const allowlistOf = (root: string) => join(root, 'scripts', 'security-scan-allowlist.json')

function scan(root: string) {
  const run = spawnSync(process.execPath, [script, root], { encoding: 'utf8' })
  return { status: run.status, out: `${run.stdout}${run.stderr}` }
}

const copies: string[] = []
function copyOfCheckout(): string {
  const root = mkdtempSync(join(tmpdir(), 'keyhold-scan-copy-'))
  copies.push(root)
  for (const dir of ['electron', 'renderer', 'scripts']) cpSync(join(project, dir), join(root, dir), { recursive: true })
  return root
}

afterEach(() => {
  for (const root of copies.splice(0)) rmSync(root, { recursive: true, force: true })
})

describe('the security scan and its allowlist file', () => {
  it('passes on this checkout, naming each allowed finding with its reason', () => {
    const { status, out } = scan(project)
    expect(status, out).toBe(0)
    const { entries } = JSON.parse(readFileSync(allowlistOf(project), 'utf8')) as { entries: { rule: string; why: string }[] }
    for (const entry of entries) expect(out).toContain(`${entry.rule}`)
    for (const entry of entries) expect(out).toContain(entry.why)
    expect(out).not.toContain('matched nothing')
  })

  it('fails when the allowlist is emptied: each entry stands for a real finding', () => {
    const root = copyOfCheckout()
    writeFileSync(allowlistOf(root), JSON.stringify({ entries: [] }))
    const { status, out } = scan(root)
    expect(status).toBe(1)
    expect(out).toMatch(/FAIL {5}CSP_GLOBAL_CHECK/)
    expect(out).toMatch(/FAIL {5}OPEN_EXTERNAL_JS_CHECK \(note\) electron\/main\/navigation\.ts/)
  })

  it('refuses an entry that gives no reason', () => {
    const root = copyOfCheckout()
    const list = JSON.parse(readFileSync(allowlistOf(root), 'utf8')) as { entries: { why?: string }[] }
    const [first, ...rest] = list.entries
    writeFileSync(allowlistOf(root), JSON.stringify({ entries: [{ ...first, why: undefined }, ...rest] }))
    const { status, out } = scan(root)
    expect(status).toBe(1)
    expect(out).toContain('gives no reason')
  })

  it('fails on a TLS override anywhere in electron/ or renderer/, allowlist or not', () => {
    const root = copyOfCheckout()
    writeFileSync(join(root, 'renderer', 'src', 'careless.ts'), 'export const agent = { rejectUnauthorized: false }\n')
    const { status, out } = scan(root)
    expect(status).toBe(1)
    expect(out).toMatch(/FAIL {5}TLS renderer\/src\/careless\.ts:1/)
  })
})
