import type { LockReason, VaultStatus } from '../../../electron/shared/dto'
import type { KeyholdClient } from '../api/client'
import type { SliceCreator } from './slice'

export interface VaultSlice {
  /** null until the first status arrives. */
  vault: VaultStatus | null
  /** Set when the host cannot be reached at all; the window shows it instead of a screen. */
  connectionError: string | null
  loadVault: () => Promise<void>
  /** `replaceUnfinished`: the person agreed to start over where an earlier create was stopped. */
  createVault: (password: string, options?: { replaceUnfinished?: boolean }) => Promise<void>
  unlockVault: (password: string) => Promise<void>
  /** With the key kept in the system keychain; core reads it, the window never sees it. */
  unlockWithKeychain: () => Promise<void>
  lockVault: () => Promise<void>
  changePassword: (currentPassword: string, newPassword: string) => Promise<void>
  vaultChanged: (status: VaultStatus, reason?: LockReason) => void
  /** Why the vault last locked while open, so the unlock screen can say it; null after an unlock. */
  lockedBecause: LockReason | null
}

export const LOCK_ANNOUNCEMENTS: Readonly<Record<LockReason, string>> = {
  user: 'Vault locked.',
  idle: 'Vault locked after a while without use.',
  suspend: 'Vault locked because the computer went to sleep.',
  'screen-lock': 'Vault locked because the screen was locked.',
  quit: 'Vault locked.',
}

export const createVaultSlice =
  (api: KeyholdClient): SliceCreator<VaultSlice> =>
  (set, get) => ({
    vault: null,
    connectionError: null,
    lockedBecause: null,

    async loadVault() {
      try {
        // A window that (re)loads starts locked: whoever reloads it must know the password.
        // vault.lock answers the status, so no second round trip is needed.
        set({ vault: await api.call('keyhold:vault.lock'), connectionError: null })
      } catch (err) {
        set({ connectionError: err instanceof Error ? err.message : 'Keyhold could not be reached.' })
      }
    },

    async createVault(password, options = {}) {
      const status = await api.call('keyhold:vault.create', options.replaceUnfinished ? { password, replaceUnfinished: true } : { password })
      set({ vault: status })
      get().announce('Your vault is ready.')
      await get().loadKeys()
    },

    async unlockVault(password) {
      const status = await api.call('keyhold:vault.unlock', { password })
      await get().loadKeys()
      set({ vault: status, lockedBecause: null })
      get().announce('Vault unlocked.')
    },

    async unlockWithKeychain() {
      const status = await api.call('keyhold:vault.unlockWithKeychain')
      await get().loadKeys()
      set({ vault: status, lockedBecause: null })
      get().announce('Vault unlocked.')
    },

    async lockVault() {
      // The answer and the host's event race each other; whichever lands first announces it.
      get().vaultChanged(await api.call('keyhold:vault.lock'), 'user')
    },

    async changePassword(currentPassword, newPassword) {
      await api.call('keyhold:vault.changePassword', { currentPassword, newPassword })
      get().announce('Master password changed.')
    },

    vaultChanged(status, reason) {
      const wasUnlocked = get().vault?.state === 'unlocked'
      set({ vault: status })
      if (status.state !== 'unlocked') {
        get().clearKeys()
        get().clearChecks()
        get().clearClipboardView()
        get().clearSettings()
        if (wasUnlocked) {
          set({ lockedBecause: reason ?? 'user' })
          get().announce(LOCK_ANNOUNCEMENTS[reason ?? 'user'])
        }
      }
    },
  })
