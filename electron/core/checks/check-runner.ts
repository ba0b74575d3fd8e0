import { randomUUID } from 'node:crypto'
import type { Outcome } from '../../shared/checks'
import type { CheckRecord, CheckRunFinished, ProbeResult, ProviderSettings } from '../../shared/dto'
import type { ActivityLog } from '../activity/activity-log'
import type { DiagnosticsLogger } from '../diagnostics/logger'
import { KeyholdError } from '../errors'
import type { CoreEvents } from '../events'
import type { KeyStore } from '../keys/key-store'
import type { KeyMeta } from '../keys/record-codec'
import { CheckSetupError, type Classification } from '../providers/profile'
import type { CoreProviders } from '../providers/registry'
import type { LifecycleSubscriptions } from '../vault-lifecycle'
import { sendCheck, type CheckClientOptions } from './check-client'
import type { CheckStore, StoredCheck } from './check-store'
import type { Attempt } from './http-attempt'
import { cleanProviderText, DETAIL_MAX_CHARS, REQUEST_ID_MAX_CHARS } from './provider-text'
import { emptyCounts, summarize } from './outcome-counts'

export interface CheckRunnerDeps {
  readonly client: CheckClientOptions
  readonly keys: () => KeyStore
  readonly checks: () => CheckStore
  /** The vault's activity log: each stored check is logged in the transaction that stores it. */
  readonly activity: () => ActivityLog
  readonly settings: () => ProviderSettings
  readonly providers: CoreProviders
  readonly events: CoreEvents
  readonly now: () => number
  /** The vault's transitions: a lock cancels every check. */
  readonly lifecycle: LifecycleSubscriptions
  /** A "check all" runs after its call has answered, so what fails in it is recorded here. */
  readonly logger?: DiagnosticsLogger
}

/** The channel a background run's failures are logged under: the call that started it. */
const RUN_CHANNEL = 'keyhold:checks.start'

const PROGRESS_EVERY_MS = 100
const FLUSH_EVERY = 50

class Cancelled extends Error {}

/** At most one call per `ms`, and always one after the last request, so the final state is shown. */
function throttle(ms: number, fn: () => void): { now(): void; soon(): void; cancel(): void } {
  let last = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const now = () => {
    if (timer) clearTimeout(timer)
    timer = undefined
    last = Date.now()
    fn()
  }
  return {
    now,
    soon() {
      const wait = last + ms - Date.now()
      if (wait <= 0) now()
      else timer ??= setTimeout(now, wait)
    },
    cancel() {
      if (timer) clearTimeout(timer)
      timer = undefined
    },
  }
}

/**
 * Checks keys: one at a click, or all of them with progress, a summary and cancel. Each check is
 * stored (when, outcome, status, latency, request id, detail — never the credential).
 */
export class CheckRunner {
  private readonly runs = new Map<string, AbortController>()
  /** Single checks in flight, so a lock stops those too. */
  private readonly singles = new Set<AbortController>()
  /** Runs still going, so a lock can wait until each has stored what it finished. */
  private readonly ending = new Set<Promise<void>>()
  /**
   * Closed from willLock until the next unlock. The vault stays open while its willLock
   * participants run (a last backup may read it), so without this gate a check asked for in that
   * window passed every "is it unlocked" test, was sent after the lock had cancelled the others,
   * and then sat out a 429's Retry-After (up to 60 s) twice, sending the secret each time.
   */
  private sending = false

  constructor(private readonly deps: CheckRunnerDeps) {
    deps.lifecycle.on('unlocked', () => {
      this.sending = true
    })
    deps.lifecycle.on('willLock', () => {
      this.sending = false
      return this.cancelAll()
    })
  }

  /** A new single check or probe, refused once the lock has begun; a lock aborts it while it runs. */
  private admit(): AbortController {
    if (!this.sending) throw new KeyholdError('VAULT_LOCKED')
    const controller = new AbortController()
    this.singles.add(controller)
    return controller
  }

  async checkOne(id: string): Promise<CheckRecord> {
    const controller = this.admit()
    let record: CheckRecord
    try {
      record = await this.check(id, controller.signal)
    } catch (err) {
      if (err instanceof Cancelled) throw new KeyholdError('VAULT_LOCKED')
      throw err
    } finally {
      this.singles.delete(controller)
    }
    this.store([record])
    this.deps.events.emit('keyhold:keys.changed', { ids: [id] })
    return record
  }

