// The window benches: the web host (electron/web/cli.ts) in its own process, its renderer in the
// system Chromium. Figures are taken inside the page (performance.now, MutationObserver,
// requestAnimationFrame), so neither Playwright's polling nor the CDP round trip is billed.
import { CoreProviders } from '../../electron/core/providers/registry'
import { spawn, type ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { KeyStore } from '../../electron/core/keys/key-store'
import { RecordCodec } from '../../electron/core/keys/record-codec'
import { vaultPaths } from '../../electron/core/paths'
import { openVaultDatabase } from '../../electron/core/store/database'
import { readHeader, unwrapVaultKey } from '../../electron/core/vault/header'
import { deriveKey } from '../../electron/core/vault/kdf'
import { SHIPPED_KDF } from '../../electron/core/vault/kdf-params'
import type { NewKey } from '../../electron/core/keys/key-input'
import { DEFAULT_RENDERER_DIR, PROJECT_ROOT } from '../../electron/web/project-paths'
import { buildRenderer, hasRendererBuild } from '../../electron/web/renderer-build'
import { CHROMIUM_PATH } from '../../playwright.config'
import { buildVault, median, PASSWORD, report } from './fixture'

/** What `npm run web` runs: the bundled host (built before the clock starts, see benchWindow). */
const CLI = join(PROJECT_ROOT, 'electron', 'web', 'run-bundled.mjs')
const READY_PREFIX = 'KEYHOLD_WEB_READY '
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const START_RUNS = 5
const UNLOCK_RUNS = 3
/** Single characters typed into the search box, in this order; those matching no key or every key are skipped (see probeVault). */
const SEARCH_CANDIDATES = ['a', 'g', 'x', 'k', 'w', 'v', 'j', 'b', 'y', 'f', 'z', 'q', '7']
const SEARCH_RUNS = 7
const WAIT_MS = 60_000

/** Wall-clock milliseconds with sub-millisecond resolution; the page's `timeOrigin + now()` is on the same clock. */
const epochNow = () => performance.timeOrigin + performance.now()
const ms = (xs: readonly number[]) => xs.map((x) => x.toFixed(1)).join(', ')
const log = (line: string) => console.error(line)

/**
 * Runs in the page before its own scripts, on every load. It records, on `window.__kb`:
 *  - unlock: when the "Unlock Keyhold" heading is first in the page, and the first frame after;
 *  - list: from the click on Unlock to the first frame after the key list's first row is in the page;
 *  - search (armed by __kbArmSearch): from the keydown in the search box to the first frame after the
 *    `.list-count` line shows the expected number of matches.
 * `raf` is when that requestAnimationFrame callback ran (the frame that paints the change starts);
 * `afterPaint` is a message posted from it, which runs once that frame has been produced.
 */
const PAGE_PROBE = `(() => {
  const now = () => performance.now()
  const b = { timeOrigin: performance.timeOrigin, unlock: null, press: null, list: null, search: null }
  Object.defineProperty(window, '__kb', { value: b })
  const afterFrame = (slot) =>
    requestAnimationFrame(() => {
      slot.raf = now()
      const ch = new MessageChannel()
      ch.port1.onmessage = () => { slot.afterPaint = now() }
      ch.port2.postMessage(null)
    })
  const check = () => {
    if (!b.unlock) {
      const h = Array.from(document.querySelectorAll('h1')).find((e) => e.textContent.trim() === 'Unlock Keyhold')
      if (h && (!h.checkVisibility || h.checkVisibility())) {
        b.unlock = { seen: now(), raf: null, afterPaint: null }
        afterFrame(b.unlock)
      }
    }
    if (b.press && !b.list && document.querySelector('ul[aria-label="Keys"] > li')) {
      b.list = { seen: now(), raf: null, afterPaint: null }
      afterFrame(b.list)
    }
    const s = b.search
    if (s && s.keydown !== null && s.seen === null) {
      const text = document.querySelector('.list-count')?.textContent ?? ''
      if (text !== s.base && s.firstChange === null) { s.firstChange = now(); s.firstText = text }
      if (text.startsWith(s.prefix)) { s.seen = now(); s.text = text; afterFrame(s) }
    }
  }
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true })
  const onPress = (type) => (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null
    if (!button || button.textContent.trim() !== 'Unlock') return
    if (!b.press) b.press = {}
    if (b.press[type] === undefined) b.press[type] = now()
  }
  window.addEventListener('pointerdown', onPress('pointerdown'), true)
  window.addEventListener('click', onPress('click'), true)
  window.addEventListener('keydown', (event) => {
    const s = b.search
    if (s && s.keydown === null && event.target instanceof Element && event.target.id === 'search') s.keydown = now()
  }, true)
  Object.defineProperty(window, '__kbArmSearch', {
    value: (prefix) => {
      b.search = { prefix, base: document.querySelector('.list-count')?.textContent ?? '', keydown: null,
        firstChange: null, firstText: null, seen: null, text: null, raf: null, afterPaint: null }
    },
  })
})()`

interface FrameMark {
  seen: number
  raf: number | null
  afterPaint: number | null
}
interface SearchMark extends FrameMark {
  keydown: number
  firstChange: number | null
  firstText: string | null
  text: string
}
interface ProbeState {
  timeOrigin: number
  unlock: FrameMark | null
  press: { pointerdown?: number; click?: number } | null
  list: FrameMark | null
  search: SearchMark | null
}

/** What the page's globals look like to this file, which has no DOM types. */
interface ProbeWindow {
  __kb?: ProbeState
  __kbArmSearch?: (prefix: string) => void
}
type Stage = 'unlock' | 'list' | 'search'

// The page's CSP has no 'unsafe-eval', so everything evaluated there is a function, never a string.
const readProbe = (page: Page) => page.evaluate(() => (globalThis as unknown as ProbeWindow).__kb as ProbeState)
const waitProbe = (page: Page, stage: Stage, field: 'raf' | 'afterPaint') =>
  page.waitForFunction(
    ([s, f]) => {
      const mark = (globalThis as unknown as ProbeWindow).__kb?.[s]
      return mark !== null && mark !== undefined && mark[f] !== null
    },
    [stage, field] as const,
    { timeout: WAIT_MS },
  )

// --- The web host process ------------------------------------------------------------------------

interface Host {
  url: string
  child: ChildProcess
  /** performance.now() when the ready line arrived. */
  readyAt: number
}

/** Every host started and not yet seen to exit, so a failure anywhere still stops them. */
const liveHosts = new Set<ChildProcess>()

function startHost(dataDir: string): Promise<Host> {
  const child = spawn(process.execPath, [CLI, '--data-dir', dataDir, '--port', '0', '--no-open'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  liveHosts.add(child)
  child.once('exit', () => liveHosts.delete(child))
  return new Promise<Host>((resolve, reject) => {
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`web host not ready after ${WAIT_MS} ms: ${out}${err}`)), WAIT_MS)
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const line = out.split('\n').find((l) => l.startsWith(READY_PREFIX))
      if (line === undefined) return
      clearTimeout(timer)
      const { url } = JSON.parse(line.slice(READY_PREFIX.length)) as { url: string }
      resolve({ url, child, readyAt: performance.now() })
    })
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.once('error', (e) => (clearTimeout(timer), reject(e)))
    child.once('exit', (code, signal) => (clearTimeout(timer), reject(new Error(`web host exited (${code ?? signal}) before it was ready: ${err}`))))
  })
}

