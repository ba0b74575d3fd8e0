import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { OUTCOMES } from '../../electron/shared/checks'
import type { KeyListEntry } from '../../electron/shared/dto'

const ROOT = join(import.meta.dirname, '..', '..')

describe('npm run demo', () => {
  it('serves a throwaway vault whose keys reach every outcome against the sandboxes, and cleans up', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/demo.ts')], {
      cwd: ROOT,
      env: { ...process.env, CI: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    try {
      const ready = await new Promise<{ url: string; password: string }>((resolve, reject) => {
        let out = ''
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString()
          const line = out.split('\n').find((l) => l.startsWith('KEYHOLD_DEMO_READY '))
          if (line) resolve(JSON.parse(line.slice('KEYHOLD_DEMO_READY '.length)) as { url: string; password: string })
        })
        child.once('exit', (code) => reject(new Error(`demo exited (${code}) before it was ready`)))
      })
      const url = new URL(ready.url)
      const origin = url.origin
      const token = new URLSearchParams(url.hash.slice(1)).get('token')
      const session = await fetch(`${origin}/session`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, Origin: origin } })
      expect(session.status).toBe(200)
      const credential = ((await session.json()) as { value: { session: string } }).value.session
      const api = async (channel: string, input?: unknown) => {
        const res = await fetch(`${origin}/api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: origin, 'X-Keyhold-Session': credential },
          body: JSON.stringify({ input }),
        })
        const body = (await res.json()) as { ok: boolean; value: unknown }
        expect(body.ok).toBe(true)
        return body.value
      }
      await api('keyhold:vault.unlock', { password: ready.password })
      const keys = (await api('keyhold:keys.list')) as KeyListEntry[]
      const outcomes = new Set<string>()
      for (const key of keys) outcomes.add(((await api('keyhold:keys.check', { id: key.id })) as { outcome: string }).outcome)
      expect([...outcomes].sort()).toEqual([...OUTCOMES].sort())

      // Enter in the demo's terminal gives a new address, as the window's pages say it will.
      const printed = new Promise<string>((resolve) => {
        let out = ''
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString()
          const found = /^New address \(the previous one no longer works\): (\S+)$/m.exec(out)
          if (found?.[1]) resolve(found[1])
        })
      })
      child.stdin.write('\n')
      const next = new URL(await printed)
      expect(next.origin).toBe(origin)
      const exchange = (t: string | null) => fetch(`${origin}/session`, { method: 'POST', headers: { Authorization: `Bearer ${t}`, Origin: origin } })
      expect((await exchange(token)).status).toBe(401)
      expect((await exchange(new URLSearchParams(next.hash.slice(1)).get('token'))).status).toBe(200)
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
  })
})
