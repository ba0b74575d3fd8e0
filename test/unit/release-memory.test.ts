// Giving memory back after an unlock: the collection really shrinks what V8 grew, it leaves no
// `gc` behind for other code, and the timer runs it once when things have gone quiet.
import { getHeapSpaceStatistics } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MemoryRelease, releaseUnusedMemory } from '../../electron/core/memory/release-memory'

const newSpaceMiB = () => (getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0) / (1024 * 1024)

/** What an unlock does to V8's young generation: many objects that survive a scavenge or two. */
function growYoungGeneration(): void {
  let kept: { n: number; text: string }[] = []
  for (let i = 0; i < 3_000_000; i++) {
    kept.push({ n: i, text: `key ${i}` })
    if (kept.length > 200_000) kept = []
  }
}

describe('releaseUnusedMemory', () => {
  it('gives back the young generation an unlock grew', () => {
    growYoungGeneration()
    const grown = newSpaceMiB()
    expect(grown).toBeGreaterThanOrEqual(8)
    const released = releaseUnusedMemory()
    expect(released).toBeDefined()
    expect(newSpaceMiB()).toBeLessThanOrEqual(grown / 4)
    expect(released?.rssMb).toBeGreaterThan(0)
  })

  it('leaves no gc function to contexts made afterwards', () => {
    releaseUnusedMemory()
    expect(runInNewContext('typeof gc')).toBe('undefined')
  })
})

describe('MemoryRelease', () => {
  afterEach(() => vi.useRealTimers())

  it('runs once, after the last of several calls has been quiet for the delay', () => {
    vi.useFakeTimers()
    const release = vi.fn(() => ({ ms: 1, rssMb: 90 }))
    const onReleased = vi.fn()
    const memory = new MemoryRelease(1000, onReleased, release)
    memory.schedule()
    vi.advanceTimersByTime(800)
    memory.schedule()
    vi.advanceTimersByTime(800)
    expect(release).not.toHaveBeenCalled()
    vi.advanceTimersByTime(200)
    expect(release).toHaveBeenCalledTimes(1)
    expect(onReleased).toHaveBeenCalledWith({ ms: 1, rssMb: 90 })
  })

  it('runs nothing once cancelled, and reports nothing when V8 could not be reached', () => {
    vi.useFakeTimers()
    const onReleased = vi.fn()
    const cancelled = vi.fn(() => ({ ms: 1, rssMb: 90 }))
    const memory = new MemoryRelease(10, onReleased, cancelled)
    memory.schedule()
    memory.cancel()
    vi.advanceTimersByTime(100)
    expect(cancelled).not.toHaveBeenCalled()

    const unreachable = new MemoryRelease(10, onReleased, () => undefined)
    unreachable.schedule()
    vi.advanceTimersByTime(100)
    expect(onReleased).not.toHaveBeenCalled()
  })
})
