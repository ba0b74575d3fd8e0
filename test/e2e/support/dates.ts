import type { Page } from '@playwright/test'

/** A YYYY-MM-DD day `days` from now, as the date fields take it. */
export const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

/**
 * How the window shows that calendar day: asked of the page itself, so the expectation follows the
 * browser's locale exactly as `renderer/src/dates.ts` formats it (medium date, read in UTC), not
 * the test machine's guess at it.
 */
export function shownAsDay(page: Page, isoDay: string): Promise<string> {
  return page.evaluate(
    (day) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(`${day}T00:00:00Z`)),
    isoDay,
  )
}
