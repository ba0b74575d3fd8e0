import { newKeyFrom, parseDetails, resolveSecret } from '../keys/validate-key'
import type { ApiDeps } from './deps'
import type { Implementations } from './handle'

export function keysApi({ vault, events, captures, providers }: ApiDeps): Implementations<
  'keyhold:keys.list' | 'keyhold:keys.search' | 'keyhold:keys.get' | 'keyhold:keys.add' | 'keyhold:keys.update' | 'keyhold:keys.delete'
> {
  const keysChanged = (ids: readonly string[]) => events.emit('keyhold:keys.changed', { ids })
  const { registry } = providers
  const afterCapture = (captureId: string | undefined, keyId: string) => {
    if (captureId === undefined) return
    captures.release(captureId)
    vault.activity().record('captured', keyId, 'secret')
  }
  return {
    'keyhold:keys.list': () => vault.keys().list(),
    'keyhold:keys.search': ({ query }) => ({ ids: vault.keys().search(query).map((entry) => entry.id) }),
    'keyhold:keys.get': ({ id }) => vault.keys().get(id),
    'keyhold:keys.add': (input) => {
      const keys = vault.keys()
      const { key, captureId } = newKeyFrom(input, registry, captures)
      const added = keys.add(key)
      afterCapture(captureId, added.id)
      keysChanged([added.id])
      return added
    },
    'keyhold:keys.update': ({ id, changes }) => {
      const keys = vault.keys()
      const { secretCaptureId: _c, keepSecretAsIs: _k, trimSecret: _t, details: rawDetails, secret: _s, ...common } = changes
      const details = rawDetails === undefined ? undefined : parseDetails(registry, rawDetails)
      const { secret, captureId } = resolveSecret(changes, captures)
      const updated = keys.update({
        id,
        changes: { ...stripUndefined(common), ...(details ? { details } : {}), ...(secret !== undefined ? { secret } : {}) },
      })
      afterCapture(captureId, updated.id)
      keysChanged([updated.id])
      return updated
    },
    'keyhold:keys.delete': ({ id }) => {
      vault.keys().delete(id)
      keysChanged([id])
      return { id }
    },
  }
}

function stripUndefined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never
}
