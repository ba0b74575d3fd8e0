import { editedParts } from '../activity/edited-parts'
import { newKeyFrom, parseDetails, resolveSecret } from '../keys/validate-key'
import type { ApiDeps } from './deps'
import type { Implementations } from './handle'

export function keysApi({ vault, events, captures, providers }: ApiDeps): Implementations<
  'keyhold:keys.list' | 'keyhold:keys.search' | 'keyhold:keys.get' | 'keyhold:keys.add' | 'keyhold:keys.update' | 'keyhold:keys.delete'
> {
  const keysChanged = (ids: readonly string[]) => events.emit('keyhold:keys.changed', { ids })
  const { registry } = providers
  // A pasted secret's capture is logged with the write it went into; it is let go only once stored.
  const logCapture = (captureId: string | undefined, keyId: string) => {
    if (captureId !== undefined) vault.activity().record('captured', keyId, 'secret')
  }
  const release = (captureId: string | undefined) => {
    if (captureId !== undefined) captures.release(captureId)
  }
  function forget(id: string): void {
    try {
      vault.keys().delete(id)
    } catch {
      // Nothing more to undo: the transaction already took the row back.
    }
  }
  return {
    'keyhold:keys.list': () => vault.keys().list(),
    'keyhold:keys.search': ({ query }) => ({ ids: vault.keys().search(query).map((entry) => entry.id) }),
    'keyhold:keys.get': ({ id }) => vault.keys().get(id),
    'keyhold:keys.add': (input) => {
      const keys = vault.keys()
      const log = vault.activity()
      const { key, captureId } = newKeyFrom(input, registry, captures)
      // The key and its "created" entry commit in one transaction. The key's id is made by the
      // store, so its row comes first: if the entry then fails, the rollback takes the row back
      // and `delete` takes the key out of the store's list as well (its row is already gone).
      let added: ReturnType<typeof keys.add> | undefined
      try {
        log.together(() => {
          added = keys.add(key)
          log.record('created', added.id)
          logCapture(captureId, added.id)
        })
      } catch (err) {
        if (added) forget(added.id)
        throw err
      }
      const stored = added as NonNullable<typeof added>
      release(captureId)
      keysChanged([stored.id])
      return stored
    },
    'keyhold:keys.update': ({ id, changes }) => {
      const keys = vault.keys()
      const { secretCaptureId: _c, keepSecretAsIs: _k, trimSecret: _t, details: rawDetails, secret: _s, ...common } = changes
      const details = rawDetails === undefined ? undefined : parseDetails(registry, rawDetails)
      const { secret, captureId } = resolveSecret(changes, captures)
      const update = { id, changes: { ...stripUndefined(common), ...(details ? { details } : {}), ...(secret !== undefined ? { secret } : {}) } }
      const changed = editedParts(keys.get(id), update.changes)
      const log = vault.activity()
      // Entries first, then the write, in one transaction: the store changes its list only once
      // its own write succeeded, so a failure of either leaves the key and the log as they were.
      const updated = log.together(() => {
        if (changed.length > 0) log.record('edited', id, null, { changed })
        logCapture(captureId, id)
        return keys.update(update)
      })
      release(captureId)
      keysChanged([updated.id])
      return updated
    },
    'keyhold:keys.delete': ({ id }) => {
      const keys = vault.keys()
      const log = vault.activity()
      log.together(() => {
        log.record('deleted', id)
        keys.delete(id)
      })
      keysChanged([id])
      return { id }
    },
  }
}

function stripUndefined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never
}