/** SIGTERM (the host locks the vault and closes), then wait for the exit; SIGKILL if it hangs. */
async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const done = await Promise.race([exited.then(() => true), sleep(10_000, undefined, { ref: false }).then(() => false)])
  if (!done) {
    log(`web host ${child.pid} did not stop on SIGTERM; killing it`)
    child.kill('SIGKILL')
    await exited
  }
}

async function freshPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext()
  await context.addInitScript({ content: PAGE_PROBE })
  const page = await context.newPage()
  page.on('pageerror', (err) => log(`page error: ${err.message}`))
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') log(`page console ${msg.type()}: ${msg.text()} (${msg.location().url})`)
  })
  return { context, page }
}

// --- The benches ---------------------------------------------------------------------------------

/** Process start → unlock screen painted, each time a fresh host and a fresh browser context. */
async function benchStart(browser: Browser, dataDir: string): Promise<void> {
  // One start off the clock: it (re)builds the bundle when its sources changed, which is a
  // one-off cost, not what a start costs.
  await stopHost((await startHost(dataDir)).child)
  const runs: number[] = []
  const details: string[] = []
  for (let i = 0; i < START_RUNS; i++) {
    const { context, page } = await freshPage(browser)
    let child: ChildProcess | undefined
    try {
      const t0 = epochNow()
      const start = performance.now()
      const host = await startHost(dataDir)
      child = host.child
      await page.goto(host.url)
      await waitProbe(page, 'unlock', 'raf')
      const seenByNode = performance.now()
      const probe = await readProbe(page)
      const unlock = probe.unlock as FrameMark
      const painted = probe.timeOrigin + (unlock.raf as number) - t0
      runs.push(painted)
      const origin = probe.timeOrigin - t0
      // Each request as start→first byte→end, so a gap between them shows as the page's own time.
      const at = (t: number) => (origin + t).toFixed(0)
      const loads = (await loadTimings(page)).map((l) => `${l.name} ${at(l.start)}→${at(l.firstByte)}→${at(l.end)}`).join(', ')
      details.push(
        `ready ${(host.readyAt - start).toFixed(0)}, page origin ${origin.toFixed(0)}, loaded: ${loads}; ` +
          `heading ${(origin + unlock.seen).toFixed(0)}, frame ${painted.toFixed(0)} (node saw it at ${(seenByNode - start).toFixed(0)})`,
      )
    } finally {
      if (child) await stopHost(child)
      await context.close()
    }
  }
  log(`web_start runs: ${ms(runs)} ms`)
  for (const d of details) log(`  web_start: ${d} ms`)
  report('web_start_ms', median(runs), 'ms', 1)
}

