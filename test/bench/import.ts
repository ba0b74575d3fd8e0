import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { createKeyholdCore, type KeyholdCore } from '../../electron/core/keyhold-core'
import type { NewKey } from '../../electron/core/keys/key-input'
import { MemoryClipboard } from '../support/memory-clipboard'
import { FIXTURE_KDF, median, PASSWORD, type report } from './fixture'

async function call(core: KeyholdCore, channel: keyof KeyholdCore['handlers'], input?: unknown): Promise<unknown> {
  const result = await core.handlers[channel](input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value
}

/** The fixture's keys as a spreadsheet exports them: name, key, address, account, notes (quoted where needed). */
export function spreadsheetOf(keys: readonly NewKey[]): Buffer {
  const rows = keys.map((k, i) => [k.name, k.secret, `https://api-${i % 500}.example.com/v1`, k.account, k.notes])
  return Buffer.from(`\uFEFF${Papa.unparse({ fields: ['Name', 'API key', 'URL', 'Username', 'Notes'], data: rows })}`, 'utf8')
}

/**
 * import_10k_ms: a 10,000-row CSV from the file being handed over to the import's report —
 * import.preview (parse, recognise, validate, compare with the vault) and import.apply (one
 * transaction) — into an empty vault, three times, each into a fresh one.
 */
export async function benchImport(emit: typeof report, keys: readonly NewKey[]): Promise<void> {
  const csv = spreadsheetOf(keys)
  const runs: number[] = []
  for (let i = 0; i < 3; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'keyhold-bench-import-'))
    const core = createKeyholdCore({ dataDir, kdfParams: FIXTURE_KDF, clipboard: new MemoryClipboard() })
    try {
      await call(core, 'keyhold:vault.create', { password: PASSWORD })
      const { fileId } = core.files.receive('keys.csv', Buffer.from(csv))
      globalThis.gc?.()
      const start = performance.now()
      const preview = (await call(core, 'keyhold:import.preview', { fileId })) as { previewId: string; counts: { add: number } }
      const result = (await call(core, 'keyhold:import.apply', { previewId: preview.previewId })) as { added: number }
      runs.push(performance.now() - start)
      if (result.added !== keys.length) throw new Error(`imported ${result.added} of ${keys.length}`)
    } finally {
      await core.shutdown()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
  console.error(`import preview+apply runs: ${runs.map((r) => r.toFixed(1)).join(', ')} ms`)
  emit('import_10k_ms', median(runs), 'ms', 1)
}
