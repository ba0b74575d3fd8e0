import type { MethodChannel } from '../../shared/channels'
import type { MethodOutput } from '../../shared/contract'
import type { Result } from '../../shared/result'
import { toApiError } from '../errors'
import type { CoreEvents } from '../events'
import { keyIdSchema, keyUpdateSchema, newKeySchema } from '../validation/key-schemas'
import { parseInput } from '../validation/parse'
import { changePasswordSchema, noInputSchema, passwordInputSchema, searchSchema } from '../validation/vault-schemas'
import { z } from 'zod'
import { assessPassword } from '../vault/password-policy'
import type { Vault } from '../vault/vault'
import type { CheckRunner } from '../checks/check-runner'
import type { CaptureStore } from '../clipboard/captures'
import type { ClipboardService } from '../clipboard/clipboard-service'
import { fieldValue, withCapturedSecret } from '../clipboard/key-values'
import { settingsUpdateSchema } from '../checks/settings-store'
import { checkSentence } from '../providers/profiles'

export type Handler<C extends MethodChannel> = (input: unknown) => Promise<Result<MethodOutput<C>>>
export type Handlers = { readonly [C in MethodChannel]: Handler<C> }

const idInput = z.object({ id: keyIdSchema }).strict()
const fieldInput = z.object({ id: keyIdSchema, field: z.enum(['secret', 'apiKey']) }).strict()
const checkStartSchema = z.object({ ids: z.array(keyIdSchema).max(100_000).optional() }).strict().or(z.undefined())
const runIdSchema = z.object({ runId: z.string().uuid() }).strict()

/**
 * The contract, implemented: one function per channel that parses its input, calls core and
 * answers the envelope. Hosts bind these one by one; there is no call-by-name.
 */
export interface HandlerDeps {
  readonly vault: Vault
  readonly events: CoreEvents
  readonly checks: CheckRunner
  readonly clipboard: ClipboardService
  readonly captures: CaptureStore
}

/** Seconds a revealed value stays on screen before the window masks it again. */
export const REVEAL_SECONDS = 20

export function createHandlers({ vault, events, checks, clipboard, captures }: HandlerDeps): Handlers {
  const keysChanged = (ids: readonly string[]) => events.emit('keyhold:keys.changed', { ids })
  return {
    'keyhold:vault.status': handle(async (input) => {
      parseInput(noInputSchema, input)
      return vault.status()
    }),
    'keyhold:vault.assessPassword': handle(async (input) => assessPassword(parseInput(passwordInputSchema, input).password)),
    'keyhold:vault.create': handle(async (input) => vault.create(parseInput(passwordInputSchema, input).password)),
    'keyhold:vault.unlock': handle(async (input) => vault.unlock(parseInput(passwordInputSchema, input).password)),
    'keyhold:vault.lock': handle(async (input) => {
      parseInput(noInputSchema, input)
      const status = await vault.lock('user')
      await clipboard.clearIfOurs('lock')
      return status
    }),
    'keyhold:vault.changePassword': handle(async (input) => {
      const { currentPassword, newPassword } = parseInput(changePasswordSchema, input)
      return vault.changePassword(currentPassword, newPassword)
    }),
    'keyhold:keys.list': handle(async (input) => {
      parseInput(noInputSchema, input)
      return vault.keys().list()
    }),
    'keyhold:keys.search': handle(async (input) => ({
      ids: vault.keys().search(parseInput(searchSchema, input).query).map((entry) => entry.id),
    })),
    'keyhold:keys.get': handle(async (input) => vault.keys().get(parseInput(idInput, input).id)),
    'keyhold:keys.add': handle(async (input) => {
      const keys = vault.keys()
      const pasted = withCapturedSecret(input, captures)
      const added = keys.add(parseInput(newKeySchema, pasted.input))
      if (pasted.captureId) {
        captures.release(pasted.captureId)
        vault.activity().record('captured', added.id, 'secret')
      }
      keysChanged([added.id])
      return added
    }),
    'keyhold:keys.update': handle(async (input) => {
      const keys = vault.keys()
      const raw = typeof input === 'object' && input !== null && 'changes' in input ? (input as { changes: unknown }) : undefined
      const pasted = withCapturedSecret(raw?.changes, captures)
      const updated = keys.update(parseInput(keyUpdateSchema, raw ? { ...raw, changes: pasted.input } : input))
      if (pasted.captureId) {
        captures.release(pasted.captureId)
        vault.activity().record('captured', updated.id, 'secret')
      }
      keysChanged([updated.id])
      return updated
    }),
    'keyhold:keys.copy': handle(async (input) => {
      const { id, field } = parseInput(fieldInput, input)
      const value = fieldValue(vault.keys(), id, field)
      const { clearAfterSeconds } = await clipboard.copy(value, id, field)
      vault.activity().record('copied', id, field)
      return { keyId: id, field, clearAfterSeconds, concealed: clipboard.concealed }
    }),
    'keyhold:keys.reveal': handle(async (input) => {
      const { id, field } = parseInput(fieldInput, input)
      const value = fieldValue(vault.keys(), id, field)
      vault.activity().record('revealed', id, field)
      return { keyId: id, field, value, hideAfterSeconds: REVEAL_SECONDS }
    }),
    'keyhold:clipboard.capture': handle(async (input) => {
      parseInput(noInputSchema, input)
      vault.keys() // only an unlocked vault takes a pasted key
      return captures.put(await clipboard.capture())
    }),
    'keyhold:keys.delete': handle(async (input) => {
      const keys = vault.keys()
      const { id } = parseInput(idInput, input)
      keys.delete(id)
      keysChanged([id])
      return { id }
    }),
    'keyhold:keys.check': handle(async (input) => checks.checkOne(parseInput(idInput, input).id)),
    'keyhold:keys.history': handle(async (input) => {
      const { id } = parseInput(idInput, input)
      const detail = vault.keys().get(id)
      return vault
        .checks()
        .history(id)
        .map((c) => ({ ...c, sentence: checkSentence(c.outcome, detail) }))
    }),
    'keyhold:checks.start': handle(async (input) => checks.start(parseInput(checkStartSchema, input)?.ids)),
    'keyhold:checks.cancel': handle(async (input) => ({ cancelled: checks.cancel(parseInput(runIdSchema, input).runId) })),
    'keyhold:settings.get': handle(async (input) => {
      parseInput(noInputSchema, input)
      return vault.settings().get()
    }),
    'keyhold:settings.update': handle(async (input) => vault.settings().update(parseInput(settingsUpdateSchema, input))),
  }
}

function handle<T>(fn: (input: unknown) => Promise<T>): (input: unknown) => Promise<Result<T>> {
  return async (input) => {
    try {
      return { ok: true, value: await fn(input) }
    } catch (err) {
      return { ok: false, error: toApiError(err) }
    }
  }
}