interface ResourceTiming {
  name: string
  duration: number
  wait: number
  bytes: number
}

/** The page's fetches to /api/, from its Resource Timing entries (the fields are cast: this file has no DOM types). */
const apiTimings = (page: Page): Promise<ResourceTiming[]> =>
  page.evaluate(() =>
    (performance.getEntriesByType('resource') as unknown as { name: string; duration: number; requestStart: number; responseStart: number; encodedBodySize: number }[])
      .filter((e) => e.name.includes('/api/'))
      .map((e) => ({ name: e.name.slice(e.name.indexOf('/api/') + 5), duration: e.duration, wait: e.responseStart - e.requestStart, bytes: e.encodedBodySize })),
  )

/** When the page's document and each request it made started, had its first byte and finished, in ms after its time origin. */
const loadTimings = (page: Page): Promise<{ name: string; start: number; firstByte: number; end: number }[]> =>
  page.evaluate(() =>
    (performance.getEntries() as unknown as { entryType: string; name: string; startTime: number; responseStart: number; responseEnd: number }[])
      .filter((e) => e.entryType === 'navigation' || e.entryType === 'resource')
      .map((e) => ({
        name: e.entryType === 'navigation' ? 'document' : e.name.replace(/^https?:\/\/[^/]+\/(api\/keyhold:)?/, ''),
        start: e.startTime,
        firstByte: e.responseStart,
        end: e.responseEnd,
      })),
  )

async function heapMb(page: Page): Promise<{ used: number; total: number }> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage')
    return { used: usedSize / (1024 * 1024), total: totalSize / (1024 * 1024) }
  } finally {
    await cdp.detach()
  }
}

