import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
// As electron/web/run-bundled.mjs leaves them: native addons, WebAssembly and dictionaries load files beside themselves.
const EXTERNAL = ['better-sqlite3', '@napi-rs/keyring', 'hash-wasm', 'x11', '@zxcvbn-ts/core', '@zxcvbn-ts/language-common', '@zxcvbn-ts/language-en']

/**
 * Bundles a bench child into out/bench/<name>.mjs the way the hosts run core: one file under plain
 * Node. A child run through tsx would also measure the TypeScript compiler (about 34 MiB).
 */
export async function bundleChild(entry: string, name: string): Promise<string> {
  const outDir = join(ROOT, 'out', 'bench')
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    publicDir: false,
    ssr: { noExternal: true, external: EXTERNAL, target: 'node' },
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: false,
      target: 'node24',
      minify: false,
      reportCompressedSize: false,
      rollupOptions: { external: EXTERNAL, output: { format: 'esm', entryFileNames: `${name}.mjs`, codeSplitting: false } },
    },
  })
  return join(outDir, `${name}.mjs`)
}
