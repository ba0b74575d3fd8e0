import { spawn } from 'node:child_process'
import { randomInt } from 'node:crypto'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import type { KeyListEntry, RevealResult } from '../../electron/shared/dto'
import { call, testCore } from '../support/core'
import { OTHER_STRONG_PASSWORD, sampleKeys, STRONG_PASSWORD, tempDir } from '../support/fixtures'

const CHILD = join(import.meta.dirname, '..', 'support', 'crash-writer.ts')
const WRITER_ROUNDS = 25
const PASSWORD_ROUNDS = 12

interface Run {
  readonly acks: string[]
  /** Resolves once the child is gone (killed or not) and every line it wrote has been read. */
  readonly gone: Promise<void>
  readonly readyAt: Promise<number>
  onAck(listener: (count: number) => void): void
  kill(): void
}

function startChild(mode: 'write' | 'change-password', dataDir: string, tag: string): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, dataDir, tag], { stdio: ['ignore', 'pipe', 'inherit'] })
  const acks: string[] = []
  const listeners: ((count: number) => void)[] = []
  let markReady: (at: number) => void = () => undefined
  const readyAt = new Promise<number>((resolve) => (markReady = resolve))
  let buffered = ''
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString()
    const lines = buffered.split('\n')
    buffered = lines.pop() ?? ''
    for (const line of lines) {
      if (line === 'ready') markReady(performance.now())
      else if (line.startsWith('ack ')) {
        acks.push(line.slice(4))
        for (const l of listeners) l(acks.length)
      } else if (line.startsWith('failed ')) throw new Error(`the child ${line}`)
    }
  })
  const gone = new Promise<void>((resolve) => child.stdout.once('close', () => resolve()))
  return { acks, gone, readyAt, onAck: (l) => listeners.push(l), kill: () => child.kill('SIGKILL') }
}

function integrityOf(vaultFile: string): string {
  const db = new BetterSqlite3(vaultFile, { readonly: true })
  try {
    return (db.pragma('integrity_check', { simple: true }) as string) ?? ''
  } finally {
    db.close()
  }
}

/** A damaged record has no name: it would fail the comparisons below, as it should. */
const nameOf = (entry: KeyListEntry | undefined): string => (entry && 'name' in entry ? entry.name : '(damaged or missing)')

async function unlockWithEither(core: KeyholdCore): Promise<string> {
  for (const password of [OTHER_STRONG_PASSWORD, STRONG_PASSWORD]) {
    const result = await core.handlers['keyhold:vault.unlock']({ password })
    if (result.ok) return password
  }
  throw new Error('neither password unlocks the vault')
}

describe('kill -9 at random moments (SECURITY.md battery)', () => {
  it(`loses no acknowledged write over ${WRITER_ROUNDS} rounds, and the file passes integrity_check after each`, async () => {
    const dir = tempDir()
    const acknowledged = new Map<string, { secret: string; nameAtLeast: number }>()
    let killedAfter = 0
    try {
      for (let round = 0; round < WRITER_ROUNDS; round++) {
        const run = startChild('write', dir.path, `r${round}`)
        // A random number of answers, then a random few milliseconds more: the kill lands between
        // writes, inside one, or inside a commit.
        const target = randomInt(1, 25)
        run.onAck((count) => {
          if (count === target) setTimeout(() => run.kill(), randomInt(0, 4))
        })
        await run.gone
        killedAfter += run.acks.length
        for (const ack of run.acks) {
          const [kind, id, ...rest] = ack.split(' ') as [string, string, ...string[]]
          const index = Number(rest.at(-1)?.split('-').at(-1))
          if (kind === 'add') acknowledged.set(id, { secret: rest.join(' '), nameAtLeast: index })
          else acknowledged.set(id, { ...(acknowledged.get(id) as { secret: string }), nameAtLeast: index })
        }

        expect(integrityOf(join(dir.path, 'vault.keyhold')), `round ${round}`).toBe('ok')
        const core = testCore(dir.path)
        try {
          await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
          const listed = new Map((await call(core, 'keyhold:keys.list')).map((k: KeyListEntry) => [k.id, k]))
          for (const [id, { secret, nameAtLeast }] of acknowledged) {
            const entry = listed.get(id)
            expect(entry, `round ${round}: acknowledged key ${id} is missing`).toBeDefined()
            // The name is the last acknowledged one, or one written after it whose answer the kill cut off.
            expect(Number(nameOf(entry).split('-').at(-1)), `round ${round}: ${id}'s rename was lost`).toBeGreaterThanOrEqual(nameAtLeast)
            const shown = (await call(core, 'keyhold:keys.reveal', { id, field: 'secret' })) as RevealResult
            expect(shown.value).toBe(secret)
          }
        } finally {
          await core.shutdown()
        }
      }
      // The figure for the note: how many answers the kills came after in all.
      process.stdout.write(`battery kill -9 writer: ${WRITER_ROUNDS} rounds, ${killedAfter} acknowledged writes, ${acknowledged.size} keys, 0 lost\n`)
    } finally {
      dir.remove()
    }
  }, 300_000)

  it(`a change of password killed at any moment leaves exactly one password that opens every key (${PASSWORD_ROUNDS} rounds)`, async () => {
    let changeMs = 0
    let killedBeforeAck = 0
    for (let round = 0; round < PASSWORD_ROUNDS; round++) {
      const dir = tempDir()
      try {
        const setup = testCore(dir.path)
        await call(setup, 'keyhold:vault.create', { password: STRONG_PASSWORD })
        const keys = sampleKeys(`cp${round}`)
        for (const k of keys) await call(setup, 'keyhold:keys.add', k)
        await setup.shutdown()

        const run = startChild('change-password', dir.path, `cp${round}`)
        const ready = await run.readyAt
        if (round === 0) {
          // The first round runs to the end: how long a change takes sets the window the kills land in.
          await new Promise<void>((resolve) => run.onAck(() => resolve()))
          changeMs = performance.now() - ready
          run.kill()
        } else {
          setTimeout(() => run.kill(), randomInt(0, Math.max(2, Math.ceil(changeMs * 1.3))))
        }
        await run.gone
        const changed = run.acks.includes('changed')
        if (!changed) killedBeforeAck += 1

        expect(integrityOf(join(dir.path, 'vault.keyhold'))).toBe('ok')
        const core = testCore(dir.path)
        try {
          const opened = await unlockWithEither(core)
          if (changed) expect(opened, `round ${round}: the acknowledged new password was lost`).toBe(OTHER_STRONG_PASSWORD)
          const listed = await call(core, 'keyhold:keys.list')
          expect(listed.map(nameOf).sort()).toEqual(keys.map((k) => k.name).sort())
          for (const entry of listed) {
            const shown = (await call(core, 'keyhold:keys.reveal', { id: entry.id, field: 'secret' })) as RevealResult
            expect(shown.value).toBe(keys.find((k) => k.name === nameOf(entry))?.secret)
          }
        } finally {
          await core.shutdown()
        }
      } finally {
        dir.remove()
      }
    }
    process.stdout.write(`battery kill -9 change-password: ${PASSWORD_ROUNDS} rounds (a change takes ${changeMs.toFixed(0)} ms), ${killedBeforeAck} killed before the answer, 0 unusable\n`)
  }, 300_000)
})