/** Click on Unlock → first frame with the first row, three times (each reload locks the vault). */
async function benchUnlock(page: Page, host: Host, kdfMs: number): Promise<void> {
  const runs: number[] = []
  for (let i = 0; i < UNLOCK_RUNS; i++) {
    if (i === 0) await page.goto(host.url)
    else await page.reload()
    await waitProbe(page, 'unlock', 'afterPaint')
    await page.getByLabel('Master password').fill(PASSWORD)
    // Let the typing's renders and any start-up work settle, as a person's pause before clicking would.
    await sleep(300)
    await page.getByRole('button', { name: 'Unlock', exact: true }).click()
    await waitProbe(page, 'list', 'afterPaint')
    const probe = await readProbe(page)
    const click = probe.press?.click ?? probe.press?.pointerdown
    const list = probe.list as FrameMark
    if (click === undefined) throw new Error('the click on Unlock was not seen in the page')
    const value = (list.raf as number) - click
    runs.push(value)
    const api = await apiTimings(page)
    const timing = (name: string) => {
      const t = api.find((a) => a.name === name)
      return t ? `${t.duration.toFixed(0)} ms (server+wait ${t.wait.toFixed(0)}, ${(t.bytes / 1024).toFixed(0)} KiB)` : 'not seen'
    }
    log(
      `  unlock run ${i + 1}: click→frame ${value.toFixed(1)} ms (row in page ${(list.seen - click).toFixed(1)}, after paint ${((list.afterPaint as number) - click).toFixed(1)}); ` +
        `vault.unlock ${timing('keyhold:vault.unlock')}, keys.list ${timing('keyhold:keys.list')}`,
    )
  }
  // The host runs the KDF in a worker thread; this figure is the same parameters on this process's main thread.
  log(`unlock_to_list runs: ${ms(runs)} ms; KDF (this vault's parameters, timed in the bench process) ${kdfMs.toFixed(1)} ms → target ≤ ${(kdfMs + 300).toFixed(1)} ms`)
  report('unlock_to_list_10k_ms', median(runs), 'ms', 1)
}

async function benchHeap(page: Page): Promise<void> {
  // After an unlock the host re-checks every record in the background (KeyStore.verifyInBackground);
  // let that finish so neither this figure nor the search bench after it is about the unlock.
  await sleep(1500)
  const heap = await heapMb(page)
  log(`renderer heap with 10k listed: used ${heap.used.toFixed(1)} MB of ${heap.total.toFixed(1)} MB`)
  report('renderer_heap_10k_mb', heap.used, 'MB', 1)
}

/** One character typed into the search box → first frame with that query's matches counted. */
async function benchSearch(page: Page, total: number, chars: ReadonlyMap<string, number>): Promise<void> {
  const input = page.getByLabel('Search keys')
  const runs: number[] = []
  for (const [char, hits] of chars) {
    await input.fill('')
    await page.locator('.list-count', { hasText: new RegExp(`^${total} keys$`) }).waitFor({ timeout: WAIT_MS })
    await input.focus()
    await sleep(200)
    await page.evaluate((prefix) => (globalThis as unknown as ProbeWindow).__kbArmSearch?.(prefix), `${hits} of `)
    await page.keyboard.press(char)
    await waitProbe(page, 'search', 'afterPaint')
    const s = (await readProbe(page)).search as SearchMark
    const value = (s.raf as number) - s.keydown
    runs.push(value)
    const fetched = (await apiTimings(page)).filter((a) => a.name === 'keyhold:keys.search').at(-1)
    const fetchText = fetched ? `; keys.search ${fetched.duration.toFixed(1)} ms (server+wait ${fetched.wait.toFixed(1)}, ${(fetched.bytes / 1024).toFixed(0)} KiB)` : ''
    const stale = s.firstChange !== null && s.firstText !== s.text ? `; first showed “${s.firstText}” at ${(s.firstChange - s.keydown).toFixed(1)}` : ''
    log(`  search "${char}" (${hits} hits): keydown→frame ${value.toFixed(1)} ms, after paint ${((s.afterPaint as number) - s.keydown).toFixed(1)}${fetchText}${stale}`)
  }
  log(`search_paint runs: ${ms(runs)} ms`)
  report('search_paint_10k_ms', median(runs), 'ms', 1)
}

// --- Fixture -------------------------------------------------------------------------------------

