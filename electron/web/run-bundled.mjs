// `npm run web`: runs the web host from one bundled file under plain Node, building it first when
// it is missing or older than any of its sources. Compiling electron/web/cli.ts with tsx at every
// start cost about half a second; a fresh bundle starts in a fraction of that.
// Plain JavaScript on purpose: this file is what runs before anything is compiled.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { enableCompileCache } from 'node:module'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const ROOT = resolve(import.meta.dirname, '..', '..')
const ENTRY = join(ROOT, 'electron', 'web', 'cli.ts')
/**
 * Where the bundle goes. Tests name another folder, which must also sit directly under out/: the
 * bundle finds the project (and node_modules, for the packages left outside it) two levels up.
 */
const OUT_DIR = process.env['KEYHOLD_WEB_BUNDLE_DIR'] ? resolve(process.env['KEYHOLD_WEB_BUNDLE_DIR']) : join(ROOT, 'out', 'web')
const BUNDLE = join(OUT_DIR, 'cli.mjs')
/** Every file the last build read, so freshness is one stat per file instead of a guess. */
const SOURCES = join(OUT_DIR, 'sources.json')
/**
 * V8's compiled code for the bundle (and the packages it loads), kept by Node between starts:
 * a start then skips compiling most of what it runs. Written as a host exits; entries are keyed
 * by the file's contents, so a rebuilt bundle is never served stale code.
 */
const COMPILE_CACHE = join(OUT_DIR, 'compile-cache')

/**
 * Native addons and WebAssembly stay in node_modules: they load files next to themselves. So do
 * the password checker's dictionaries: core imports them only when a password is assessed, and
 * inlined they would be parsed (1.5 MB) at every start.
 */
const EXTERNAL = ['better-sqlite3', '@napi-rs/keyring', 'hash-wasm', 'x11', '@zxcvbn-ts/core', '@zxcvbn-ts/language-common', '@zxcvbn-ts/language-en']

const mtime = (path) => {
  try {
    return statSync(path).mtimeMs
  } catch {
    return Number.POSITIVE_INFINITY
  }
}

/** Why the bundle must be (re)built, or undefined when it is up to date. */
function staleReason() {
  if (!existsSync(BUNDLE) || !existsSync(SOURCES)) return 'missing'
  const built = mtime(BUNDLE)
  let sources
  try {
    sources = JSON.parse(readFileSync(SOURCES, 'utf8'))
  } catch {
    return 'missing'
  }
  // This file holds the build's settings; the lock file names the bundled packages' versions.
  const inputs = [import.meta.filename, join(ROOT, 'package-lock.json'), ...sources]
  return inputs.some((file) => mtime(file) > built) ? 'stale' : undefined
}

async function build() {
  const { build: viteBuild } = await import('vite')
  // Built beside the old bundle and moved into place, so a host starting meanwhile never reads half a file.
  const scratch = join(OUT_DIR, `.building-${process.pid}`)
  rmSync(scratch, { recursive: true, force: true })
  try {
    const result = await viteBuild({
      configFile: false,
      root: ROOT,
      logLevel: 'warn',
      publicDir: false,
      ssr: { noExternal: true, external: EXTERNAL, target: 'node' },
      build: {
        ssr: ENTRY,
        outDir: scratch,
        emptyOutDir: true,
        target: 'node24',
        minify: false,
        reportCompressedSize: false,
        rollupOptions: { external: EXTERNAL, output: { format: 'esm', entryFileNames: 'cli.mjs', codeSplitting: false } },
      },
    })
    const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output)
    const sources = [...new Set(outputs.flatMap((o) => o.moduleIds ?? Object.keys(o.modules ?? {})))].filter((id) => id.startsWith('/') && existsSync(id))
    mkdirSync(OUT_DIR, { recursive: true })
    // The old bundle's entries would never be read again.
    rmSync(COMPILE_CACHE, { recursive: true, force: true })
    renameSync(join(scratch, 'cli.mjs'), BUNDLE)
    writeFileSync(SOURCES, JSON.stringify(sources))
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

const reason = staleReason()
if (reason !== undefined) {
  process.stdout.write(reason === 'missing' ? 'Building the Keyhold web host (first run only)…\n' : 'Rebuilding the Keyhold web host (its sources changed)…\n')
  try {
    await build()
  } catch (err) {
    process.stderr.write(`The Keyhold web host could not be built: ${err instanceof Error ? err.message : String(err)}\n`)
    process.exit(1)
  }
}
enableCompileCache({ directory: COMPILE_CACHE })
await import(pathToFileURL(BUNDLE).href)
