import { randomUUID } from 'node:crypto'
import { recordsShares, SHARES_MAX, shareWarnings, type ShareRecord } from '../../shared/shares'
import { KeyholdError } from '../errors'
import type { ApiDeps } from './deps'
import type { Implementations } from './handle'

/**
 * Shares made in the provider's own portal (ThreatSTOP's Share Key), recorded on the key: with
 * whom, when, and when they ended. Keyhold shares nothing itself here; it remembers, so the key
 * is shown as "was shared with …" until it is revoked, and says what the provider warns about.
 */
export function sharesApi({ vault, events, providers }: ApiDeps): Implementations<'keyhold:keys.recordShare' | 'keyhold:keys.recordUnshare'> {
  const { registry } = providers
  function descriptorRecordingShares(id: string) {
    const descriptor = registry.get(vault.keys().get(id).provider)
    if (!descriptor || !recordsShares(descriptor)) {
      throw new KeyholdError('INVALID_INPUT', {
        field: 'id',
        message: 'This provider has no sharing of its own for Keyhold to record. Add a key of their own for the other person, or send it as an encrypted Keyhold file.',
      })
    }
    return descriptor
  }
  return {
    'keyhold:keys.recordShare': ({ id, with: recipient }) => {
      const descriptor = descriptorRecordingShares(id)
      const log = vault.activity()
      let share: ShareRecord | undefined
      const key = vault.keys().changeShares(
        id,
        (shares, now) => {
          if (shares.length >= SHARES_MAX) {
            throw new KeyholdError('INVALID_INPUT', { field: 'with', message: `A key keeps at most ${SHARES_MAX} shares. Revoke this key and give the next person a key of their own.` })
          }
          share = { shareId: randomUUID(), with: recipient.trim(), sharedAt: now }
          return [...shares, share]
        },
        () => log.record('shared', id, null, { via: 'provider' }),
      )
      events.emit('keyhold:keys.changed', { ids: [id] })
      return { key, share: share as ShareRecord, warnings: shareWarnings(descriptor, 'share') }
    },
    'keyhold:keys.recordUnshare': ({ id, shareId }) => {
      const descriptor = descriptorRecordingShares(id)
      const log = vault.activity()
      let ended: ShareRecord | undefined
      const key = vault.keys().changeShares(
        id,
        (shares, now) => {
          const found = shares.find((s) => s.shareId === shareId)
          if (!found) throw new KeyholdError('INVALID_INPUT', { field: 'shareId', message: 'This share is not recorded on this key.' })
          if (found.unsharedAt !== undefined) throw new KeyholdError('INVALID_INPUT', { field: 'shareId', message: 'This share was already recorded as ended.' })
          ended = { ...found, unsharedAt: now }
          return shares.map((s) => (s === found ? (ended as ShareRecord) : s))
        },
        () => log.record('unshared', id),
      )
      events.emit('keyhold:keys.changed', { ids: [id] })
      return { key, share: ended as ShareRecord, warnings: shareWarnings(descriptor, 'unshare') }
    },
  }
}