/**
 * Times the vault's own KDF here (for the unlock target) and counts what each candidate character
 * matches, so the search bench knows which `.list-count` text is the answer rather than the
 * interim line shown before it arrives. Characters that match every key are skipped, since their
 * answer would look the same as the interim line; so are those that match none, which nobody types
 * on purpose and which paint an empty list.
 */
async function probeVault(dataDir: string): Promise<{ kdfMs: number; total: number; chars: Map<string, number> }> {
  const { vaultFile, backupDir } = vaultPaths(dataDir)
  const db = await openVaultDatabase({ path: vaultFile, backupDir })
  try {
    const header = readHeader(db)
    const kdf = header.kdf
    if (kdf.memoryKiB !== SHIPPED_KDF.memoryKiB || kdf.iterations !== SHIPPED_KDF.iterations || kdf.parallelism !== SHIPPED_KDF.parallelism) {
      throw new Error('the window vault was not created with the shipped KDF')
    }
    const kdfRuns: number[] = []
    let passwordKey: Buffer = Buffer.alloc(0)
    for (let i = 0; i < 3; i++) {
      globalThis.gc?.()
      const start = performance.now()
      passwordKey = await deriveKey(PASSWORD, kdf)
      kdfRuns.push(performance.now() - start)
    }
    log(`window vault KDF (m=${kdf.memoryKiB} KiB, t=${kdf.iterations}, p=${kdf.parallelism}) runs: ${ms(kdfRuns)} ms`)
    const store = new KeyStore(db, new RecordCodec(unwrapVaultKey(passwordKey, header), header.vaultId), Date.now, new CoreProviders())
    try {
      const total = store.list().length
      const chars = new Map<string, number>()
      for (const c of SEARCH_CANDIDATES) {
        const hits = store.search(c).length
        if (hits > 0 && hits < total && chars.size < SEARCH_RUNS) chars.set(c, hits)
      }
      return { kdfMs: median(kdfRuns), total, chars }
    } finally {
      store.close()
    }
  } finally {
    db.close()
  }
}

function ensureRenderer(): void {
  if (!hasRendererBuild(DEFAULT_RENDERER_DIR)) {
    log('building the renderer (out/renderer is missing)…')
    const built = buildRenderer()
    if (!built.ok) throw new Error(`electron-vite build failed:\n${built.output}`)
  }
}

/** Only web_start (test/bench/web-start.ts): an empty vault's unlock screen is what it paints. */
export async function benchWebStartOnly(root: string): Promise<void> {
  ensureRenderer()
  const dataDir = join(root, 'start-vault')
  await buildVault(dataDir, [], SHIPPED_KDF)
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  try {
    await benchStart(browser, dataDir)
  } finally {
    await browser.close()
    await Promise.all([...liveHosts].map((child) => stopHost(child)))
  }
}

export async function benchWindow(root: string, keys: readonly NewKey[]): Promise<void> {
  ensureRenderer()
  // Browser, host and this process share the machine: a busy one shows in every figure below.
  log(`window benches: ${availableParallelism()} CPUs, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  const dataDir = join(root, 'window-vault')
  let browser: Browser | undefined
  try {
    await buildVault(dataDir, keys, SHIPPED_KDF)
    const { kdfMs, total, chars } = await probeVault(dataDir)
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })

    await benchStart(browser, dataDir)

    const { context, page } = await freshPage(browser)
    let host: Host | undefined
    try {
      host = await startHost(dataDir)
      await benchUnlock(page, host, kdfMs)
      await benchHeap(page)
      await benchSearch(page, total, chars)
      // For comparison: the same page on the unlock screen (a reload locks the vault).
      await page.reload()
      await waitProbe(page, 'unlock', 'afterPaint')
      await sleep(300)
      log(`renderer heap on the unlock screen: used ${(await heapMb(page)).used.toFixed(1)} MB`)
    } finally {
      if (host) await stopHost(host.child)
      await context.close()
    }
  } finally {
    await Promise.all([...liveHosts].map((child) => stopHost(child)))
    await browser?.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
