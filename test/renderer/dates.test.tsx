import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { formatDate, formatDateTime, formatDay } from '../../renderer/src/dates'

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(name) ? [path] : []
  })
}

// RevokeDialog.tsx belongs to the revoke and rotate work in progress; its one date is to move onto formatDate.
const NOT_YET = new Set(['renderer/src/components/RevokeDialog.tsx'])

describe('one date format', () => {
  it('shows every date through dates.ts, in the locale’s own form', () => {
    const handMade = filesUnder('renderer/src')
      .filter((f) => f !== join('renderer', 'src', 'dates.ts') && !NOT_YET.has(f))
      .flatMap((f) => (/toLocale(Date|Time)?String|Intl\.DateTimeFormat|getFullYear|getMonth\(/.test(readFileSync(f, 'utf8')) ? [f] : []))
    expect(handMade).toEqual([])
  })

  it('formats with Intl in the person’s locale: a moment, a moment with its time, a calendar day', () => {
    const at = Date.UTC(2026, 2, 3, 12, 0)
    expect(formatDate(at)).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(at))
    expect(formatDateTime(at)).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(at))
    expect(formatDay('2026-03-03')).toBe(formatDate(Date.UTC(2026, 2, 3, 12, 0)))
  })

  it('never moves an expiry date to the day before, whatever the time zone', async () => {
    // West of Greenwich, midnight UTC shown in local time is the evening before: the day must be read as written.
    const tz = process.env['TZ']
    process.env['TZ'] = 'America/Los_Angeles'
    try {
      vi.resetModules()
      const west = await import('../../renderer/src/dates')
      const day = (at: number, timeZone?: string) => new Intl.DateTimeFormat('en-US', { day: 'numeric', ...(timeZone ? { timeZone } : {}) }).format(at)
      expect(day(Date.parse('2026-03-03T00:00:00Z'))).toBe('2')
      expect(west.formatDay('2026-03-03')).toContain(day(Date.UTC(2026, 2, 3), 'UTC'))
      expect(west.formatDay('not a date')).toBe('not a date')
    } finally {
      if (tz === undefined) delete process.env['TZ']
      else process.env['TZ'] = tz
    }
  })
})
