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
      stdio: ['ignore', 'pipe', 'pipe'],
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
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
  })
})
