/**
 * A Keyhold core in a child process that a test kills with SIGKILL at a random moment. It says on
 * stdout what it has been told succeeded ("ack …"), one line per answer, and only after the
 * answer: on Linux a pipe write is synchronous, so a line the parent read was acknowledged before
 * the kill. Run as `node --import tsx crash-writer.ts <mode> <dataDir> <tag>`.
 *
 * - `write`: creates or unlocks the vault, then adds and renames keys without end.
 * - `change-password`: unlocks with the first password and changes it to the second.
 */
import { createKeyholdCore } from '../../electron/core/keyhold-core'
import type { MethodChannel } from '../../electron/shared/channels'
import type { KeyDetail } from '../../electron/shared/dto'
import type { Result } from '../../electron/shared/result'
import { FAST_KDF, OTHER_STRONG_PASSWORD, STRONG_PASSWORD } from './fixtures'
import { MemoryClipboard } from './memory-clipboard'

const [mode, dataDir, tag] = process.argv.slice(2) as [string, string, string]
const core = createKeyholdCore({ dataDir, kdfParams: FAST_KDF, sleep: async () => undefined, clipboard: new MemoryClipboard() })

async function ask<T>(channel: MethodChannel, input?: unknown): Promise<T> {
  const result = (await core.handlers[channel](input)) as Result<T>
  if (!result.ok) throw new Error(`${channel} answered ${result.error.code}`)
  return result.value
}
const say = (line: string) => process.stdout.write(`${line}\n`)

async function write(): Promise<never> {
  const status = await ask<{ state: string }>('keyhold:vault.status')
  if (status.state === 'absent') await ask('keyhold:vault.create', { password: STRONG_PASSWORD })
  else await ask('keyhold:vault.unlock', { password: STRONG_PASSWORD })
  say('ready')
  const ids: string[] = []
  for (let i = 0; ; i++) {
    if (i % 3 === 2 && ids.length > 0) {
      const id = ids[i % ids.length] as string
      const name = `renamed ${tag}-${i}`
      await ask<KeyDetail>('keyhold:keys.update', { id, changes: { name } })
      say(`ack rename ${id} ${name}`)
    } else {
      const secret = `KILL9-${tag}-${i}`
      const added = await ask<KeyDetail>('keyhold:keys.add', { name: `key ${tag}-${i}`, details: { provider: 'spreeflo', keyName: `k${i}` }, secret })
      ids.push(added.id)
      say(`ack add ${added.id} ${secret}`)
    }
  }
}

async function changePassword(): Promise<void> {
  await ask('keyhold:vault.unlock', { password: STRONG_PASSWORD })
  say('ready')
  await ask('keyhold:vault.changePassword', { currentPassword: STRONG_PASSWORD, newPassword: OTHER_STRONG_PASSWORD })
  say('ack changed')
  await new Promise(() => undefined)
}

;(mode === 'write' ? write() : changePassword()).catch((err: unknown) => {
  say(`failed ${err instanceof Error ? err.message : 'unknown'}`)
  process.exit(3)
})
