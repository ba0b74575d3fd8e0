import type { ProviderDetailsValue } from '../../shared/dto'
import { shareCodeFingerprint, type SharePreview } from '../../shared/sharing'
import { KeyholdError } from '../errors'
import type { KeyStore } from '../keys/key-store'
import { parseDetails, validateNewKey } from '../keys/validate-key'
import { decryptShareFile, encryptToCode, encryptToPassphrase, generateSharePassphrase, parseShareCode, shareFileName } from '../sharing/share-file'
import { parseSharePayload, sharePayload, type SharePayload } from '../sharing/share-payload'
import { SharePreviews } from '../sharing/share-previews'
import type { ApiDeps } from './deps'
import type { Implementations } from './handle'

const SHARE_MIME = 'application/octet-stream'

/**
 * Vault to vault (DESIGN.md, "Lifecycle flows" → Share): one key in an age file for one
 * recipient — their sharing code or a passphrase Keyhold makes — and, on the other side, the
 * file opened, shown and added. The plaintext exists only inside these calls.
 */
export function shareApi({ vault, events, files, providers }: ApiDeps): Implementations<'keyhold:share.code' | 'keyhold:share.makeFile' | 'keyhold:share.open' | 'keyhold:share.accept'> {
  const previews = new SharePreviews(vault.lifecycle)
  const { registry } = providers
  return {
    'keyhold:share.code': async () => {
      const code = await vault.sharing().code()
      return { code, fingerprint: await shareCodeFingerprint(code) }
    },
    'keyhold:share.makeFile': async ({ id, to }) => {
      const keys = vault.keys()
      keys.assertNotRevoked(id)
      const key = keys.get(id)
      const code = 'code' in to ? parseShareCode(to.code) : undefined
      const passphrase = code === undefined ? generateSharePassphrase() : undefined
      const plaintext = Buffer.from(JSON.stringify(sharePayload(key, keys.readSecret(id), Date.now())), 'utf8')
      let sealed: Uint8Array
      try {
        sealed = code !== undefined ? await encryptToCode(code, plaintext) : await encryptToPassphrase(passphrase as string, plaintext)
      } finally {
        plaintext.fill(0)
      }
      // Logged before the file is handed over: a share that is not in the timeline never leaves.
      vault.activity().record('shared', id, null, { via: 'share-file' })
      const file = files.offer(shareFileName(key.name), Buffer.from(sealed), SHARE_MIME)
      // The key's timeline (in the window) reloads on this.
      events.emit('keyhold:keys.changed', { ids: [id] })
      return code !== undefined ? { file, fingerprint: await shareCodeFingerprint(code) } : { file, passphrase: passphrase as string }
    },
    'keyhold:share.open': async ({ fileId, passphrase }) => {
      // Asked before the file is taken, so a locked vault does not use up the person's choice.
      const identity = vault.sharing().read()
      // A passphrase file already chosen stays held through a mistyped passphrase; any other is used once.
      const locked = previews.lockedFile(fileId)
      const file = locked ?? files.take(fileId)
      let plaintext: Uint8Array | undefined
      try {
        const opened = await decryptShareFile(file.bytes, identity, passphrase)
        if (opened.needsPassphrase) return { needsPassphrase: true, fileId: locked ? fileId : previews.holdLocked(file.name, file.bytes) }
        plaintext = opened.plaintext
        const payload = parseSharePayload(plaintext)
        if (!payload) throw new KeyholdError('SHARE_FILE_DAMAGED')
        const details = detailsOf(payload)
        // Before the hold: a vault that locked while the file was decrypted keeps nothing held.
        const existing = sameKey(vault.keys(), payload)
        const previewId = previews.hold(payload)
        done()
        return { needsPassphrase: false, previewId, preview: previewOf(payload, details, existing) }
      } catch (err) {
        const retry = locked !== undefined && err instanceof KeyholdError && err.code === 'SHARE_FILE_NOT_FOR_YOU'
        if (!retry) done()
        throw err
      } finally {
        plaintext?.fill(0)
      }
      function done(): void {
        if (locked) previews.dropLocked(fileId)
        else file.bytes.fill(0)
      }
    },
    'keyhold:share.accept': ({ previewId, name }) => {
      const keys = vault.keys()
      const log = vault.activity()
      const payload = previews.take(previewId)
      const existing = sameKey(keys, payload)
      if (existing !== null) return { added: false, key: keys.get(existing) }
      const { secret, ...shown } = payload.key
      let key: ReturnType<typeof validateNewKey>
      try {
        // The sender's vault held the secret exactly so; it is kept as given.
        key = validateNewKey({ ...shown, name: name ?? shown.name, secret, keepSecretAsIs: true }, registry)
      } catch (err) {
        previews.putBack(previewId, payload)
        throw err
      }
      let added: ReturnType<KeyStore['add']> | undefined
      try {
        log.together(() => {
          added = keys.add(key)
          log.record('imported', added.id, null, { from: 'share-file', result: 'added' })
        })
      } catch (err) {
        if (added) forget(keys, added.id)
        previews.putBack(previewId, payload)
        throw err
      }
      const stored = added as NonNullable<typeof added>
      events.emit('keyhold:keys.changed', { ids: [stored.id] })
      return { added: true, key: stored }
    },
  }

  /** The provider's own fields, checked as an added key's would be; a provider this Keyhold lacks is said plainly. */
  function detailsOf(payload: SharePayload): ProviderDetailsValue {
    if (!registry.get(payload.key.details.provider)) {
      throw new KeyholdError('INVALID_INPUT', { message: 'This share file holds a key for a provider this Keyhold does not know. Update Keyhold, then open it again. Nothing was added.' })
    }
    try {
      return parseDetails(registry, payload.key.details)
    } catch {
      throw new KeyholdError('SHARE_FILE_DAMAGED')
    }
  }
}

/** A key already in the vault with the same provider and secret: the share is that key, not a new one. */
function sameKey(keys: KeyStore, payload: SharePayload): string | null {
  const { provider } = payload.key.details
  for (const entry of keys.list()) {
    if (entry.damaged || entry.provider !== provider || entry.revokedAt !== null || !entry.hasSecret) continue
    try {
      if (keys.readSecret(entry.id) === payload.key.secret) return entry.id
    } catch {
      // A key whose secret cannot be read is not the one shared.
    }
  }
  return null
}

function previewOf(payload: SharePayload, details: ProviderDetailsValue, existingKeyId: string | null): SharePreview {
  const { name, account, tags, expiresOn } = payload.key
  return { provider: details.provider, name, account, tags, expiresOn, details, sharedAt: payload.sharedAt, existingKeyId }
}

function forget(keys: KeyStore, id: string): void {
  try {
    keys.delete(id)
  } catch {
    // The rollback already took the row back.
  }
}
