// `npm start`: the desktop app where Electron's binary exists; anywhere else the same app through
// the local web host (`npm run web`), after one sentence saying so.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { constants } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const args = process.argv.slice(2)

/**
 * Looks for the binary the way node_modules/electron/index.js does, without calling it: that
 * module starts a download when the binary is missing, which must never happen from here.
 */
function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return null
  const name = readFileSync(pathFile, 'utf8').trim()
  const binary = join(pkg, 'dist', name)
  return name !== '' && existsSync(binary) ? binary : null
}

/** Runs the app in the foreground: its exit code becomes ours, and SIGINT/SIGTERM reach it once. */
function runInForeground(command, commandArgs, env = process.env, { pipeStdin = false } = {}) {
  const posix = process.platform !== 'win32'
  // Its own process group on POSIX, so Ctrl+C reaches it only through us: the terminal and npm
  // both signal us, and a second signal tells the web host to skip locking and leave at once.
  // A child in its own group that read the terminal itself would be stopped (SIGTTIN): what it
  // reads (the web host's Enter for a new address) is passed on from ours.
  const child = spawn(command, commandArgs, { cwd: root, env, stdio: [pipeStdin ? 'pipe' : 'inherit', 'inherit', 'inherit'], detached: posix })
  if (pipeStdin && child.stdin) {
    child.stdin.on('error', () => undefined)
    process.stdin.pipe(child.stdin)
  }
  let lastForwarded = 0
  const forward = (signal) => {
    if (Date.now() - lastForwarded < 1000) return
    lastForwarded = Date.now()
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
  }
  process.on('SIGINT', forward)
  process.on('SIGTERM', forward)
  child.on('error', (err) => {
    console.error(`Keyhold could not start ${command}: ${err.message}`)
    process.exit(1)
  })
  child.on('exit', (code, signal) => {
    process.exit(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 1))
  })
}

const electron = electronBinary()
if (electron !== null) {
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  })
  if (build.status !== 0) process.exit(build.status ?? 1)
  // A terminal that set ELECTRON_RUN_AS_NODE (some editors do) would turn the app into plain Node.
  const env = { ...process.env }
  delete env['ELECTRON_RUN_AS_NODE']
  runInForeground(electron, [root, ...args], env)
} else {
  process.stdout.write(
    "Keyhold's desktop app needs Electron's binary, which is not installed on this machine, so it is opening in your browser through the local web host instead.\n",
  )
  // The bundled host (built on first use): it starts in a fraction of the time tsx would take.
  runInForeground(process.execPath, [join(root, 'electron', 'web', 'run-bundled.mjs'), ...args], process.env, { pipeStdin: true })
}
