import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSystemClipboard } from '../../electron/platform/clipboard/system-clipboard'
import { createKeyholdCore, type KeyholdCore } from '../../electron/core/keyhold-core'
import type { CheckRunFinished, NewKeyInput } from '../../electron/shared/dto'
import { controlSandbox, SANDBOXES_READY_PREFIX, type SandboxControl } from '../sandbox'
import { FIXTURE_KDF, median, PASSWORD, type report } from './fixture'

type Report = typeof report

async function call(core: KeyholdCore, channel: keyof KeyholdCore['handlers'], input?: unknown): Promise<unknown> {
  const result = await core.handlers[channel](input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value
}

/**
 * The sandboxes run in a process of their own, as real providers would: sharing this process's
 * event loop with core would bill their work to the checks being measured.
 */
interface RemoteSandboxes {
  readonly threadeo: SandboxControl & { url: string }
  readonly threatstop: SandboxControl & { url: string }
  readonly spreeflo: SandboxControl & { url: string }
  close(): Promise<void>
}

async function startRemoteSandboxes(): Promise<RemoteSandboxes> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', 'sandbox', 'cli.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const urls = await new Promise<Record<string, string>>((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const line = out.split('\n').find((l) => l.startsWith(SANDBOXES_READY_PREFIX))
      if (line) resolve(JSON.parse(line.slice(SANDBOXES_READY_PREFIX.length)) as Record<string, string>)
    })
    child.once('exit', (code) => reject(new Error(`sandboxes exited (${code})`)))
  })
  const remote = (name: string) => ({ ...controlSandbox(urls[name] as string), url: urls[name] as string })
  return {
    threadeo: remote('threadeo'),
    threatstop: remote('threatstop'),
    spreeflo: remote('spreeflo'),
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    },
  }
}

async function vaultOn(sandboxes: RemoteSandboxes): Promise<{ core: KeyholdCore; cleanup: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'keyhold-bench-checks-'))
  const core = createKeyholdCore({ dataDir, kdfParams: FIXTURE_KDF, clipboard: createSystemClipboard() })
  await call(core, 'keyhold:vault.create', { password: PASSWORD })
  await call(core, 'keyhold:settings.update', {
    providers: { threadeo: { baseUrl: `${sandboxes.threadeo.url}/t/{tenant}` }, threatstop: { baseUrl: sandboxes.threatstop.url }, spreeflo: { baseUrl: sandboxes.spreeflo.url } },
  })
  return {
    core,
    cleanup: async () => {
      await core.shutdown()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** `count` working keys spread over the three provider sandboxes, known to each sandbox. */
async function keysOver(sandboxes: RemoteSandboxes, count: number, tag: string): Promise<NewKeyInput[]> {
  const keys: NewKeyInput[] = []
  for (let i = 0; i < count; i++) {
    const secret = `bench-${tag}-${i}`
    if (i % 3 === 0) {
      // Threadeo allows two active tokens per API key.
      const apiKey = `TD-${tag}-${Math.floor(i / 6)}`
      await sandboxes.threadeo.addKey({ secret, apiKey, tenant: 'acme' })
      keys.push({ name: `Threadeo ${i}`, details: { provider: 'threadeo', tenant: 'acme', apiKey }, secret })
    } else if (i % 3 === 1) {
      await sandboxes.threatstop.addKey({ secret })
      keys.push({ name: `ThreatSTOP ${i}`, details: { provider: 'threatstop', service: 'devices' }, secret })
    } else {
      await sandboxes.spreeflo.addKey({ secret })
      keys.push({ name: `Spreeflo ${i}`, details: { provider: 'spreeflo', keyName: `k${i}` }, secret })
    }
  }
  return keys
}

async function checkAll(core: KeyholdCore): Promise<{ ms: number; finished: CheckRunFinished }> {
  const finished = new Promise<CheckRunFinished>((resolve) =>
    core.events.subscribe((event, payload) => {
      if (event === 'keyhold:checks.finished') resolve(payload as CheckRunFinished)
    }),
  )
  const started = performance.now()
  await call(core, 'keyhold:checks.start', {})
  const end = await finished
  return { ms: performance.now() - started, finished: end }
}


export async function benchChecks(report: Report): Promise<void> {
  const sandboxes = await startRemoteSandboxes()
  const providers = [sandboxes.threadeo, sandboxes.threatstop, sandboxes.spreeflo]
  try {
    // check_one_ms: decrypt, request, classify and store, against a sandbox that answers at once.
    {
      const { core, cleanup } = await vaultOn(sandboxes)
      const [key] = (await keysOver(sandboxes, 3, 'one')).slice(2)
      const { id } = (await call(core, 'keyhold:keys.add', key)) as { id: string }
      for (let i = 0; i < 5; i++) await call(core, 'keyhold:keys.check', { id })
      const runs: number[] = []
      for (let i = 0; i < 40; i++) {
        const started = performance.now()
        await call(core, 'keyhold:keys.check', { id })
        runs.push(performance.now() - started)
      }
      console.error(`check one: min ${Math.min(...runs).toFixed(2)} ms, median ${median(runs).toFixed(2)} ms`)
      report('check_one_ms', median(runs), 'ms', 2)
      await cleanup()
    }

    // checkall_1000_ratio: 1,000 keys, 100 ms per answer, 4 in flight per host × 3 hosts.
    {
      const { core, cleanup } = await vaultOn(sandboxes)
      const keys = await keysOver(sandboxes, 1000, 'all')
      for (const key of keys) await call(core, 'keyhold:keys.add', key)
      for (const s of providers) await s.setFaults([{ fault: { kind: 'latency', ms: 100 } }])
      const { ms, finished } = await checkAll(core)
      for (const s of providers) await s.setFaults([])
      const ideal = (1000 * 100) / 12
      console.error(`check all 1000: ${ms.toFixed(0)} ms (ideal ${ideal.toFixed(0)} ms): ${finished.summary}`)
      report('checkall_1000_ratio', ms / ideal, 'ratio', 3)
      await cleanup()
    }

    // checkall_429_unknown: every key's first request is answered 429 with Retry-After: 1.
    {
      const { core, cleanup } = await vaultOn(sandboxes)
      const keys = await keysOver(sandboxes, 300, 'rl')
      for (const key of keys) await call(core, 'keyhold:keys.add', key)
      for (const s of providers) await s.setFaults([{ fault: { kind: 'status', status: 429, retryAfter: '1' }, times: 1, perKey: true }])
      const { ms, finished } = await checkAll(core)
      for (const s of providers) await s.setFaults([])
      console.error(`check all 300 behind 429s: ${ms.toFixed(0)} ms: ${finished.summary}`)
      report('checkall_429_unknown', finished.counts.unknown, 'keys', 0)
      await cleanup()
    }
  } finally {
    await sandboxes.close()
  }
}