  start(ids?: readonly string[]): { runId: string; total: number } {
    if (!this.sending) throw new KeyholdError('VAULT_LOCKED')
    const keys = this.deps.keys()
    const targets = (ids ?? keys.list().filter((e) => !e.damaged && e.hasSecret).map((e) => e.id)).filter((id, i, all) => all.indexOf(id) === i)
    for (const id of targets) keys.get(id) // unknown or damaged ids are refused before anything starts
    const runId = randomUUID()
    const controller = new AbortController()
    this.runs.set(runId, controller)
    // A run is never awaited by a caller: whatever goes wrong in it must end here, not as an
    // unhandled rejection (which ends the web host's Node process). A lock waits for `ending`.
    const ending: Promise<void> = this.runAll(runId, targets, controller.signal)
      .catch((err: unknown) => this.deps.logger?.error(RUN_CHANNEL, err))
      .finally(() => {
        this.runs.delete(runId)
        this.ending.delete(ending)
      })
    this.ending.add(ending)
    return { runId, total: targets.length }
  }

  cancel(runId: string): boolean {
    const run = this.runs.get(runId)
    run?.abort(new Cancelled())
    return run !== undefined
  }

  /**
   * Stops every run and single check (the vault is locking): nothing more is sent, and what
   * finished before is stored while the vault is still open. Resolves once every run has ended.
   */
  async cancelAll(): Promise<void> {
    for (const run of [...this.runs.values(), ...this.singles]) run.abort(new Cancelled())
    await Promise.allSettled([...this.ending])
  }

  private async runAll(runId: string, ids: readonly string[], signal: AbortSignal): Promise<void> {
    const counts = emptyCounts()
    let done = 0
    let pending: CheckRecord[] = []
    let locked = false
    let unsaved = 0
    // Stores what it can; never throws. The vault locked mid-run: what it had not stored yet is
    // dropped with everything else.
    const tryStore = (records: readonly CheckRecord[]): 'stored' | 'failed' | 'locked' => {
      try {
        this.store(records)
        return 'stored'
      } catch (err) {
        if (err instanceof KeyholdError && err.code === 'VAULT_LOCKED') locked = true
        else this.deps.logger?.error(RUN_CHANNEL, err)
        return locked ? 'locked' : 'failed'
      }
    }
    const flush = () => {
      const batch = pending
      pending = []
      if (batch.length === 0 || locked) return
      if (tryStore(batch) !== 'failed') return
      // One record the store refuses must not cost the others of its batch.
      for (const record of batch) {
        const result = tryStore([record])
        if (result === 'locked') return
        if (result === 'failed') unsaved++
      }
    }
    const progress = throttle(PROGRESS_EVERY_MS, () =>
      this.deps.events.emit('keyhold:checks.progress', { runId, done, total: ids.length, counts: { ...counts } }),
    )
    try {
      progress.now()
      await Promise.all(
        ids.map(async (id) => {
          try {
            const record = await this.check(id, signal)
            counts[record.outcome]++
            done++
            pending.push(record)
            if (pending.length >= FLUSH_EVERY) flush()
            progress.soon()
          } catch (err) {
            if (err instanceof Cancelled || signal.aborted) return
            // Counted as "could not tell" in the summary; why is for the diagnostics log.
            this.deps.logger?.error(RUN_CHANNEL, err)
            counts.unknown++
            done++
            progress.soon()
          }
        }),
      )
    } finally {
      progress.cancel()
      // Checks that finished before a cancel (or a failure) are kept: "cancelled after 2 of 3" shows those 2.
      flush()
      const cancelled = signal.aborted
      // A full disk is the person's to fix, so the summary says some results were not kept.
      const summary = unsaved === 0 ? summarize(counts) : `${summarize(counts)} — ${unsaved} ${unsaved === 1 ? 'result' : 'results'} could not be saved`
      const finished: CheckRunFinished = { runId, done, total: ids.length, counts: { ...counts }, cancelled, summary }
      this.deps.events.emit('keyhold:keys.changed', { ids })
      this.deps.events.emit('keyhold:checks.finished', finished)
    }
  }

  private store(records: readonly CheckRecord[]): void {
    const log = this.deps.activity()
    this.deps.checks().add(records.map(stripSentence), () =>
      log.recordAll(records.map((r) => ({ kind: 'checked', keyId: r.keyId, field: null, detail: { outcome: r.outcome } }))),
    )
    const keys = this.deps.keys()
    for (const r of records) keys.setLastCheck(r.keyId, { outcome: r.outcome, at: r.at })
  }

