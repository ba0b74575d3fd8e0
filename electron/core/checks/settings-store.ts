import type { Database } from 'better-sqlite3'
import { z } from 'zod'
import type { ClipboardSettings, Settings } from '../../shared/dto'
import { KeyholdError } from '../errors'
import { RECORD_FORMAT, type RecordCodec } from '../keys/record-codec'
import type { ProviderRegistry } from '../../shared/providers/registry'
import { BACKUPS_KEEP } from '../../shared/backups'
import { backupSettingsPatch, CLEAR_AFTER_SECONDS, clipboardSettingsPatch, reminderSettingsPatch, WARN_DAYS } from '../../shared/schemas/settings'
import { fromSqliteError } from '../store/sqlite-errors'

export const DEFAULT_CLIPBOARD_SETTINGS: ClipboardSettings = { clearAfterSeconds: CLEAR_AFTER_SECONDS.default }

const SETTINGS_LABEL = 'settings'

/** The vault's settings, sealed like everything else the person chose. */
export class SettingsStore {
  private current: Settings

  constructor(
    private readonly db: Database,
    private readonly codec: RecordCodec,
    private readonly now: () => number,
    registry: ProviderRegistry,
  ) {
    this.current = { providers: registry.defaultSettings(), clipboard: DEFAULT_CLIPBOARD_SETTINGS, reminders: { warnDays: WARN_DAYS.default }, backups: { keep: BACKUPS_KEEP.default } }
    const row = db.prepare('SELECT blob FROM settings WHERE id = 1').get() as { blob: Buffer } | undefined
    if (!row) return
    let stored: unknown
    try {
      stored = codec.openJson(SETTINGS_LABEL, row.blob)
    } catch {
      // Unreadable settings fall back to the defaults; the keys themselves are unaffected.
      return
    }
    const patch = storedSettingsSchema(registry).safeParse(upgradeLegacy(stored, registry))
    if (patch.success) this.current = merge(this.current, patch.data)
  }

  get(): Settings {
    return this.current
  }

  /** Whether the settings row exists: a backup's canary is this sealed row, so one is written before the first backup. */
  stored(): boolean {
    return this.db.prepare('SELECT 1 FROM settings WHERE id = 1').get() !== undefined
  }

  update(patch: SettingsPatch): Settings {
    const next = merge(this.current, patch)
    try {
      this.db
        .prepare('INSERT OR REPLACE INTO settings (id, format, blob, updated_at) VALUES (1, ?, ?, ?)')
        .run(RECORD_FORMAT, this.codec.sealJson(SETTINGS_LABEL, next), this.now())
    } catch (err) {
      throw err instanceof KeyholdError ? err : fromSqliteError(err)
    }
    this.current = next
    return next
  }
}

/** A change to settings, each provider's part already checked against its descriptor. */
export interface SettingsPatch {
  readonly providers?: Readonly<Record<string, Readonly<Record<string, string | undefined>> | undefined>>
  readonly clipboard?: { readonly clearAfterSeconds?: number | undefined }
  readonly reminders?: { readonly warnDays?: number | undefined }
  readonly backups?: { readonly keep?: number | undefined }
}

function storedSettingsSchema(registry: ProviderRegistry) {
  return z.object({ providers: registry.settingsPatchSchema.optional(), clipboard: clipboardSettingsPatch.optional(), reminders: reminderSettingsPatch.optional(), backups: backupSettingsPatch.optional() })
}

/**
 * Settings sealed before they were nested per provider (`providers.threadeoBaseUrl`) are read in
 * today's shape; the next save writes them nested.
 */
function upgradeLegacy(stored: unknown, registry: ProviderRegistry): unknown {
  if (typeof stored !== 'object' || stored === null || !('providers' in stored)) return stored
  const providers = (stored as { providers: unknown }).providers
  if (typeof providers !== 'object' || providers === null) return stored
  const values = Object.values(providers)
  if (values.length === 0 || values.some((v) => typeof v !== 'string')) return stored
  return { ...stored, providers: registry.fromLegacySettings(providers as Record<string, unknown>) }
}

function merge(current: Settings, patch: SettingsPatch): Settings {
  const providers: Record<string, Record<string, string>> = {}
  for (const [id, values] of Object.entries(current.providers)) {
    providers[id] = { ...values, ...stripUndefined(patch.providers?.[id] ?? {}) } as Record<string, string>
  }
  return {
    providers,
    clipboard: { ...current.clipboard, ...stripUndefined(patch.clipboard ?? {}) },
    reminders: { ...current.reminders, ...stripUndefined(patch.reminders ?? {}) },
    backups: { ...current.backups, ...stripUndefined(patch.backups ?? {}) },
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
