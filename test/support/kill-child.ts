import { spawn } from 'node:child_process'
import { once } from 'node:events'

/**
 * Runs a TypeScript child under this Node (24, with tsx) and, once it prints `ready`, kills it
 * with SIGKILL after `killAfterMs` (or lets it finish). Answers what it printed and how long it
 * ran after `ready`.
 */
export async function runChild(script: string, args: readonly string[], killAfterMs?: number): Promise<{ output: string; ranMs: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
  let output = ''
  let readyAt = 0
  const exited = once(child, 'exit')
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (chunk: string) => {
    output += chunk
    if (readyAt === 0 && output.includes('ready\n')) {
      readyAt = performance.now()
      // The kill is the random moment under test, not a wait for anything.
      if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs)
    }
  })
  await exited
  return { output, ranMs: performance.now() - readyAt }
}
