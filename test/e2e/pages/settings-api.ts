import { expect, type Page } from '@playwright/test'
import type { ProviderSettings } from '../../../electron/shared/dto'
import { SESSION_HEADER, SESSION_STORAGE_KEY } from '../../../electron/shared/web-protocol'

/** Saves provider settings through the contract, with the page's own session, as its bridge would. */
export async function saveProviderSettings(page: Page, providers: ProviderSettings): Promise<void> {
  const answer = await page.evaluate(
    async ({ providers, header, storageKey }) => {
      const response = await fetch('/api/keyhold:settings.update', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [header]: sessionStorage.getItem(storageKey) ?? '' },
        body: JSON.stringify({ input: { providers } }),
      })
      return (await response.json()) as { ok: boolean }
    },
    { providers, header: SESSION_HEADER, storageKey: SESSION_STORAGE_KEY },
  )
  expect(answer.ok).toBe(true)
}
