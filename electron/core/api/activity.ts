import type { ActivityItem } from '../../shared/activity'
import type { ApiDeps } from './deps'
import type { Implementations } from './handle'

/** Entries one call answers when it names no limit: a screenful of a timeline. */
const DEFAULT_LIMIT = 100

export function activityApi({ vault }: ApiDeps): Implementations<'keyhold:activity.list'> {
  return {
    'keyhold:activity.list': ({ keyId, kinds, limit, before }) => {
      const keys = vault.keys()
      // Names from the current list: a deleted key's entries keep its id and show no name.
      const names = new Map<string, string>()
      for (const e of keys.list()) if (!e.damaged) names.set(e.id, e.name)
      return vault
        .activity()
        .list({ keyId, kinds, limit: limit ?? DEFAULT_LIMIT, before })
        .map((e): ActivityItem =>
          e.damaged
            ? { at: e.at, damaged: true, kind: null, keyId: null, keyName: null, field: null, detail: null }
            : { at: e.at, damaged: false, kind: e.kind, keyId: e.keyId, keyName: e.keyId === null ? null : (names.get(e.keyId) ?? null), field: e.field, detail: e.detail },
        )
    },
  }
}
