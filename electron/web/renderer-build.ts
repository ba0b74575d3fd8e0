import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { PROJECT_ROOT } from './project-paths'

export function hasRendererBuild(rendererDir: string): boolean {
  return existsSync(join(rendererDir, 'index.html'))
}

/**
 * Runs `electron-vite build` from this checkout, through the current Node (the pinned 24) on the
 * script `node_modules/.bin/electron-vite` links to: on Windows that .bin entry is a shell or .cmd
 * wrapper, and the script itself runs the same everywhere without a shell.
 * Returns the tool's output when it fails, so the caller can show why.
 */
export function buildRenderer(): { ok: true } | { ok: false; output: string } {
  const script = join(PROJECT_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  const result = spawnSync(process.execPath, [script, 'build'], { cwd: PROJECT_ROOT, encoding: 'utf8' })
  if (result.status === 0) return { ok: true }
  return { ok: false, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}` }
}
