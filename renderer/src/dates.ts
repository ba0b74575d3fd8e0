/**
 * The one way the window shows a date: in the person's locale (Intl, the browser's or the
 * system's language), medium length, and with the time when the moment matters. Every date on
 * screen goes through these, so a list, a page and a timeline never disagree on the format.
 */
const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
// A calendar date (an expiry) names a day, not a moment: shown as written, never shifted a day by the time zone.
const DAY = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' })

/** "3 Mar 2026" / "Mar 3, 2026": the day of a moment, in local time. */
export function formatDate(at: number): string {
  return DATE.format(at)
}

/** "3 Mar 2026, 14:05" / "Mar 3, 2026, 2:05 PM". */
export function formatDateTime(at: number): string {
  return DATE_TIME.format(at)
}

/** A YYYY-MM-DD calendar date (an expiry date) in the same format as `formatDate`. */
export function formatDay(isoDay: string): string {
  const at = Date.parse(`${isoDay}T00:00:00Z`)
  return Number.isNaN(at) ? isoDay : DAY.format(at)
}

/** The machine-readable form for a `<time dateTime>` attribute. */
export function machineTime(at: number): string {
  return new Date(at).toISOString()
}
