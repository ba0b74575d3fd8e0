import type { Database } from 'better-sqlite3'
import { z } from 'zod'
import type { ClipboardSettings, Settings } from '../../shared/dto'
import { KeyholdError } from '../errors'
import { RECORD_FORMAT, type RecordCodec } from '../keys/record-codec'
import { DEFAULT_PROVIDER_SETTINGS } from '../providers/profiles'
import { TENANT_PLACEHOLDER } from '../providers/threadeo'
import { fromSqliteError } from '../store/sqlite-errors'

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** HTTPS, or plain HTTP to this machine only (the sandboxes); no credentials, query or fragment. */
const safeBase = (template = false) =>
  z
    .string()
    .max(2048)
    .refine((raw) => {
      const v = template ? raw.replace(TENANT_PLACEHOLDER, 'tenant') : raw
      if (template && raw.split(TENANT_PLACEHOLDER).length !== 2) return false
      if (!URL.canParse(v)) return false
      const url = new URL(v)
      return (
        (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) &&
        !url.username &&
        !url.password &&
        !url.search &&
        !url.hash
      )
    })

const path = z.string().max(512).regex(/^\/[A-Za-z0-9._~!$&'()*+,;=:@/%-]*$/)

export const providerSettingsPatch = z
  .object({
    threadeoBaseUrl: safeBase(true).optional(),
    threadeoCheckPath: path.optional(),
    threatstopBaseUrl: safeBase().optional(),
    spreefloBaseUrl: safeBase().optional(),
    spreefloCheckPath: path.optional(),
    spreefloAuth: z.enum(['bearer', 'x-api-key', 'basic']).optional(),
  })
  .strict()

export const clipboardSettingsPatch = z
  .object({ clearAfterSeconds: z.number().int().min(10).max(300).optional() })
  .strict()

export const settingsUpdateSchema = z
  .object({ providers: providerSettingsPatch.optional(), clipboard: clipboardSettingsPatch.optional() })
  .strict()

export const DEFAULT_CLIPBOARD_SETTINGS: ClipboardSettings = { clearAfterSeconds: 30 }

const SETTINGS_LABEL = 'settings'

/** The vault's settings, sealed like everything else the person chose. */
export class SettingsStore {
  private current: Settings

  constructor(
    private readonly db: Database,
    private readonly codec: RecordCodec,
    private readonly now: () => number,
  ) {
    this.current = { providers: DEFAULT_PROVIDER_SETTINGS, clipboard: DEFAULT_CLIPBOARD_SETTINGS }
    const row = db.prepare('SELECT blob FROM settings WHERE id = 1').get() as { blob: Buffer } | undefined
    if (row) {
      try {
        const stored = settingsUpdateSchema.safeParse(codec.openJson(SETTINGS_LABEL, row.blob))
        if (stored.success) this.current = merge(this.current, stored.data)
      } catch {
        // Unreadable settings fall back to the defaults; the keys themselves are unaffected.
      }
    }
  }

  get(): Settings {
    return this.current
  }

  update(patch: z.output<typeof settingsUpdateSchema>): Settings {
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

function merge(current: Settings, patch: z.output<typeof settingsUpdateSchema>): Settings {
  return {
    providers: { ...current.providers, ...stripUndefined(patch.providers ?? {}) },
    clipboard: { ...current.clipboard, ...stripUndefined(patch.clipboard ?? {}) },
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
