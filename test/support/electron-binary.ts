import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/**
 * Electron's own launcher downloads the binary when it is missing, which must never happen
 * here; so look for it the way node_modules/electron/index.js does, without calling it.
 */
export function electronBinary(): { path: string } | { missing: string } {
  const pkg = join(ROOT, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) {
    return { missing: "Electron's binary is not installed on this machine (node_modules/electron/path.txt is missing)" }
  }
  const name = readFileSync(pathFile, 'utf8').trim()
  const path = join(pkg, 'dist', name)
  if (name === '' || !existsSync(path)) {
    return { missing: `Electron's binary is not installed on this machine (node_modules/electron/dist/${name} does not exist)` }
  }
  return { path }
}