  private async check(id: string, signal?: AbortSignal): Promise<CheckRecord> {
    const keys = this.deps.keys()
    const detail = keys.get(id)
    if (detail.revokedAt !== null) throw new KeyholdError('KEY_REVOKED')
    const meta: KeyMeta = detail
    const at = this.deps.now()
    const record = (c: Classification, attempt?: Attempt): CheckRecord => ({
      id: randomUUID(),
      keyId: id,
      at,
      outcome: c.outcome,
      sentence: this.deps.providers.sentence(c.outcome, meta.details),
      httpStatus: attempt?.kind === 'response' ? attempt.status : null,
      latencyMs: attempt ? attempt.latencyMs : null,
      // Provider text is made printable and capped once, here, before anything stores or shows it.
      requestId: cleanProviderText(c.requestId, REQUEST_ID_MAX_CHARS),
      detail: cleanProviderText(c.detail, DETAIL_MAX_CHARS),
    })

    // A key past its known expiry date is expired without asking anyone.
    const today = new Date(at).toISOString().slice(0, 10)
    if (meta.expiresOn && meta.expiresOn < today) {
      return record({ outcome: 'expired', detail: `Past its expiry date (${meta.expiresOn}); not sent to the provider.`, requestId: null })
    }
    if (!detail.hasSecret) throw new KeyholdError('KEY_NOT_FOUND', { message: 'This key has no secret stored, so it cannot be checked.' })

    const { classification, attempt } = await this.send(meta.details, keys.readSecret(id), signal)
    return record(classification, attempt)
  }

  /**
   * Checks a key that is not saved yet (the add wizard checks before it asks for a name): the
   * same request and reading as a saved key's check, with nothing stored and no event.
   */
  async probe(details: KeyMeta['details'], secret: string): Promise<ProbeResult> {
    const controller = this.admit()
    try {
      const { classification: c, attempt } = await this.send(details, secret, controller.signal)
      return {
        outcome: c.outcome,
        sentence: this.deps.providers.sentence(c.outcome, details),
        httpStatus: attempt?.kind === 'response' ? attempt.status : null,
        detail: cleanProviderText(c.detail, DETAIL_MAX_CHARS),
      }
    } catch (err) {
      if (err instanceof Cancelled) throw new KeyholdError('VAULT_LOCKED')
      throw err
    } finally {
      this.singles.delete(controller)
    }
  }

  private async send(details: KeyMeta['details'], secret: string, signal: AbortSignal | undefined): Promise<{ classification: Classification; attempt?: Attempt }> {
    const { providers } = this.deps
    let target
    try {
      target = providers.request(details, secret, this.deps.settings())
    } catch (err) {
      if (err instanceof CheckSetupError) return { classification: { outcome: 'misconfigured', detail: err.message, requestId: null } }
      throw err
    }
    const host = new URL(target.url).host
    const result = await sendCheck(this.deps.client, { ...target, host }, signal).catch((err: unknown) => {
      if (signal?.aborted) throw new Cancelled()
      throw err
    })
    if (result.kind === 'aborted') throw new Cancelled()
    if (result.kind === 'response') return { classification: providers.classify(result, details), attempt: result }
    return { classification: transportClassification(result.kind, host), attempt: result }
  }
}

function transportClassification(kind: 'timeout' | 'redirect' | 'network' | 'tls', host: string): Classification {
  const outcomes: Record<typeof kind, [Outcome, string]> = {
    timeout: ['unknown', `No answer from ${host} in time.`],
    redirect: ['misconfigured', `${host} answered with a redirect. Keyhold does not follow redirects, so the key was not sent on.`],
    network: ['unknown', `Could not reach ${host}.`],
    tls: ['unknown', `The secure connection to ${host} failed.`],
  }
  const [outcome, detail] = outcomes[kind]
  return { outcome, detail, requestId: null }
}

/** The sentence is derived from the outcome when read back, so it is not stored. */
function stripSentence(record: CheckRecord): StoredCheck {
  return {
    id: record.id,
    keyId: record.keyId,
    at: record.at,
    outcome: record.outcome,
    httpStatus: record.httpStatus,
    latencyMs: record.latencyMs,
    requestId: record.requestId,
    detail: record.detail,
  }
}
