import { outcomeLine, type OutcomeCounts } from '../../../electron/shared/checks'
import type { CheckRecord, CheckRunFinished, CheckRunProgress, LastCheck } from '../../../electron/shared/dto'
import { errorOf, type KeyholdClient } from '../api/client'
import { EMPTY_COUNTS, runResultText, type OutcomeFilter } from '../checks-ui'
import type { SliceCreator } from './slice'

/** A "check all" in progress. `runId` is null until checks.start answers. */
export interface CheckRun {
  readonly runId: string | null
  readonly total: number
  readonly done: number
  readonly counts: OutcomeCounts
  readonly cancelling: boolean
}

export interface CheckRunResult {
  readonly cancelled: boolean
  readonly done: number
  readonly total: number
  readonly summary: string
}

/** The selected key's checks, newest first; kept while a reload is on its way so nothing flickers. */
export interface KeyHistory {
  readonly keyId: string
  readonly loading: boolean
  readonly records: readonly CheckRecord[]
  readonly error: string | null
}

export interface ChecksSlice {
  /** Keys with a single check on its way. */
  checking: ReadonlySet<string>
  run: CheckRun | null
  lastRun: CheckRunResult | null
  history: KeyHistory | null
  outcomeFilter: OutcomeFilter
  checkKey: (id: string) => Promise<void>
  loadHistory: (id: string) => Promise<void>
  checkAll: (ids?: readonly string[]) => Promise<void>
  cancelCheckAll: () => Promise<void>
  runProgress: (progress: CheckRunProgress) => void
  runFinished: (finished: CheckRunFinished) => void
  dismissRunResult: () => void
  setOutcomeFilter: (filter: OutcomeFilter) => void
  /** The selected key's history is known to be empty (it was just added). */
  historyIsEmpty: (id: string) => void
  /** No key is open: its history goes too. */
  forgetHistory: () => void
  clearChecks: () => void
}

const isFinished = (e: CheckRunProgress | CheckRunFinished): e is CheckRunFinished => 'summary' in e
const EARLY_LIMIT = 16

export const createChecksSlice =
  (api: KeyholdClient): SliceCreator<ChecksSlice> =>
  (set, get) => {
  // Events of a run can overtake checks.start's answer (a run of nothing finishes before it); they
  // wait here, newest per run, until the answer names the run. A few are enough.
  const early = new Map<string, CheckRunProgress | CheckRunFinished>()
  function keep(event: CheckRunProgress | CheckRunFinished): void {
    const held = early.get(event.runId)
    if (held && isFinished(held)) return
    early.delete(event.runId)
    early.set(event.runId, event)
    if (early.size > EARLY_LIMIT) early.delete(early.keys().next().value as string)
  }
  let historyGeneration = 0

  function finish(f: CheckRunFinished) {
    const result: CheckRunResult = { cancelled: f.cancelled, done: f.done, total: f.total, summary: f.summary }
    set({ run: null, lastRun: result })
    get().announce(runResultText(result))
    if (get().vault?.state !== 'unlocked') return
    void get().loadKeys().catch(() => undefined)
    const { selectedId } = get()
    if (selectedId) void get().loadHistory(selectedId)
  }

  return {
    checking: new Set(),
    run: null,
    lastRun: null,
    history: null,
    outcomeFilter: 'all',

    async checkKey(id) {
      // One call per key at a time, however often the button is pressed.
      if (get().checking.has(id)) return
      set((s) => ({ checking: new Set(s.checking).add(id) }))
      const entry = get().entries.find((e) => e.id === id)
      const name = entry && !entry.damaged ? entry.name : 'The key'
      const provider = entry && !entry.damaged ? (get().providers?.find((p) => p.id === entry.provider)?.label ?? entry.provider) : 'the provider'
      try {
        const record = await api.call('keyhold:keys.check', { id })
        const lastCheck: LastCheck = { outcome: record.outcome, at: record.at, sentence: record.sentence }
        get().recordLastCheck(id, lastCheck)
        get().announce(`${name}: ${outcomeLine(record.outcome, provider)}`)
        if (get().selectedId === id) await get().loadHistory(id)
      } catch (err) {
        get().announce(`${name} could not be checked: ${errorOf(err).message}`)
      } finally {
        set((s) => {
          const checking = new Set(s.checking)
          checking.delete(id)
          return { checking }
        })
      }
    },

    async loadHistory(id) {
      const generation = ++historyGeneration
      set((s) => ({
        history: s.history?.keyId === id ? { ...s.history, loading: true } : { keyId: id, loading: true, records: [], error: null },
      }))
      try {
        const records = await api.call('keyhold:keys.history', { id })
        if (generation === historyGeneration) set({ history: { keyId: id, loading: false, records, error: null } })
      } catch (err) {
        if (generation === historyGeneration) set({ history: { keyId: id, loading: false, records: [], error: errorOf(err).message } })
      }
    },

    async checkAll(ids) {
      if (get().run) return
      const starting: CheckRun = { runId: null, total: ids?.length ?? 0, done: 0, counts: EMPTY_COUNTS, cancelling: false }
      set({ run: starting, lastRun: null })
      try {
        const { runId, total } = await api.call('keyhold:checks.start', ids ? { ids } : {})
        const current = get().run
        if (!current || current.runId !== null) return // the vault locked meanwhile
        set({ run: { ...current, runId, total } })
        get().announce(`Checking ${total} ${total === 1 ? 'key' : 'keys'}.`)
        const held = early.get(runId)
        early.delete(runId)
        if (held) {
          if (isFinished(held)) return finish(held)
          get().runProgress(held)
        }
        if (current.cancelling) await api.call('keyhold:checks.cancel', { runId })
      } catch (err) {
        set({ run: null })
        get().announce(`Check all did not start: ${errorOf(err).message}`)
      }
    },

    async cancelCheckAll() {
      const run = get().run
      if (!run || run.cancelling) return
      set({ run: { ...run, cancelling: true } })
      // Before checks.start has answered there is no run to name; checkAll cancels it on arrival.
      if (run.runId === null) return
      try {
        await api.call('keyhold:checks.cancel', { runId: run.runId })
      } catch (err) {
        get().announce(`The check could not be cancelled: ${errorOf(err).message}`)
      }
    },

    runProgress(p) {
      const run = get().run
      if (run?.runId !== p.runId) return keep(p)
      set({ run: { ...run, done: p.done, total: p.total, counts: p.counts } })
    },

    runFinished(f) {
      if (get().run?.runId !== f.runId) return keep(f)
      finish(f)
    },

    dismissRunResult: () => set({ lastRun: null }),
    setOutcomeFilter: (outcomeFilter) => set({ outcomeFilter }),

    historyIsEmpty(id) {
      historyGeneration++
      set({ history: { keyId: id, loading: false, records: [], error: null } })
    },

    forgetHistory() {
      historyGeneration++
      set({ history: null })
    },

    clearChecks() {
      historyGeneration++
      early.clear()
      set({ checking: new Set(), run: null, lastRun: null, history: null, outcomeFilter: 'all' })
    },
  }
}
