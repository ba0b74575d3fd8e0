import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSystemClipboard } from '../../electron/platform/clipboard/system-clipboard'
import { createKeyholdCore, type KeyholdCore } from '../../electron/core/keyhold-core'
import { startXvfb } from '../support/xvfb'
import { FIXTURE_KDF, median, PASSWORD, type report } from './fixture'

async function call(core: KeyholdCore, channel: keyof KeyholdCore['handlers'], input?: unknown): Promise<unknown> {
  const result = await core.handlers[channel](input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value
}

/**
 * copy_ms: the copy call until an outside program (xclip) reads the value from the real X11
 * clipboard; clear_drift_ms: how late the timed clear lands after its deadline.
 */
export async function benchClipboard(emit: typeof report): Promise<void> {
  const x = await startXvfb()
  const env = { ...process.env, DISPLAY: x.display }
  const dataDir = mkdtempSync(join(tmpdir(), 'keyhold-bench-clip-'))
  const drifts: number[] = []
  let timedClear: () => void = () => undefined
  const core = createKeyholdCore({
    dataDir,
    kdfParams: FIXTURE_KDF,
    clipboard: createSystemClipboard(env),
    onTimedClear: (late) => {
      drifts.push(late)
      timedClear()
    },
  })
  const read = () =>
    new Promise<string>((resolve) => execFile('xclip', ['-selection', 'clipboard', '-o'], { env, timeout: 3000 }, (err, out) => resolve(err ? '' : out)))
  try {
    await call(core, 'keyhold:vault.create', { password: PASSWORD })
    const secret = 'bench-clipboard-secret-0123456789'
    const { id } = (await call(core, 'keyhold:keys.add', { name: 'Clipboard bench', details: { provider: 'spreeflo', keyName: 'b' }, secret })) as { id: string }
    await call(core, 'keyhold:keys.copy', { id, field: 'secret' }) // connects to the X server
    const runs: number[] = []
    for (let i = 0; i < 20; i++) {
      const started = performance.now()
      await call(core, 'keyhold:keys.copy', { id, field: 'secret' })
      if ((await read()) !== secret) throw new Error('the clipboard did not hold the copied value')
      runs.push(performance.now() - started)
    }
    console.error(`copy → xclip reads it: median ${median(runs).toFixed(1)} ms, max ${Math.max(...runs).toFixed(1)} ms (includes starting xclip)`)
    emit('copy_ms', median(runs), 'ms', 1)

    await call(core, 'keyhold:settings.update', { clipboard: { clearAfterSeconds: 10 } })
    // The clear timer does not hold the process open (unref); this does, while we wait for it.
    const keepAlive = setInterval(() => undefined, 1000)
    for (let run = 0; run < 2; run++) {
      const cleared = new Promise<void>((resolve) => (timedClear = resolve))
      await call(core, 'keyhold:keys.copy', { id, field: 'secret' })
      await cleared
      if ((await read()) !== '') throw new Error('the clipboard was not cleared')
    }
    clearInterval(keepAlive)
    console.error(`timed clears landed ${drifts.map((d) => d.toFixed(0)).join(', ')} ms after their deadline`)
    emit('clear_drift_ms', Math.max(...drifts), 'ms', 0)
  } finally {
    await core.shutdown()
    rmSync(dataDir, { recursive: true, force: true })
    await x.stop()
  }
}
