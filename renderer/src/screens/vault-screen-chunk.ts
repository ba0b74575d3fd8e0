import { useEffect, useState, type ComponentType } from 'react'

// The vault screen (the list, its dialogs and forms, every provider's fields) is most of the
// window's code. It is a chunk of its own, so the unlock screen paints from a small one; the
// chunk is fetched once that screen has painted, while the password is being typed.
let loaded: ComponentType | undefined
let loading: Promise<ComponentType> | undefined

/** Fetches the vault screen's chunk once; a failed fetch is forgotten, so the next call tries again. */
export function loadVaultScreen(): Promise<ComponentType> {
  loading ??= import('./VaultScreen').then(
    (m) => (loaded = m.VaultScreen),
    (err: unknown) => {
      loading = undefined
      throw err
    },
  )
  return loading
}

/**
 * The vault screen once its chunk is in (undefined until then), and whether fetching it failed.
 * The fetch starts when `wanted` turns true, after the frame being drawn then: the chunk is parsed
 * and run on the window's one thread, and the screen that was just rendered must not wait for it.
 */
export function useVaultScreen(wanted: boolean): { VaultScreen: ComponentType | undefined; failed: boolean } {
  const [screen, setScreen] = useState<ComponentType | undefined>(() => loaded)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    if (!wanted || screen) return
    let current = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        loadVaultScreen().then(
          (component) => {
            if (current) setScreen(() => component)
          },
          () => {
            if (current) setFailed(true)
          },
        )
      })
    })
    return () => {
      current = false
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [wanted, screen])
  return { VaultScreen: screen, failed }
}
