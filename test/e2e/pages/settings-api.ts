import { expect, type Page } from '@playwright/test'
import type { MethodChannel } from '../../../electron/shared/channels'
import type { MethodInput, MethodOutput } from '../../../electron/shared/contract'
import type { ProviderSettings } from '../../../electron/shared/dto'
import { SESSION_HEADER, SESSION_STORAGE_KEY, WEB_API_PREFIX } from '../../../electron/shared/web-protocol'

/**
 * Calls one contract method with the page's own session, as its bridge would: for a spec's setup
 * (keys in many states at once), never for what the spec is about.
 */
export async function callContract<C extends MethodChannel>(page: Page, channel: C, input?: MethodInput<C>): Promise<MethodOutput<C>> {
  const answer = await page.evaluate(
    async ({ path, input, header, storageKey }) => {
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [header]: sessionStorage.getItem(storageKey) ?? '' },
        body: JSON.stringify({ input }),
      })
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } }
    },
    { path: `${WEB_API_PREFIX}${channel}`, input, header: SESSION_HEADER, storageKey: SESSION_STORAGE_KEY },
  )
  expect(answer.ok, answer.error?.message).toBe(true)
  return answer.value as MethodOutput<C>
}

/** Saves provider settings through the contract, with the page's own session, as its bridge would. */
export async function saveProviderSettings(page: Page, providers: ProviderSettings): Promise<void> {
  await callContract(page, 'keyhold:settings.update', { providers })
}
