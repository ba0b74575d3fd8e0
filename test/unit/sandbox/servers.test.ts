import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { CATCHER_HOST, SANDBOXES_READY_PREFIX, startCatcher, startSandbox, startSandboxes } from '../../sandbox'
import { bodyOf } from './helpers'

describe('loopback only', () => {
  it.each(['0.0.0.0', '10.0.0.1', 'localhost', '::1', '::', '128.0.0.1'])('refuses to bind a sandbox to %s', async (host) => {
    await expect(startSandbox('custom', { host })).rejects.toThrow(/127\.0\.0\.0\/8/)
  })

  it('refuses a catcher off loopback, and a catcher URL that is not on loopback', async () => {
    await expect(startCatcher({ host: '0.0.0.0' })).rejects.toThrow(/127\.0\.0\.0\/8/)
    await expect(startSandbox('custom', { catcherUrl: 'http://example.com' })).rejects.toThrow(/127\.0\.0\.0\/8/)
  })

  it('binds to another loopback address when asked', async () => {
    const sandbox = await startSandbox('spreeflo', { host: '127.0.0.3' })
    try {
      expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.3:\d+\/v1$/)
      expect((await fetch(`${sandbox.url}/ping`)).status).toBe(401)
    } finally {
      await sandbox.close()
    }
  })
})

describe('startSandboxes', () => {
  it('starts every provider on 127.0.0.1 and the catcher on 127.0.0.2, redirects aimed at the catcher', async () => {
    const all = await startSandboxes()
    try {
      expect(new URL(all.catcher.url).hostname).toBe(CATCHER_HOST)
      expect(all.urls()).toEqual({
        threadeo: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
        threatstop: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/v4\.0$/),
        spreeflo: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/v1$/),
        custom: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/api$/),
        catcher: all.catcher.url,
      })
      for (const sandbox of [all.threadeo, all.threatstop, all.spreeflo, all.custom]) {
        sandbox.setFaults([{ fault: { kind: 'redirect' } }])
        const res = await fetch(sandbox.url, { redirect: 'manual', headers: { 'x-api-key': `leak-${sandbox.provider}` } })
        expect(res.headers.get('location')).toBe(`${all.catcher.url}/caught`)
      }
      // Following by hand without credentials: the catcher sees the request and no key.
      await fetch(`${all.catcher.url}/caught`)
      expect(all.catcher.received.map((r) => r.headers['x-api-key'])).toEqual([undefined])
    } finally {
      await all.close()
    }
  })
})

describe('sandbox CLI', () => {
  it('prints one KEYHOLD_SANDBOXES line of URLs, serves them, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/sandbox/cli.ts'], { stdio: ['ignore', 'pipe', 'inherit'] })
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve)
        child.once('exit', () => reject(new Error('the CLI exited before printing its URLs')))
      })
      expect(line.startsWith(SANDBOXES_READY_PREFIX)).toBe(true)
      const urls = JSON.parse(line.slice(SANDBOXES_READY_PREFIX.length)) as Record<string, string>
      expect(Object.keys(urls).sort()).toEqual(['catcher', 'custom', 'spreeflo', 'threadeo', 'threatstop'])
      const info = await bodyOf(await fetch(new URL('/__sandbox/info', urls.threatstop)))
      expect(info).toMatchObject({ provider: 'threatstop', url: urls.threatstop })
      expect(await bodyOf(await fetch(`${urls.catcher}/x`))).toEqual({ caught: true })
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
  })
})
