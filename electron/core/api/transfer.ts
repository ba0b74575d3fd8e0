import type { ImportPreview } from '../../shared/transfer'
import { KeyholdError } from '../errors'
import type { NewKey } from '../keys/key-input'
import { ImportPreviews } from '../transfer/import-previews'
import { planImport, type ImportPlan, type VaultKey } from '../transfer/plan'
import { readSource } from '../transfer/read-source'
import { sealExport } from '../transfer/vault-export'
import { assessPassword } from '../vault/password-policy'
import type { ApiDeps } from './deps'
import type { Implementations } from './handle'

/**
 * Moving keys in and out (DESIGN.md, "Files in and out"): an import previewed before anything is
 * written, then applied in one transaction; a whole-vault export sealed by age with a passphrase.
 */
export function transferApi({ vault, events, files, providers, exportWorkFactor }: ApiDeps): Implementations<'keyhold:import.preview' | 'keyhold:import.apply' | 'keyhold:vault.export'> {
  const previews = new ImportPreviews(vault.lifecycle)

  /** Every key in use, with its secret: what an import is compared with and an export holds. */
  function keysInUse(): { id: string; key: NewKey }[] {
    const keys = vault.keys()
    return keys
      .list()
      .filter((e) => !e.damaged && e.revokedAt === null && e.hasSecret)
      .flatMap((e) => {
        const d = keys.get(e.id)
        let secret: string
        try {
          secret = keys.readSecret(e.id)
        } catch (err) {
          // A record that no longer opens is shown as damaged in the list; it cannot be carried.
          if (err instanceof KeyholdError && err.code === 'KEY_DAMAGED') return []
          throw err
        }
        return [{ id: e.id, key: { name: d.name, account: d.account, notes: d.notes, tags: d.tags, expiresOn: d.expiresOn, details: d.details, secret } }]
      })
  }
  const vaultKeys = (): VaultKey[] => keysInUse().map(({ id, key }) => ({ id, provider: key.details.provider, ...key }))

  return {
    'keyhold:import.preview': async ({ fileId, passphrase, columns }): Promise<ImportPreview> => {
      vault.keys() // locked: refused before the file is taken
      const file = previews.file(fileId, () => files.take(fileId))
      const read = await readSource(file, { passphrase, columns })
      const plan = planImport(read, providers, vaultKeys())
      const previewId = previews.hold(fileId, read)
      return {
        previewId,
        source: plan.source,
        rows: plan.rows,
        counts: countsOf(plan),
        ...(read.csv ? { csv: { headers: read.csv.headers, mapping: read.csv.mapping } } : {}),
      }
    },
    'keyhold:import.apply': ({ previewId }) => {
      const keys = vault.keys()
      const log = vault.activity()
      const read = previews.take(previewId)
      // Planned again against the vault as it is now: a key added since the preview is not added twice.
      const plan = planImport(read, providers, vaultKeys())
      const from = plan.source
      let added: ReturnType<typeof keys.addMany> = []
      const updated: ReturnType<typeof keys.get>[] = []
      try {
        log.together(() => {
          added = keys.addMany(plan.add)
          for (const u of plan.update) {
            const before = keys.get(u.id)
            keys.update(u)
            updated.push(before)
          }
          log.recordAll([
            ...added.map((k) => ({ kind: 'imported' as const, keyId: k.id, field: null, detail: { from, result: 'added' as const } })),
            ...plan.update.map((u) => ({ kind: 'imported' as const, keyId: u.id, field: null, detail: { from, result: 'updated' as const } })),
          ])
        })
      } catch (err) {
        // The transaction took the rows back; the store's list forgets the keys it had added and
        // shows the updated ones as they were (rewriting what their rows already hold again).
        for (const k of added) {
          try {
            keys.delete(k.id)
          } catch {
            // Already gone with the rollback.
          }
        }
        for (const k of updated) {
          try {
            keys.update({ id: k.id, changes: { account: k.account, notes: k.notes, tags: k.tags, expiresOn: k.expiresOn } })
          } catch {
            // The store cannot write now; its next unlock reads the rows as the rollback left them.
          }
        }
        throw err
      }
      const ids = [...added.map((k) => k.id), ...plan.update.map((u) => u.id)]
      if (ids.length > 0) events.emit('keyhold:keys.changed', { ids })
      const counts = countsOf(plan)
      return { added: counts.add, updated: counts.update, skipped: counts.skip }
    },
    'keyhold:vault.export': async ({ passphrase }) => {
      vault.keys()
      const assessment = await assessPassword(passphrase)
      if (!assessment.acceptable) {
        throw new KeyholdError('WEAK_PASSWORD', { field: 'passphrase', message: `Choose a stronger passphrase for the export: it guards every key in the file. ${assessment.reason}` })
      }
      const now = new Date()
      const bytes = await sealExport(
        keysInUse().map(({ key }) => key),
        passphrase,
        now,
        exportWorkFactor,
      )
      // Recorded first: a vault that locked while age worked refuses here, and nothing is offered
      // after the lock let every held file go.
      vault.activity().record('exported', null)
      return files.offer(`keyhold-export-${now.toISOString().slice(0, 10)}.keyhold-export`, bytes, 'application/octet-stream')
    },
  }
}

function countsOf(plan: ImportPlan) {
  return { add: plan.add.length, update: plan.update.length, skip: plan.rows.filter((r) => r.action === 'skip').length }
}
