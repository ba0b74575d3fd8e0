import { useCallback, useEffect, useRef, useState } from 'react'
import type { ActivityItem } from '../../../electron/shared/activity'
import { errorOf } from '../api/client'
import type { ActivityFilter } from '../activity-ui'
import { useApi } from '../store/store'

export interface ActivityView {
  readonly items: readonly ActivityItem[]
  readonly loading: boolean
  readonly error: string | null
}

const PAGE = 200

/**
 * A timeline's entries (a key's, or the vault's when `keyId` is undefined), kept by the component
 * that shows them, so they go with it when the vault locks. Reloaded when keys change (adds,
 * edits, deletes and every check send keyhold:keys.changed) and when the clipboard takes a value.
 */
export function useActivity(keyId: string | undefined, filter: ActivityFilter): ActivityView {
  const api = useApi()
  const [view, setView] = useState<ActivityView>({ items: [], loading: true, error: null })
  const generation = useRef(0)
  const load = useCallback(async () => {
    const mine = ++generation.current
    setView((v) => ({ ...v, loading: true }))
    try {
      const items = await api.call('keyhold:activity.list', { ...(keyId ? { keyId } : {}), ...(filter === 'all' ? {} : { kinds: [filter] }), limit: PAGE })
      if (mine === generation.current) setView({ items, loading: false, error: null })
    } catch (err) {
      if (mine === generation.current) setView({ items: [], loading: false, error: errorOf(err).message })
    }
  }, [api, keyId, filter])
  useEffect(() => {
    void load()
    const offKeys = api.subscribe('keyhold:keys.changed', () => void load())
    const offClipboard = api.subscribe('keyhold:clipboard.changed', () => void load())
    return () => {
      generation.current++
      offKeys()
      offClipboard()
    }
  }, [api, load])
  return view
}
